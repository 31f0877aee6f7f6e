import { type BivariateMoranResult, bivariateMoran, type LocalBivariateMoranRow, localBivariateMoran } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import type { MoranReportOptions } from "./MoranReport.js"
import { variableValues } from "./variable.js"
import { buildWeights, unitIds } from "./WeightsSpec.js"

/** Options of the bivariate Moran statistics: the first variable (`var`), the lagged one (`with`), permutations. */
export interface BivariateMoranReportOptions extends MoranReportOptions {
  /** The second variable, whose spatial lag is paired with `var`. */
  readonly with: string
}

/** Permutations when none are asked for: inference on a bivariate Moran's I is by permutation only (GeoDa's 999). */
export const BIVARIATE_PERMUTATIONS = 999

const inputs = (table: DataTable, options: BivariateMoranReportOptions) => {
  const ids = unitIds(table, options.id)
  const weights = buildWeights(options.weights, table, ids)
  return { x: variableValues(table, options.var, ids), y: variableValues(table, options.with, ids), weights }
}

/**
 * GeoDa's global bivariate Moran's I of `var` and the spatial lag of `with`, with permutation inference
 * (999 permutations unless `permutations` says otherwise).
 * @example bivariateMoranAnalysis(table, { var: "CRIME", with: "INC", weights }).I
 */
export const bivariateMoranAnalysis = (table: DataTable, options: BivariateMoranReportOptions): BivariateMoranResult => {
  const { x, y, weights } = inputs(table, options)
  return bivariateMoran(x, y, weights, {
    permutations: options.permutations ?? BIVARIATE_PERMUTATIONS,
    seed: options.seed ?? 1,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
}

/**
 * The document `jiju moran --var X --with Y --json` prints.
 * @example bivariateMoranDocument(r, "CRIME", "INC").p_permutation
 */
export const bivariateMoranDocument = (r: BivariateMoranResult, x: string, y: string) => ({
  n: r.n,
  var: x,
  with: y,
  I: r.I,
  permutations: r.permutations,
  expected_permutation: r.expectedPermutation,
  sd_permutation: r.sdPermutation,
  z_permutation: r.zPermutation,
  p_permutation: r.pPermutation,
  p_permutation_greater: r.pPermutationGreater,
  notes: [
    {
      en: "GeoDa's bivariate Moran's I: I = Σ_i zx_i Σ_j w_ij zy_j / n, z standardised by the population SD; y permuted over the units, x fixed",
      zh: "GeoDa 双变量 Moran's I：I = Σ_i zx_i Σ_j w_ij zy_j / n，z 按总体标准差标准化；置换检验中 y 在单元间随机置换，x 不变",
    },
  ],
})

/**
 * The document `jiju moran --var X --with Y --json` prints.
 * @example bivariateMoranReport(table, { var: "CRIME", with: "INC", weights }).I
 */
export const bivariateMoranReport = (table: DataTable, options: BivariateMoranReportOptions) =>
  bivariateMoranDocument(bivariateMoranAnalysis(table, options), options.var, options.with)

/**
 * Local bivariate Moran's I (bivariate LISA) per unit with conditional permutation inference (999 unless asked).
 * @example bivariateLisaAnalysis(table, { var: "CRIME", with: "INC", weights })[0].quadrant
 */
export const bivariateLisaAnalysis = (table: DataTable, options: BivariateMoranReportOptions): ReadonlyArray<LocalBivariateMoranRow> => {
  const { x, y, weights } = inputs(table, options)
  return localBivariateMoran(x, y, weights, {
    permutations: options.permutations ?? BIVARIATE_PERMUTATIONS,
    seed: options.seed ?? 1,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
}

/**
 * The JSON rows of a local bivariate Moran result (the `rows` of `jiju lisa --with Y --json`).
 * @example bivariateLisaRows(rows)[0].p_permutation
 */
export const bivariateLisaRows = (rows: ReadonlyArray<LocalBivariateMoranRow>) =>
  rows.map((r) => ({ id: r.id, Ii: r.Ii, expected: r.expected, variance: r.variance, z: r.z, p: r.p, p_permutation: r.pPermutation, quadrant: r.quadrant }))

/**
 * The document `jiju lisa --with Y --json` prints: `{ var, with, permutations, rows }`.
 * @example bivariateLisaReport(table, { var: "CRIME", with: "INC", weights }).rows[0].Ii
 */
export const bivariateLisaReport = (table: DataTable, options: BivariateMoranReportOptions) => ({
  var: options.var,
  with: options.with,
  permutations: options.permutations ?? BIVARIATE_PERMUTATIONS,
  rows: bivariateLisaRows(bivariateLisaAnalysis(table, options)),
})
