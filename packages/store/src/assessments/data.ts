import { type AssessmentData, assessmentInputFromRegister } from "@jiju/domain/assessment"
import type { Store } from "../Store.js"
import { assessmentValues } from "./values.js"

/**
 * The register and the observations of the periods `from`…`to` as the assessment documents read them,
 * flagged when any of it is demo data.
 * @example const data = await loadAssessmentData(store, { from: "2023", to: "2025" })
 */
export const loadAssessmentData = async (
  store: Pick<Store, "db" | "clusters" | "observations">,
  range: { readonly from: string; readonly to: string },
): Promise<AssessmentData> => {
  const [clusters, values, periods] = await Promise.all([store.clusters.list(), assessmentValues(store.db, range), store.observations.periods()])
  return {
    input: assessmentInputFromRegister(clusters, values.rows),
    source: "store",
    hasDemo: values.hasDemo || clusters.some((c) => c.isDemo),
    periods,
  }
}
