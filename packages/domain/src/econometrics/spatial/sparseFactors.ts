import type { Csr, CsrLike } from "../linalg/Csr.js"
import { type SparseCholesky, sparseCholesky } from "../linalg/SparseCholesky.js"
import { type SparseLU, sparseLU } from "../linalg/SparseLU.js"
import { symmetricSimilarity } from "../linalg/symmetricSimilar.js"

/**
 * The sparse factorisation of I − ρW that one weights matrix needs, built once and shared by every part of a
 * fit (log-determinant, exact traces, impacts): for W similar to a symmetric S, the Cholesky factor of
 * I − ρS with D the similarity (W = D^{-1/2}·S·D^{1/2}); otherwise the LU factor of I − ρW. The symbolic
 * analysis (ordering, supernodes) is the expensive part at large n and is done once per weights object;
 * `factor(ρ)` is free when ρ is the one factorised last.
 * @internal
 */
export type SparseFactors =
  | { readonly kind: "cholesky"; readonly similar: Csr; readonly scale: Float64Array; readonly cholesky: SparseCholesky; second(): SparseCholesky }
  | { readonly kind: "lu"; readonly lu: SparseLU; second(): SparseLU }

const cache = new WeakMap<object, SparseFactors>()
const similarities = new WeakMap<object, { readonly similar: Csr; readonly scale: Float64Array } | null>()

/**
 * symmetricSimilarity(w), computed once per weights object.
 * @internal
 * @example similarityOf(w)?.similar
 */
export const similarityOf = (w: CsrLike): { readonly similar: Csr; readonly scale: Float64Array } | undefined => {
  let s = similarities.get(w)
  if (s === undefined) {
    s = symmetricSimilarity(w) ?? null
    similarities.set(w, s)
  }
  return s ?? undefined
}

/**
 * The shared factorisation of I − ρW for these weights (built on first use).
 * @internal
 * @example sparseFactorsOf(w).kind // "cholesky" for row-standardised contiguity
 */
export const sparseFactorsOf = (w: CsrLike): SparseFactors => {
  let f = cache.get(w)
  if (f !== undefined) return f
  const n = w.rowPtr.length - 1
  const sim = similarityOf(w)
  if (sim !== undefined) {
    const cholesky = sparseCholesky(sim.similar)
    let other: SparseCholesky | undefined
    f = {
      kind: "cholesky",
      similar: sim.similar,
      scale: sim.scale,
      cholesky,
      // A second numeric factor on the same symbolic analysis (two parameters at once, e.g. SAC).
      second: () => {
        other ??= sparseCholesky(sim.similar, cholesky.symbolic)
        return other
      },
    }
  } else {
    const csr: Csr = { n, rowPtr: w.rowPtr, colIdx: w.colIdx, values: w.values }
    const lu = sparseLU(csr)
    let other: SparseLU | undefined
    f = {
      kind: "lu",
      lu,
      second: () => {
        other ??= sparseLU(csr, lu.symbolic)
        return other
      },
    }
  }
  cache.set(w, f)
  return f
}
