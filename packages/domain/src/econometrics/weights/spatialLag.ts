import type { CsrLike } from "../linalg/Csr.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"

/**
 * The spatial lag W·x (row i: Σ_j w_ij x_j); islands get 0 as spdep's lag.listw with zero.policy = TRUE.
 * The one implementation of W·v in Jiju: weights, any CSR matrix (e.g. a similar symmetric S), and an
 * optional output buffer for loops.
 * @example spatialLag(weightsFromNeighbourList({ ids: ["a", "b"], neighbours: [["b"], ["a"]] }), [1, 5]) // [5, 1]
 */
export const spatialLag = (w: CsrLike, x: ArrayLike<number>, out?: Float64Array): Float64Array => {
  const n = w.rowPtr.length - 1
  const r = out ?? new Float64Array(n)
  const { rowPtr, colIdx, values } = w
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) s += values[p]! * x[colIdx[p]!]!
    r[i] = s
  }
  return r
}

/**
 * Transposed lag Wᵀ·v without forming Wᵀ (used by the LM tests and the spatial Durbin score).
 * @example spatialLagTransposed(w, v) // equals spatialLag(transposed w, v)
 */
export const spatialLagTransposed = (w: CsrLike, v: ArrayLike<number>): Float64Array => {
  const n = w.rowPtr.length - 1
  const out = new Float64Array(n)
  const { rowPtr, colIdx, values } = w
  for (let i = 0; i < n; i++) {
    const vi = v[i]!
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) out[colIdx[p]!]! += values[p]! * vi
  }
  return out
}

/**
 * Spatial lag of each period block of a stacked vector (row t·N + i, N = units of w): (I_T ⊗ W)·v.
 * @example stackedLag(w, 2, v) // W·v for periods 1 and 2, stacked
 */
export const stackedLag = (w: CsrLike, periods: number, v: ArrayLike<number>): Float64Array => {
  const n = w.rowPtr.length - 1
  const out = new Float64Array(v.length)
  const block = new Float64Array(n)
  const lagged = new Float64Array(n)
  for (let t = 0; t < periods; t++) {
    for (let i = 0; i < n; i++) block[i] = v[t * n + i]!
    out.set(spatialLag(w, block, lagged), t * n)
  }
  return out
}

/**
 * Spatial lags of each column of a stacked matrix, (I_T ⊗ W)·X (periods = 1 for a cross-section).
 * @example stackedLagColumns(w, 1, X) // WX
 */
export const stackedLagColumns = (w: CsrLike, periods: number, X: Matrix): Matrix => {
  const k = X.cols
  const out = matrix(X.rows, k)
  const c = new Float64Array(X.rows)
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < X.rows; i++) c[i] = X.data[i * k + j]!
    const wc = stackedLag(w, periods, c)
    for (let i = 0; i < X.rows; i++) out.data[i * k + j] = wc[i]!
  }
  return out
}
