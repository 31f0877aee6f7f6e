import { ComputationError } from "../../model/errors.js"
import type { Csr } from "./Csr.js"
import { type CholeskySymbolic, supernodeSchedule } from "./choleskySymbolic.js"
import { addRuns, consecutiveRuns, gatherFront, lowerInverseRows, panelCholesky, syrkLower, transposeInto, updateNT } from "./denseBlocks.js"
import { denseArena, denseKernelAvailable, kernelFor, type UpdateKernels } from "./denseKernel.js"
import { type OrderingMethod, orderedSymbolic } from "./fillReducingOrder.js"
import { carve, carvedBytes } from "./wasmModule.js"

/**
 * Sparse Cholesky factorisation L·Lᵀ = P(I − ρS)Pᵀ for a symmetric S, built for repeated factorisation at
 * many ρ: the fill-reducing order P (nested dissection or minimum degree, see fillReducingOrder) and the
 * supernodal symbolic structure are computed once in `sparseCholesky`; `factor(ρ)` only moves numbers, by
 * the multifrontal method (Duff & Reid 1983; Liu 1992): each supernode's frontal matrix gathers its columns
 * of I − ρS and its children's update matrices, is factorised with dense block kernels, and passes its own
 * update matrix to its parent. This is the scheme of R's Matrix/CHOLMOD `update()` used by spatialreg's
 * "Matrix" method (CHOLMOD is supernodal too).
 * @example
 * const c = sparseCholesky(s); c.factor(0.5); c.logDet() // log|I − 0.5 S|
 */
export interface SparseCholesky {
  readonly n: number
  /** Entries stored for L (dense supernodal blocks, zeros kept by amalgamation included). */
  readonly nnzL: number
  /** The symbolic analysis (order, supernodes), shareable with another factorisation of the same pattern. */
  readonly symbolic: CholeskySymbolic
  /** Factorise I − ρS; returns false when the matrix is not positive definite. Free when ρ is the last one factorised. */
  factor(rho: number): boolean
  /** log|I − ρS| = 2 Σ log L_jj for the last successful factorisation. */
  logDet(): number
  /** Solve (I − ρS)x = b with the last factorisation. */
  solve(b: ArrayLike<number>): Float64Array
  /**
   * Solve for m right-hand sides at once, stored interleaved (entry i of column c at b[i·m + c]); the
   * result has the same layout. Faster than m single solves (each entry of L is read once).
   */
  solveMany(b: Float64Array, m: number): Float64Array
  /**
   * Selected inversion (Takahashi equations, supernodal) of the last factorisation: the entries of
   * (I − ρS)⁻¹ on the pattern of L, in about twice the flops of a factorisation. Exact (to rounding), unlike
   * stochastic trace estimates.
   */
  selectedInverse(): SelectedInverse
  /**
   * The selected inverse and its derivative along M(t) = M − t·E (E symmetric, within the pattern of M):
   * d(M⁻¹)/dt = M⁻¹EM⁻¹ on the pattern of L, by forward differentiation of the factorisation and of the
   * Takahashi equations. With F on the pattern, tangent.sumProduct(F) = tr(F M⁻¹ E M⁻¹); e.g. E = F = S gives
   * tr((S M⁻¹)²) exactly.
   */
  selectedInverseTangent(e: Csr): { readonly value: SelectedInverse; readonly tangent: SelectedInverse }
}

/** Entries of M⁻¹ on the pattern of the Cholesky factor of M (which contains the pattern of M). */
export interface SelectedInverse {
  /** Diagonal of M⁻¹ in the original (unpermuted) order. */
  readonly diagonal: Float64Array
  /** Σ_ij a_ij (M⁻¹)_ij over the stored entries of a, whose pattern must lie within that of M (e.g. S itself). */
  sumProduct(a: Csr): number
}

/**
 * The symbolic analysis of I − ρS for a symmetric S: fill-reducing order, elimination tree and supernodes.
 * @example sparseCholesky(s, symbolicCholesky(s))
 */
export const symbolicCholesky = (s: Csr, ordering: OrderingMethod = "auto"): CholeskySymbolic => orderedSymbolic(s.rowPtr, s.colIdx, s.n, ordering)

/**
 * Build (or reuse) the symbolic analysis of I − ρS (S symmetric, zero or any diagonal); each `factor(ρ)` is
 * then one numeric factorisation.
 * @example const chol = sparseCholesky(s); chol.factor(0.4) && chol.logDet()
 */
export const sparseCholesky = (s: Csr, symbolic: CholeskySymbolic = symbolicCholesky(s)): SparseCholesky => {
  const { n, perm, iperm, nsuper, superStart, rowPtr, rowIdx, valPtr, superParent, relIdx } = symbolic
  const total = valPtr[nsuper]!
  // Where each stored entry of S (lower triangle, permuted) goes in the supernodal blocks, and the diagonal.
  const pos = new Int32Array(n)
  let count = 0
  for (let j = 0; j < n; j++) {
    const old = perm[j]!
    for (let p = s.rowPtr[old]!; p < s.rowPtr[old + 1]!; p++) if (iperm[s.colIdx[p]!]! >= j) count++
  }
  const aDst = new Float64Array(count)
  const aSrc = new Int32Array(count)
  const diagDst = new Float64Array(n)
  let t = 0
  for (let sn = 0; sn < nsuper; sn++) {
    const f = superStart[sn]!
    const nc = superStart[sn + 1]! - f
    const nr = rowPtr[sn + 1]! - rowPtr[sn]!
    for (let q = rowPtr[sn]!, r = 0; q < rowPtr[sn + 1]!; q++, r++) pos[rowIdx[q]!] = r
    for (let c = 0; c < nc; c++) {
      const j = f + c
      const col = valPtr[sn]! + c * nr
      diagDst[j] = col + c
      const old = perm[j]!
      for (let p = s.rowPtr[old]!; p < s.rowPtr[old + 1]!; p++) {
        const i = iperm[s.colIdx[p]!]!
        if (i < j) continue
        aDst[t] = col + pos[i]!
        aSrc[t++] = p
      }
    }
  }
  const { childHead, childNext, below, stackPeak } = supernodeSchedule(symbolic)
  // The extend-add moves runs of consecutive parent rows with one offset (a mesh's separators give long runs).
  const runEnd = consecutiveRuns(symbolic)
  // L and the update matrices in one arena: the dense kernels work on them in WebAssembly where it is available,
  // and so does the whole factorisation, with copies of the integer arrays and of S's values after them.
  const stackLength = Math.max(1, stackPeak)
  const ints = [n, count, count, nsuper + 1, nsuper + 1, nsuper + 1, nsuper, nsuper, relIdx.length, runEnd.length, nsuper]
  const kernelBytes = denseKernelAvailable() ? carvedBytes(ints, [s.values.length]) : 0
  const arena = denseArena(total + stackLength + Math.ceil(kernelBytes / 8))
  const lx = arena.subarray(0, total)
  const stack = arena.subarray(total, total + stackLength)
  const kernels = kernelFor(arena, arena, arena)
  const factorInKernel =
    kernels === undefined
      ? undefined
      : factorCall(kernels, lx, stack, n, carve(arena.buffer as ArrayBuffer, (total + stackLength) * 8), {
          diagDst,
          aDst,
          aSrc,
          values: s.values,
          symbolic,
          childHead,
          childNext,
          runEnd,
        })
  let ok = false
  let factoredRho = Number.NaN
  const values = s.values

  const factor = (rho: number): boolean => {
    if (ok && rho === factoredRho) return true
    ok = false
    factoredRho = Number.NaN
    if (factorInKernel !== undefined) {
      if (!factorInKernel(rho)) return false
      ok = true
      factoredRho = rho
      return true
    }
    lx.fill(0)
    for (let j = 0; j < n; j++) lx[diagDst[j]!] = 1
    for (let q = 0; q < count; q++) lx[aDst[q]!]! -= rho * values[aSrc[q]!]!
    let top = 0
    for (let sn = 0; sn < nsuper; sn++) {
      const nc = superStart[sn + 1]! - superStart[sn]!
      const nr = rowPtr[sn + 1]! - rowPtr[sn]!
      const m = nr - nc
      const base = valPtr[sn]!
      // The children's update matrices lie at the top of the stack, in child order; this supernode's update
      // matrix is assembled above them, then moved down over them.
      let childBytes = 0
      for (let c = childHead[sn]!; c >= 0; c = childNext[c]!) childBytes += below(c) * below(c)
      const childStart = top - childBytes
      const cb = top
      stack.fill(0, cb, cb + m * m)
      let at = childStart
      for (let c = childHead[sn]!; c >= 0; c = childNext[c]!) {
        const mc = below(c)
        const rel = rowPtr[c]! + (superStart[c + 1]! - superStart[c]!)
        for (let t2 = 0; t2 < mc; t2++) {
          const q2 = relIdx[rel + t2]!
          const src = at + t2 * mc
          if (q2 < nc) addRuns(lx, base + q2 * nr, stack, src, relIdx, runEnd, rel, t2, mc)
          else addRuns(stack, cb + (q2 - nc) * m - nc, stack, src, relIdx, runEnd, rel, t2, mc)
        }
        at += mc * mc
      }
      if (!panelCholesky(lx, base, nr, nr, nc)) return false
      if (superParent[sn]! >= 0) {
        if (m > 0) {
          stack.copyWithin(childStart, cb, cb + m * m)
          syrkLower(stack, childStart, m, m, m, lx, base + nc, nr, nc)
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
    new ComputationError({
      code: "cholesky_not_factored",
      message: "sparse Cholesky: no successful factorisation to use",
      zh: "稀疏 Cholesky：尚无成功的分解可用",
    })

  const logDet = (): number => {
    if (!ok) throw notFactored()
    let s2 = 0
    for (let j = 0; j < n; j++) s2 += Math.log(lx[diagDst[j]!]!)
    return 2 * s2
  }

  // Solve L·Lᵀ y = y in place for m interleaved columns (permuted order).
  const solveInPlace = (y: Float64Array, m: number) => {
    for (let sn = 0; sn < nsuper; sn++) {
      const f = superStart[sn]!
      const nc = superStart[sn + 1]! - f
      const nr = rowPtr[sn + 1]! - rowPtr[sn]!
      const base = valPtr[sn]!
      const r0 = rowPtr[sn]!
      for (let c = 0; c < nc; c++) {
        const col = base + c * nr
        const yj = (f + c) * m
        const d = 1 / lx[col + c]!
        for (let k = 0; k < m; k++) y[yj + k]! *= d
        for (let r = c + 1; r < nr; r++) {
          const l = lx[col + r]!
          const yi = rowIdx[r0 + r]! * m
          for (let k = 0; k < m; k++) y[yi + k]! -= l * y[yj + k]!
        }
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
        const yj = (f + c) * m
        for (let r = c + 1; r < nr; r++) {
          const l = lx[col + r]!
          const yi = rowIdx[r0 + r]! * m
          for (let k = 0; k < m; k++) y[yj + k]! -= l * y[yi + k]!
        }
        const d = 1 / lx[col + c]!
        for (let k = 0; k < m; k++) y[yj + k]! *= d
      }
    }
  }

  const solve = (b: ArrayLike<number>): Float64Array => {
    if (!ok) throw notFactored()
    const y = new Float64Array(n)
    for (let k = 0; k < n; k++) y[k] = b[perm[k]!]!
    solveInPlace(y, 1)
    const out = new Float64Array(n)
    for (let k = 0; k < n; k++) out[perm[k]!] = y[k]!
    return out
  }

  const solveMany = (b: Float64Array, m: number): Float64Array => {
    if (!ok) throw notFactored()
    const y = new Float64Array(n * m)
    for (let k = 0; k < n; k++) {
      const src = perm[k]! * m
      for (let c = 0; c < m; c++) y[k * m + c] = b[src + c]!
    }
    solveInPlace(y, m)
    const out = new Float64Array(n * m)
    for (let k = 0; k < n; k++) {
      const dst = perm[k]! * m
      for (let c = 0; c < m; c++) out[dst + c] = y[k * m + c]!
    }
    return out
  }

  const selectedInverse = (): SelectedInverse => {
    if (!ok) throw notFactored()
    const sx = supernodalInverse(symbolic, lx, childHead, runEnd)
    const superOf = new Int32Array(n)
    for (let sn = 0; sn < nsuper; sn++) for (let j = superStart[sn]!; j < superStart[sn + 1]!; j++) superOf[j] = sn
    // Position of entry (row r ≥ column c) in sx, or −1 outside the pattern.
    const at = (r: number, c: number): number => {
      const sn = superOf[c]!
      const f = superStart[sn]!
      const nc = superStart[sn + 1]! - f
      const nr = rowPtr[sn + 1]! - rowPtr[sn]!
      const col = valPtr[sn]! + (c - f) * nr
      if (r < f + nc) return col + (r - f)
      let lo = rowPtr[sn]! + nc
      let hi = rowPtr[sn + 1]! - 1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        const v = rowIdx[mid]!
        if (v === r) return col + (mid - rowPtr[sn]!)
        if (v < r) lo = mid + 1
        else hi = mid - 1
      }
      return -1
    }
    const diagonal = new Float64Array(n)
    for (let k = 0; k < n; k++) diagonal[perm[k]!] = sx[diagDst[k]!]!
    const sumProduct = (a: Csr): number => {
      let sum = 0
      for (let i = 0; i < a.n; i++)
        for (let p = a.rowPtr[i]!; p < a.rowPtr[i + 1]!; p++) {
          const pi = iperm[i]!
          const pj = iperm[a.colIdx[p]!]!
          const q = pi >= pj ? at(pi, pj) : at(pj, pi)
          if (q < 0)
            throw new ComputationError({
              code: "selected_inverse_pattern",
              message: "selected inverse: the matrix has entries outside the factor's pattern",
              zh: "选择性求逆：矩阵含有分解模式之外的元素",
            })
          sum += a.values[p]! * sx[q]!
        }
      return sum
    }
    return { diagonal, sumProduct }
  }

  const selectedInverseTangent = (e: Csr): { readonly value: SelectedInverse; readonly tangent: SelectedInverse } => {
    if (!ok) throw notFactored()
    return simplicialInverseTangent(symbolic, lx, e)
  }

  return { n, nnzL: symbolic.nnzL, symbolic, factor, logDet, solve, solveMany, selectedInverse, selectedInverseTangent }
}

/**
 * Selected inverse and its forward derivative along M − t·E, column by column (simplicial) on a copy of the
 * supernodal factor: dL by differentiating the left-looking factorisation (dA = −E; dL_jj = dx_j/(2L_jj),
 * dL_ij = (dx_i − L_ij dL_jj)/L_jj), then the Takahashi equations and their derivative from the last column.
 * O(Σ_j |L_j|²); the zeros that amalgamation stores are kept (the pattern stays closed under elimination).
 */
const simplicialInverseTangent = (
  sym: CholeskySymbolic,
  blocks: Float64Array,
  e: Csr,
): { readonly value: SelectedInverse; readonly tangent: SelectedInverse } => {
  const { n, perm, iperm, nsuper, superStart, rowPtr, rowIdx, valPtr } = sym
  // Column-compressed copy of L: column j holds its diagonal first, then the rows below in ascending order.
  const lp = new Int32Array(n + 1)
  for (let sn = 0; sn < nsuper; sn++) {
    const f = superStart[sn]!
    const nc = superStart[sn + 1]! - f
    const nr = rowPtr[sn + 1]! - rowPtr[sn]!
    for (let c = 0; c < nc; c++) lp[f + c + 1] = nr - c
  }
  for (let j = 0; j < n; j++) lp[j + 1]! += lp[j]!
  const nnzL = lp[n]!
  const li = new Int32Array(nnzL)
  const lx = new Float64Array(nnzL)
  for (let sn = 0; sn < nsuper; sn++) {
    const f = superStart[sn]!
    const nc = superStart[sn + 1]! - f
    const r0 = rowPtr[sn]!
    const nr = rowPtr[sn + 1]! - r0
    for (let c = 0; c < nc; c++) {
      const col = valPtr[sn]! + c * nr
      let q = lp[f + c]!
      for (let r = c; r < nr; r++, q++) {
        li[q] = rowIdx[r0 + r]!
        lx[q] = blocks[col + r]!
      }
    }
  }
  const head = new Int32Array(n).fill(-1)
  const next = new Int32Array(n)
  const first = new Int32Array(n)
  const dlx = new Float64Array(nnzL)
  const dx = new Float64Array(n)
  for (let j = 0; j < n; j++) {
    const old = perm[j]!
    for (let p = e.rowPtr[old]!; p < e.rowPtr[old + 1]!; p++) {
      const i = iperm[e.colIdx[p]!]!
      if (i >= j) dx[i] = -e.values[p]!
    }
    let k = head[j]!
    while (k >= 0) {
      const nk = next[k]!
      const pos = first[k]!
      const ljk = lx[pos]!
      const dljk = dlx[pos]!
      const end = lp[k + 1]!
      for (let p = pos; p < end; p++) dx[li[p]!]! -= dlx[p]! * ljk + lx[p]! * dljk
      const np = pos + 1
      first[k] = np
      if (np < end) {
        const r = li[np]!
        next[k] = head[r]!
        head[r] = k
      }
      k = nk
    }
    const start = lp[j]!
    const end = lp[j + 1]!
    const ljj = lx[start]!
    const dljj = dx[j]! / (2 * ljj)
    dlx[start] = dljj
    dx[j] = 0
    for (let p = start + 1; p < end; p++) {
      const i = li[p]!
      dlx[p] = (dx[i]! - lx[p]! * dljj) / ljj
      dx[i] = 0
    }
    if (start + 1 < end) {
      first[j] = start + 1
      const r = li[start + 1]!
      next[j] = head[r]!
      head[r] = j
    }
  }
  const sx = new Float64Array(nnzL)
  const dsx = new Float64Array(nnzL)
  const acc = new Float64Array(n)
  const dacc = new Float64Array(n)
  for (let j = n - 1; j >= 0; j--) {
    const start = lp[j]!
    const end = lp[j + 1]!
    const ljj = lx[start]!
    const dljj = dlx[start]!
    for (let p = start + 1; p < end; p++) {
      acc[li[p]!] = 0
      dacc[li[p]!] = 0
    }
    for (let p = start + 1; p < end; p++) {
      const k = li[p]!
      const lkj = lx[p]!
      const dlkj = dlx[p]!
      const kk = lp[k]!
      acc[k]! += lkj * sx[kk]!
      dacc[k]! += dlkj * sx[kk]! + lkj * dsx[kk]!
      let q = kk + 1
      const qe = lp[k + 1]!
      for (let r = p + 1; r < end; r++) {
        const i = li[r]!
        while (q < qe && li[q]! < i) q++
        const v = sx[q]!
        const dv = dsx[q]!
        const lij = lx[r]!
        const dlij = dlx[r]!
        acc[i]! += lkj * v
        dacc[i]! += dlkj * v + lkj * dv
        acc[k]! += lij * v
        dacc[k]! += dlij * v + lij * dv
      }
    }
    let diag = 1 / (ljj * ljj)
    let ddiag = (-2 * dljj) / (ljj * ljj * ljj)
    for (let p = start + 1; p < end; p++) {
      const a = acc[li[p]!]!
      const da = dacc[li[p]!]!
      const v = -a / ljj
      const dv = -da / ljj + (a * dljj) / (ljj * ljj)
      sx[p] = v
      dsx[p] = dv
      diag -= (lx[p]! * v) / ljj
      ddiag -= (dlx[p]! * v + lx[p]! * dv) / ljj - (lx[p]! * v * dljj) / (ljj * ljj)
    }
    sx[start] = diag
    dsx[start] = ddiag
  }
  const find = (col: number, row: number): number => {
    let lo = lp[col]! + 1
    let hi = lp[col + 1]! - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const r = li[mid]!
      if (r === row) return mid
      if (r < row) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
  const onPattern = (v: Float64Array): SelectedInverse => {
    const diagonal = new Float64Array(n)
    for (let k = 0; k < n; k++) diagonal[perm[k]!] = v[lp[k]!]!
    const sumProduct = (a: Csr): number => {
      let total = 0
      for (let i = 0; i < n; i++)
        for (let p = a.rowPtr[i]!; p < a.rowPtr[i + 1]!; p++) {
          const pi = iperm[i]!
          const pj = iperm[a.colIdx[p]!]!
          if (pi === pj) {
            total += a.values[p]! * v[lp[pi]!]!
            continue
          }
          const q = pi < pj ? find(pi, pj) : find(pj, pi)
          if (q < 0)
            throw new ComputationError({
              code: "selected_inverse_pattern",
              message: "selected inverse: the matrix has entries outside the factor's pattern",
              zh: "选择性求逆：矩阵含有分解模式之外的元素",
            })
          total += a.values[p]! * v[q]!
        }
      return total
    }
    return { diagonal, sumProduct }
  }
  return { value: onPattern(sx), tangent: onPattern(dsx) }
}

/**
 * Supernodal selected inversion: Σ = (L·Lᵀ)⁻¹ on the blocks of L, from the root down. For a supernode with
 * pivots J and rows R below, Y = L_RJ·L_JJ⁻¹, Σ_RJ = −Σ_RR·Y and Σ_JJ = (L_JJ·L_JJᵀ)⁻¹ − Yᵀ·Σ_RJ, where
 * Σ_RR is read from the parent's frontal block of Σ (rows R lie within the parent's rows), kept on a stack
 * while the parent's subtree is processed.
 */
const supernodalInverse = (sym: CholeskySymbolic, lx: Float64Array, childHead: Int32Array, runEnd: Int32Array): Float64Array => {
  const { nsuper, superStart, rowPtr, valPtr, superParent, relIdx } = sym
  const sx = new Float64Array(lx.length)
  // Stack of frontal Σ blocks (nr × nr, column-major, both triangles) of supernodes with children left to do,
  // and the block buffers, in one arena sized by a dry run of the stack: the block kernel works on them in
  // WebAssembly where it is available.
  const frontOf = new Float64Array(nsuper).fill(-1)
  const open: number[] = []
  let top = 0
  let stackPeak = 1
  let rowsByCols = 1
  let colsSquared = 1
  for (let sn = nsuper - 1; sn >= 0; sn--) {
    const nc = superStart[sn + 1]! - superStart[sn]!
    const nr = rowPtr[sn + 1]! - rowPtr[sn]!
    while (open.length > 0 && open[open.length - 1] !== superParent[sn]!) top = frontOf[open.pop()!]!
    const hasChildren = childHead[sn]! >= 0
    stackPeak = Math.max(stackPeak, top + (hasChildren ? nr * nr : (nr - nc) * (nr - nc)))
    rowsByCols = Math.max(rowsByCols, (nr - nc) * nc)
    colsSquared = Math.max(colsSquared, nc * nc)
    if (hasChildren) {
      frontOf[sn] = top
      open.push(sn)
      top += nr * nr
    }
  }
  frontOf.fill(-1)
  open.length = 0
  top = 0
  const inKernel = selectedInverseInKernel(sym, lx, childHead, runEnd, stackPeak, rowsByCols, colsSquared)
  if (inKernel !== undefined) return inKernel
  // With lowerInverseRows' work: nc² + 8·nc.
  const arena = denseArena(stackPeak + 3 * rowsByCols + 3 * colsSquared + 8 * Math.ceil(Math.sqrt(colsSquared)))
  let at = 0
  const take = (length: number) => {
    at += length
    return arena.subarray(at - length, at)
  }
  const stack = take(stackPeak)
  const y = take(rowsByCols)
  const yt = take(rowsByCols)
  const st = take(rowsByCols)
  const inv = take(colsSquared)
  const xbuf = take(colsSquared)
  const work = take(colsSquared + 8 * Math.ceil(Math.sqrt(colsSquared)))
  for (let sn = nsuper - 1; sn >= 0; sn--) {
    const nc = superStart[sn + 1]! - superStart[sn]!
    const nr = rowPtr[sn + 1]! - rowPtr[sn]!
    const m = nr - nc
    const base = valPtr[sn]!
    const p = superParent[sn]!
    // Supernodes after sn in reverse postorder that are not its ancestors have finished: drop their fronts.
    while (open.length > 0 && open[open.length - 1] !== p) {
      const done = open.pop()!
      top = frontOf[done]!
      frontOf[done] = -1
    }
    const hasChildren = childHead[sn]! >= 0
    // F = this supernode's frontal Σ block; its lower-right m×m part is Σ_RR gathered from the parent.
    const F = top
    const ldf = hasChildren ? nr : m
    const rr = hasChildren ? F + nc * ldf + nc : F
    if (m > 0) {
      const pf = frontOf[p]!
      const pnr = rowPtr[p + 1]! - rowPtr[p]!
      gatherFront(stack, pf, pnr, relIdx, runEnd, rowPtr[sn]! + nc, m, stack, rr, ldf)
    }
    // X = L_JJ⁻¹ (row-major), then Y = L_RJ·X (m × nc) by the block kernel, stored as Yᵀ with leading dimension
    // nc (yt[p·nc + c] = Y[p, c]), the layout the kernel reads below; X serves Σ_JJ too.
    lowerInverseRows(lx, base, nr, nc, lx, xbuf, 0, work, 0)
    for (let c = 0; c < nc; c++) y.set(lx.subarray(base + c * nr + nc, base + c * nr + nr), c * m)
    yt.fill(0, 0, m * nc)
    if (m > 0) {
      updateNT(yt, 0, nc, nc, m, xbuf, 0, nc, y, 0, m, nc, true)
      for (let k = 0; k < m * nc; k++) yt[k] = -yt[k]!
    }
    // Σ_RJᵀ = −Yᵀ·Σ_RR (nc × m; Σ_RR is symmetric), then into the block of sx (rows nc … nr − 1).
    st.fill(0, 0, m * nc)
    if (m > 0) updateNT(st, 0, nc, nc, m, yt, 0, nc, stack, rr, ldf, m, true)
    const out = sx
    transposeInto(st, 0, nc, nc, m, out, base + nc, nr)
    // Σ_JJ = (L_JJ·L_JJᵀ)⁻¹ − Yᵀ·Σ_RJ (lower part): Xᵀ·X, then the product.
    gramOfInverse(xbuf, nc, inv)
    if (m > 0) updateNT(inv, 0, nc, nc, nc, yt, 0, nc, st, 0, nc, m, false)
    for (let c = 0; c < nc; c++) out.set(inv.subarray(c * nc + c, c * nc + nc), base + c * nr + c)
    if (hasChildren) {
      // Complete the frontal block: the transpose of columns 0 … nc − 1 into rows 0 … nc − 1 (its entries below
      // the diagonal of Σ_JJ come from the unused upper part of the stored block), then those columns as stored.
      transposeInto(out, base, nr, nr, nc, stack, F, ldf)
      for (let c = 0; c < nc; c++) stack.set(out.subarray(base + c * nr + c, base + c * nr + nr), F + c * ldf + c)
      frontOf[sn] = F
      open.push(sn)
      top = F + nr * nr
    }
  }
  return sx
}

// (L·Lᵀ)⁻¹ = Xᵀ·X from X = L⁻¹ (row-major, nc×nc, as lowerInverseRows leaves it) into out (nc×nc, lower part;
// entries above the diagonal are scratch): Σ_p X[p, ·]ᵀ X[p, ·] by the block kernel, eight rows p at a time over
// the leading (p0 + 8) × (p0 + 8) block (X[p, k] = 0 for k > p).
const gramOfInverse = (x: Float64Array, nc: number, out: Float64Array): void => {
  out.fill(0, 0, nc * nc)
  for (let p0 = 0; p0 < nc; p0 += 8) {
    const q = Math.min(nc, p0 + 8)
    updateNT(out, 0, nc, q, q, x, p0 * nc, nc, x, p0 * nc, nc, q - p0, false)
  }
  for (let c = 0; c < nc; c++) for (let r = c; r < nc; r++) out[c * nc + r] = -out[c * nc + r]!
}

// The factorisation by the kernel, with copies of the integer arrays (as Int32) and of S's values laid out in the
// arena after L and the stack: true, or false when I − ρS is not positive definite.
const factorCall = (
  kernels: UpdateKernels,
  lx: Float64Array,
  stack: Float64Array,
  n: number,
  to: ReturnType<typeof carve>,
  a: {
    readonly diagDst: Float64Array
    readonly aDst: Float64Array
    readonly aSrc: Int32Array
    readonly values: Float64Array
    readonly symbolic: CholeskySymbolic
    readonly childHead: Int32Array
    readonly childNext: Int32Array
    readonly runEnd: Int32Array
  },
): ((rho: number) => boolean) => {
  const at = (from: ArrayLike<number>) => to.int32Of(from).byteOffset
  const { nsuper, superStart, rowPtr, valPtr, relIdx, superParent } = a.symbolic
  const args = [
    at(a.diagDst),
    a.aSrc.length,
    at(a.aDst),
    at(a.aSrc),
    to.float64Of(a.values).byteOffset,
    nsuper,
    at(superStart),
    at(rowPtr),
    at(valPtr),
    at(a.childHead),
    at(a.childNext),
    at(relIdx),
    at(a.runEnd),
    at(superParent),
  ] as const
  return (rho) => kernels.factor(rho, lx.byteOffset, stack.byteOffset, lx.length, n, ...args) !== 0
}

/**
 * Jiju default: factors with more entries than this invert in the loops. The kernel needs its own copy of L; at
 * this size the loops have long been optimised by the engine, and the copy would only add memory (233 MB more
 * at the 500² grid).
 */
const SELECTED_INVERSE_KERNEL_MAX = 1 << 22

// supernodalInverse as one WebAssembly call, in an arena holding a copy of L, Σ, the same buffers and copies of the
// symbolic arrays; undefined (the loops run) without the kernel. The operations are the loops', in their order.
const selectedInverseInKernel = (
  sym: CholeskySymbolic,
  lx: Float64Array,
  childHead: Int32Array,
  runEnd: Int32Array,
  stackPeak: number,
  rowsByCols: number,
  colsSquared: number,
): Float64Array | undefined => {
  if (!denseKernelAvailable() || lx.length > SELECTED_INVERSE_KERNEL_MAX) return undefined
  const { nsuper, superStart, rowPtr, valPtr, superParent, relIdx } = sym
  const workLength = colsSquared + 8 * Math.ceil(Math.sqrt(colsSquared))
  const floats = [lx.length, lx.length, stackPeak, rowsByCols, rowsByCols, rowsByCols, colsSquared, colsSquared, workLength]
  const ints = [nsuper + 1, nsuper + 1, nsuper + 1, nsuper, relIdx.length, runEnd.length, nsuper, nsuper, nsuper]
  const arena = denseArena(Math.ceil(carvedBytes(ints, floats) / 8))
  const kernels = kernelFor(arena, arena, arena)
  if (kernels === undefined) return undefined
  const to = carve(arena.buffer as ArrayBuffer, arena.byteOffset)
  const [l, sx, stack, y, yt, st, inv, xbuf, work] = floats.map((length) => to.float64(length)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ]
  l.set(lx)
  const int32 = (from: ArrayLike<number>) => to.int32Of(from).byteOffset
  const at = (a: Float64Array) => a.byteOffset
  kernels.selectedInverse(
    at(l),
    at(sx),
    at(stack),
    at(y),
    at(yt),
    at(st),
    at(inv),
    at(xbuf),
    at(work),
    nsuper,
    int32(superStart),
    int32(rowPtr),
    int32(valPtr),
    int32(superParent),
    int32(relIdx),
    int32(runEnd),
    int32(childHead),
    int32(new Int32Array(nsuper).fill(-1)),
    to.int32(nsuper).byteOffset,
  )
  return sx
}
