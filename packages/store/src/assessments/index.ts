import type { Db } from "../db/Db.js"
import { type RunRepo, runRepo } from "./runs.js"
import { type SchemeRepo, schemeRepo } from "./schemes.js"

export * from "./data.js"
export * from "./runs.js"
export * from "./schemes.js"
export * from "./values.js"

/** Stored schemes and assessment runs. */
export interface AssessmentRepo {
  readonly schemes: SchemeRepo
  readonly runs: RunRepo
}

/**
 * The assessment repositories over an open, migrated database (the store's `db`).
 * @example const { runs } = assessmentRepo(store.db); const run = await runs.latest("henan-2017", "2025")
 */
export const assessmentRepo = (db: Db): AssessmentRepo => ({ schemes: schemeRepo(db), runs: runRepo(db) })
