import { ComputationError } from "../../model/errors.js"
import type { Csr } from "./Csr.js"
import { minimumDegreeOrder } from "./minimumDegree.js"

/**
 * Sparse Cholesky factorisation L·Lᵀ = P(I − ρS)Pᵀ for a symmetric S, built for repeated factorisation at
 * many ρ: the minimum-degree ordering P and the symbolic structure of L (elimination tree, column patterns)
 * are computed once in `sparseCholesky`, and `factor(ρ)` only refills the numbers (left-looking column
 * Cholesky). This is the scheme of R's Matrix/CHOLMOD `update()` used by spatialreg's "Matrix" method.
 * @example
 * const c = sparseCholesky(s); c.factor(0.5); c.logDet() // log|I − 0.5 S|
 */
export interface SparseCholesky {
  readonly n: number
  /** Non-zeros in L (including the diagonal). */
  readonly nnzL: number
  /** Factorise I − ρS; returns false when the matrix is not positive definite. */
  factor(rho: number): boolean
  /** log|I − ρS| = 2 Σ log L_jj for the last successful factorisation. */
  logDet(): number
  /** Solve (I − ρS)x = b with the last factorisation. */
  solve(b: ArrayLike<number>): Float64Array
  /**
   * Solve for m right-hand sides at once, stored interleaved (entry i of column c at b[i·m + c]); the
   * result has the same layout. Faster than m single solves (each index of L is read once).
   */
  solveMany(b: Float64Array, m: number): Float64Array
  /**
   * Selected inversion (Takahashi equations) of the last factorisation: the entries of (I − ρS)⁻¹ on the
   * pattern of L, in O(Σ_j |L_j|²). Exact (to rounding), unlike stochastic trace estimates.
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
 * Build the ordering and symbolic factorisation of I − ρS (S symmetric, zero or any diagonal); each
 * `factor(ρ)` is then one numeric factorisation.
 * @example const chol = sparseCholesky(s); chol.factor(0.4) && chol.logDet()
 */
export const sparseCholesky = (s: Csr): SparseCholesky => {
  const n = s.n
  const perm = minimumDegreeOrder(s.rowPtr, s.colIdx, n)
  const iperm = new Int32Array(n)
  for (let k = 0; k < n; k++) iperm[perm[k]!] = k
  // Lower triangle of the permuted S by column: rows i > j and the position of the value in s.values.
  const ap = new Int32Array(n + 1)
  const sdiag = new Int32Array(n).fill(-1)
  for (let j = 0; j < n; j++) {
    const old = perm[j]!
    let c = 0
    for (let p = s.rowPtr[old]!; p < s.rowPtr[old + 1]!; p++) {
      const i = iperm[s.colIdx[p]!]!
      if (i > j) c++
      else if (i === j) sdiag[j] = p
    }
    ap[j + 1] = ap[j]! + c
  }
  const ai = new Int32Array(ap[n]!)
  const asrc = new Int32Array(ap[n]!)
  for (let j = 0; j < n; j++) {
    const old = perm[j]!
    let q = ap[j]!
    for (let p = s.rowPtr[old]!; p < s.rowPtr[old + 1]!; p++) {
      const i = iperm[s.colIdx[p]!]!
      if (i > j) {
        ai[q] = i
        asrc[q++] = p
      }
    }
  }
  // Symbolic: pattern(L_j) = pattern(A_j, below diagonal) ∪ patterns of j's children in the elimination tree.
  const childHead = new Int32Array(n).fill(-1)
  const childNext = new Int32Array(n).fill(-1)
  const mark = new Int32Array(n).fill(-1)
  const patterns: Int32Array[] = new Array(n)
  let nnzL = 0
  const rows: number[] = []
  for (let j = 0; j < n; j++) {
    rows.length = 0
    mark[j] = j
    for (let p = ap[j]!; p < ap[j + 1]!; p++) {
      const i = ai[p]!
      if (mark[i] !== j) {
        mark[i] = j
        rows.push(i)
      }
    }
    for (let c = childHead[j]!; c >= 0; c = childNext[c]!) {
      const pc = patterns[c]!
      for (let t = 0; t < pc.length; t++) {
        const i = pc[t]!
        if (i > j && mark[i] !== j) {
          mark[i] = j
          rows.push(i)
        }
      }
    }
    const pat = Int32Array.from(rows).sort()
    patterns[j] = pat
    nnzL += pat.length + 1
    if (pat.length > 0) {
      const parent = pat[0]!
      childNext[j] = childHead[parent]!
      childHead[parent] = j
    }
  }
  // L by columns: diagonal first, then the sorted off-diagonal rows.
  const lp = new Int32Array(n + 1)
  const li = new Int32Array(nnzL)
  for (let j = 0; j < n; j++) {
    const pat = patterns[j]!
    lp[j + 1] = lp[j]! + pat.length + 1
    li[lp[j]!] = j
    li.set(pat, lp[j]! + 1)
  }
  patterns.length = 0
  const lx = new Float64Array(nnzL)
  const x = new Float64Array(n)
  const head = new Int32Array(n)
  const next = new Int32Array(n)
  const first = new Int32Array(n)
  let ok = false

  const factor = (rho: number): boolean => {
    head.fill(-1)
    ok = false
    for (let j = 0; j < n; j++) {
      // Scatter column j of I − ρS (rows ≥ j).
      x[j] = 1 - (sdiag[j]! >= 0 ? rho * s.values[sdiag[j]!]! : 0)
      for (let p = ap[j]!; p < ap[j + 1]!; p++) x[ai[p]!] = -rho * s.values[asrc[p]!]!
      // Subtract contributions of earlier columns k with L_jk ≠ 0.
      let k = head[j]!
      while (k >= 0) {
        const nk = next[k]!
        const pos = first[k]!
        const ljk = lx[pos]!
        const end = lp[k + 1]!
        for (let p = pos; p < end; p++) x[li[p]!]! -= lx[p]! * ljk
        const np = pos + 1
        first[k] = np
        if (np < end) {
          const r = li[np]!
          next[k] = head[r]!
          head[r] = k
        }
        k = nk
      }
      const d = x[j]!
      if (!(d > 0)) return false
      const ljj = Math.sqrt(d)
      const start = lp[j]!
      const end = lp[j + 1]!
      lx[start] = ljj
      x[j] = 0
      for (let p = start + 1; p < end; p++) {
        const i = li[p]!
        lx[p] = x[i]! / ljj
        x[i] = 0
      }
      if (start + 1 < end) {
        first[j] = start + 1
        const r = li[start + 1]!
        next[j] = head[r]!
        head[r] = j
      }
    }
    ok = true
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
    for (let j = 0; j < n; j++) s2 += Math.log(lx[lp[j]!]!)
    return 2 * s2
  }

  const solve = (b: ArrayLike<number>): Float64Array => {
    if (!ok) throw notFactored()
    const y = new Float64Array(n)
    for (let k = 0; k < n; k++) y[k] = b[perm[k]!]!
    // L y' = y (columns), then Lᵀ z = y'.
    for (let j = 0; j < n; j++) {
      const v = y[j]! / lx[lp[j]!]!
      y[j] = v
      for (let p = lp[j]! + 1; p < lp[j + 1]!; p++) y[li[p]!]! -= lx[p]! * v
    }
    for (let j = n - 1; j >= 0; j--) {
      let v = y[j]!
      for (let p = lp[j]! + 1; p < lp[j + 1]!; p++) v -= lx[p]! * y[li[p]!]!
      y[j] = v / lx[lp[j]!]!
    }
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
    for (let j = 0; j < n; j++) {
      const d = 1 / lx[lp[j]!]!
      const yj = j * m
      for (let c = 0; c < m; c++) y[yj + c]! *= d
      for (let p = lp[j]! + 1; p < lp[j + 1]!; p++) {
        const l = lx[p]!
        const yi = li[p]! * m
        for (let c = 0; c < m; c++) y[yi + c]! -= l * y[yj + c]!
      }
    }
    for (let j = n - 1; j >= 0; j--) {
      const yj = j * m
      for (let p = lp[j]! + 1; p < lp[j + 1]!; p++) {
        const l = lx[p]!
        const yi = li[p]! * m
        for (let c = 0; c < m; c++) y[yj + c]! -= l * y[yi + c]!
      }
      const d = 1 / lx[lp[j]!]!
      for (let c = 0; c < m; c++) y[yj + c]! *= d
    }
    const out = new Float64Array(n * m)
    for (let k = 0; k < n; k++) {
      const dst = perm[k]! * m
      for (let c = 0; c < m; c++) out[dst + c] = y[k * m + c]!
    }
    return out
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
  // Σ_ij a_ij v_ij over the stored entries of a, v stored like lx (the pattern of L, permuted indices).
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

  const selectedInverseTangent = (e: Csr): { readonly value: SelectedInverse; readonly tangent: SelectedInverse } => {
    if (!ok) throw notFactored()
    // Tangent of L (left-looking, as factor): dA = −E; dL_jj = dx_j/(2L_jj), dL_ij = (dx_i − L_ij dL_jj)/L_jj.
    const dlx = new Float64Array(nnzL)
    const dx = new Float64Array(n)
    head.fill(-1)
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
    // Takahashi equations and their derivative, column by column from the last.
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
    return { value: onPattern(sx), tangent: onPattern(dsx) }
  }

  const selectedInverse = (): SelectedInverse => {
    if (!ok) throw notFactored()
    // Σ on the pattern of L, stored like lx (diagonal first in each column). Columns from last to first:
    // Σ_ij = −(1/L_jj) Σ_k L_kj Σ_ik (i, k ∈ pattern of column j), Σ_jj = 1/L_jj² − (1/L_jj) Σ_k L_kj Σ_kj.
    // For k ∈ pattern(j), the rows of column j below k lie in pattern(k): a merge finds Σ_ik.
    const sx = new Float64Array(nnzL)
    const acc = new Float64Array(n)
    for (let j = n - 1; j >= 0; j--) {
      const start = lp[j]!
      const end = lp[j + 1]!
      const ljj = lx[start]!
      for (let p = start + 1; p < end; p++) acc[li[p]!] = 0
      for (let p = start + 1; p < end; p++) {
        const k = li[p]!
        const lkj = lx[p]!
        acc[k]! += lkj * sx[lp[k]!]!
        // Rows i > k of column j: Σ_ik sits in column k at row i.
        let q = lp[k]! + 1
        const qe = lp[k + 1]!
        for (let r = p + 1; r < end; r++) {
          const i = li[r]!
          while (q < qe && li[q]! < i) q++
          const v = sx[q]!
          acc[i]! += lkj * v
          acc[k]! += lx[r]! * v
        }
      }
      let diag = 1 / (ljj * ljj)
      for (let p = start + 1; p < end; p++) {
        const v = -acc[li[p]!]! / ljj
        sx[p] = v
        diag -= (lx[p]! * v) / ljj
      }
      sx[start] = diag
    }
    const diagonal = new Float64Array(n)
    for (let k = 0; k < n; k++) diagonal[perm[k]!] = sx[lp[k]!]!
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
    const sumProduct = (a: Csr): number => {
      let total = 0
      for (let i = 0; i < n; i++)
        for (let p = a.rowPtr[i]!; p < a.rowPtr[i + 1]!; p++) {
          const pi = iperm[i]!
          const pj = iperm[a.colIdx[p]!]!
          if (pi === pj) {
            total += a.values[p]! * sx[lp[pi]!]!
            continue
          }
          const q = pi < pj ? find(pi, pj) : find(pj, pi)
          if (q < 0)
            throw new ComputationError({
              code: "selected_inverse_pattern",
              message: "selected inverse: the matrix has entries outside the factor's pattern",
              zh: "选择性求逆：矩阵含有分解模式之外的元素",
            })
          total += a.values[p]! * sx[q]!
        }
      return total
    }
    return { diagonal, sumProduct }
  }

  return { n, nnzL, factor, logDet, solve, solveMany, selectedInverse, selectedInverseTangent }
}
