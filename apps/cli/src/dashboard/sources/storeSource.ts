import type { StoreEnv } from "@jiju/store"
import { assessmentRepo, openStore, type Store } from "@jiju/store"
import type { DashboardSource } from "./DashboardSource.js"

/**
 * A {@link DashboardSource} over the store (PostgreSQL when DATABASE_URL is set, else the embedded PGlite
 * database under JIJU_DATA_DIR). The store stays open until `close()` — the dashboard holds the PGlite lock
 * while it runs.
 * @example const src = await storeSource(process.env); … await src.close()
 */
export const storeSource = async (env: StoreEnv): Promise<DashboardSource> => {
  const store: Store = await openStore({ env })
  const runs = assessmentRepo(store.db).runs
  const where = store.db.location
  return {
    description: { zh: `本地数据库 ${where}`, en: `store ${where}` },
    register: async () => {
      const [clusters, regions, indicators, periods] = await Promise.all([
        store.clusters.list(),
        store.regions.list(),
        store.indicators.list(),
        store.observations.periods(),
      ])
      return { clusters, regions, indicators, periods }
    },
    observations: (q) =>
      store.observations.query({
        ...(q.clusters ? { clusters: q.clusters } : {}),
        ...(q.indicators ? { indicators: q.indicators } : {}),
        ...(q.period !== undefined ? { period: q.period } : {}),
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
      }),
    storedAssessment: async (scheme, period) => {
      try {
        return (await runs.latest(scheme, period))?.result
      } catch {
        // A store without the assessment tables yet (older data directory) has no stored results.
        return undefined
      }
    },
    close: () => store.close(),
  }
}
