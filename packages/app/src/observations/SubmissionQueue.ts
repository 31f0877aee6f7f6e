import { type ClusterSubmission, Database, type SubmissionOutcome, submissionQueue } from "@jiju/store"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/** What the submission use cases hand their writes to. */
export interface SubmissionQueueShape {
  /** Write one zone's period (with its audit entry) in the next shared database call; its own outcome comes back. */
  submit(s: ClusterSubmission): Promise<SubmissionOutcome>
}

/**
 * The queue of zone submissions for the whole process: submissions that arrive while one database call runs go
 * together in the next (group commit), which is what keeps the embedded store's submission rate up under load. It
 * works on the store's own connection, never inside a caller's transaction: each call commits on its own.
 */
export class SubmissionQueue extends Context.Service<SubmissionQueue, SubmissionQueueShape>()("@jiju/app/SubmissionQueue") {}

/**
 * The queue over the runtime's database.
 * @example Layer.provide(submissionQueueLayer, databaseLayerOf(db))
 */
export const submissionQueueLayer: Layer.Layer<SubmissionQueue, never, Database> = Layer.effect(
  SubmissionQueue,
  Effect.map(Database, (db) => submissionQueue(db)),
)
