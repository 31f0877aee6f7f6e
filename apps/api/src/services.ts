import {
  archiveState,
  auditRepo,
  clusterRepo,
  type Db,
  importRepo,
  indicatorRepo,
  makeJobs,
  makeTokens,
  makeUsers,
  observationRepo,
  regionRepo,
  submissionQueue,
} from "@jiju/store"
import { cachedCatalogue } from "./catalogue/cachedCatalogue.js"
import type { ApiConfig } from "./config.js"

/** What the routes work with: the store's repositories over one database, and the configuration. */
export const makeServices = (db: Db, config: ApiConfig) => {
  const audit = auditRepo(db)
  const indicators = indicatorRepo(db)
  return {
    db,
    config,
    audit,
    regions: regionRepo(db),
    indicators,
    // Submissions check codes against the catalogue, archived indicators included (to name them as archived).
    catalogue: cachedCatalogue({
      list: async () => {
        const [defs, archived] = await Promise.all([indicators.list(), archiveState(db, "indicators").archived()])
        return defs.map((d) => ({ ...d, archivedAt: archived.get(d.code) ?? null }))
      },
    }),
    clusters: clusterRepo(db, audit),
    observations: observationRepo(db),
    submissions: submissionQueue(db),
    imports: importRepo(db),
    users: makeUsers(db),
    tokens: makeTokens(db),
    jobs: makeJobs(db),
  }
}

export type Services = ReturnType<typeof makeServices>
