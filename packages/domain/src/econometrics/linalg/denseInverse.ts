import type { CsrLike } from "./Csr.js"
import { luDecompose } from "./lu.js"
import { matrix } from "./Matrix.js"

/**
 * Summaries of Z = (I − ρW)⁻¹W (= W(I − ρW)⁻¹) needed by the analytic asymptotic variances and the exact
 * impacts: tr Z, tr Z², ‖Z‖²_F, the sum of all entries, and the product Z·v for given vectors.
 * Dense, O(n³): used for n ≤ 1,500 as spatialreg does (its control `small`).
 * @example inverseSummaries(w, 0.4, [xb]).trace
 */
export const inverseSummaries = (
  w: CsrLike,
  rho: number,
  vectors: ReadonlyArray<ArrayLike<number>> = [],
): {
  readonly trace: number
  readonly traceSquare: number
  readonly frobenius2: number
  readonly sum: number
  readonly products: ReadonlyArray<Float64Array>
} => {
  const n = w.rowPtr.length - 1
  const a = matrix(n, n)
  for (let i = 0; i < n; i++) {
    a.data[i * n + i] = 1
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) a.data[i * n + w.colIdx[p]!]! -= rho * w.values[p]!
  }
  const f = luDecompose(a)
  const lu = f.lu
  // Right-hand side W (dense, row-major), rows permuted as P·W; then forward and back substitution on all
  // columns at once (row operations on contiguous memory).
  const z = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    const src = f.pivot[i]!
    for (let p = w.rowPtr[src]!; p < w.rowPtr[src + 1]!; p++) z[i * n + w.colIdx[p]!] = w.values[p]!
  }
  for (let i = 0; i < n; i++) {
    const ri = i * n
    for (let j = 0; j < i; j++) {
      const l = lu[ri + j]!
      if (l === 0) continue
      const rj = j * n
      for (let c = 0; c < n; c++) z[ri + c]! -= l * z[rj + c]!
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n
    for (let j = i + 1; j < n; j++) {
      const u = lu[ri + j]!
      if (u === 0) continue
      const rj = j * n
      for (let c = 0; c < n; c++) z[ri + c]! -= u * z[rj + c]!
    }
    const d = 1 / lu[ri + i]!
    for (let c = 0; c < n; c++) z[ri + c]! *= d
  }
  let trace = 0
  let traceSquare = 0
  let frobenius2 = 0
  let sum = 0
  for (let i = 0; i < n; i++) {
    trace += z[i * n + i]!
    for (let j = 0; j < n; j++) {
      const v = z[i * n + j]!
      frobenius2 += v * v
      sum += v
      traceSquare += v * z[j * n + i]!
    }
  }
  const products = vectors.map((v) => {
    const out = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      let s = 0
      const ri = i * n
      for (let j = 0; j < n; j++) s += z[ri + j]! * v[j]!
      out[i] = s
    }
    return out
  })
  return { trace, traceSquare, frobenius2, sum, products }
}
