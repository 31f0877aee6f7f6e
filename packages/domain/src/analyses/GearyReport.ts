import { type GearyResult, gearyTest } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import type { MoranReportOptions } from "./MoranReport.js"
import { variableValues } from "./variable.js"
import { buildWeights, unitIds } from "./WeightsSpec.js"

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null)

/**
 * Geary's C of a table's variable under the described weights (as R spdep geary.test).
 * @example gearyAnalysis(table, { var: "CRIME", weights: { kind: "contiguity", rule: "queen" } }).C
 */
export const gearyAnalysis = (table: DataTable, options: MoranReportOptions): GearyResult => {
  const ids = unitIds(table, options.id)
  const weights = buildWeights(options.weights, table, ids)
  return gearyTest(variableValues(table, options.var, ids), weights, {
    permutations: options.permutations ?? 0,
    seed: options.seed ?? 1,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
}

/**
 * The JSON document of a Geary's C result (what `jiju geary --json` prints). z is spdep's standard deviate
 * (1 − C)/√Var: positive for positive autocorrelation; undefined values (a negative randomisation variance,
 * possible with many units without neighbours) are null.
 * @example gearyDocument(gearyTest(x, w)).z_randomization
 */
export const gearyDocument = (r: GearyResult) => ({
  n: r.n,
  C: r.C,
  expected: r.expected,
  variance_normality: r.varianceNormality,
  z_normality: finite(r.zNormality),
  p_normality: finite(r.pNormality),
  variance_randomization: r.varianceRandomization,
  z_randomization: finite(r.zRandomization),
  p_randomization: finite(r.pRandomization),
  permutations: r.permutations,
  p_permutation: r.pPermutation,
  p_permutation_positive: r.pPermutationPositive,
})

/**
 * The document `jiju geary --json` prints.
 * @example gearyReport(table, { id: "POLYID", var: "CRIME", weights: { kind: "file", format: "gal", text } }).C
 */
export const gearyReport = (table: DataTable, options: MoranReportOptions) => gearyDocument(gearyAnalysis(table, options))
