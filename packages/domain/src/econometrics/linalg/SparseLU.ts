import { ComputationError } from "../../model/errors.js"
import type { Csr } from "./Csr.js"
import { minimumDegreeOrder } from "./minimumDegree.js"

/**
 * Sparse LU factorisation without pivoting of P(I − ρW)Pᵀ for a general (asymmetric) W, for repeated
 * factorisation at many ρ: the minimum-degree ordering of the symmetrised pattern W + Wᵀ and the symbolic
 * structure (that of the Cholesky factor of the symmetrised pattern, which contains L and Uᵀ) are computed
 * once; `factor(ρ)` refills the numbers (left-looking). No pivoting is needed while I − ρW is diagonally
 * dominant, i.e. |ρ| < 1 for row-standardised W — the interval spatialreg's "LU" method searches.
 * @example const f = sparseLU(w); f.factor(0.5); f.logAbsDet() // log|I − 0.5W|
 */
export interface SparseLU {
  readonly n: number
  /** Factorise I − ρW; false when a zero or non-finite pivot appears. */
  factor(rho: number): boolean
  /** log|det(I − ρW)| from the last successful factorisation. */
  logAbsDet(): number
  /** Solve (I − ρW)x = b with the last successful factorisation. */
  solve(b: ArrayLike<number>): Float64Array
}

/**
 * Build the ordering and symbolic structure for I − ρW (W square CSR, any pattern); then `factor(ρ)` and
 * `logAbsDet()` per trial value of ρ.
 * @example const lu = sparseLU(w); lu.factor(0.5) && lu.logAbsDet()
 */
export const sparseLU = (w: Csr): SparseLU => {
  const n = w.n
  // Symmetrised pattern for the ordering and the symbolic factorisation.
  const sets: number[][] = Array.from({ length: n }, () => [])
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      const j = w.colIdx[p]!
      if (j === i) continue
      sets[i]!.push(j)
      sets[j]!.push(i)
    }
  const symPtr = new Int32Array(n + 1)
  const uniq = sets.map((s) => Int32Array.from(new Set(s)).sort())
  uniq.forEach((s, i) => {
    symPtr[i + 1] = symPtr[i]! + s.length
  })
  const symIdx = new Int32Array(symPtr[n]!)
  uniq.forEach((s, i) => {
    symIdx.set(s, symPtr[i]!)
  })
  const perm = minimumDegreeOrder(symPtr, symIdx, n)
  const iperm = new Int32Array(n)
  for (let k = 0; k < n; k++) iperm[perm[k]!] = k
  // Column pattern (strictly lower) of the symbolic factor of the permuted symmetrised pattern.
  const childHead = new Int32Array(n).fill(-1)
  const childNext = new Int32Array(n).fill(-1)
  const mark = new Int32Array(n).fill(-1)
  const cols: Int32Array[] = new Array(n)
  const rows: number[] = []
  for (let j = 0; j < n; j++) {
    rows.length = 0
    mark[j] = j
    const old = perm[j]!
    for (let p = symPtr[old]!; p < symPtr[old + 1]!; p++) {
      const i = iperm[symIdx[p]!]!
      if (i > j && mark[i] !== j) {
        mark[i] = j
        rows.push(i)
      }
    }
    for (let c = childHead[j]!; c >= 0; c = childNext[c]!) {
      const pc = cols[c]!
      for (let t = 0; t < pc.length; t++) {
        const i = pc[t]!
        if (i > j && mark[i] !== j) {
          mark[i] = j
          rows.push(i)
        }
      }
    }
    const pat = Int32Array.from(rows).sort()
    cols[j] = pat
    if (pat.length > 0) {
      childNext[j] = childHead[pat[0]!]!
      childHead[pat[0]!] = j
    }
  }
  // L by columns (unit diagonal not stored); U by columns = the transposed pattern (rows k < j), diagonal apart.
  const lp = new Int32Array(n + 1)
  for (let j = 0; j < n; j++) lp[j + 1] = lp[j]! + cols[j]!.length
  const li = new Int32Array(lp[n]!)
  for (let j = 0; j < n; j++) li.set(cols[j]!, lp[j]!)
  const up = new Int32Array(n + 1)
  for (let p = 0; p < li.length; p++) up[li[p]! + 1]!++
  for (let j = 0; j < n; j++) up[j + 1]! += up[j]!
  const ui = new Int32Array(li.length)
  const fill = up.slice(0, n)
  for (let k = 0; k < n; k++) for (let p = lp[k]!; p < lp[k + 1]!; p++) ui[fill[li[p]!]!++] = k // rows k ascending
  // Permuted columns of W: entries (i, value) of column j of P W Pᵀ.
  const wcPtr = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) wcPtr[iperm[w.colIdx[p]!]! + 1]!++
  for (let j = 0; j < n; j++) wcPtr[j + 1]! += wcPtr[j]!
  const wcRow = new Int32Array(wcPtr[n]!)
  const wcVal = new Float64Array(wcPtr[n]!)
  const next = wcPtr.slice(0, n)
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      const q = next[iperm[w.colIdx[p]!]!]!++
      wcRow[q] = iperm[i]!
      wcVal[q] = w.values[p]!
    }
  const lx = new Float64Array(li.length)
  const ux = new Float64Array(ui.length)
  const udiag = new Float64Array(n)
  const x = new Float64Array(n)
  let ok = false

  const factor = (rho: number): boolean => {
    ok = false
    for (let j = 0; j < n; j++) {
      // Scatter column j of I − ρPWPᵀ.
      x[j] = 1
      for (let p = wcPtr[j]!; p < wcPtr[j + 1]!; p++) x[wcRow[p]!]! -= rho * wcVal[p]!
      // Left-looking: for k < j with U_kj ≠ 0 (ascending), x[i] −= L_ik · x[k] for i > k.
      for (let q = up[j]!; q < up[j + 1]!; q++) {
        const k = ui[q]!
        const xk = x[k]!
        ux[q] = xk
        x[k] = 0
        if (xk === 0) continue
        for (let p = lp[k]!; p < lp[k + 1]!; p++) x[li[p]!]! -= lx[p]! * xk
      }
      const d = x[j]!
      x[j] = 0
      if (d === 0 || !Number.isFinite(d)) return false
      udiag[j] = d
      for (let p = lp[j]!; p < lp[j + 1]!; p++) {
        const i = li[p]!
        lx[p] = x[i]! / d
        x[i] = 0
      }
    }
    ok = true
    return true
  }

  const logAbsDet = (): number => {
    if (!ok) return Number.NaN
    let s = 0
    for (let j = 0; j < n; j++) s += Math.log(Math.abs(udiag[j]!))
    return s
  }
  const solve = (b: ArrayLike<number>): Float64Array => {
    if (!ok)
      throw new ComputationError({ code: "lu_not_factored", message: "sparse LU: no successful factorisation to use", zh: "稀疏 LU：尚无成功的分解可用" })
    const z = new Float64Array(n)
    for (let k = 0; k < n; k++) z[k] = b[perm[k]!]!
    for (let j = 0; j < n; j++) {
      const v = z[j]!
      if (v !== 0) for (let p = lp[j]!; p < lp[j + 1]!; p++) z[li[p]!]! -= lx[p]! * v
    }
    for (let j = n - 1; j >= 0; j--) {
      const v = z[j]! / udiag[j]!
      z[j] = v
      if (v !== 0) for (let q = up[j]!; q < up[j + 1]!; q++) z[ui[q]!]! -= ux[q]! * v
    }
    const out = new Float64Array(n)
    for (let k = 0; k < n; k++) out[perm[k]!] = z[k]!
    return out
  }
  return { n, factor, logAbsDet, solve }
}
