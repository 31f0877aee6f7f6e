import { type AssessmentData, assessmentInputFromRegister } from "@jiju/domain/assessment"
import type { Db } from "../db/Db.js"
import { clusterRepo } from "../repos/clusters.js"
import { observationRepo } from "../repos/observations.js"
import { zoneFactRepo } from "../repos/zoneFacts.js"
import { assessmentValues } from "./values.js"

/** Periods to read: one range of one frequency, or several (a half-year and the year-end it is compared with). */
export type PeriodRanges = { readonly from: string; readonly to: string } | ReadonlyArray<{ readonly from: string; readonly to: string }>

/**
 * The register, the observations of the periods `from`…`to` (or of several ranges) and the stored facts as the
 * assessment documents read them, flagged when any of it is demo data.
 * @example const data = await loadAssessmentData(db, { from: "2023", to: "2025" })
 */
export const loadAssessmentData = async (db: Db, ranges: PeriodRanges): Promise<AssessmentData> => {
  const list = "from" in ranges ? [ranges] : ranges
  const [clusters, values, periods, facts] = await Promise.all([
    clusterRepo(db).list(),
    Promise.all(list.map((r) => assessmentValues(db, r))),
    observationRepo(db).periods(),
    zoneFactRepo(db).list(),
  ])
  return {
    input: assessmentInputFromRegister(
      clusters,
      values.flatMap((v) => v.rows),
      [],
      facts,
    ),
    source: "store",
    hasDemo: values.some((v) => v.hasDemo) || clusters.some((c) => c.isDemo) || facts.some((f) => f.isDemo),
    periods,
  }
}
