import { inverseSummaries } from "../linalg/denseInverse.js"
import { chiSquareSf } from "../linalg/distributions.js"
import { inverse } from "../linalg/lu.js"
import { matrix } from "../linalg/Matrix.js"
import { qrCoefficients, qrDecompose, qrResiduals, qrUnscaledCovariance } from "../linalg/qr.js"
import { stackedLagColumns } from "../weights/spatialLag.js"
import { brentMaximize } from "./brent.js"
import type { Estimate, SpatialErrorFit, SpatialFitBase } from "./SpatialFit.js"
import { prepareRegression, type SpatialRegressionInput } from "./SpatialRegression.js"
import { boundWarnings, column, crossprod, dot, estimate, loglikOLS, matVec, notConverged, type StackedData, useAnalytic } from "./stacked.js"

/** Result of the spatial error core. */
export interface ErrorCore extends Omit<SpatialFitBase, "method" | "n" | "k"> {
  readonly lambda: Estimate
}

/**
 * Maximum likelihood for y = Xβ + u, u = λWu + ε on stacked data: for each λ, β(λ) is OLS of y − λWy on
 * X − λWX and λ maximises T·log|I − λW| − (NT/2)·log(2π·SSE(λ)/NT) − NT/2. Standard errors of β are
 * √(σ²·diag((X − λWX)'(X − λWX))⁻¹) as spatialreg errorsarlm; λ's from the information matrix (n ≤ 1,500)
 * or the observed Hessian.
 * @internal used by fitSpatialError and fitSpatialPanel
 */
export const estimateError = (d: StackedData): ErrorCore => {
  const nObs = d.y.length
  const k = d.X.cols
  const T = d.periods
  const WX = d.WX ?? stackedLagColumns(d.weights, T, d.X)
  const transform = (lambda: number) => {
    const ys = new Float64Array(nObs)
    for (let i = 0; i < nObs; i++) ys[i] = d.y[i]! - lambda * d.wy[i]!
    const xs = matrix(nObs, k)
    for (let i = 0; i < nObs * k; i++) xs.data[i] = d.X.data[i]! - lambda * WX.data[i]!
    return { ys, xs }
  }
  const ll = (lambda: number): number => {
    const { ys, xs } = transform(lambda)
    const r = qrResiduals(qrDecompose(xs), ys)
    const sse = dot(r, r)
    const s2 = sse / nObs
    return T * d.logDet.logDet(lambda) - (nObs / 2) * Math.log(2 * Math.PI) - (nObs / 2) * Math.log(s2) - sse / (2 * s2)
  }
  const opt = brentMaximize(ll, d.interval[0], d.interval[1], 1e-12, 1e-10)
  const lambda = opt.x
  const { ys, xs } = transform(lambda)
  const qr = qrDecompose(xs)
  const beta = qrCoefficients(qr, ys)
  const e = qrResiduals(qr, ys)
  const sse = dot(e, e)
  const s2 = sse / nObs
  const unscaled = qrUnscaledCovariance(qr)
  const fitted = new Float64Array(nObs)
  for (let i = 0; i < nObs; i++) fitted[i] = d.y[i]! - e[i]!
  let varLambda: number
  let variance: "analytic" | "hessian"
  if (useAnalytic(d)) {
    const s = inverseSummaries(d.weights, lambda)
    const a = nObs / (2 * s2 * s2)
    const b = (T * s.trace) / s2
    const c = T * (s.traceSquare + s.frobenius2)
    varLambda = a / (a * c - b * b)
    variance = "analytic"
  } else {
    // Observed Hessian in (λ, β): u = y − Xβ, e = u − λWu, X̃ = X − λWX.
    const wxb = matVec(WX, beta)
    const wu = new Float64Array(nObs)
    for (let i = 0; i < nObs; i++) wu[i] = d.wy[i]! - wxb[i]!
    const g = -2 * dot(e, wu)
    const c = -nObs / (2 * sse)
    const h = matrix(k + 1, k + 1)
    const set = (i: number, j: number, v: number) => {
      h.data[i * (k + 1) + j] = -v
      h.data[j * (k + 1) + i] = -v
    }
    set(0, 0, c * 2 * dot(wu, wu) + (nObs / (2 * sse * sse)) * g * g + T * d.logDet.secondDerivative(lambda))
    const xtx = crossprod(xs)
    for (let j = 0; j < k; j++) {
      set(0, 1 + j, c * 2 * (dot(wu, column(xs, j)) + dot(e, column(WX, j))))
      for (let l = 0; l <= j; l++) set(1 + j, 1 + l, c * 2 * xtx.data[j * k + l]!)
    }
    varLambda = inverse(h).data[0]!
    variance = "hessian"
  }
  if (!(varLambda > 0)) throw notConverged(variance === "analytic" ? "information" : "Hessian")
  const coefficients: Record<string, Estimate> = {}
  d.names.forEach((name, j) => {
    // qrUnscaledCovariance is in pivoted order; full rank keeps the original order.
    const p = qr.pivot.indexOf(j)
    coefficients[name] = estimate(beta[j]!, Math.sqrt(s2 * unscaled.data[p * k + p]!))
  })
  const r0 = qrResiduals(qrDecompose(d.X), d.y)
  const logLikOLS = loglikOLS(dot(r0, r0), nObs)
  const statistic = 2 * (opt.value - logLikOLS)
  return {
    coefficients,
    lambda: estimate(lambda, Math.sqrt(varLambda)),
    sigma2: s2,
    logLik: opt.value,
    aic: -2 * opt.value + 2 * (k + 2),
    logLikOLS,
    lr: { statistic, p: chiSquareSf(statistic, 1) },
    variance,
    interval: d.interval,
    residuals: e,
    fitted,
    warnings: boundWarnings(lambda, d.interval, "lambda"),
  }
}

/**
 * Maximum-likelihood spatial error model y = Xβ + u, u = λWu + ε, as spatialreg::errorsarlm.
 * @example fitSpatialError({ y, X, names, weights }).lambda.estimate
 */
export const fitSpatialError = (input: SpatialRegressionInput): SpatialErrorFit => {
  const d = prepareRegression(input)
  const core = estimateError({ ...d, WX: stackedLagColumns(d.weights, 1, d.X) })
  return { model: "error", ...core, method: d.logDet.method, n: d.y.length, k: d.X.cols }
}
