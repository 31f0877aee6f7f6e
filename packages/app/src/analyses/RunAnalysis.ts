/** Analyses on data sent with the request: answered at once (within a budget) or through the job queue. */
import type { JobState } from "@jiju/domain/contract"
import { decodeOrThrow, inputError, issuesOf } from "@jiju/domain/model"
import { makeJobs, use } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { attempt } from "../Attempt.js"
import { notFound } from "../Failure.js"
import { AnalysisPool } from "./AnalysisPool.js"

// The registry (every analysis's request schema and report, most of the estimators) loads with its first use: the
// dashboard and the other routes start without it.
const analysisKinds = Effect.promise(() => import("@jiju/domain/analyses")).pipe(Effect.map((m) => m.analysisKinds))

const kindOf = (name: string) =>
  Effect.flatMap(analysisKinds, (kinds) => {
    const k = kinds[name]
    return k ? Effect.succeed(k) : Effect.fail(notFound("analysis", name))
  })

const tooCostly = (cost: number, budget: number, queued: boolean) =>
  inputError(
    "too_costly",
    `this analysis asks for about ${cost.toExponential(1)} units of work, more than the ${queued ? "job queue's" : "immediate"} budget of ${budget.toExponential(1)}${queued ? "" : "; send it to the job queue (POST …/jobs)"}`,
    `该分析约需 ${cost.toExponential(1)} 个计算单位，超过${queued ? "后台任务" : "即时计算"}上限 ${budget.toExponential(1)}${queued ? "" : "；请提交为后台任务（POST …/jobs）"}`,
    { column: "permutations", value: cost },
  )

/**
 * The analyses offered, with their summaries (any signed-in role).
 * @example const { items } = yield* listAnalyses(caller)
 */
export const listAnalyses = (caller: Caller) =>
  Effect.flatMap(requireRole(caller), () =>
    Effect.map(analysisKinds, (kinds) => ({ items: Object.entries(kinds).map(([name, k]) => ({ name, summary: k.summary })) })),
  )

/**
 * Answer an analysis now, in a worker thread (any signed-in role): the `jiju <name> --json` document for the same
 * data and options. InputError "too_costly" above the immediate budget; Unavailable "busy" when the pool is full.
 * @example const doc = yield* runAnalysis(caller, "moran", { csv, var: "x", weights: { knn: 4, coords: ["x", "y"] } })
 */
export const runAnalysis = (caller: Caller, name: string, body: unknown) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    const k = yield* kindOf(name)
    const request = yield* attempt(() => decodeOrThrow(k.request, body, name))
    const cost = k.cost(request)
    const { analysisBudget } = yield* AppConfig
    if (cost > analysisBudget.sync) return yield* Effect.fail(tooCostly(cost, analysisBudget.sync, false))
    const pool = yield* AnalysisPool
    return yield* pool.run(name, body)
  })

/**
 * Put an analysis in the job queue (any signed-in role), within the job budget; a worker of any process answers it.
 * @example const job = yield* enqueueAnalysis(caller, "lisa", body) // { id, status: "queued" }
 */
export const enqueueAnalysis = (caller: Caller, name: string, body: unknown) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller)
    const k = yield* kindOf(name)
    const request = yield* attempt(() => decodeOrThrow(k.request, body, name))
    const cost = k.cost(request)
    const { analysisBudget } = yield* AppConfig
    if (cost > analysisBudget.job) return yield* Effect.fail(tooCostly(cost, analysisBudget.job, true))
    const job = yield* use((db) => makeJobs(db).enqueue(name, body, auditName(who)))
    return { id: job.id, status: job.status }
  })

/**
 * A job of the caller's (admins may read any); another caller's job is reported as absent, so ids do not leak.
 * @example const job = yield* getJob(caller, "job_…")
 */
export const getJob = (caller: Caller, id: string) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller)
    const job = yield* use((db) => makeJobs(db).get(id))
    if (!job || (who.role !== "admin" && job.createdBy !== auditName(who))) return yield* Effect.fail(notFound("job", id))
    const view: typeof JobState.Type = {
      id: job.id,
      kind: job.kind,
      status: job.status,
      progress: job.progress,
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      result: (job.result ?? null) as typeof JobState.Type.result,
      error: (job.error ?? null) as typeof JobState.Type.error,
    }
    return view
  })

/**
 * Take the oldest queued job and answer it in the pool, recording progress, the document or the failure (with
 * its code and messages). Several processes may share one PostgreSQL: each job is taken once. False when the
 * queue is empty.
 * @example while (yield* runNextJob("api-1")) {}
 */
export const runNextJob = (workerId: string) =>
  Effect.gen(function* () {
    const job = yield* use((db) => makeJobs(db).claim(workerId))
    if (!job) return false
    const pool = yield* AnalysisPool
    const db = yield* use(async (d) => d)
    const jobs = makeJobs(db)
    const outcome = yield* Effect.result(
      pool.run(job.kind, job.input, (f) => {
        void jobs.progress(job.id, workerId, f).catch(() => undefined)
      }),
    )
    if (outcome._tag === "Success") yield* use(() => jobs.succeed(job.id, workerId, outcome.success))
    else {
      const e = outcome.failure
      const en = e._tag === "Unavailable" ? e.en : e.message
      yield* use(() => jobs.fail(job.id, workerId, { code: e.code, en, zh: e.zh, issues: e._tag === "Unavailable" ? [] : issuesOf(e) }))
    }
    return true
  })

/**
 * Put this worker's running jobs back in the queue (at shutdown), for another process to take.
 * @example yield* releaseJobs("api-1")
 */
export const releaseJobs = (workerId: string) => use((db) => makeJobs(db).release(workerId, "requeue"))
