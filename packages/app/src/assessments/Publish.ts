import { AssessmentRuns, Audit, transaction } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { notFound } from "../Failure.js"
import { LatestRuns } from "./LatestRuns.js"

/**
 * Publish a stored run (admins), with its audit entry in the same transaction. NotFound for an unknown run.
 * @example yield* publishAssessment(caller, "run_abc")
 */
export const publishAssessment = (caller: Caller, runId: string) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const run = yield* transaction(
      Effect.gen(function* () {
        const before = yield* AssessmentRuns.get(runId)
        if (!before) return yield* Effect.fail(notFound("run", runId))
        const after = yield* AssessmentRuns.publish(runId)
        yield* Audit.record({
          actor: auditName(who),
          entity: "assessment",
          entityId: runId,
          action: "publish",
          before: { published: before.published },
          after: { published: true },
        })
        return after
      }),
    )
    yield* (yield* LatestRuns).forget(run.scheme, run.period)
  })
