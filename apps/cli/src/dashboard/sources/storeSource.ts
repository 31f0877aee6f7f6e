import {
  type AppRuntime,
  type AppServices,
  allClusters,
  allIndicators,
  allRegions,
  certification,
  diagnosis,
  findings,
  makeAppRuntime,
  observedPeriods,
  operator,
  previewAssessment,
  queryObservations,
  runAnalysis,
  runReportFile,
  stage,
  storedResult,
  storeInfo,
  supervision,
  targets,
} from "@jiju/app"
import { ComputationError, InputError, type Observation } from "@jiju/domain/model"
import type * as Effect from "effect/Effect"
import { mark } from "../timing.js"
import { type AnalysisDocument, AnalysisRefused, type DashboardQuery, type DashboardSource, type Judged } from "./DashboardSource.js"

type Env = Readonly<Record<string, string | undefined>>

/** A use case's refusal (an input error, a missing entry) as the text shown in its place. */
const judged = async <T>(run: Promise<T>): Promise<Judged<T>> => {
  try {
    return await run
  } catch (e) {
    if (e instanceof InputError) return { error: { zh: e.zh, en: e.message } }
    const t = e as { _tag?: unknown; en?: unknown; zh?: unknown }
    if (typeof t?._tag === "string" && typeof t.en === "string" && typeof t.zh === "string") return { error: { zh: t.zh, en: t.en } }
    throw e
  }
}

// The largest page of the observation query: a zone's whole series, or a period of a few indicators, in one read.
const PAGE = 10_000

/**
 * A {@link DashboardSource} over the store (PostgreSQL when DATABASE_URL is set, else the embedded PGlite database
 * under JIJU_DATA_DIR), read through the application core's use cases as the operator at the machine: the register
 * lists, the paged observation query and the analyses are the ones the HTTP API runs. The store stays open until
 * `close()` — the dashboard holds the PGlite lock while it runs.
 * @example const src = await storeSource(process.env); … await src.close()
 */
export const storeSource = async (env: Env): Promise<DashboardSource> => {
  const runtime: AppRuntime = await makeAppRuntime({ env })
  mark("runtime made")
  const actor = operator(env.USER ?? env.USERNAME ?? "operator")
  const run = <A, E>(effect: Effect.Effect<A, E, AppServices>) => runtime.run(effect)
  let where: { engine: string; location: string }
  try {
    where = await run(storeInfo())
  } catch (e) {
    await runtime.dispose()
    throw e
  }
  const observations = async (q: DashboardQuery): Promise<ReadonlyArray<Observation>> => {
    const out: Observation[] = []
    let cursor: string | undefined
    do {
      const page = await run(
        queryObservations(actor, {
          ...(q.clusters ? { clusters: q.clusters.join(",") } : {}),
          ...(q.indicators ? { indicators: q.indicators.join(",") } : {}),
          ...(q.period !== undefined ? { period: q.period } : {}),
          ...(q.from !== undefined ? { from: q.from } : {}),
          ...(q.to !== undefined ? { to: q.to } : {}),
          limit: PAGE,
          ...(cursor !== undefined ? { cursor } : {}),
        } as Parameters<typeof queryObservations>[1]),
      )
      out.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor !== undefined)
    return out
  }
  return {
    description: { zh: `本地数据库 ${where.location}`, en: `store ${where.location}` },
    register: async () => {
      const [clusters, regions, indicators, periods] = await Promise.all([
        run(allClusters(actor)),
        run(allRegions(actor)),
        run(allIndicators(actor)),
        run(observedPeriods(actor)),
      ])
      return { clusters, regions, indicators, periods }
    },
    observations,
    ranking: async (scheme, period) => {
      try {
        return { result: (await run(storedResult(actor, { scheme, period }))).result, from: "stored" }
      } catch (e) {
        if ((e as { _tag?: unknown })._tag !== "NotFound") throw e
      }
      try {
        return { result: (await run(previewAssessment(actor, { scheme: { id: scheme }, period }))).result, from: "computed" }
      } catch (e) {
        // A period without the scheme's indicators has nothing to rank.
        if (e instanceof InputError && e.code === "unknown_period") return null
        throw e
      }
    },
    judgements: async (clusterId, period, opts) => {
      const q = { period, cluster: clusterId }
      const [s, c, d] = await Promise.all([
        judged(run(stage(actor, q)).then((doc) => doc.results[0]!)),
        opts.certify ? judged(run(certification(actor, q)).then((doc) => doc.results[0]!)) : Promise.resolve(null),
        judged(run(diagnosis(actor, q)).then((doc) => doc.results[0]!)),
      ])
      return { stage: s, certification: c, diagnosis: d }
    },
    targets: (q) =>
      run(
        targets(actor, {
          set: q.set,
          period: q.period,
          targetYear: q.targetYear,
          ...(q.baseYear !== undefined ? { baseYear: q.baseYear } : {}),
          ...(q.region !== undefined ? { region: q.region } : {}),
        }),
      ),
    analysis: async (name, request) => {
      try {
        return (await run(runAnalysis(actor, name, request))) as AnalysisDocument
      } catch (e) {
        if (e instanceof InputError || e instanceof ComputationError) throw new AnalysisRefused({ zh: e.zh, en: e.message })
        throw e
      }
    },
    report: async (scheme, period, lang) => {
      try {
        const f = await run(runReportFile(actor, { run: { scheme, period }, format: "xlsx", lang }))
        return { bytes: f.bytes, fileName: f.fileName, draft: f.draft }
      } catch (e) {
        if ((e as { _tag?: unknown })._tag === "NotFound") return null
        throw e
      }
    },
    supervision: async (week) => {
      const [view, found] = await Promise.all([run(supervision(actor, week !== undefined ? { week } : {})), run(findings(actor, {}))])
      return { view, findings: found }
    },
    close: () => runtime.dispose(),
  }
}
