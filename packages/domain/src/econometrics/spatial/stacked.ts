import { ComputationError } from "../../model/errors.js"
import { normalPValue } from "../linalg/distributions.js"
import { inverse } from "../linalg/lu.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import type { QR } from "../linalg/qr.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { type InverseTraces, inverseTraces } from "./inverseTraces.js"
import type { LogDeterminant } from "./LogDeterminant.js"
import type { Estimate } from "./SpatialFit.js"

/**
 * Largest number of units for which `variance: "auto"` uses the information matrix, as spatialreg (its
 * control `small`); above it "auto" uses the observed Hessian, as spatialreg's fdHess. Either can be asked
 * for at any n: the information-matrix traces are exact at every n (see inverseTraces).
 */
export const ANALYTIC_MAX_N = 1500

/** How standard errors are asked for: "auto" (information for n ≤ 1,500, Hessian above), or one of them. */
export type VarianceChoice = "auto" | "information" | "hessian"
/** How standard errors were computed: inverse information matrix, or inverse observed Hessian. */
export type VarianceMethod = "information" | "hessian"

/**
 * Data of a concentrated-likelihood fit, cross-section (T = 1) or stacked panel (N units × T periods,
 * row t·N + i): y and X already transformed (e.g. demeaned), wy/WX their spatial lags (transformed alike).
 */
export interface StackedData {
  readonly y: Float64Array
  readonly wy: Float64Array
  readonly X: Matrix
  readonly WX?: Matrix
  /** The QR decomposition of X when validation already formed it. */
  readonly qr?: QR
  readonly names: ReadonlyArray<string>
  readonly weights: SpatialWeights
  readonly logDet: LogDeterminant
  readonly interval: readonly [number, number]
  readonly periods: number
  /** "auto": information matrix for N ≤ 1,500, observed Hessian above. */
  readonly variance?: VarianceChoice
}

/** The variance method a fit uses. @internal */
export const varianceMethod = (d: StackedData): VarianceMethod =>
  d.variance === "information" || (d.variance !== "hessian" && d.weights.ids.length <= ANALYTIC_MAX_N) ? "information" : "hessian"

const engines = new WeakMap<SpatialWeights, InverseTraces>()

/** The exact trace engine of these weights (built once per weights object). @internal */
export const tracesOf = (w: SpatialWeights): InverseTraces => {
  let t = engines.get(w)
  if (t === undefined) {
    t = inverseTraces(w)
    engines.set(w, t)
  }
  return t
}

/** Split a stacked vector (row t·N + i) into its T period blocks. @internal */
export const blocks = (v: Float64Array, n: number, periods: number): Float64Array[] => {
  const out: Float64Array[] = []
  for (let t = 0; t < periods; t++) out.push(v.subarray(t * n, (t + 1) * n))
  return out
}

/** Join period blocks into one stacked vector. @internal */
export const unblock = (parts: ReadonlyArray<Float64Array>, n: number): Float64Array => {
  const out = new Float64Array(parts.length * n)
  parts.forEach((p, t) => {
    out.set(p, t * n)
  })
  return out
}

/**
 * Inverse of the negative Hessian of the concentrated log-likelihood Σ_s T·log|I − θ_s W| − (N/2)·log SSE(θ)
 * with SSE = e'e, e = e(θ) a residual vector: H_SSE = 2(J'J + Σ_i e_i ∇²e_i), g = 2J'e,
 * ∇²ℓ = T·ld'' − (N/2)(H_SSE/SSE − g g'/SSE²). `jacobian` holds the columns ∂e/∂θ_j; `second` the non-zero
 * ∂²e/∂θ_a∂θ_b; `logDetSecond` the T·d²log|I − θW|/dθ² of the spatial parameters (by index).
 * @internal
 */
export const hessianCovariance = (
  e: Float64Array,
  jacobian: ReadonlyArray<Float64Array>,
  second: ReadonlyArray<{ readonly a: number; readonly b: number; readonly v: Float64Array }>,
  logDetSecond: ReadonlyArray<{ readonly index: number; readonly value: number }>,
): Matrix => {
  const p = jacobian.length
  const nObs = e.length
  const sse = dot(e, e)
  const g = jacobian.map((j) => 2 * dot(j, e))
  const h = matrix(p, p)
  for (let a = 0; a < p; a++)
    for (let b = 0; b <= a; b++) {
      let hs = 2 * dot(jacobian[a]!, jacobian[b]!)
      for (const s of second) if ((s.a === a && s.b === b) || (s.a === b && s.b === a)) hs += 2 * dot(e, s.v)
      const v = -(nObs / 2) * (hs / sse - (g[a]! * g[b]!) / (sse * sse))
      h.data[a * p + b] = -v
      h.data[b * p + a] = -v
    }
  for (const l of logDetSecond) h.data[l.index * p + l.index]! -= l.value
  return inverse(h)
}

/** An estimate with its z and two-sided normal p. @internal */
export const estimate = (value: number, se: number): Estimate => {
  const z = value / se
  return { estimate: value, se, z, p: normalPValue(z) }
}

/** Inner product. @internal */
export const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!
  return s
}

/** Column j of a matrix. @internal */
export const column = (m: Matrix, j: number): Float64Array => {
  const c = new Float64Array(m.rows)
  for (let i = 0; i < m.rows; i++) c[i] = m.data[i * m.cols + j]!
  return c
}

/** Matrix–vector product. @internal */
export const matVec = (m: Matrix, v: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(m.rows)
  for (let i = 0; i < m.rows; i++) {
    let s = 0
    for (let j = 0; j < m.cols; j++) s += m.data[i * m.cols + j]! * v[j]!
    out[i] = s
  }
  return out
}

/** X'X. @internal */
export const crossprod = (m: Matrix): Matrix => {
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

/** Error for a variance matrix that is not positive definite. @internal */
export const notConverged = (what: string) =>
  new ComputationError({
    code: "spatial_variance_failed",
    message: `the ${what} matrix is not positive definite; standard errors cannot be computed`,
    zh: `${what}矩阵非正定，无法计算标准误`,
  })

/** Exact information traces of Z = W(I − ρW)⁻¹ and Z applied to each period block of a stacked vector. @internal */
export const blockSummaries = (d: StackedData, rho: number, v: Float64Array) => {
  const n = d.weights.ids.length
  const s = tracesOf(d.weights).information(rho, blocks(v, n, d.periods))
  return { ...s, zv: unblock(s.products, n) }
}

/** As spatialreg: an optimum (numerically) on the interval bound means the likelihood has no interior maximum. @internal */
export const boundWarnings = (value: number, interval: readonly [number, number], symbol: string) => {
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

/** Log-likelihood of a Gaussian linear model with ML variance SSE/n. @internal */
export const loglikOLS = (sse: number, nObs: number): number => (-nObs / 2) * (Math.log((2 * Math.PI * sse) / nObs) + 1)
