import { parseKindSchemes } from "@jiju/domain/assessment"
import { type Database, type Db, databaseLayer, databaseLayerOf, type OpenStoreOptions } from "@jiju/store"
import type * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { AppConfig, type AppConfigShape, appConfigLayer } from "./AppConfig.js"
import { TokenCache, type TokenCacheShape, tokenCacheLayer } from "./accounts/Credentials.js"
import { type AnalysisPool, analysisPoolLayer, type PoolLimits } from "./analyses/AnalysisPool.js"
import { type LatestRuns, latestRunsLayer } from "./assessments/LatestRuns.js"
import { type SubmissionQueue, submissionQueueLayer } from "./observations/SubmissionQueue.js"
import { type IndicatorCatalogue, indicatorCatalogueLayer } from "./register/IndicatorCatalogue.js"

/** Every service a use case may need. */
export type AppServices = Database | AppConfig | AnalysisPool | LatestRuns | SubmissionQueue | IndicatorCatalogue | TokenCache

/** Where the store is and how the deployment is set. */
export interface AppOptions extends OpenStoreOptions {
  readonly config?: Partial<AppConfigShape>
  /** Worker threads for analyses and how many requests may wait for one. */
  readonly analysisPool?: Partial<PoolLimits>
  /** A database opened by the caller (tests sharing one store); it is not closed with the runtime. */
  readonly db?: Db
}

/**
 * The layer of every service the use cases need: the store (PostgreSQL when a URL is given or DATABASE_URL is set,
 * else the embedded store, or an in-memory one), the deployment settings, the submission queue and the caches of
 * the indicator catalogue and of bearer tokens.
 * @example Effect.runPromise(Effect.provide(listRegions(caller, {}), appLayer({ memory: true })))
 */
export const appLayer = (opts: AppOptions = {}): Layer.Layer<AppServices, unknown> =>
  Layer.mergeAll(
    // The issuing body of the documents and the Chromium that prints them are settings of the deployment, as the environment gives them.
    appConfigLayer({
      reportIssuer: (opts.env ?? process.env).JIJU_REPORT_ISSUER || null,
      chromium: (opts.env ?? process.env).JIJU_CHROMIUM || "/usr/bin/chromium",
      kindSchemes: parseKindSchemes((opts.env ?? process.env).JIJU_KIND_SCHEMES),
      ...opts.config,
    }),
    analysisPoolLayer(opts.analysisPool),
    latestRunsLayer(),
    // The process-wide services over the store's own connection: the submission queue, the caches.
    submissionQueueLayer,
    indicatorCatalogueLayer,
    tokenCacheLayer,
  ).pipe(Layer.provideMerge(opts.db ? databaseLayerOf(opts.db) : databaseLayer(opts)))

/** A running application core: run use cases, then dispose (closes the store). */
export interface AppRuntime {
  /** Run a use case to its value; a failure is thrown as the failure itself (an AppFailure, InputError …). */
  run<A, E>(effect: Effect.Effect<A, E, AppServices>): Promise<A>
  /** Run a use case to its Exit (the HTTP adapter maps failures to problem documents). */
  runExit<A, E>(effect: Effect.Effect<A, E, AppServices>): Promise<Exit.Exit<A, E>>
  /** The deployment settings in force. */
  readonly config: AppConfigShape
  /** The bearer tokens resolved lately, for adapters that look a caller up on every request without a database read. */
  readonly tokenCache: TokenCacheShape
  dispose(): Promise<void>
}

/**
 * Open the store and start the application core: one runtime per process, shared by the HTTP adapter, the
 * commands and the dashboard.
 * @example const app = await makeAppRuntime({ env: process.env }); const page = await app.run(listRegions(op, {})); await app.dispose()
 */
export const makeAppRuntime = async (opts: AppOptions = {}): Promise<AppRuntime> => {
  const runtime = ManagedRuntime.make(appLayer(opts))
  // Open the store now: a store in use or a bad URL is reported at start, not at the first request.
  const config = await runtime.runPromise(AppConfig)
  const tokenCache = await runtime.runPromise(TokenCache)
  return {
    run: (effect) =>
      runtime.runPromiseExit(effect).then((exit) => {
        if (Exit.isSuccess(exit)) return exit.value
        throw Exit.isFailure(exit) ? firstError(exit) : exit
      }),
    // The layer was built above: its failures cannot reach a use case.
    runExit: (effect) => runtime.runPromiseExit(effect) as Promise<Exit.Exit<never, never>>,
    config,
    tokenCache,
    dispose: () => runtime.dispose(),
  }
}

/** The error a failed exit carries: its typed failure, else the defect, else the interruption. */
export const firstError = (exit: Exit.Failure<unknown, unknown>): unknown => {
  const reasons = exit.cause.reasons
  const fail = reasons.find((r) => r._tag === "Fail")
  if (fail && "error" in fail) return fail.error
  const die = reasons.find((r) => r._tag === "Die")
  if (die && "defect" in die) return die.defect
  return new Error("interrupted")
}
