import {
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
    catalogue: cachedCatalogue(indicators),
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
