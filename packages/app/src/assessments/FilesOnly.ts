import { type Db, databaseLayerOf } from "@jiju/store"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { appConfigLayer } from "../AppConfig.js"
import { type AppServices, firstError } from "../AppRuntime.js"
import { tokenCacheLayer } from "../accounts/Credentials.js"
import { analysisPoolLayer } from "../analyses/AnalysisPool.js"
import { submissionQueueLayer } from "../observations/SubmissionQueue.js"
import { indicatorCatalogueLayer } from "../register/IndicatorCatalogue.js"
import { latestRunsLayer } from "./LatestRuns.js"

const refuse = () => Promise.reject(new Error("this command reads files only: it has no store to query"))

// The files' data need no database: a handle that refuses every statement makes a mistake loud, not silent.
const noStore: Db = {
  engine: "pglite",
  location: "(files only)",
  query: refuse,
  exec: refuse,
  transaction: refuse,
  close: () => Promise.resolve(),
}

/**
 * Run a use case whose data are files only (a command given `--data` and `--clusters`) without opening the store:
 * the operator's judgement of a file is the same use case as the store's, and starts as fast as reading the file.
 * A failure is thrown as the failure itself, as {@link AppRuntime.run} does.
 * @example const doc = await runOnFiles(stage(operator("me"), { period: "2025", source: { kind: "file", data, clusters } }))
 */
export const runOnFiles = async <A, E>(effect: Effect.Effect<A, E, AppServices>): Promise<A> => {
  const exit = await Effect.runPromiseExit(
    Effect.provide(
      effect,
      Layer.mergeAll(appConfigLayer(), analysisPoolLayer(), latestRunsLayer(), submissionQueueLayer, indicatorCatalogueLayer, tokenCacheLayer).pipe(
        Layer.provideMerge(databaseLayerOf(noStore)),
      ),
    ),
  )
  if (Exit.isSuccess(exit)) return exit.value
  throw firstError(exit)
}
