import {
  type DurbinReductions,
  durbinReductions,
  fitSlx,
  fitSpatialDurbin,
  fitSpatialDurbinError,
  fitSpatialError,
  fitSpatialLag,
  fitSpatialSac,
  impactStandardErrors,
  logDeterminant,
  type ModelFrame,
  modelFrame,
  type OlsFit,
  ols,
  type ResidualDiagnostics,
  type SacFit,
  type SimulatedImpacts,
  type SlxFit,
  type SpatialDurbinErrorFit,
  type SpatialDurbinFit,
  type SpatialErrorFit,
  type SpatialLagFit,
  type SpatialWeights,
  spatialDiagnostics,
  subsetWeights,
  type VarianceChoice,
} from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { inputError } from "../model/errors.js"
import { buildWeights, unitIds, type WeightsSpec } from "./WeightsSpec.js"

/**
 * The regression models: OLS, ML spatial lag (SAR), ML spatial error (SEM), SLX (OLS with WX), spatial Durbin
 * (SDM: lag + WX), spatial Durbin error (SDEM: error + WX) and SAC (lag + error).
 */
export type RegressModel = "ols" | "lag" | "error" | "slx" | "durbin" | "sdem" | "sac"

/** Every regression model, in the order help texts list them. */
export const REGRESS_MODELS: ReadonlyArray<RegressModel> = ["ols", "lag", "error", "slx", "durbin", "sdem", "sac"]

/** Options of a regression: formula, model, recommendation level and (optional) weights. */
export interface RegressReportOptions {
  /** R-style formula, e.g. "log(y) ~ a + log(b)". */
  readonly formula: string
  /** ols (default), lag or error; lag and error need weights. */
  readonly model?: RegressModel | undefined
  /** Significance level of the model recommendation (default 0.05). */
  readonly alpha?: number | undefined
  /** Unit id column (default: 1-based row numbers). */
  readonly id?: string | undefined
  /** Weights: with them, the OLS residuals are tested for spatial dependence. */
  readonly weights?: WeightsSpec | undefined
  /** slx, durbin, sdem: the regressors whose spatial lags enter (default: every regressor but the intercept). */
  readonly durbin?: ReadonlyArray<string> | undefined
  /** ML models: "auto" (default: information matrix for n ≤ 1,500, observed Hessian above), "information" or "hessian". */
  readonly variance?: VarianceChoice | undefined
  /** lag, durbin, sac: simulated standard errors of the impacts (LeSage–Pace) from this many draws. */
  readonly impactsSe?: { readonly draws: number; readonly seed: number } | undefined
}

/** A fitted spatial model of any kind (SLX is least squares, the others maximum likelihood). */
export type SpatialModelFit = SpatialLagFit | SpatialErrorFit | SpatialDurbinFit | SpatialDurbinErrorFit | SacFit

/** Everything a regression computed, before it becomes the `jiju regress --json` document. */
export interface RegressAnalysis {
  readonly model: RegressModel
  readonly formula: string
  readonly frame: ModelFrame
  readonly fit: OlsFit
  readonly diagnostics: ResidualDiagnostics | undefined
  readonly spatial: SpatialModelFit | undefined
  readonly slx: SlxFit | undefined
  readonly reductions: DurbinReductions | undefined
  readonly impactsSimulation: SimulatedImpacts | undefined
  readonly warnings: ReadonlyArray<string>
}

/**
 * Fit OLS (with spatial diagnostics of its residuals when weights are given) and, for model lag / error,
 * the ML spatial model. Rows with missing values are dropped and the weights restricted to the rest.
 * Throws InputError "missing_weights" for lag / error without weights, and the estimators' errors.
 * @example regressAnalysis(table, { formula: "CRIME ~ INC + HOVAL" }).fit.r2
 */
export const regressAnalysis = (table: DataTable, options: RegressReportOptions): RegressAnalysis => {
  const model = options.model ?? "ols"
  const alpha = options.alpha ?? 0.05
  if (model !== "ols" && options.weights === undefined)
    throw inputError("missing_weights", `model ${model} needs spatial weights`, `${model} 模型需要空间权重`, { column: "weights" })
  const frame = modelFrame(table, options.formula)
  let w: SpatialWeights | undefined
  if (options.weights !== undefined) {
    const weights = buildWeights(options.weights, table, unitIds(table, options.id))
    w = frame.nDropped > 0 ? subsetWeights(weights, frame.rows) : weights
  }
  const fit = ols(frame.x, frame.y, frame.names, frame.intercept)
  const diagnostics = w === undefined ? undefined : spatialDiagnostics(fit, w, alpha)
  // The LM tests assume row-standardised weights (spdep warns likewise).
  const warnings = w !== undefined && w.style !== "W" ? ["the LM tests assume row-standardised weights (--transform r); these weights are not"] : []
  if (options.durbin !== undefined && !["slx", "durbin", "sdem"].includes(model))
    throw inputError(
      "durbin_not_applicable",
      `--durbin applies to slx, durbin and sdem, not ${model}`,
      `--durbin 仅适用于 slx、durbin 与 sdem，不适用于 ${model}`,
      {
        column: "durbin",
      },
    )
  if (options.impactsSe !== undefined && !["lag", "durbin", "sac"].includes(model))
    throw inputError(
      "impacts_se_not_applicable",
      `simulated impact standard errors apply to lag, durbin and sac (slx and sdem have exact ones), not ${model}`,
      `模拟的效应标准误适用于 lag、durbin 与 sac（slx 与 sdem 有精确标准误），不适用于 ${model}`,
      { column: "impacts-se" },
    )
  if (w === undefined || model === "ols")
    return {
      model,
      formula: options.formula,
      frame,
      fit,
      diagnostics,
      spatial: undefined,
      slx: undefined,
      reductions: undefined,
      impactsSimulation: undefined,
      warnings,
    }
  const base = { y: frame.y, X: frame.x, names: frame.names, weights: w, variance: options.variance ?? "auto" }
  if (model === "slx") {
    const slx = fitSlx({ ...base, durbin: options.durbin })
    return { model, formula: options.formula, frame, fit, diagnostics, spatial: undefined, slx, reductions: undefined, impactsSimulation: undefined, warnings }
  }
  const logDet = logDeterminant(w)
  // The OLS fit decomposed this X already (the Durbin fits, whose X is wider, decompose theirs).
  const input = { ...base, logDet, qr: fit.qr }
  let spatial: SpatialModelFit
  let reductions: DurbinReductions | undefined
  if (model === "lag") spatial = fitSpatialLag(input)
  else if (model === "error") spatial = fitSpatialError(input)
  else if (model === "sac") spatial = fitSpatialSac(input)
  else if (model === "sdem") spatial = fitSpatialDurbinError({ ...input, durbin: options.durbin })
  else {
    const sdm = fitSpatialDurbin({ ...input, durbin: options.durbin })
    reductions = durbinReductions(sdm, fitSpatialLag(input), fitSpatialError(input), alpha, diagnostics?.recommendation.model)
    spatial = sdm
  }
  const impactsSimulation =
    options.impactsSe !== undefined && (spatial.model === "lag" || spatial.model === "durbin" || spatial.model === "sac")
      ? impactStandardErrors(spatial, w, logDet, options.impactsSe.draws, options.impactsSe.seed)
      : undefined
  return { model, formula: options.formula, frame, fit, diagnostics, spatial, slx: undefined, reductions, impactsSimulation, warnings }
}

const diagnosticsJson = (d: ResidualDiagnostics) => ({
  moran_residuals: { I: d.moran.I, expected: d.moran.expected, variance: d.moran.variance, z: d.moran.z, p: d.moran.p },
  lm_error: { statistic: d.lm.lmError.statistic, df: d.lm.lmError.df, p: d.lm.lmError.p },
  lm_lag: { statistic: d.lm.lmLag.statistic, df: d.lm.lmLag.df, p: d.lm.lmLag.p },
  robust_lm_error: { statistic: d.lm.robustLmError.statistic, df: d.lm.robustLmError.df, p: d.lm.robustLmError.p },
  robust_lm_lag: { statistic: d.lm.robustLmLag.statistic, df: d.lm.robustLmLag.df, p: d.lm.robustLmLag.p },
  sarma: { statistic: d.lm.sarma.statistic, df: d.lm.sarma.df, p: d.lm.sarma.p },
})

const recommendationJson = (d: ResidualDiagnostics) => ({ model: d.recommendation.model, alpha: d.recommendation.alpha, reason: d.recommendation.reason })

/**
 * The JSON document of a regression analysis (OLS, or spatial lag / error with the OLS diagnostics), as `jiju regress --json` prints it.
 * @example regressDocument(regressAnalysis(table, options)).coefficients
 */
export const regressDocument = (a: RegressAnalysis): Record<string, unknown> => {
  const { fit, frame, spatial, diagnostics: diag, warnings } = a
  const base = { model: a.model, formula: a.formula, response: frame.response, n: fit.n, k: fit.k, n_dropped: frame.nDropped, dropped_rows: frame.dropped }
  const diagnostics = diag ? { diagnostics: diagnosticsJson(diag), recommendation: recommendationJson(diag) } : {}
  const warn = warnings.length > 0 ? { warnings } : {}
  if (a.slx !== undefined) {
    const s = a.slx
    const f = s.fit
    return {
      ...base,
      k: f.k,
      coefficients: Object.fromEntries(f.coefficients.map((c) => [c.name, { estimate: c.estimate, se: c.se, z: c.t, p: c.p }])),
      durbin_terms: f.names.slice(s.kX).map((nm) => nm.slice(4)),
      sigma2: f.sigma2,
      logLik: f.logLik,
      aic: f.aic,
      lr: null,
      r2: f.r2,
      adj_r2: f.adjR2,
      df_residual: f.dfResidual,
      f_statistic: f.fStatistic,
      impacts: s.impacts,
      impacts_se: s.se,
      impacts_method: s.impactsMethod,
      ...(diag ? { diagnostics_of: "ols_residuals", ...diagnostics } : {}),
      ...warn,
    }
  }
  if (spatial === undefined)
    return {
      ...base,
      coefficients: Object.fromEntries(fit.coefficients.map((c) => [c.name, { estimate: c.estimate, se: c.se, z: c.t, p: c.p }])),
      sigma2: fit.sigma2,
      logLik: fit.logLik,
      aic: fit.aic,
      lr: null,
      r2: fit.r2,
      adj_r2: fit.adjR2,
      df_residual: fit.dfResidual,
      f_statistic: fit.fStatistic,
      ...diagnostics,
      ...warn,
    }
  const par = {
    ...("rho" in spatial ? { rho: spatial.rho } : {}),
    ...("lambda" in spatial ? { lambda: spatial.lambda } : {}),
  }
  const durbin = spatial.model === "durbin" || spatial.model === "sdem"
  const sim = a.impactsSimulation
  return {
    ...base,
    k: spatial.k,
    coefficients: spatial.coefficients,
    ...(durbin
      ? {
          durbin_terms: Object.keys(spatial.coefficients)
            .slice(spatial.kX)
            .map((nm) => nm.slice(4)),
        }
      : {}),
    ...par,
    sigma2: spatial.sigma2,
    logLik: spatial.logLik,
    aic: spatial.aic,
    lr: spatial.lr,
    logLik_ols: spatial.logLikOLS,
    // The non-spatial comparator has the same regressors (with WX for the Durbin models).
    aic_ols: durbin ? -2 * spatial.logLikOLS + 2 * (spatial.k + 1) : fit.aic,
    r2: null,
    ...("impacts" in spatial ? { impacts: spatial.impacts, impacts_method: spatial.impactsMethod } : {}),
    ...(spatial.model === "sdem" ? { impacts_se: spatial.impactsSe } : {}),
    ...(sim ? { impacts_se: sim.se, impacts_simulation: { method: "lesage-pace", draws: sim.draws, seed: sim.seed, discarded: sim.discarded } } : {}),
    ...(a.reductions ? { reductions: reductionsJson(a.reductions) } : {}),
    logdet_method: spatial.method,
    variance_method: spatial.variance,
    // Diagnostics here are those of the OLS residuals, which motivate the spatial model.
    ...(diag ? { diagnostics_of: "ols_residuals", ...diagnostics } : {}),
    ...warn,
  }
}

const reductionsJson = (r: DurbinReductions) => ({
  lag: { lr: r.lag.lr, wald: r.lag.wald },
  error: r.error === null ? null : { lr: r.error.lr, wald: r.error.wald },
  alpha: r.alpha,
  verdict: r.verdict,
})

/**
 * The document `jiju regress --json` prints.
 * @example regressReport(table, { formula: "CRIME ~ INC + HOVAL", model: "lag", weights }).rho
 */
export const regressReport = (table: DataTable, options: RegressReportOptions) => regressDocument(regressAnalysis(table, options))
