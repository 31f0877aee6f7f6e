import { type GetisOrdRow, includeSelf, localGetisOrd } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { variableValues } from "./variable.js"
import { buildWeights, type SpatialReportOptions, unitIds } from "./WeightsSpec.js"

/** Options of the hot-spot analysis: the weights, the variable, G* or G, and the FDR adjustment. */
export interface HotspotsReportOptions extends SpatialReportOptions {
  /** Column name or expression. */
  readonly var: string
  /** G*_i: each unit counts among its own neighbours (spdep include.self). Default false: G_i. */
  readonly star?: boolean | undefined
  /** Classify by Benjamini–Hochberg adjusted p-values. Default false. */
  readonly fdr?: boolean | undefined
}

/**
 * Local Getis–Ord G_i or G*_i per unit with hot/cold classes (as R spdep localG).
 * @example hotspotsAnalysis(table, { var: "CRIME", star: true, weights: { kind: "knn", k: 5, coords: ["X", "Y"] } })[0].class
 */
export const hotspotsAnalysis = (table: DataTable, options: HotspotsReportOptions): ReadonlyArray<GetisOrdRow> => {
  const ids = unitIds(table, options.id)
  const w = buildWeights(options.weights, table, ids)
  const star = options.star === true
  return localGetisOrd(variableValues(table, options.var, ids), star ? includeSelf(w) : w, { star, fdr: options.fdr === true })
}

/**
 * The document `jiju hotspots --json` prints: the statistic, the FDR flag, a note on the classes and one row per
 * unit {id, G, expected, variance, z, p, p_fdr, class}.
 * @example hotspotsDocument(rows, { star: true, fdr: false }).rows[0].z
 */
export const hotspotsDocument = (rows: ReadonlyArray<GetisOrdRow>, options: { readonly star: boolean; readonly fdr: boolean }) => ({
  statistic: options.star ? "G*" : "G",
  fdr: options.fdr,
  counts: Object.fromEntries(
    (["hot_99", "hot_95", "hot_90", "cold_99", "cold_95", "cold_90", "not_significant"] as const).map((c) => [c, rows.filter((r) => r.class === c).length]),
  ),
  notes: [
    {
      en: `z as spdep localG${options.star ? " with include.self" : ""}; p two-sided; hot (z > 0) or cold (z < 0) at 99/95/90 % when p < 0.01/0.05/0.10${options.fdr ? " after the Benjamini–Hochberg adjustment" : ""}`,
      zh: `z 与 spdep localG${options.star ? "（include.self）" : ""}一致；p 为双侧；z > 0 为热点、z < 0 为冷点，p < 0.01/0.05/0.10 对应 99/95/90 % 置信水平${options.fdr ? "（经 Benjamini–Hochberg 校正）" : ""}`,
    },
  ],
  rows: rows.map((r) => ({ id: r.id, G: r.G, expected: r.expected, variance: r.variance, z: r.z, p: r.p, p_fdr: r.pFdr, class: r.class })),
})

/**
 * The document `jiju hotspots --json` prints.
 * @example hotspotsReport(table, { id: "POLYID", var: "CRIME", star: true, weights }).rows[0].class
 */
export const hotspotsReport = (table: DataTable, options: HotspotsReportOptions) =>
  hotspotsDocument(hotspotsAnalysis(table, options), { star: options.star === true, fdr: options.fdr === true })
