import { ComputationError } from "../../model/errors.js"
import type { Csr } from "./Csr.js"
import { type CholeskySymbolic, supernodeSchedule } from "./choleskySymbolic.js"
import { addRuns, consecutiveRuns, gatherFront, lowerInverseRows, panelLU, transposeInto, updateNT } from "./denseBlocks.js"
import { denseArena } from "./denseKernel.js"
import { type OrderingMethod, orderedSymbolic } from "./fillReducingOrder.js"

/**
 * Sparse LU factorisation without pivoting of P(I − ρW)Pᵀ for a general (asymmetric) W, for repeated
 * factorisation at many ρ: the fill-reducing order of the symmetrised pattern W + Wᵀ and the supernodal
 * symbolic structure (that of the Cholesky factor of the symmetrised pattern, which holds both L and Uᵀ) are
 * computed once; `factor(ρ)` refills the numbers by the multifrontal method with dense block kernels. No
 * pivoting is needed while I − ρW is diagonally dominant, i.e. |ρ| < 1 for row-standardised W — the
 * interval spatialreg's "LU" method searches.
 * @example const f = sparseLU(w); f.factor(0.5); f.logAbsDet() // log|I − 0.5W|
 */
export interface SparseLU {
  readonly n: number
  /** The symbolic analysis (order, supernodes), shareable with another factorisation of the same pattern. */
  readonly symbolic: CholeskySymbolic
  /** Factorise I − ρW; false when a zero or non-finite pivot appears. Free when ρ is the one factorised last. */
  factor(rho: number): boolean
  /** log|det(I − ρW)| from the last successful factorisation. */
  logAbsDet(): number
  /** Solve (I − ρW)x = b with the last successful factorisation. */
  solve(b: ArrayLike<number>): Float64Array
  /**
   * Selected inversion of the last factorisation: the entries of (I − ρW)⁻¹ on the (symmetric) pattern of
   * L + U, in about twice the flops of a factorisation.
   */
  selectedInverse(): SelectedInverseLU
}

/** Entries of M⁻¹ on the pattern of the LU factors of M. */
export interface SelectedInverseLU {
  /** Diagonal of M⁻¹ in the original order. */
  readonly diagonal: Float64Array
  /** Σ_ij a_ij (M⁻¹)_ij over the stored entries of a (within the symmetrised pattern of M). */
  sumProduct(a: Csr): number
}

/**
 * Build the ordering and symbolic structure for I − ρW (W square CSR, any pattern); then `factor(ρ)` and
 * `logAbsDet()` per trial value of ρ.
 * @example const lu = sparseLU(w); lu.factor(0.5) && lu.logAbsDet()
 */
export const sparseLU = (w: Csr, symbolic?: CholeskySymbolic, ordering: OrderingMethod = "auto"): SparseLU => {
  const n = w.n
  const sym = symbolic ?? symmetrisedSymbolic(w, ordering)
  const { perm, iperm, nsuper, superStart, rowPtr, rowIdx, valPtr, superParent, relIdx } = sym
  const total = valPtr[nsuper]!
  // Where each entry of W goes: (i ≥ j) the L-layout block of column j, (i < j) the U-layout block of row i.
  const superOf = new Int32Array(n)
  for (let sn = 0; sn < nsuper; sn++) for (let j = superStart[sn]!; j < superStart[sn + 1]!; j++) superOf[j] = sn
  const nnz = w.rowPtr[n]!
  const dst = new Float64Array(nnz)
  const inU = new Uint8Array(nnz)
  // Position of row r within supernode sn's rows.
  const rowPos = (sn: number, r: number): number => {
    const f = superStart[sn]!
    const nc = superStart[sn + 1]! - f
    if (r < f + nc) return r - f
    let lo = rowPtr[sn]! + nc
    let hi = rowPtr[sn + 1]! - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = rowIdx[mid]!
      if (v === r) return mid - rowPtr[sn]!
      if (v < r) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      const pi = iperm[i]!
      const pj = iperm[w.colIdx[p]!]!
      const c = Math.min(pi, pj)
      const r = Math.max(pi, pj)
      const sn = superOf[c]!
      const nr = rowPtr[sn + 1]! - rowPtr[sn]!
      dst[p] = valPtr[sn]! + (c - superStart[sn]!) * nr + rowPos(sn, r)
      inU[p] = pi < pj ? 1 : 0
    }
  // The entries of W by their places in L and in U: each factorisation then writes forward through the arena
  // instead of at random (the entries of k-nearest-neighbour weights fall all over a few hundred MB).
  const placed = (inThisOne: 0 | 1) => {
    const keys: number[] = []
    for (let p = 0; p < nnz; p++) if (inU[p] === inThisOne) keys.push(dst[p]! * nnz + p)
    const sorted = Float64Array.from(keys).sort()
    const at = new Float64Array(sorted.length)
    const from = new Int32Array(sorted.length)
    for (let q = 0; q < sorted.length; q++) {
      from[q] = sorted[q]! % nnz
      at[q] = (sorted[q]! - from[q]!) / nnz
    }
    return { at, from }
  }
  const inL = placed(0)
  const inUpper = placed(1)
  const diagDst = new Float64Array(n)
  for (let j = 0; j < n; j++) {
    const sn = superOf[j]!
    const nr = rowPtr[sn + 1]! - rowPtr[sn]!
    diagDst[j] = valPtr[sn]! + (j - superStart[sn]!) * (nr + 1)
  }
  const { childHead, childNext, below, stackPeak } = supernodeSchedule(sym)
  const runEnd = consecutiveRuns(sym)
  // L, U and the update matrices in one arena: the dense kernels work on them in WebAssembly where it is available.
  const arena = denseArena(2 * total + Math.max(1, stackPeak))
  const lx = arena.subarray(0, total)
  const ux = arena.subarray(total, 2 * total)
  const stack = arena.subarray(2 * total)
  let ok = false
  let factoredRho = Number.NaN

  const factor = (rho: number): boolean => {
    if (ok && rho === factoredRho) return true
    ok = false
    factoredRho = Number.NaN
    lx.fill(0)
    ux.fill(0)
    for (let j = 0; j < n; j++) lx[diagDst[j]!] = 1
    for (let q = 0; q < inL.at.length; q++) lx[inL.at[q]!]! -= rho * w.values[inL.from[q]!]!
    for (let q = 0; q < inUpper.at.length; q++) ux[inUpper.at[q]!]! -= rho * w.values[inUpper.from[q]!]!
    let top = 0
    for (let sn = 0; sn < nsuper; sn++) {
      const nc = superStart[sn + 1]! - superStart[sn]!
      const nr = rowPtr[sn + 1]! - rowPtr[sn]!
      const m = nr - nc
      const base = valPtr[sn]!
      let childSize = 0
      for (let c = childHead[sn]!; c >= 0; c = childNext[c]!) childSize += below(c) * below(c)
      const childStart = top - childSize
      const cb = top
      stack.fill(0, cb, cb + m * m)
      let at = childStart
      // Extend-add the children's (full) update matrices: lower part into L / the update matrix, upper into U.
      for (let c = childHead[sn]!; c >= 0; c = childNext[c]!) {
        const mc = below(c)
        const rel = rowPtr[c]! + (superStart[c + 1]! - superStart[c]!)
        // Rows t1 < split fall on this supernode's pivots (q1 < nc), the rest on its update matrix.
        let split = 0
        while (split < mc && relIdx[rel + split]! < nc) split++
        for (let t2 = 0; t2 < mc; t2++) {
          const q2 = relIdx[rel + t2]!
          const src = at + t2 * mc
          // Entries above the diagonal of the parent's block (q1 < q2 and q1 < nc) go to U, column q1, row q2; the
          // others to column q2 of L (q2 < nc) or of the update matrix, in runs of consecutive rows.
          const upper = q2 < nc ? t2 : split
          for (let t1 = 0; t1 < upper; t1++) ux[base + relIdx[rel + t1]! * nr + q2]! += stack[src + t1]!
          if (q2 < nc) addRuns(lx, base + q2 * nr, stack, src, relIdx, runEnd, rel, upper, mc)
          else addRuns(stack, cb + (q2 - nc) * m - nc, stack, src, relIdx, runEnd, rel, upper, mc)
        }
        at += mc * mc
      }
      if (!panelLU(lx, ux, base, nr, nr, nc)) return false
      if (superParent[sn]! >= 0) {
        if (m > 0) {
          stack.copyWithin(childStart, cb, cb + m * m)
          updateNT(stack, childStart, m, m, m, lx, base + nc, nr, ux, base + nc, nr, nc, true)
        }
        top = childStart + m * m
      } else {
        top = childStart
      }
    }
    ok = true
    factoredRho = rho
    return true
  }

  const notFactored = () =>
    new ComputationError({ code: "lu_not_factored", message: "sparse LU: no successful factorisation to use", zh: "稀疏 LU：尚无成功的分解可用" })

  const logAbsDet = (): number => {
    if (!ok) return Number.NaN
    let s = 0
    for (let j = 0; j < n; j++) s += Math.log(Math.abs(lx[diagDst[j]!]!))
    return s
  }

  const solve = (b: ArrayLike<number>): Float64Array => {
    if (!ok) throw notFactored()
    const y = new Float64Array(n)
    for (let k = 0; k < n; k++) y[k] = b[perm[k]!]!
    for (let sn = 0; sn < nsuper; sn++) {
      const f = superStart[sn]!
      const nc = superStart[sn + 1]! - f
      const nr = rowPtr[sn + 1]! - rowPtr[sn]!
      const base = valPtr[sn]!
      const r0 = rowPtr[sn]!
      for (let c = 0; c < nc; c++) {
        const v = y[f + c]!
        if (v === 0) continue
        const col = base + c * nr
        for (let r = c + 1; r < nr; r++) y[rowIdx[r0 + r]!]! -= lx[col + r]! * v
      }
    }
    for (let sn = nsuper - 1; sn >= 0; sn--) {
      const f = superStart[sn]!
      const nc = superStart[sn + 1]! - f
      const nr = rowPtr[sn + 1]! - rowPtr[sn]!
      const base = valPtr[sn]!
      const r0 = rowPtr[sn]!
      for (let c = nc - 1; c >= 0; c--) {
        const col = base + c * nr
        let v = y[f + c]!
        for (let r = c + 1; r < nr; r++) v -= ux[col + r]! * y[rowIdx[r0 + r]!]!
        y[f + c] = v / lx[col + c]!
      }
    }
    const out = new Float64Array(n)
    for (let k = 0; k < n; k++) out[perm[k]!] = y[k]!
    return out
  }

  const selectedInverse = (): SelectedInverseLU => {
    if (!ok) throw notFactored()
    const { sl, su } = supernodalInverseLU(sym, lx, ux, childHead, runEnd)
    const diagonal = new Float64Array(n)
    for (let k = 0; k < n; k++) diagonal[perm[k]!] = sl[diagDst[k]!]!
    const sumProduct = (a: Csr): number => {
      let sum = 0
      for (let i = 0; i < a.n; i++)
        for (let p = a.rowPtr[i]!; p < a.rowPtr[i + 1]!; p++) {
          const pi = iperm[i]!
          const pj = iperm[a.colIdx[p]!]!
          const c = Math.min(pi, pj)
          const sn = superOf[c]!
          const r = rowPos(sn, Math.max(pi, pj))
          if (r < 0)
            throw new ComputationError({
              code: "selected_inverse_pattern",
              message: "selected inverse: the matrix has entries outside the factor's pattern",
              zh: "选择性求逆：矩阵含有分解模式之外的元素",
            })
          const q = valPtr[sn]! + (c - superStart[sn]!) * (rowPtr[sn + 1]! - rowPtr[sn]!) + r
          sum += a.values[p]! * (pi >= pj ? sl[q]! : su[q]!)
        }
      return sum
    }
    return { diagonal, sumProduct }
  }

  return { n, symbolic: sym, factor, logAbsDet, solve, selectedInverse }
}

/** The symbolic analysis of the symmetrised pattern W + Wᵀ. */
const symmetrisedSymbolic = (w: Csr, ordering: OrderingMethod): CholeskySymbolic => {
  const n = w.n
  const deg = new Int32Array(n)
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      const j = w.colIdx[p]!
      if (j === i) continue
      deg[i]!++
      deg[j]!++
    }
  const ptr = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) ptr[i + 1] = ptr[i]! + deg[i]!
  const fill = ptr.slice(0, n)
  const idx = new Int32Array(ptr[n]!)
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      const j = w.colIdx[p]!
      if (j === i) continue
      idx[fill[i]!++] = j
      idx[fill[j]!++] = i
    }
  // Duplicates (links present both ways) are harmless for the ordering and the symbolic analysis.
  return orderedSymbolic(ptr, idx, n, ordering)
}

/**
 * Supernodal selected inversion for M = L·U (no pivoting): with Ľ = L_RJ·L_JJ⁻¹ and Ŭ = U_JJ⁻¹·U_JR,
 * Σ_RJ = −Σ_RR·Ľ, Σ_JR = −Ŭ·Σ_RR and Σ_JJ = U_JJ⁻¹·L_JJ⁻¹ − Ŭ·Σ_RJ, from the root down; Σ_RR comes from
 * the parent's frontal block. The inverses of the small triangular blocks L_JJ and U_JJ are formed explicitly, so
 * that every product above runs in the block kernel. Returns Σ's lower part in L-layout and its upper part
 * transposed in U-layout.
 */
const supernodalInverseLU = (sym: CholeskySymbolic, lx: Float64Array, ux: Float64Array, childHead: Int32Array, runEnd: Int32Array) => {
  const { nsuper, superStart, rowPtr, valPtr, superParent, relIdx } = sym
  const sl = new Float64Array(lx.length)
  const su = new Float64Array(lx.length)
  let stack = new Float64Array(1 << 16)
  const frontOf = new Float64Array(nsuper).fill(-1)
  const open: number[] = []
  let top = 0
  let buf: Float64Array = denseArena(1024)
  for (let sn = nsuper - 1; sn >= 0; sn--) {
    const nc = superStart[sn + 1]! - superStart[sn]!
    const nr = rowPtr[sn + 1]! - rowPtr[sn]!
    const m = nr - nc
    const base = valPtr[sn]!
    const p = superParent[sn]!
    while (open.length > 0 && open[open.length - 1] !== p) {
      const done = open.pop()!
      top = frontOf[done]!
      frontOf[done] = -1
    }
    const hasChildren = childHead[sn]! >= 0
    // Work: Σ_RR (m×m) and its transpose; Ľᵀ, Vᵀ = Ŭ, Σ_RJᵀ and Σ_JR (nc×m, leading dimension nc); L_RJ and U_JRᵀ
    // (m×nc) copied out of the factor; the nc×nc block; L_JJ⁻¹ and U_JJ⁻ᵀ (row-major); lowerInverseRows' work.
    const need = 2 * m * m + 6 * m * nc + 4 * nc * nc + 8 * nc
    // Scratch for this supernode only: a larger one need not keep the old contents.
    if (buf.length < need) buf = denseArena(need * 2)
    const rr = 0
    const rrT = m * m
    const lt = 2 * m * m
    const vt = lt + m * nc
    const sl2 = vt + m * nc
    const su2 = sl2 + m * nc
    const lrj = su2 + m * nc
    const urj = lrj + m * nc
    const iw = urj + m * nc
    const xi = iw + nc * nc
    const yi = xi + nc * nc
    const work = yi + nc * nc
    if (m > 0) {
      gatherFront(stack, frontOf[p]!, rowPtr[p + 1]! - rowPtr[p]!, relIdx, runEnd, rowPtr[sn]! + nc, m, buf, rr, m)
      transposeInto(buf, rr, m, m, m, buf, rrT, m)
    }
    // X = L_JJ⁻¹ (unit) and Y = (U_JJᵀ)⁻¹ = U_JJ⁻ᵀ (U is stored transposed in ux, its diagonal in lx).
    lowerInverseRows(lx, base, nr, nc, undefined, buf, xi, buf, work)
    lowerInverseRows(ux, base, nr, nc, lx, buf, yi, buf, work)
    // Ľ = L_RJ·X and V = Ŭᵀ = U_JRᵀ·Y by the block kernel, stored transposed (Ľᵀ[c, r] at lt + r·nc + c).
    for (let c = 0; c < nc; c++) {
      buf.set(lx.subarray(base + c * nr + nc, base + c * nr + nr), lrj + c * m)
      buf.set(ux.subarray(base + c * nr + nc, base + c * nr + nr), urj + c * m)
    }
    buf.fill(0, lt, su2 + m * nc)
    if (m > 0) {
      updateNT(buf, lt, nc, nc, m, buf, xi, nc, buf, lrj, m, nc, true)
      updateNT(buf, vt, nc, nc, m, buf, yi, nc, buf, urj, m, nc, true)
      for (let k = lt; k < sl2; k++) buf[k] = -buf[k]!
      // Σ_RJᵀ = −Ľᵀ·Σ_RRᵀ and Σ_JR = −Ŭ·Σ_RR (nc × m each).
      updateNT(buf, sl2, nc, nc, m, buf, lt, nc, buf, rr, m, m, true)
      updateNT(buf, su2, nc, nc, m, buf, vt, nc, buf, rrT, m, m, true)
      transposeInto(buf, sl2, nc, nc, m, sl, base + nc, nr)
      transposeInto(buf, su2, nc, nc, m, su, base + nc, nr)
    }
    // Σ_JJ = U_JJ⁻¹·L_JJ⁻¹ − Ŭ·Σ_RJ, with U_JJ⁻¹·L_JJ⁻¹ = Yᵀ·X.
    buf.fill(0, iw, iw + nc * nc)
    updateNT(buf, iw, nc, nc, nc, buf, yi, nc, buf, xi, nc, nc, true)
    for (let k = iw; k < iw + nc * nc; k++) buf[k] = -buf[k]!
    if (m > 0) updateNT(buf, iw, nc, nc, nc, buf, vt, nc, buf, sl2, nc, m, true)
    for (let c = 0; c < nc; c++)
      for (let r = 0; r < nc; r++) {
        const v = buf[iw + c * nc + r]!
        if (r >= c) sl[base + c * nr + r] = v
        else su[base + r * nr + c] = v
      }
    if (hasChildren) {
      if (top + nr * nr > stack.length) {
        const bigger = new Float64Array(Math.max(stack.length * 2, top + nr * nr))
        bigger.set(stack.subarray(0, top))
        stack = bigger
      }
      // The frontal block, column-major nr × nr: [Σ_JJ Σ_JR; Σ_RJ Σ_RR].
      const F = top
      for (let c = 0; c < nc; c++) {
        for (let r = 0; r < nc; r++) stack[F + c * nr + r] = buf[iw + c * nc + r]!
        stack.set(sl.subarray(base + c * nr + nc, base + c * nr + nr), F + c * nr + nc)
      }
      if (m > 0) transposeInto(su, base + nc, nr, m, nc, stack, F + nc * nr, nr)
      for (let c = 0; c < m; c++) stack.set(buf.subarray(rr + c * m, rr + c * m + m), F + (nc + c) * nr + nc)
      frontOf[sn] = F
      open.push(sn)
      top = F + nr * nr
    }
  }
  return { sl, su }
}
