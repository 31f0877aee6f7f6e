import {
  fitSpatialError,
  fitSpatialLag,
  type ModelFrame,
  modelFrame,
  type OlsFit,
  ols,
  type ResidualDiagnostics,
  type SpatialErrorFit,
  type SpatialLagFit,
  type SpatialWeights,
  spatialDiagnostics,
  subsetWeights,
} from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { inputError } from "../model/errors.js"
import { buildWeights, unitIds, type WeightsSpec } from "./WeightsSpec.js"

/** The regression models: OLS, ML spatial lag, ML spatial error. */
export type RegressModel = "ols" | "lag" | "error"

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
}

/** Everything a regression computed, before it becomes the `jiju regress --json` document. */
export interface RegressAnalysis {
  readonly model: RegressModel
  readonly formula: string
  readonly frame: ModelFrame
  readonly fit: OlsFit
  readonly diagnostics: ResidualDiagnostics | undefined
  readonly spatial: SpatialLagFit | SpatialErrorFit | undefined
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
  const input = w === undefined ? undefined : { y: frame.y, X: frame.x, names: frame.names, weights: w }
  const spatial = model === "ols" ? undefined : model === "lag" ? fitSpatialLag(input!) : fitSpatialError(input!)
  return { model, formula: options.formula, frame, fit, diagnostics, spatial, warnings }
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
      ...(diag ? { diagnostics: diagnosticsJson(diag), recommendation: recommendationJson(diag) } : {}),
      ...(warnings.length > 0 ? { warnings } : {}),
    }
  const par = spatial.model === "lag" ? { rho: spatial.rho } : { lambda: spatial.lambda }
  return {
    ...base,
    coefficients: spatial.coefficients,
    ...par,
    sigma2: spatial.sigma2,
    logLik: spatial.logLik,
    aic: spatial.aic,
    lr: spatial.lr,
    logLik_ols: spatial.logLikOLS,
    aic_ols: fit.aic,
    r2: null,
    ...(spatial.model === "lag" ? { impacts: spatial.impacts, impacts_method: spatial.impactsMethod } : {}),
    logdet_method: spatial.method,
    variance_method: spatial.variance,
    // Diagnostics here are those of the OLS residuals, which motivate the spatial model.
    ...(diag ? { diagnostics_of: "ols_residuals", diagnostics: diagnosticsJson(diag), recommendation: recommendationJson(diag) } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  }
}

/**
 * The document `jiju regress --json` prints.
 * @example regressReport(table, { formula: "CRIME ~ INC + HOVAL", model: "lag", weights }).rho
 */
export const regressReport = (table: DataTable, options: RegressReportOptions) => regressDocument(regressAnalysis(table, options))
