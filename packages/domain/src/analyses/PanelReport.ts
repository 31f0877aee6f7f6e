import {
  fitSpatialPanel,
  fixedEffects,
  impactStandardErrors,
  type PanelFit,
  type PanelFrame,
  panelFrame,
  type RandomEffectsFit,
  randomEffects,
  type SimulatedImpacts,
  type SpatialPanelDiagnostics,
  type SpatialPanelFit,
  type SpatialWeights,
  spatialPanelDiagnostics,
  subsetWeights,
  type VarianceChoice,
  type WithinEffects,
} from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { stringColumn } from "../io/index.js"
import { inputError } from "../model/errors.js"
import { buildWeights, type WeightsSpec } from "./WeightsSpec.js"

/**
 * The panel models: fixed effects (within), random effects (Swamy–Arora), and the ML fixed-effects spatial
 * lag, error and Durbin panels.
 */
export type PanelModel = "fe" | "re" | "lag" | "error" | "durbin"

/** Every panel model, in the order help texts list them. */
export const PANEL_MODELS: ReadonlyArray<PanelModel> = ["fe", "re", "lag", "error", "durbin"]

/** Options of a panel regression on a long table (one row per unit and period). */
export interface PanelReportOptions {
  readonly unit: string
  readonly period: string
  /** R-style formula; the intercept is absorbed by the fixed effects. */
  readonly formula: string
  /** individual, time or twoways (default). */
  readonly effects?: WithinEffects | undefined
  /** fe (default), re, lag, error or durbin; the spatial models need weights over the units (matched to the unit column). */
  readonly model?: PanelModel | undefined
  /** Weights: required by the spatial models; with fe they add the LM diagnostics and the LR tests of the effects. */
  readonly weights?: WeightsSpec | undefined
  /** durbin: the regressors whose spatial lags enter (default all). */
  readonly durbin?: ReadonlyArray<string> | undefined
  /** Spatial models: "lee-yu" applies Lee & Yu (2010) as Elhorst's code; default "none" (plain ML). */
  readonly biasCorrection?: "none" | "lee-yu" | undefined
  readonly variance?: VarianceChoice | undefined
  /** lag, durbin: simulated impact standard errors (LeSage–Pace). */
  readonly impactsSe?: { readonly draws: number; readonly seed: number } | undefined
  /** Run the same model in each group of this column (e.g. east / central / west) and compare them. */
  readonly by?: string | undefined
}

/** What a panel regression computed, before it becomes the `jiju panel --json` document. */
export type PanelAnalysis =
  | {
      readonly model: "fe"
      readonly effects: WithinEffects
      readonly formula: string
      readonly frame: PanelFrame
      readonly fit: PanelFit
      readonly diagnostics?: SpatialPanelDiagnostics | undefined
    }
  | { readonly model: "re"; readonly effects: WithinEffects; readonly formula: string; readonly frame: PanelFrame; readonly fit: RandomEffectsFit }
  | {
      readonly model: "lag" | "error" | "durbin"
      readonly effects: WithinEffects
      readonly formula: string
      readonly frame: PanelFrame
      readonly fit: SpatialPanelFit
      readonly impactsSimulation?: SimulatedImpacts | undefined
    }

/** A panel analysis run once per group of a column, with the groups' tables side by side. */
export interface PanelByAnalysis {
  readonly by: string
  readonly groups: ReadonlyArray<{ readonly group: string; readonly analysis: PanelAnalysis }>
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
 * Fit a fixed-effects panel (as R plm within, with cluster-robust s.e. by unit; with weights also Elhorst's
 * LM tests and the LR tests of the effects), a random-effects panel (Swamy–Arora, with the Hausman test) or an
 * ML spatial panel (lag, error, Durbin). Throws InputError "missing_weights" for the spatial models without
 * weights, and the estimators' errors.
 * @example panelAnalysis(table, { unit: "firm", period: "year", formula: "inv ~ value + capital" })
 */
export const panelAnalysis = (table: DataTable, options: PanelReportOptions, fullWeights?: SpatialWeights): PanelAnalysis => {
  const effects = options.effects ?? "twoways"
  const model = options.model ?? "fe"
  const { formula } = options
  const spatialModel = model === "lag" || model === "error" || model === "durbin"
  if (spatialModel && options.weights === undefined && fullWeights === undefined)
    throw inputError("missing_weights", `model ${model} needs spatial weights`, `${model} 模型需要空间权重`, { column: "weights" })
  if (options.durbin !== undefined && model !== "durbin")
    throw inputError("durbin_not_applicable", `--durbin applies to the durbin panel, not ${model}`, `--durbin 仅适用于 durbin 面板，不适用于 ${model}`, {
      column: "durbin",
    })
  if (options.impactsSe !== undefined && model !== "lag" && model !== "durbin")
    throw inputError(
      "impacts_se_not_applicable",
      `simulated impact standard errors apply to lag and durbin panels, not ${model}`,
      `模拟效应标准误仅适用于 lag 与 durbin 面板，不适用于 ${model}`,
      {
        column: "impacts-se",
      },
    )
  const pf = panelFrame(table, formula, options.unit, options.period)
  const weightsFor = (): SpatialWeights | undefined => {
    if (options.weights === undefined && fullWeights === undefined) return undefined
    const units = unitTable(table, options.unit)
    const ids = stringColumn(units, options.unit)
    if (fullWeights === undefined) return buildWeights(options.weights!, units, ids)
    // A group of a --by run: the full weights restricted to the group's units (re-standardised, as spdep subset.listw).
    const pos = new Map(fullWeights.ids.map((id, i) => [id, i]))
    return subsetWeights(
      fullWeights,
      ids.flatMap((id) => (pos.has(id) ? [pos.get(id)!] : [])),
    )
  }
  if (model === "re") return { model, effects, formula, frame: pf, fit: randomEffects(pf.frame.x, pf.frame.y, pf.frame.names, pf.index, effects) }
  const { frame } = pf
  // The fixed effects absorb the intercept: pass the regressors only.
  const keep = frame.names.map((n, j) => (n === "(Intercept)" ? -1 : j)).filter((j) => j >= 0)
  const k = keep.length
  const X = { rows: frame.x.rows, cols: k, data: new Float64Array(frame.x.rows * k) }
  for (let i = 0; i < frame.x.rows; i++) for (let c = 0; c < k; c++) X.data[i * k + c] = frame.x.data[i * frame.x.cols + keep[c]!]!
  const names = keep.map((j) => frame.names[j]!)
  if (model === "fe") {
    const fit = fixedEffects(pf.frame.x, pf.frame.y, pf.frame.names, pf.index, effects)
    const weights = weightsFor()
    const diagnostics =
      weights === undefined ? undefined : spatialPanelDiagnostics({ y: frame.y, X, names, unit: pf.unitLabels, period: pf.periodLabels, weights }, effects)
    return { model, effects, formula, frame: pf, fit, diagnostics }
  }
  const weights = weightsFor()!
  const fit = fitSpatialPanel({
    y: frame.y,
    X,
    names,
    unit: pf.unitLabels,
    period: pf.periodLabels,
    weights,
    model,
    effects,
    durbin: options.durbin,
    biasCorrection: options.biasCorrection ?? "none",
    variance: options.variance ?? "auto",
  })
  const impactsSimulation =
    options.impactsSe !== undefined && (fit.model === "lag" || fit.model === "durbin")
      ? impactStandardErrors(fit, weights, undefined, options.impactsSe.draws, options.impactsSe.seed)
      : undefined
  return { model, effects, formula, frame: pf, fit, impactsSimulation }
}

/**
 * Run the same panel analysis in each group of the column `options.by` (its values in order of first
 * appearance); spatial weights are built once over all units and restricted to each group's units.
 * Throws InputError "unknown_column" and "by_not_constant" when a unit changes group.
 * @example panelByAnalysis(table, { unit: "province", period: "year", formula: "y ~ x", by: "region" }).groups.length
 */
export const panelByAnalysis = (table: DataTable, options: PanelReportOptions & { readonly by: string }): PanelByAnalysis => {
  const groupOf = stringColumn(table, options.by)
  const units = stringColumn(table, options.unit)
  const seen = new Map<string, string>()
  units.forEach((u, i) => {
    const g = groupOf[i]!
    const prev = seen.get(u)
    if (prev !== undefined && prev !== g)
      throw inputError(
        "by_not_constant",
        `unit ${u} is in group ${prev} and in group ${g}: --by needs a column constant within units`,
        `单元 ${u} 同时属于 ${prev} 与 ${g} 组：--by 需要单元内不变的列`,
        { row: i + 1, column: options.by, value: g },
      )
    seen.set(u, g)
  })
  const full =
    options.weights !== undefined
      ? (() => {
          const ut = unitTable(table, options.unit)
          return buildWeights(options.weights, ut, stringColumn(ut, options.unit))
        })()
      : undefined
  const groups = [...new Set(groupOf)].map((group) => {
    const rows = table.rows.filter((_, i) => groupOf[i] === group)
    const sub: DataTable =
      table.geometry === undefined
        ? { columns: table.columns, rows }
        : { columns: table.columns, rows, geometry: table.rows.flatMap((_, i) => (groupOf[i] === group ? [table.geometry![i] ?? null] : [])) }
    return { group, analysis: panelAnalysis(sub, { ...options, by: undefined }, full) }
  })
  return { by: options.by, groups }
}

const conventions = {
  lag: "W·y (and W·X) formed on the raw data, then demeaned (Elhorst)",
  error: "y and X demeaned first, then filtered with (I − λW) per period (Elhorst's sem_panel_FE)",
}

/**
 * The JSON document of a panel analysis (what `jiju panel --json` prints).
 * @example panelDocument(panelAnalysis(table, options)).r2_within
 */
export const panelDocument = (a: PanelAnalysis): Record<string, unknown> => {
  const pf = a.frame
  if (a.model === "fe") {
    const fit = a.fit
    const d = a.diagnostics
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
      dropped: fit.dropped.map((x) => ({ name: x.name, reason: x.reason })),
      ...(d
        ? {
            diagnostics_of: "demeaned_pooled_ols",
            diagnostics: {
              lm_lag: d.lmLag,
              lm_error: d.lmError,
              robust_lm_lag: d.robustLmLag,
              robust_lm_error: d.robustLmError,
            },
            effects_lr: { unit: d.effectsLr.unit, time: d.effectsLr.time, logLik: d.effectsLr.logLik },
          }
        : {}),
    }
  }
  if (a.model === "re") {
    const fit = a.fit
    return {
      model: a.model,
      effects: a.effects,
      random_method: "swar",
      formula: a.formula,
      n: fit.n,
      units: fit.units,
      periods: fit.periods,
      balanced: fit.balanced,
      n_dropped: pf.frame.nDropped,
      dropped_rows: pf.frame.dropped,
      coefficients: Object.fromEntries(fit.coefficients.map((c) => [c.name, { estimate: c.estimate, se: c.se, z: c.z, p: c.p }])),
      sigma2: fit.sigma2,
      theta: fit.theta,
      r2: fit.r2,
      df_residual: fit.dfResidual,
      rss: fit.rss,
      hausman: fit.hausman,
    }
  }
  const fit = a.fit
  const par = fit.model === "error" ? { lambda: fit.lambda } : { rho: fit.rho }
  const sim = a.impactsSimulation
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
    ...(fit.model === "durbin"
      ? {
          durbin_terms: Object.keys(fit.coefficients)
            .slice(fit.kX)
            .map((nm) => nm.slice(4)),
        }
      : {}),
    ...par,
    sigma2: fit.sigma2,
    logLik: fit.logLik,
    aic: fit.aic,
    lr: fit.lr,
    r2_within: null,
    df_residual: null,
    ...(fit.model === "error" ? {} : { impacts: fit.impacts, impacts_method: fit.impactsMethod }),
    ...(sim ? { impacts_se: sim.se, impacts_simulation: { method: "lesage-pace", draws: sim.draws, seed: sim.seed, discarded: sim.discarded } } : {}),
    bias_correction: fit.biasCorrection,
    conventions: fit.model === "error" ? { error: conventions.error } : { lag: conventions.lag },
    logdet_method: fit.method,
    variance_method: fit.variance,
  }
}

/**
 * The document of a --by run: the group documents, and one comparison table (estimate, se, p of every
 * coefficient and spatial parameter per group).
 * @example panelByDocument(panelByAnalysis(table, { ...options, by: "region" })).table
 */
export const panelByDocument = (a: PanelByAnalysis): Record<string, unknown> => {
  const docs = a.groups.map((g) => ({ group: g.group, document: panelDocument(g.analysis) }))
  const terms: string[] = []
  for (const d of docs) {
    const names = [...Object.keys(d.document.coefficients as Record<string, unknown>), ...["rho", "lambda"].filter((p) => p in d.document)]
    for (const t of names) if (!terms.includes(t)) terms.push(t)
  }
  const cell = (doc: Record<string, unknown>, t: string) => {
    const c = ((doc.coefficients as Record<string, { estimate: number; se: number; p: number }>)[t] ?? doc[t]) as
      | { estimate: number; se: number; p: number }
      | undefined
    return c === undefined ? null : { estimate: c.estimate, se: c.se, p: c.p }
  }
  return {
    by: a.by,
    model: docs[0]?.document.model ?? null,
    groups: docs.map((d) => ({ group: d.group, ...d.document })),
    table: {
      terms,
      rows: docs.map((d) => ({
        group: d.group,
        n: d.document.n,
        units: d.document.units,
        logLik: d.document.logLik ?? null,
        cells: Object.fromEntries(terms.map((t) => [t, cell(d.document, t)])),
      })),
    },
  }
}

/**
 * The document `jiju panel --json` prints.
 * @example panelReport(table, { unit: "firm", period: "year", formula: "inv ~ value + capital", effects: "individual" }).r2_within
 */
export const panelReport = (table: DataTable, options: PanelReportOptions): Record<string, unknown> =>
  options.by === undefined ? panelDocument(panelAnalysis(table, options)) : panelByDocument(panelByAnalysis(table, { ...options, by: options.by }))
