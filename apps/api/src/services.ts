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
} from "@jiju/store"
import type { ApiConfig } from "./config.js"

/** What the routes work with: the store's repositories over one database, and the configuration. */
export const makeServices = (db: Db, config: ApiConfig) => {
  const audit = auditRepo(db)
  return {
    db,
    config,
    audit,
    regions: regionRepo(db),
    indicators: indicatorRepo(db),
    clusters: clusterRepo(db, audit),
    observations: observationRepo(db),
    imports: importRepo(db),
    users: makeUsers(db),
    tokens: makeTokens(db),
    jobs: makeJobs(db),
  }
}

export type Services = ReturnType<typeof makeServices>
