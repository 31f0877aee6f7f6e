import { type MoranResult, moranTest } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { variableValues } from "./variable.js"
import { buildWeights, type SpatialReportOptions, unitIds } from "./WeightsSpec.js"

/** Options of Moran's I and LISA: the weights, the variable (column or expression) and the permutations. */
export interface MoranReportOptions extends SpatialReportOptions {
  /** Column name or expression, e.g. "CRIME" or "log(gdp)". */
  readonly var: string
  /** Random permutations for a pseudo p-value (default 0: none). */
  readonly permutations?: number | undefined
  /** Seed of the permutations (default 1). */
  readonly seed?: number | undefined
  /** Progress of the permutations (done, total), for a progress bar. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined
}

/**
 * Global Moran's I of a table's variable under the described weights (as R spdep moran.test).
 * @example moranAnalysis(table, { var: "CRIME", weights: { kind: "contiguity", rule: "queen" } }).I
 */
export const moranAnalysis = (table: DataTable, options: MoranReportOptions): MoranResult => {
  const ids = unitIds(table, options.id)
  const weights = buildWeights(options.weights, table, ids)
  return moranTest(variableValues(table, options.var, ids), weights, {
    permutations: options.permutations ?? 0,
    seed: options.seed ?? 1,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
}

/**
 * The JSON document of a Moran's I result (what `jiju moran --json` prints).
 * @example moranDocument(moranTest(x, w)).p_randomization
 */
export const moranDocument = (r: MoranResult) => ({
  n: r.n,
  I: r.I,
  expected: r.expected,
  variance_normality: r.varianceNormality,
  z_normality: r.zNormality,
  p_normality: r.pNormality,
  variance_randomization: r.varianceRandomization,
  z_randomization: r.zRandomization,
  p_randomization: r.pRandomization,
  permutations: r.permutations,
  p_permutation: r.pPermutation,
})

/**
 * The document `jiju moran --json` prints.
 * @example moranReport(table, { id: "POLYID", var: "CRIME", weights: { kind: "file", format: "gal", text } }).z_randomization
 */
export const moranReport = (table: DataTable, options: MoranReportOptions) => moranDocument(moranAnalysis(table, options))
