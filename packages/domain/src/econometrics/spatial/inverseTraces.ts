import { ComputationError } from "../../model/errors.js"
import type { Csr } from "../linalg/Csr.js"
import { inverseSummaries } from "../linalg/denseInverse.js"
import type { SparseCholesky } from "../linalg/SparseCholesky.js"
import { type SparseLU, sparseLU } from "../linalg/SparseLU.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { spatialLag } from "../weights/spatialLag.js"
import { sparseFactorsOf } from "./sparseFactors.js"

/** Traces of A⁻¹ = (I − ρW)⁻¹ used by the impacts: tr A⁻¹, tr WA⁻¹, 1'A⁻¹1, 1'A⁻¹W1. */
export interface ImpactTraces {
  readonly traceA: number
  readonly traceWA: number
  readonly sumA: number
  readonly sumAW: number
}

/** Summaries of Z = W(I − ρW)⁻¹ for the information matrix: tr Z, tr Z², ‖Z‖²_F and products Z·v. */
export interface InformationTraces {
  readonly trace: number
  readonly traceSquare: number
  readonly frobenius2: number
  readonly products: ReadonlyArray<Float64Array>
}

/** Cross summaries of Z_A = W(I − ρW)⁻¹ and Z_B = W(I − λW)⁻¹ (SAC model): tr(Z_B Z_A) and tr(Z_Bᵀ Z_A). */
export interface CrossTraces {
  readonly a: InformationTraces
  readonly b: InformationTraces
  readonly traceBA: number
  readonly traceBtA: number
}

/**
 * Exact traces of (I − ρW)⁻¹ and W(I − ρW)⁻¹ for any n, by the route that fits the weights:
 * "cholesky" when W is similar to a symmetric S (W = D^{-1/2} S D^{1/2}): selected inversion (Takahashi) of
 * the sparse Cholesky factor of I − ρS and its forward derivative for the impact and information traces
 * (O(Σ_j |L_j|²)); the SAC cross traces from the columns of S(I − ρS)⁻¹ solved with the factor (16 at a
 * time, O(n·nnz(L))); "lu" for other weights: selected inversion of the sparse LU factors (no pivoting; falls
 * back to "dense" if a pivot vanishes) for the impact traces, the columns of W(I − ρW)⁻¹ by LU solves for the
 * information traces; "dense" below 64 units. The factors are those of the log-determinant
 * (sparseFactorsOf): one symbolic analysis per weights object.
 * @internal
 */
export interface InverseTraces {
  readonly route: "cholesky" | "lu" | "dense"
  /**
   * The impact traces at ρ; with `sums` given (1'A⁻¹1 and 1'A⁻¹W1 known, e.g. n/(1 − ρ) for row-standardised W)
   * they are returned as given and the two solves for them are skipped.
   */
  impacts(rho: number, sums?: { readonly sumA: number; readonly sumAW: number }): ImpactTraces
  information(rho: number, vectors?: ReadonlyArray<ArrayLike<number>>): InformationTraces
  cross(rho: number, lambda: number, vectors?: ReadonlyArray<ArrayLike<number>>): CrossTraces
  /** (I − ρW)⁻¹·v. */
  solve(rho: number, v: ArrayLike<number>): Float64Array
  /** Cholesky route only: the information traces from the columns of S(I − ρS)⁻¹ (the check of the fast path). */
  columnsInformation?(rho: number, vectors?: ReadonlyArray<ArrayLike<number>>): InformationTraces
}

const DENSE_MAX_N = 64

const singular = (rho: number) =>
  new ComputationError({
    code: "spatial_singular",
    message: `I − ${rho}·W cannot be factorised (singular or not positive definite)`,
    zh: `I − ${rho}·W 无法分解（奇异或非正定）`,
  })

const ones = (n: number) => new Float64Array(n).fill(1)

const sum = (v: ArrayLike<number>) => {
  let s = 0
  for (let i = 0; i < v.length; i++) s += v[i]!
  return s
}

/**
 * Build the exact trace engine for weights W (symbolic factorisation once; numeric per ρ).
 * @internal
 * @example inverseTraces(w).impacts(0.4).traceA // tr (I − 0.4W)⁻¹
 */
export const inverseTraces = (w: SpatialWeights, route: "auto" | "dense" | "lu" = "auto"): InverseTraces => {
  const n = w.ids.length
  if (route === "dense") return denseTraces(w)
  if (route === "lu") return luTraces(w)
  if (n <= DENSE_MAX_N) return denseTraces(w)
  return sparseFactorsOf(w).kind === "cholesky" ? choleskyTraces(w) : luTraces(w)
}

const denseTraces = (w: SpatialWeights): InverseTraces => {
  const n = w.ids.length
  const solve = (rho: number, v: ArrayLike<number>) => {
    const z = inverseSummaries(w, rho, [v]).products[0]!
    const out = new Float64Array(n)
    for (let i = 0; i < n; i++) out[i] = v[i]! + rho * z[i]!
    return out
  }
  const impacts = (rho: number, sums?: { readonly sumA: number; readonly sumAW: number }): ImpactTraces => {
    const s = inverseSummaries(w, rho, [ones(n), spatialLag(w, ones(n))])
    // 1'A⁻¹1 = n + ρ·1'Z1; 1'A⁻¹W1 = 1'Z1 (Z = WA⁻¹ = A⁻¹W).
    return { traceA: n + rho * s.trace, traceWA: s.trace, sumA: sums?.sumA ?? n + rho * s.sum, sumAW: sums?.sumAW ?? s.sum }
  }
  const information = (rho: number, vectors: ReadonlyArray<ArrayLike<number>> = []): InformationTraces => inverseSummaries(w, rho, vectors)
  const cross = (rho: number, lambda: number, vectors: ReadonlyArray<ArrayLike<number>> = []): CrossTraces => {
    const za = denseZ(w, rho)
    const zb = denseZ(w, lambda)
    let ba = 0
    let bta = 0
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        ba += zb[i * n + j]! * za[j * n + i]!
        bta += zb[i * n + j]! * za[i * n + j]!
      }
    return { a: inverseSummaries(w, rho, vectors), b: inverseSummaries(w, lambda), traceBA: ba, traceBtA: bta }
  }
  return { route: "dense", impacts, information, cross, solve }
}

// Z = W(I − ρW)⁻¹ dense, from its products with the unit vectors.
const denseZ = (w: SpatialWeights, rho: number): Float64Array => {
  const n = w.ids.length
  const units = Array.from({ length: n }, (_, j) => {
    const e = new Float64Array(n)
    e[j] = 1
    return e
  })
  const cols = inverseSummaries(w, rho, units).products
  const z = new Float64Array(n * n)
  cols.forEach((c, j) => {
    for (let i = 0; i < n; i++) z[i * n + j] = c[i]!
  })
  return z
}

const choleskyTraces = (w: SpatialWeights): InverseTraces => {
  const shared = sparseFactorsOf(w)
  if (shared.kind !== "cholesky") throw singular(Number.NaN)
  const s = shared.similar
  const d = shared.scale
  const n = s.n
  const sqrtD = d.map(Math.sqrt)
  // Slot 0 is the log-determinant's own factor (free when ρ is the one it factorised last); slot 1 a second one.
  const factorFor = (rho: number, slot: number): SparseCholesky => {
    const f = slot === 0 ? shared.cholesky : shared.second()
    if (!f.factor(rho)) throw singular(rho)
    return f
  }
  // A⁻¹v = D^{-1/2} M⁻¹ D^{1/2} v with M = I − ρS.
  const solveWith = (f: SparseCholesky, v: ArrayLike<number>) => {
    const b = new Float64Array(n)
    for (let i = 0; i < n; i++) b[i] = sqrtD[i]! * v[i]!
    const x = f.solve(b)
    for (let i = 0; i < n; i++) x[i]! /= sqrtD[i]!
    return x
  }
  const solve = (rho: number, v: ArrayLike<number>) => solveWith(factorFor(rho, 0), v)
  const impacts = (rho: number, sums?: { readonly sumA: number; readonly sumAW: number }): ImpactTraces => {
    const f = factorFor(rho, 0)
    const sel = f.selectedInverse()
    let traceA = 0
    for (let i = 0; i < n; i++) traceA += sel.diagonal[i]!
    const traceWA = sel.sumProduct(s)
    if (sums !== undefined) return { traceA, traceWA, sumA: sums.sumA, sumAW: sums.sumAW }
    const a1 = solveWith(f, ones(n))
    const aw1 = solveWith(f, spatialLag(w, ones(n)))
    return { traceA, traceWA, sumA: sum(a1), sumAW: sum(aw1) }
  }
  // Columns of G = S M⁻¹ (symmetric) in blocks; Z = D^{-1/2} G D^{1/2}, so Z_ij² = G_ij² d_j/d_i.
  const columns = (fs: ReadonlyArray<SparseCholesky>, visit: (j: number, cols: ReadonlyArray<Float64Array>, c: number, m: number) => void) => {
    const block = 16
    for (let j0 = 0; j0 < n; j0 += block) {
      const m = Math.min(block, n - j0)
      const e = new Float64Array(n * m)
      for (let c = 0; c < m; c++) e[(j0 + c) * m + c] = 1
      const gs = fs.map((f) => {
        const x = f.solveMany(e, m)
        const g = new Float64Array(n * m)
        for (let i = 0; i < n; i++) {
          const gi = i * m
          for (let p = s.rowPtr[i]!; p < s.rowPtr[i + 1]!; p++) {
            const v = s.values[p]!
            const xj = s.colIdx[p]! * m
            for (let c = 0; c < m; c++) g[gi + c]! += v * x[xj + c]!
          }
        }
        return g
      })
      for (let c = 0; c < m; c++) visit(j0 + c, gs, c, m)
    }
  }
  const products = (rho: number, vectors: ReadonlyArray<ArrayLike<number>>) => {
    const f = factorFor(rho, 0)
    return vectors.map((v) => spatialLag(w, solveWith(f, v)))
  }
  const columnsInformation = (rho: number, vectors: ReadonlyArray<ArrayLike<number>> = []): InformationTraces => {
    const f = factorFor(rho, 0)
    let trace = 0
    let traceSquare = 0
    let frobenius2 = 0
    columns([f], (j, [g], c, m) => {
      trace += g![j * m + c]!
      for (let i = 0; i < n; i++) {
        const v = g![i * m + c]!
        if (v === 0) continue
        const v2 = v * v
        traceSquare += v2
        frobenius2 += (v2 * d[j]!) / d[i]!
      }
    })
    return { trace, traceSquare, frobenius2, products: products(rho, vectors) }
  }
  // Diagonal matrices D and D⁻¹ as CSR (within the pattern of M, whose diagonal is always stored).
  const diagCsr = (v: ArrayLike<number>): Csr => ({
    n,
    rowPtr: Int32Array.from({ length: n + 1 }, (_, i) => i),
    colIdx: Int32Array.from({ length: n }, (_, i) => i),
    values: Float64Array.from(v),
  })
  const symmetricW = d.every((v) => Math.abs(v - d[0]!) <= 1e-12 * Math.abs(d[0]!))
  const dCsr = diagCsr(d)
  const dInvCsr = diagCsr(Array.from(d, (v) => 1 / v))
  // Selected inversion and its derivatives (SparseCholesky.selectedInverseTangent), O(Σ_j |L_j|²):
  // tr G = Σ s_ij (M⁻¹)_ij, tr G² = tr(S M⁻¹ S M⁻¹) = d/dt tr(S (M − tS)⁻¹) exactly; ‖Z‖²_F = tr(G D G D⁻¹)
  // = (tr(M⁻¹DM⁻¹D⁻¹) − 2 tr M⁻¹ + n)/ρ² (from G = (M⁻¹ − I)/ρ; equal to tr G² when W is symmetric). Near
  // ρ = 0 that difference cancels, so |ρ| < 1e-3 uses the columns instead.
  const information = (rho: number, vectors: ReadonlyArray<ArrayLike<number>> = []): InformationTraces => {
    if (!symmetricW && Math.abs(rho) < 1e-3) return columnsInformation(rho, vectors)
    const f = factorFor(rho, 0)
    const bySimilar = f.selectedInverseTangent(s)
    const trace = bySimilar.value.sumProduct(s)
    const traceSquare = bySimilar.tangent.sumProduct(s)
    let frobenius2 = traceSquare
    if (!symmetricW) {
      const byScale = f.selectedInverseTangent(dCsr)
      let trM = 0
      for (let i = 0; i < n; i++) trM += byScale.value.diagonal[i]!
      frobenius2 = (byScale.tangent.sumProduct(dInvCsr) - 2 * trM + n) / (rho * rho)
    }
    return { trace, traceSquare, frobenius2, products: products(rho, vectors) }
  }
  const cross = (rho: number, lambda: number, vectors: ReadonlyArray<ArrayLike<number>> = []): CrossTraces => {
    const fa = factorFor(rho, 0)
    const fb = factorFor(lambda, 1)
    const a = { trace: 0, traceSquare: 0, frobenius2: 0 }
    const b = { trace: 0, traceSquare: 0, frobenius2: 0 }
    let ba = 0
    let bta = 0
    columns([fa, fb], (j, [ga, gb], c, m) => {
      a.trace += ga![j * m + c]!
      b.trace += gb![j * m + c]!
      for (let i = 0; i < n; i++) {
        const va = ga![i * m + c]!
        const vb = gb![i * m + c]!
        const r = d[j]! / d[i]!
        a.traceSquare += va * va
        a.frobenius2 += va * va * r
        b.traceSquare += vb * vb
        b.frobenius2 += vb * vb * r
        ba += va * vb
        bta += va * vb * r
      }
    })
    return {
      a: { ...a, products: products(rho, vectors) },
      b: { ...b, products: [] },
      traceBA: ba,
      traceBtA: bta,
    }
  }
  return { route: "cholesky", impacts, information, cross, solve, columnsInformation }
}

const luTraces = (w: SpatialWeights): InverseTraces => {
  const n = w.ids.length
  // The shared factors when they are LU; a forced "lu" route on symmetric-similar weights builds its own.
  const factors = (): { lu: SparseLU; second(): SparseLU } => {
    const shared = sparseFactorsOf(w)
    if (shared.kind === "lu") return shared
    const csr: Csr = { n, rowPtr: w.rowPtr, colIdx: w.colIdx, values: w.values }
    const lu = sparseLU(csr)
    let other: SparseLU | undefined
    return { lu, second: () => (other ??= sparseLU(csr, lu.symbolic)) }
  }
  const own = factors()
  let dense: InverseTraces | undefined
  const luFor = (rho: number, slot: number): SparseLU | undefined => {
    const f = slot === 0 ? own.lu : own.second()
    return f.factor(rho) ? f : undefined
  }
  // A pivot-free LU can fail where I − ρW is far from diagonally dominant: dense LU with pivoting then.
  const fallback = () => {
    if (n > 5000) throw singular(Number.NaN)
    dense ??= denseTraces(w)
    return dense
  }
  // Wᵀ, for tr(W·A⁻¹) = Σ_ij w_ij (A⁻¹)_ji = Σ_ij (Wᵀ)_ij (A⁻¹)_ij.
  let wt: Csr | undefined
  const transposed = (): Csr => {
    if (wt !== undefined) return wt
    const ptr = new Int32Array(n + 1)
    for (let p = 0; p < w.colIdx.length; p++) ptr[w.colIdx[p]! + 1]!++
    for (let i = 0; i < n; i++) ptr[i + 1]! += ptr[i]!
    const idx = new Int32Array(w.colIdx.length)
    const val = new Float64Array(w.colIdx.length)
    const next = ptr.slice(0, n)
    for (let i = 0; i < n; i++)
      for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
        const q = next[w.colIdx[p]!]!++
        idx[q] = i
        val[q] = w.values[p]!
      }
    wt = { n, rowPtr: ptr, colIdx: idx, values: val }
    return wt
  }
  const solve = (rho: number, v: ArrayLike<number>) => {
    const f = luFor(rho, 0)
    return f === undefined ? fallback().solve(rho, v) : f.solve(v)
  }
  const impacts = (rho: number, sums?: { readonly sumA: number; readonly sumAW: number }): ImpactTraces => {
    const f = luFor(rho, 0)
    if (f === undefined) return fallback().impacts(rho, sums)
    const sel = f.selectedInverse()
    let traceA = 0
    for (let i = 0; i < n; i++) traceA += sel.diagonal[i]!
    const traceWA = sel.sumProduct(transposed())
    if (sums !== undefined) return { traceA, traceWA, sumA: sums.sumA, sumAW: sums.sumAW }
    return { traceA, traceWA, sumA: sum(f.solve(ones(n))), sumAW: sum(f.solve(spatialLag(w, ones(n)))) }
  }
  const zColumns = (f: SparseLU, visit: (j: number, z: Float64Array, zz: Float64Array) => void) => {
    const e = new Float64Array(n)
    for (let j = 0; j < n; j++) {
      e[j] = 1
      const z = spatialLag(w, f.solve(e))
      e[j] = 0
      visit(j, z, spatialLag(w, f.solve(z)))
    }
  }
  const information = (rho: number, vectors: ReadonlyArray<ArrayLike<number>> = []): InformationTraces => {
    const f = luFor(rho, 0)
    if (f === undefined) return fallback().information(rho, vectors)
    let trace = 0
    let traceSquare = 0
    let frobenius2 = 0
    zColumns(f, (j, z, zz) => {
      trace += z[j]!
      traceSquare += zz[j]!
      for (let i = 0; i < n; i++) frobenius2 += z[i]! * z[i]!
    })
    return { trace, traceSquare, frobenius2, products: vectors.map((v) => spatialLag(w, f.solve(v))) }
  }
  const cross = (rho: number, lambda: number, vectors: ReadonlyArray<ArrayLike<number>> = []): CrossTraces => {
    const fa = luFor(rho, 0)
    const fb = luFor(lambda, 1)
    if (fa === undefined || fb === undefined) return fallback().cross(rho, lambda, vectors)
    const a = { trace: 0, traceSquare: 0, frobenius2: 0 }
    const b = { trace: 0, traceSquare: 0, frobenius2: 0 }
    let ba = 0
    let bta = 0
    const e = new Float64Array(n)
    for (let j = 0; j < n; j++) {
      e[j] = 1
      const za = spatialLag(w, fa.solve(e))
      const zb = spatialLag(w, fb.solve(e))
      e[j] = 0
      a.trace += za[j]!
      b.trace += zb[j]!
      a.traceSquare += spatialLag(w, fa.solve(za))[j]!
      b.traceSquare += spatialLag(w, fb.solve(zb))[j]!
      ba += spatialLag(w, fb.solve(za))[j]!
      for (let i = 0; i < n; i++) {
        a.frobenius2 += za[i]! * za[i]!
        b.frobenius2 += zb[i]! * zb[i]!
        bta += za[i]! * zb[i]!
      }
    }
    return { a: { ...a, products: vectors.map((v) => spatialLag(w, fa.solve(v))) }, b: { ...b, products: [] }, traceBA: ba, traceBtA: bta }
  }
  return { route: "lu", impacts, information, cross, solve }
}
