import { type AssessmentData, assessmentInputFromRegister } from "@jiju/domain/assessment"
import type { Db } from "../db/Db.js"
import { clusterRepo } from "../repos/clusters.js"
import { observationRepo } from "../repos/observations.js"
import { assessmentValues } from "./values.js"

/**
 * The register and the observations of the periods `from`…`to` as the assessment documents read them,
 * flagged when any of it is demo data.
 * @example const data = await loadAssessmentData(db, { from: "2023", to: "2025" })
 */
export const loadAssessmentData = async (db: Db, range: { readonly from: string; readonly to: string }): Promise<AssessmentData> => {
  const [clusters, values, periods] = await Promise.all([clusterRepo(db).list(), assessmentValues(db, range), observationRepo(db).periods()])
  return {
    input: assessmentInputFromRegister(clusters, values.rows),
    source: "store",
    hasDemo: values.hasDemo || clusters.some((c) => c.isDemo),
    periods,
  }
}
