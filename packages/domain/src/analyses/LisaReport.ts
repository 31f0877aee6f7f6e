import { type LocalMoranRow, type LocalPermutationInput, localMoran, localPermutationInput } from "../econometrics/index.js"
import type { SpatialWeights } from "../econometrics/weights/SpatialWeights.js"
import type { DataTable } from "../io/DataTable.js"
import type { MoranReportOptions } from "./MoranReport.js"
import { variableValues } from "./variable.js"
import { buildWeights, unitIds } from "./WeightsSpec.js"

/**
 * Local Moran's I per unit (as R spdep localmoran), with quadrants and optional permutation p-values.
 * @example lisaAnalysis(table, { var: "CRIME", weights: { kind: "knn", k: 4, coords: ["X", "Y"] } })[0].quadrant
 */
export const lisaAnalysis = (table: DataTable, options: MoranReportOptions): ReadonlyArray<LocalMoranRow> => {
  const ids = unitIds(table, options.id)
  const weights = buildWeights(options.weights, table, ids)
  return localMoran(variableValues(table, options.var, ids), weights, {
    permutations: options.permutations ?? 0,
    seed: options.seed ?? 1,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
}

/** A LISA run split in two, so that its permutations can run elsewhere (e.g. worker threads): the weights, the variable, and the permutation input. */
export interface LisaPreparation {
  readonly weights: SpatialWeights
  readonly values: Float64Array
  /** Input of localMoranPermutations: any split of the units into ranges gives the p-values of the whole run. */
  readonly permutation: LocalPermutationInput
}

/**
 * Build the weights and the variable of a LISA run and the input of its permutations (localMoranPermutations),
 * computed as localMoran computes them; finish with {@link lisaFromPreparation}.
 * @example const prep = prepareLisa(table, { var: "CRIME", weights, permutations: 999 }); prep.permutation.z.length
 */
export const prepareLisa = (table: DataTable, options: MoranReportOptions): LisaPreparation => {
  const ids = unitIds(table, options.id)
  const weights = buildWeights(options.weights, table, ids)
  const values = Float64Array.from(variableValues(table, options.var, ids))
  const rows = localMoran(values, weights)
  // localMoran's centred values and m2 (same arithmetic: centredVariable's mean, then Σz²/n).
  const n = values.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += values[i]!
  const mean = sum / n
  const z = new Float64Array(n)
  let zz = 0
  for (let i = 0; i < n; i++) {
    z[i] = values[i]! - mean
    zz += z[i]! * z[i]!
  }
  const Ii = Float64Array.from(rows, (r) => r.Ii)
  return { weights, values, permutation: localPermutationInput(weights, z, zz / n, Ii, options.permutations ?? 0, options.seed ?? 1) }
}

/**
 * The LISA rows of a prepared run, with permutation p-values computed elsewhere (one per unit, NaN for
 * islands) or, when none are given, here.
 * @example lisaFromPreparation(prep, options, pValues)[0].pPermutation
 */
export const lisaFromPreparation = (prep: LisaPreparation, options: MoranReportOptions, permutationPValues?: Float64Array): ReadonlyArray<LocalMoranRow> =>
  localMoran(prep.values, prep.weights, {
    permutations: options.permutations ?? 0,
    seed: options.seed ?? 1,
    ...(permutationPValues !== undefined ? { permutationPValues } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })

/**
 * The JSON rows of a local Moran result (the `rows` of `jiju lisa --json`); `std_value` and `std_lag` are the unit's
 * point on the Moran scatter plot (the value in population standard deviations from the mean, and its spatial lag).
 * @example lisaRows(localMoran(x, w))[0]?.quadrant // "HH"
 */
export const lisaRows = (rows: ReadonlyArray<LocalMoranRow>) =>
  rows.map((r) => ({
    id: r.id,
    Ii: r.Ii,
    expected: r.expected,
    variance: r.variance,
    z: r.z,
    p: r.p,
    p_permutation: r.pPermutation,
    quadrant: r.quadrant,
    std_value: r.scatter.value,
    std_lag: r.scatter.lag,
  }))

/**
 * The document `jiju lisa --json` prints: `{ rows: [...] }`, one row per unit.
 * @example lisaReport(table, { var: "CRIME", weights }).rows[0].Ii
 */
export const lisaReport = (table: DataTable, options: MoranReportOptions) => ({ rows: lisaRows(lisaAnalysis(table, options)) })
