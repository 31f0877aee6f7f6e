import type { Csr, CsrLike } from "./Csr.js"
import { similarityInKernel } from "./similarityKernel.js"
import { KERNEL_MIN_ELEMENTS } from "./wasmModule.js"

/**
 * When W = D⁻¹B with B symmetric (row-standardised symmetric contiguity, or W itself symmetric), the
 * symmetric matrix S = D^{1/2} W D^{-1/2} with s_ij = √(w_ij·w_ji) is similar to W: same eigenvalues,
 * same log|I − ρW|. Returns undefined when no such D exists (e.g. k-nearest-neighbour weights).
 * D is found by propagating d_j = d_i·w_ij / w_ji along links and checking every link agrees.
 * @example symmetricSimilar(rowStandardisedQueen)?.values // √(w_ij w_ji)
 */
export const symmetricSimilar = (w: CsrLike): Csr | undefined => symmetricSimilarity(w)?.similar

/**
 * The similarity W = D^{-1/2} S D^{1/2} itself: S and the diagonal d of D (up to a common factor per
 * connected component), so that f(W) = D^{-1/2} f(S) D^{1/2} for any rational f (e.g. (I − ρW)⁻¹).
 * @example symmetricSimilarity(rowStandardisedQueen)?.scale // neighbour counts, up to a factor
 */
export const symmetricSimilarity = (w: CsrLike): { readonly similar: Csr; readonly scale: Float64Array } | undefined => {
  const n = w.rowPtr.length - 1
  const { rowPtr, colIdx, values } = w
  if (n + rowPtr[n]! >= KERNEL_MIN_ELEMENTS) {
    const inKernel = similarityInKernel(rowPtr, colIdx, values)
    if (inKernel === null) return undefined
    if (inKernel !== undefined) return { similar: { n, rowPtr, colIdx, values: inKernel.values }, scale: inKernel.scale }
  }
  // Position of the transposed entry (j, i) for every stored (i, j).
  const find = (i: number, j: number): number => {
    let lo = rowPtr[i]!
    let hi = rowPtr[i + 1]! - 1
    // Rows are sorted by column in SpatialWeights; fall back to a scan if not.
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const c = colIdx[mid]!
      if (c === j) return mid
      if (c < j) lo = mid + 1
      else hi = mid - 1
    }
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) if (colIdx[p] === j) return p
    return -1
  }
  const d = new Float64Array(n).fill(Number.NaN)
  const stack: number[] = []
  for (let root = 0; root < n; root++) {
    if (!Number.isNaN(d[root]!)) continue
    d[root] = 1
    stack.push(root)
    while (stack.length > 0) {
      const i = stack.pop()!
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        const j = colIdx[p]!
        const q = find(j, i)
        if (q < 0) return undefined
        const wij = values[p]!
        const wji = values[q]!
        if (wij === 0 && wji === 0) continue
        if (wij <= 0 || wji <= 0) return undefined
        const dj = (d[i]! * wij) / wji
        if (Number.isNaN(d[j]!)) {
          d[j] = dj
          stack.push(j)
        } else if (Math.abs(d[j]! - dj) > 1e-10 * Math.abs(dj)) {
          return undefined
        }
      }
    }
  }
  const s = new Float64Array(values.length)
  for (let i = 0; i < n; i++)
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const q = find(colIdx[p]!, i)
      s[p] = Math.sqrt(values[p]! * values[q]!)
    }
  return { similar: { n, rowPtr, colIdx, values: s }, scale: d }
}
