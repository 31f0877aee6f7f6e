import {
  fitSpatialError,
  fitSpatialLag,
  modelFrame,
  ols,
  type ResidualDiagnostics,
  spatialDiagnostics,
  subsetWeights,
} from "@jiju/domain/econometrics"
import { Schema } from "effect"
import { ApiProblem } from "../http/problem.js"
import { buildWeights, WeightsSpec } from "./spatial.js"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/regress (the flags of `jiju regress`). */
export const RegressRequest = Schema.Struct({
  ...DataInput,
  id: Schema.optional(Schema.String),
  /** R-style formula, e.g. "log(y) ~ a + log(b)". */
  formula: Schema.String,
  model: Schema.optional(Schema.Literals(["ols", "lag", "error"])),
  alpha: Schema.optional(Schema.Finite.check(Schema.isGreaterThan(0), Schema.isLessThan(1))),
  weights: Schema.optional(WeightsSpec),
})
export type RegressRequest = typeof RegressRequest.Type

const diagnosticsJson = (d: ResidualDiagnostics) => ({
  moran_residuals: { I: d.moran.I, expected: d.moran.expected, variance: d.moran.variance, z: d.moran.z, p: d.moran.p },
  lm_error: { statistic: d.lm.lmError.statistic, df: d.lm.lmError.df, p: d.lm.lmError.p },
  lm_lag: { statistic: d.lm.lmLag.statistic, df: d.lm.lmLag.df, p: d.lm.lmLag.p },
  robust_lm_error: { statistic: d.lm.robustLmError.statistic, df: d.lm.robustLmError.df, p: d.lm.robustLmError.p },
  robust_lm_lag: { statistic: d.lm.robustLmLag.statistic, df: d.lm.robustLmLag.df, p: d.lm.robustLmLag.p },
  sarma: { statistic: d.lm.sarma.statistic, df: d.lm.sarma.df, p: d.lm.sarma.p },
})

const recommendationJson = (d: ResidualDiagnostics) => ({ model: d.recommendation.model, alpha: d.recommendation.alpha, reason: d.recommendation.reason })

/** The document `jiju regress --json` prints, for the same data, formula, model and weights. */
export const runRegress = (req: RegressRequest) => {
  const model = req.model ?? "ols"
  const alpha = req.alpha ?? 0.05
  if (model !== "ols" && !req.weights)
    throw new ApiProblem(422, "missing_weights", { en: `model ${model} needs spatial weights`, zh: `${model} 模型需要空间权重` }, [
      { field: "weights", en: "required for lag and error models", zh: "空间滞后与空间误差模型必填" },
    ])
  const data = tableOf(req)
  const frame = modelFrame(data, req.formula)
  let spatialW: ReturnType<typeof buildWeights>["weights"] | undefined
  if (req.weights) {
    const { weights } = buildWeights(data, req.id, req.weights)
    spatialW = frame.nDropped > 0 ? subsetWeights(weights, frame.rows) : weights
  }
  const fit = ols(frame.x, frame.y, frame.names, frame.intercept)
  const diag = spatialW === undefined ? undefined : spatialDiagnostics(fit, spatialW, alpha)
  const warnings = spatialW !== undefined && spatialW.style !== "W" ? ["the LM tests assume row-standardised weights (--transform r); these weights are not"] : []
  const input = spatialW ? { y: frame.y, X: frame.x, names: frame.names, weights: spatialW } : undefined
  const spatial = model === "ols" ? undefined : model === "lag" ? fitSpatialLag(input!) : fitSpatialError(input!)
  const base = { model, formula: req.formula, response: frame.response, n: fit.n, k: fit.k, n_dropped: frame.nDropped, dropped_rows: frame.dropped }
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
    ...(diag ? { diagnostics_of: "ols_residuals", diagnostics: diagnosticsJson(diag), recommendation: recommendationJson(diag) } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  }
}
