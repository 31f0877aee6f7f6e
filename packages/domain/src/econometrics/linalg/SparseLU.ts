import { ComputationError } from "../../model/errors.js"
import type { Csr } from "./Csr.js"
import { type CholeskySymbolic, choleskySymbolic, supernodeSchedule } from "./choleskySymbolic.js"
import { panelLU, updateNT } from "./denseBlocks.js"
import { denseArena } from "./denseKernel.js"
import { fillReducingOrder, type OrderingMethod } from "./fillReducingOrder.js"

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
  const diagDst = new Float64Array(n)
  for (let j = 0; j < n; j++) {
    const sn = superOf[j]!
    const nr = rowPtr[sn + 1]! - rowPtr[sn]!
    diagDst[j] = valPtr[sn]! + (j - superStart[sn]!) * (nr + 1)
  }
  const { childHead, childNext, below, stackPeak } = supernodeSchedule(sym)
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
    for (let p = 0; p < nnz; p++) {
      if (inU[p]) ux[dst[p]!]! -= rho * w.values[p]!
      else lx[dst[p]!]! -= rho * w.values[p]!
    }
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
        for (let t2 = 0; t2 < mc; t2++) {
          const q2 = relIdx[rel + t2]!
          const src = at + t2 * mc
          for (let t1 = 0; t1 < mc; t1++) {
            const q1 = relIdx[rel + t1]!
            const v = stack[src + t1]!
            if (q1 >= nc && q2 >= nc) stack[cb + (q2 - nc) * m + (q1 - nc)]! += v
            else if (q1 >= q2) lx[base + q2 * nr + q1]! += v
            else ux[base + q1 * nr + q2]! += v
          }
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
    const { sl, su } = supernodalInverseLU(sym, lx, ux, childHead)
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
  return choleskySymbolic(ptr, idx, fillReducingOrder(ptr, idx, n, ordering))
}

/**
 * Supernodal selected inversion for M = L·U (no pivoting): with Ľ = L_RJ·L_JJ⁻¹ and Ŭ = U_JJ⁻¹·U_JR,
 * Σ_RJ = −Σ_RR·Ľ, Σ_JR = −Ŭ·Σ_RR and Σ_JJ = U_JJ⁻¹·L_JJ⁻¹ − Ŭ·Σ_RJ, from the root down; Σ_RR comes from
 * the parent's frontal block. Returns Σ's lower part in L-layout and its upper part transposed in U-layout.
 */
const supernodalInverseLU = (sym: CholeskySymbolic, lx: Float64Array, ux: Float64Array, childHead: Int32Array) => {
  const { nsuper, superStart, rowPtr, valPtr, superParent, relIdx } = sym
  const sl = new Float64Array(lx.length)
  const su = new Float64Array(lx.length)
  let stack = new Float64Array(1 << 16)
  const frontOf = new Float64Array(nsuper).fill(-1)
  const open: number[] = []
  let top = 0
  let buf: Float64Array = new Float64Array(1024)
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
    // Work: Σ_RR (m×m) and its transpose; Ľᵀ, Vᵀ = Ŭ, Σ_RJᵀ and Σ_JR (nc×m, leading dimension nc); the nc×nc block.
    const need = 2 * m * m + 4 * m * nc + nc * nc
    // Scratch for this supernode only: a larger one need not keep the old contents.
    if (buf.length < need) buf = denseArena(need * 2)
    const rr = 0
    const rrT = m * m
    const lt = 2 * m * m
    const vt = lt + m * nc
    const sl2 = vt + m * nc
    const su2 = sl2 + m * nc
    const iw = su2 + m * nc
    if (m > 0) {
      const pf = frontOf[p]!
      const pnr = rowPtr[p + 1]! - rowPtr[p]!
      const rel = rowPtr[sn]! + nc
      for (let t2 = 0; t2 < m; t2++) {
        const q2 = relIdx[rel + t2]!
        for (let t1 = 0; t1 < m; t1++) {
          const v = stack[pf + q2 * pnr + relIdx[rel + t1]!]!
          buf[rr + t2 * m + t1] = v
          buf[rrT + t1 * m + t2] = v
        }
      }
    }
    // Row r of Ľ: Ľ[r, c] = L_RJ[r, c] − Σ_{k>c} Ľ[r, k]·L_JJ[k, c] (unit diagonal); of V = Ŭᵀ:
    // V[r, c] = (U_JR[c, r] − Σ_{k>c} V[r, k]·U_JJ[c, k]) / U_cc. Stored transposed (x[r·nc + c]).
    // Two rows at a time: four independent chains of subtractions instead of two (each is bound by the latency of
    // its additions); every entry gets the same operations in the same order.
    let r = 0
    for (; r + 1 < m; r += 2) {
      const o = r * nc
      const o1 = o + nc
      for (let c = nc - 1; c >= 0; c--) {
        const col = base + c * nr
        let lv = lx[col + nc + r]!
        let uv = ux[col + nc + r]!
        let lv1 = lx[col + nc + r + 1]!
        let uv1 = ux[col + nc + r + 1]!
        for (let k = c + 1; k < nc; k++) {
          const lk = lx[col + k]!
          const uk = ux[col + k]!
          lv -= buf[lt + o + k]! * lk
          uv -= buf[vt + o + k]! * uk
          lv1 -= buf[lt + o1 + k]! * lk
          uv1 -= buf[vt + o1 + k]! * uk
        }
        const d = lx[col + c]!
        buf[lt + o + c] = lv
        buf[vt + o + c] = uv / d
        buf[lt + o1 + c] = lv1
        buf[vt + o1 + c] = uv1 / d
      }
    }
    for (; r < m; r++) {
      const o = r * nc
      for (let c = nc - 1; c >= 0; c--) {
        const col = base + c * nr
        let lv = lx[col + nc + r]!
        let uv = ux[col + nc + r]!
        for (let k = c + 1; k < nc; k++) {
          lv -= buf[lt + o + k]! * lx[col + k]!
          uv -= buf[vt + o + k]! * ux[col + k]!
        }
        buf[lt + o + c] = lv
        buf[vt + o + c] = uv / lx[col + c]!
      }
    }
    // Σ_RJᵀ = −Ľᵀ·Σ_RRᵀ and Σ_JR = −Ŭ·Σ_RR (nc × m each).
    buf.fill(0, sl2, iw)
    if (m > 0) {
      updateNT(buf, sl2, nc, nc, m, buf, lt, nc, buf, rr, m, m, true)
      updateNT(buf, su2, nc, nc, m, buf, vt, nc, buf, rrT, m, m, true)
    }
    for (let c = 0; c < nc; c++) {
      const col = base + c * nr + nc
      for (let r = 0; r < m; r++) {
        sl[col + r] = buf[sl2 + r * nc + c]!
        su[col + r] = buf[su2 + r * nc + c]!
      }
    }
    // Σ_JJ = U_JJ⁻¹·L_JJ⁻¹ − Ŭ·Σ_RJ.
    denseLUInverse(lx, ux, base, nr, nc, buf, iw)
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
      const F = top
      for (let c = 0; c < nc; c++) {
        for (let r = 0; r < nc; r++) stack[F + c * nr + r] = r >= c ? sl[base + c * nr + r]! : su[base + r * nr + c]!
        for (let r = 0; r < m; r++) {
          stack[F + c * nr + nc + r] = sl[base + c * nr + nc + r]!
          stack[F + (nc + r) * nr + c] = su[base + c * nr + nc + r]!
        }
      }
      for (let c = 0; c < m; c++) for (let r = 0; r < m; r++) stack[F + (nc + c) * nr + nc + r] = buf[rr + c * m + r]!
      frontOf[sn] = F
      open.push(sn)
      top = F + nr * nr
    }
  }
  return { sl, su }
}

// U_JJ⁻¹·L_JJ⁻¹ for the nc×nc diagonal block (L unit lower in lx, U's diagonal in lx, Uᵀ strictly lower in ux), into out[o …] column-major.
const denseLUInverse = (lx: Float64Array, ux: Float64Array, base: number, ld: number, nc: number, out: Float64Array, o: number): void => {
  // Column c of U⁻¹L⁻¹: x = L⁻¹e_c (forward), then back-substitute with U. Columns go two at a time, so that the
  // back substitution runs two independent chains of subtractions; each entry gets the same operations in the
  // same order as one column alone.
  const x = new Float64Array(nc)
  const y = new Float64Array(nc)
  const forward = (z: Float64Array, c: number) => {
    z.fill(0)
    z[c] = 1
    for (let k = c; k < nc; k++) {
      const v = z[k]!
      if (v !== 0) for (let r = k + 1; r < nc; r++) z[r]! -= lx[base + k * ld + r]! * v
    }
  }
  let c = 0
  for (; c + 1 < nc; c += 2) {
    forward(x, c)
    forward(y, c + 1)
    for (let k = nc - 1; k >= 0; k--) {
      const col = base + k * ld
      let v = x[k]!
      let w = y[k]!
      for (let r = k + 1; r < nc; r++) {
        const u = ux[col + r]!
        v -= u * x[r]!
        w -= u * y[r]!
      }
      const d = lx[col + k]!
      x[k] = v / d
      y[k] = w / d
    }
    for (let r = 0; r < nc; r++) {
      out[o + c * nc + r] = x[r]!
      out[o + (c + 1) * nc + r] = y[r]!
    }
  }
  for (; c < nc; c++) {
    forward(x, c)
    for (let k = nc - 1; k >= 0; k--) {
      let v = x[k]!
      for (let r = k + 1; r < nc; r++) v -= ux[base + k * ld + r]! * x[r]!
      x[k] = v / lx[base + k * ld + k]!
    }
    for (let r = 0; r < nc; r++) out[o + c * nc + r] = x[r]!
  }
}
