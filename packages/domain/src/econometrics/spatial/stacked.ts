import { ComputationError } from "../../model/errors.js"
import { inverseSummaries } from "../linalg/denseInverse.js"
import { normalPValue } from "../linalg/distributions.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import type { LogDeterminant } from "./LogDeterminant.js"
import type { Estimate } from "./SpatialFit.js"

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

/** Analytic (information-matrix) variances for this fit? @internal */
export const useAnalytic = (d: StackedData): boolean => d.variance === "analytic" || (d.variance !== "hessian" && d.weights.ids.length <= ANALYTIC_MAX_N)

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

/** Z = W(I − ρW)⁻¹ applied to each period block of a stacked vector, plus the N×N trace summaries. @internal */
export const blockSummaries = (d: StackedData, rho: number, v: Float64Array) => {
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
