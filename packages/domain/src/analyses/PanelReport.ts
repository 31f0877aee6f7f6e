import {
  fitSpatialPanel,
  fixedEffects,
  type PanelFit,
  type PanelFrame,
  panelFrame,
  type SpatialPanelErrorFit,
  type SpatialPanelLagFit,
  type WithinEffects,
} from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { stringColumn } from "../io/index.js"
import { inputError } from "../model/errors.js"
import { buildWeights, type WeightsSpec } from "./WeightsSpec.js"

/** The panel models: fixed effects (within), ML spatial lag panel, ML spatial error panel. */
export type PanelModel = "fe" | "lag" | "error"

/** Options of a panel regression on a long table (one row per unit and period). */
export interface PanelReportOptions {
  readonly unit: string
  readonly period: string
  /** R-style formula; the intercept is absorbed by the fixed effects. */
  readonly formula: string
  /** individual, time or twoways (default). */
  readonly effects?: WithinEffects | undefined
  /** fe (default), lag or error; lag and error need weights over the units (matched to the unit column). */
  readonly model?: PanelModel | undefined
  readonly weights?: WeightsSpec | undefined
}

/** What a panel regression computed, before it becomes the `jiju panel --json` document. */
export type PanelAnalysis =
  | { readonly model: "fe"; readonly effects: WithinEffects; readonly formula: string; readonly frame: PanelFrame; readonly fit: PanelFit }
  | {
      readonly model: "lag" | "error"
      readonly effects: WithinEffects
      readonly formula: string
      readonly frame: PanelFrame
      readonly fit: SpatialPanelLagFit | SpatialPanelErrorFit
    }

/**
 * One row per unit (its first row), so that unit-level weights can be built from a long table.
 * @example unitTable(panel, "province").rows.length // number of provinces
 */
export const unitTable = (table: DataTable, unitCol: string): DataTable => {
  const units = stringColumn(table, unitCol)
  const seen = new Set<string>()
  const keep: number[] = []
  units.forEach((u, i) => {
    if (!seen.has(u)) {
      seen.add(u)
      keep.push(i)
    }
  })
  const rows = keep.map((i) => table.rows[i]!)
  return table.geometry === undefined
    ? { columns: table.columns, rows }
    : { columns: table.columns, rows, geometry: keep.map((i) => table.geometry![i] ?? null) }
}

/**
 * Fit a fixed-effects panel (as R plm within, with cluster-robust s.e. by unit) or an ML spatial panel.
 * Throws InputError "missing_weights" for lag / error without weights, and the estimators' errors.
 * @example panelAnalysis(table, { unit: "firm", period: "year", formula: "inv ~ value + capital" })
 */
export const panelAnalysis = (table: DataTable, options: PanelReportOptions): PanelAnalysis => {
  const effects = options.effects ?? "twoways"
  const model = options.model ?? "fe"
  const { formula } = options
  if (model !== "fe" && options.weights === undefined)
    throw inputError("missing_weights", `model ${model} needs spatial weights`, `${model} 模型需要空间权重`, { column: "weights" })
  const pf = panelFrame(table, formula, options.unit, options.period)
  if (model === "fe") return { model, effects, formula, frame: pf, fit: fixedEffects(pf.frame.x, pf.frame.y, pf.frame.names, pf.index, effects) }
  const units = unitTable(table, options.unit)
  const weights = buildWeights(options.weights!, units, stringColumn(units, options.unit))
  const { frame } = pf
  // The fixed effects absorb the intercept: pass the regressors only.
  const keep = frame.names.map((n, j) => (n === "(Intercept)" ? -1 : j)).filter((j) => j >= 0)
  const k = keep.length
  const X = { rows: frame.x.rows, cols: k, data: new Float64Array(frame.x.rows * k) }
  for (let i = 0; i < frame.x.rows; i++) for (let c = 0; c < k; c++) X.data[i * k + c] = frame.x.data[i * frame.x.cols + keep[c]!]!
  const names = keep.map((j) => frame.names[j]!)
  const fit = fitSpatialPanel({ y: frame.y, X, names, unit: pf.unitLabels, period: pf.periodLabels, weights, model, effects })
  return { model, effects, formula, frame: pf, fit }
}

/**
 * The JSON document of a panel analysis (what `jiju panel --json` prints).
 * @example panelDocument(panelAnalysis(table, options)).r2_within
 */
export const panelDocument = (a: PanelAnalysis): Record<string, unknown> => {
  const pf = a.frame
  if (a.model === "fe") {
    const fit = a.fit
    return {
      model: a.model,
      effects: a.effects,
      formula: a.formula,
      n: fit.n,
      units: fit.units,
      periods: fit.periods,
      balanced: fit.balanced,
      n_dropped: pf.frame.nDropped,
      dropped_rows: pf.frame.dropped,
      coefficients: Object.fromEntries(
        fit.coefficients.map((c) => [
          c.name,
          { estimate: c.estimate, se: c.se, cluster_se: c.clusterSe, t: c.t, p: c.p, cluster_t: c.clusterT, cluster_p: c.clusterP },
        ]),
      ),
      r2_within: fit.r2Within,
      df_residual: fit.dfResidual,
      rss: fit.rss,
      sigma2: fit.sigma2,
      dropped: fit.dropped.map((d) => ({ name: d.name, reason: d.reason })),
    }
  }
  const fit = a.fit
  const par = fit.model === "lag" ? { rho: fit.rho } : { lambda: fit.lambda }
  return {
    model: a.model,
    effects: a.effects,
    formula: a.formula,
    n: fit.n,
    units: fit.units,
    periods: fit.periods,
    n_dropped: pf.frame.nDropped,
    coefficients: Object.fromEntries(
      Object.entries(fit.coefficients).map(([name, c]) => [name, { estimate: c.estimate, se: c.se, cluster_se: null, z: c.z, p: c.p }]),
    ),
    ...par,
    sigma2: fit.sigma2,
    logLik: fit.logLik,
    aic: fit.aic,
    lr: fit.lr,
    r2_within: null,
    df_residual: null,
    ...(fit.model === "lag" ? { impacts: fit.impacts } : {}),
  }
}

/**
 * The document `jiju panel --json` prints.
 * @example panelReport(table, { unit: "firm", period: "year", formula: "inv ~ value + capital", effects: "individual" }).r2_within
 */
export const panelReport = (table: DataTable, options: PanelReportOptions) => panelDocument(panelAnalysis(table, options))
