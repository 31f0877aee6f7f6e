import { type LocalMoranRow, localMoran } from "../econometrics/index.js"
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
