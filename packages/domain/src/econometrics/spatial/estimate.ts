import { ComputationError } from "../../model/errors.js"
import { chiSquareSf, normalPValue } from "../linalg/distributions.js"
import { inverse } from "../linalg/lu.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import { qrCoefficients, qrDecompose, qrResiduals, qrUnscaledCovariance } from "../linalg/qr.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { brentMaximize } from "./brent.js"
import { inverseSummaries } from "./denseInverse.js"
import { lagImpacts } from "./impacts.js"
import type { LogDeterminant } from "./LogDeterminant.js"
import type { Estimate, Impact, SpatialFitBase } from "./SpatialFit.js"
import { spatialLag } from "./sparse.js"

/** Largest number of units for which standard errors use the analytic information matrix (dense O(n³)). */
export const ANALYTIC_MAX_N = 1500

/**
 * Data of a concentrated-likelihood fit, cross-section (T = 1) or stacked panel (N units × T periods,
 * row t·N + i): y and X already transformed (e.g. demeaned), wy/WX their spatial lags (transformed alike).
 */
export interface StackedData {
  readonly y: Float64Array
  readonly wy: Float64Array
  readonly X: Matrix
  readonly WX?: Matrix
  readonly names: ReadonlyArray<string>
  readonly weights: SpatialWeights
  readonly logDet: LogDeterminant
  readonly interval: readonly [number, number]
  readonly periods: number
  /** "auto": analytic for N ≤ 1,500, observed Hessian above. */
  readonly variance?: "auto" | "analytic" | "hessian"
}

const useAnalytic = (d: StackedData): boolean => d.variance === "analytic" || (d.variance !== "hessian" && d.weights.ids.length <= ANALYTIC_MAX_N)

const estimate = (value: number, se: number): Estimate => {
  const z = value / se
  return { estimate: value, se, z, p: normalPValue(z) }
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!
  return s
}

const column = (m: Matrix, j: number): Float64Array => {
  const c = new Float64Array(m.rows)
  for (let i = 0; i < m.rows; i++) c[i] = m.data[i * m.cols + j]!
  return c
}

const matVec = (m: Matrix, v: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(m.rows)
  for (let i = 0; i < m.rows; i++) {
    let s = 0
    for (let j = 0; j < m.cols; j++) s += m.data[i * m.cols + j]! * v[j]!
    out[i] = s
  }
  return out
}

const crossprod = (m: Matrix): Matrix => {
  const k = m.cols
  const out = matrix(k, k)
  for (let i = 0; i < m.rows; i++)
    for (let a = 0; a < k; a++) {
      const va = m.data[i * k + a]!
      for (let b = 0; b <= a; b++) out.data[a * k + b]! += va * m.data[i * k + b]!
    }
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) out.data[a * k + b] = out.data[b * k + a]!
  return out
}

const notConverged = (what: string) =>
  new ComputationError({
    code: "spatial_variance_failed",
    message: `the ${what} matrix is not positive definite; standard errors cannot be computed`,
    zh: `${what}矩阵非正定，无法计算标准误`,
  })

// Z = W(I − ρW)⁻¹ applied to each period block of a stacked vector, plus the N×N trace summaries.
const blockSummaries = (d: StackedData, rho: number, v: Float64Array) => {
  const n = d.weights.ids.length
  const blocks: Float64Array[] = []
  for (let t = 0; t < d.periods; t++) blocks.push(v.subarray(t * n, (t + 1) * n))
  const s = inverseSummaries(d.weights, rho, blocks)
  const zv = new Float64Array(v.length)
  s.products.forEach((p, t) => {
    zv.set(p, t * n)
  })
  return { ...s, zv }
}

// As spatialreg: an optimum (numerically) on the interval bound means the likelihood has no interior maximum.
const boundWarnings = (value: number, interval: readonly [number, number], symbol: string) => {
  const near = (a: number, b: number) => Math.abs(a - b) <= 1.5e-8 * Math.max(1, Math.abs(b))
  return near(value, interval[0]) || near(value, interval[1])
    ? [
        {
          code: "spatial_parameter_at_bound",
          en: `${symbol} = ${value} lies on the search interval bound [${interval[0]}, ${interval[1]}]: results should not be used`,
          zh: `${symbol} = ${value} 位于搜索区间边界 [${interval[0]}, ${interval[1]}]：结果不可用`,
        },
      ]
    : []
}

const loglikOLS = (sse: number, nObs: number): number => (-nObs / 2) * (Math.log((2 * Math.PI * sse) / nObs) + 1)

const lagFromPeriods = (d: StackedData, v: ArrayLike<number>): Float64Array => {
  const n = d.weights.ids.length
  const out = new Float64Array(v.length)
  for (let t = 0; t < d.periods; t++) out.set(spatialLag(d.weights, (v as Float64Array).subarray(t * n, (t + 1) * n)), t * n)
  return out
}

/** Result of the spatial lag core: shared by the cross-section and panel fits. */
export interface LagCore extends Omit<SpatialFitBase, "method" | "n" | "k"> {
  readonly rho: Estimate
  readonly impacts: Record<string, Impact>
  readonly impactsMethod: "exact" | "monte-carlo"
}

/**
 * Maximum likelihood for y = ρWy + Xβ + ε on stacked data: ρ maximises the concentrated log-likelihood
 * T·log|I − ρW| − (NT/2)·log(2π·SSE(ρ)/NT) − NT/2 with SSE(ρ) = ‖e0 − ρe1‖², e0, e1 the OLS residuals of
 * y and Wy on X (Anselin 1988; Elhorst 2014 for panels). Brent's method as R's optimize.
 * @internal used by fitSpatialLag and fitSpatialPanel
 */
export const estimateLag = (d: StackedData): LagCore => {
  const nObs = d.y.length
  const k = d.X.cols
  const T = d.periods
  const qr = qrDecompose(d.X)
  const b0 = qrCoefficients(qr, d.y)
  const b1 = qrCoefficients(qr, d.wy)
  const e0 = qrResiduals(qr, d.y)
  const e1 = qrResiduals(qr, d.wy)
  const ea = dot(e0, e0)
  const eb = dot(e1, e0)
  const ec = dot(e1, e1)
  const ll = (rho: number): number => {
    const sse = ea - 2 * rho * eb + rho * rho * ec
    const s2 = sse / nObs
    return T * d.logDet.logDet(rho) - (nObs / 2) * Math.log(2 * Math.PI) - (nObs / 2) * Math.log(s2) - sse / (2 * s2)
  }
  const opt = brentMaximize(ll, d.interval[0], d.interval[1], 1e-12, 1e-10)
  const rho = opt.x
  const beta = new Float64Array(k)
  for (let j = 0; j < k; j++) beta[j] = b0[j]! - rho * b1[j]!
  const e = new Float64Array(nObs)
  for (let i = 0; i < nObs; i++) e[i] = e0[i]! - rho * e1[i]!
  const sse = dot(e, e)
  const s2 = sse / nObs
  const fitted = new Float64Array(nObs)
  for (let i = 0; i < nObs; i++) fitted[i] = d.y[i]! - e[i]!
  const xtx = crossprod(d.X)
  const nUnits = d.weights.ids.length
  let cov: Matrix
  let variance: "analytic" | "hessian"
  let exactTraces: { traceS: number; sumS: number } | undefined
  if (useAnalytic(d)) {
    // Information matrix in (σ², ρ, β) (Anselin 1988, as spatialreg lagsarlm; T·traces for panels).
    const xb = matVec(d.X, beta)
    const s = blockSummaries(d, rho, xb)
    const zxb = s.zv
    const info = matrix(k + 2, k + 2)
    const set = (i: number, j: number, v: number) => {
      info.data[i * (k + 2) + j] = v
      info.data[j * (k + 2) + i] = v
    }
    set(0, 0, nObs / (2 * s2 * s2))
    set(0, 1, (T * s.trace) / s2)
    set(1, 1, T * (s.traceSquare + s.frobenius2) + dot(zxb, zxb) / s2)
    for (let j = 0; j < k; j++) {
      set(1, 2 + j, dot(column(d.X, j), zxb) / s2)
      for (let l = 0; l <= j; l++) set(2 + j, 2 + l, xtx.data[j * k + l]! / s2)
    }
    const v = inverse(info)
    cov = matrix(k + 1, k + 1)
    for (let i = 0; i <= k; i++) for (let j = 0; j <= k; j++) cov.data[i * (k + 1) + j] = v.data[(i + 1) * (k + 2) + j + 1]!
    variance = "analytic"
    exactTraces = { traceS: nUnits + rho * s.trace, sumS: nUnits + rho * s.sum }
  } else {
    // Observed Hessian of the concentrated log-likelihood in (ρ, β), as spatialreg's fdHess for large n.
    const g = -2 * dot(d.wy, e)
    const h = matrix(k + 1, k + 1)
    const c = -nObs / (2 * sse)
    const set = (i: number, j: number, v: number) => {
      h.data[i * (k + 1) + j] = -v
      h.data[j * (k + 1) + i] = -v
    }
    set(0, 0, c * 2 * dot(d.wy, d.wy) + (nObs / (2 * sse * sse)) * g * g + T * d.logDet.secondDerivative(rho))
    for (let j = 0; j < k; j++) {
      set(0, 1 + j, c * 2 * dot(column(d.X, j), d.wy))
      for (let l = 0; l <= j; l++) set(1 + j, 1 + l, c * 2 * xtx.data[j * k + l]!)
    }
    cov = inverse(h)
    variance = "hessian"
  }
  const se = (i: number) => {
    const v = cov.data[i * (k + 1) + i]!
    if (!(v > 0)) throw notConverged(variance === "analytic" ? "information" : "Hessian")
    return Math.sqrt(v)
  }
  const coefficients: Record<string, Estimate> = {}
  d.names.forEach((name, j) => {
    coefficients[name] = estimate(beta[j]!, se(1 + j))
  })
  const logLikOLS = loglikOLS(ea, nObs)
  const statistic = 2 * (opt.value - logLikOLS)
  const chol = d.logDet.cholesky
  const sim = d.logDet.similar
  const imp = lagImpacts(d.names, beta, rho, d.weights, exactTraces, chol && sim ? { cholesky: chol, similar: sim } : undefined)
  return {
    coefficients,
    rho: estimate(rho, se(0)),
    sigma2: s2,
    logLik: opt.value,
    aic: -2 * opt.value + 2 * (k + 2),
    logLikOLS,
    lr: { statistic, p: chiSquareSf(statistic, 1) },
    variance,
    interval: d.interval,
    residuals: e,
    fitted,
    impacts: imp.impacts,
    impactsMethod: imp.method,
    warnings: boundWarnings(rho, d.interval, "rho"),
  }
}

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
  const WX = d.WX ?? lagColumns(d)
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

const lagColumns = (d: StackedData): Matrix => {
  const k = d.X.cols
  const out = matrix(d.X.rows, k)
  for (let j = 0; j < k; j++) {
    const wc = lagFromPeriods(d, column(d.X, j))
    for (let i = 0; i < d.X.rows; i++) out.data[i * k + j] = wc[i]!
  }
  return out
}

/** Spatial lag of each period block of a stacked vector (row t·N + i). @internal */
export const stackedLag = (weights: SpatialWeights, periods: number, v: Float64Array): Float64Array => lagFromPeriods({ weights, periods } as StackedData, v)

/** Spatial lags of each column of a stacked matrix. @internal */
export const stackedLagColumns = (weights: SpatialWeights, periods: number, X: Matrix): Matrix => lagColumns({ weights, periods, X } as StackedData)
