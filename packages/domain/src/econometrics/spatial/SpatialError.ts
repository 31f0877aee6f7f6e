import { chiSquareSf } from "../linalg/distributions.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import { qrCoefficients, qrDecompose, qrResiduals, qrUnscaledCovariance } from "../linalg/qr.js"
import { stackedLagColumns } from "../weights/spatialLag.js"
import { maximizeConcentrated } from "./concentratedSearch.js"
import type { Estimate, SpatialErrorFit, SpatialFitBase } from "./SpatialFit.js"
import { prepareRegression, type SpatialRegressionInput } from "./SpatialRegression.js"
import {
  boundWarnings,
  column,
  dot,
  estimate,
  hessianCovariance,
  loglikOLS,
  matVec,
  notConverged,
  type StackedData,
  tracesOf,
  varianceMethod,
} from "./stacked.js"

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
  const restOf = (sse: number): number => {
    const s2 = sse / nObs
    return -(nObs / 2) * Math.log(2 * Math.PI) - (nObs / 2) * Math.log(s2) - sse / (2 * s2)
  }
  // The log-likelihood without its T·log|I − λW| term: SSE(λ) by QR, and a cheap O(k³) version from the
  // cross-products of [X y] and [WX Wy] (normal equations) to steer the search.
  const rest = (lambda: number): number => {
    const { ys, xs } = transform(lambda)
    const r = qrResiduals(qrDecompose(xs), ys)
    return restOf(dot(r, r))
  }
  const sseApprox = crossProductSse(d.X, WX, d.y, d.wy)
  const smooth = {
    value: (lambda: number) => restOf(sseApprox(lambda).sse),
    derivative: (lambda: number) => {
      const a = sseApprox(lambda)
      return (-(nObs / 2) * a.derivative) / a.sse
    },
  }
  const opt = maximizeConcentrated(d.logDet, T, rest, d.interval, smooth)
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
  const variance = varianceMethod(d)
  let varLambda: number
  if (variance === "information") {
    // (σ², λ) block of the information matrix; β is orthogonal to both (Anselin 1988, spatialreg errorsarlm).
    const s = tracesOf(d.weights).information(lambda)
    const a = nObs / (2 * s2 * s2)
    const b = (T * s.trace) / s2
    const c = T * (s.traceSquare + s.frobenius2)
    varLambda = a / (a * c - b * b)
  } else {
    // Observed Hessian in (λ, β): u = y − Xβ, e = u − λWu, ∂e/∂λ = −Wu, ∂e/∂β = −X̃, ∂²e/∂λ∂β = WX.
    const wxb = matVec(WX, beta)
    const wu = new Float64Array(nObs)
    for (let i = 0; i < nObs; i++) wu[i] = d.wy[i]! - wxb[i]!
    const jac = [wu.map((v) => -v), ...Array.from({ length: k }, (_, j) => column(xs, j).map((v) => -v))]
    const second = Array.from({ length: k }, (_, j) => ({ a: 0, b: 1 + j, v: column(WX, j) }))
    varLambda = hessianCovariance(e, jac, second, [{ index: 0, value: T * d.logDet.secondDerivative(lambda) }]).data[0]!
  }
  if (!(varLambda > 0)) throw notConverged(variance === "information" ? "information" : "Hessian")
  // As spatialreg: the coefficients' covariance is σ²(X̃'X̃)⁻¹ whatever the method for λ (block diagonal).
  const cov = matrix(k + 1, k + 1)
  cov.data[0] = varLambda
  for (let j = 0; j < k; j++)
    for (let l = 0; l < k; l++) {
      // qrUnscaledCovariance is in pivoted order; full rank keeps every column.
      const pj = qr.pivot.indexOf(j)
      const pl = qr.pivot.indexOf(l)
      cov.data[(1 + j) * (k + 1) + 1 + l] = s2 * unscaled.data[pj * k + pl]!
    }
  const coefficients: Record<string, Estimate> = {}
  d.names.forEach((name, j) => {
    coefficients[name] = estimate(beta[j]!, Math.sqrt(cov.data[(1 + j) * (k + 1) + 1 + j]!))
  })
  const r0 = qrResiduals(d.qr ?? qrDecompose(d.X), d.y)
  const logLikOLS = loglikOLS(dot(r0, r0), nObs)
  const statistic = 2 * (opt.value - logLikOLS)
  return {
    coefficients,
    lambda: estimate(lambda, Math.sqrt(varLambda)),
    sigma2: s2,
    logLik: opt.value,
    aic: -2 * opt.value + 2 * (k + 2),
    logLikOLS,
    lr: { statistic, p: chiSquareSf(statistic, 1), df: 1 },
    variance,
    covariance: { names: ["lambda", ...d.names], matrix: cov },
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

/**
 * SSE(λ) of the regression of y − λWy on X − λWX, and dSSE/dλ, from the (k + 1)² cross-products of [X y]
 * and [WX Wy] in O(k³) per λ: with G(λ) = [X̃ ỹ]'[X̃ ỹ] = A − λ(B + B') + λ²C, SSE = min_β v'Gv over
 * v = (−β, 1), so dSSE/dλ = v'G'v at the minimiser (envelope theorem). Normal equations (Cholesky of G_xx)
 * are less accurate than QR when X is ill-conditioned: used only to steer the search.
 */
const crossProductSse = (X: Matrix, WX: Matrix, y: Float64Array, wy: Float64Array): ((lambda: number) => { sse: number; derivative: number }) => {
  const n = y.length
  const k = X.cols
  const m = k + 1
  const a = new Float64Array(m * m)
  const b = new Float64Array(m * m)
  const c = new Float64Array(m * m)
  const u = new Float64Array(m)
  const v = new Float64Array(m)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      u[j] = X.data[i * k + j]!
      v[j] = WX.data[i * k + j]!
    }
    u[k] = y[i]!
    v[k] = wy[i]!
    for (let r = 0; r < m; r++)
      for (let s = 0; s < m; s++) {
        a[r * m + s]! += u[r]! * u[s]!
        b[r * m + s]! += u[r]! * v[s]!
        c[r * m + s]! += v[r]! * v[s]!
      }
  }
  const g = new Float64Array(m * m)
  const l = new Float64Array(m * m)
  const beta = new Float64Array(m)
  const failed = { sse: Number.NaN, derivative: Number.NaN }
  return (lambda: number) => {
    for (let r = 0; r < m; r++)
      for (let s = 0; s < m; s++) g[r * m + s] = a[r * m + s]! - lambda * (b[r * m + s]! + b[s * m + r]!) + lambda * lambda * c[r * m + s]!
    // Cholesky of G_xx (k × k), β = G_xx⁻¹ G_xy, SSE = G_yy − G_yx β.
    for (let j = 0; j < k; j++) {
      let d = g[j * m + j]!
      for (let p = 0; p < j; p++) d -= l[j * m + p]! * l[j * m + p]!
      if (!(d > 0)) return failed
      const ljj = Math.sqrt(d)
      l[j * m + j] = ljj
      for (let i = j + 1; i < k; i++) {
        let s = g[i * m + j]!
        for (let p = 0; p < j; p++) s -= l[i * m + p]! * l[j * m + p]!
        l[i * m + j] = s / ljj
      }
    }
    for (let i = 0; i < k; i++) {
      let s = g[i * m + k]!
      for (let p = 0; p < i; p++) s -= l[i * m + p]! * beta[p]!
      beta[i] = s / l[i * m + i]!
    }
    for (let i = k - 1; i >= 0; i--) {
      let s = beta[i]!
      for (let p = i + 1; p < k; p++) s -= l[p * m + i]! * beta[p]!
      beta[i] = s / l[i * m + i]!
    }
    let sse = g[k * m + k]!
    for (let i = 0; i < k; i++) sse -= g[k * m + i]! * beta[i]!
    // v = (−β, 1); G' = −(B + B') + 2λC.
    beta[k] = -1
    let derivative = 0
    for (let r = 0; r < m; r++) for (let s = 0; s < m; s++) derivative += beta[r]! * beta[s]! * (-(b[r * m + s]! + b[s * m + r]!) + 2 * lambda * c[r * m + s]!)
    return { sse: Math.max(sse, Number.MIN_VALUE), derivative }
  }
}
