import {
  type AppRuntime,
  type AppServices,
  certification,
  diagnosis,
  makeAppRuntime,
  operator,
  previewAssessment,
  registerOverview,
  stage,
  storedResult,
  storeLocation,
  targets,
  zoneObservations,
} from "@jiju/app"
import { InputError } from "@jiju/domain/model"
import type * as Effect from "effect/Effect"
import type { DashboardSource, Judged } from "./DashboardSource.js"

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

/**
 * A {@link DashboardSource} over the store (PostgreSQL when DATABASE_URL is set, else the embedded PGlite database
 * under JIJU_DATA_DIR), read through the application core's use cases as the operator at the machine. The store
 * stays open until `close()` — the dashboard holds the PGlite lock while it runs.
 * @example const src = await storeSource(process.env); … await src.close()
 */
export const storeSource = async (env: Env): Promise<DashboardSource> => {
  const runtime: AppRuntime = await makeAppRuntime({ env })
  const actor = operator(env.USER ?? env.USERNAME ?? "operator")
  const run = <A, E>(effect: Effect.Effect<A, E, AppServices>) => runtime.run(effect)
  let where: { engine: string; location: string }
  try {
    where = await run(storeLocation())
  } catch (e) {
    await runtime.dispose()
    throw e
  }
  return {
    description: { zh: `本地数据库 ${where.location}`, en: `store ${where.location}` },
    register: () => run(registerOverview(actor)),
    observations: (q) => run(zoneObservations(actor, q)),
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
    close: () => runtime.dispose(),
  }
}
