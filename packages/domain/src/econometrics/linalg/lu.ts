import { ComputationError } from "../../model/errors.js"
import { type Matrix, matrix } from "./Matrix.js"

/** LU factorisation with partial pivoting: P·A = L·U, packed in `lu` (unit-diagonal L below, U on and above). */
export interface LU {
  readonly n: number
  readonly lu: Float64Array
  readonly pivot: Int32Array
  /** +1 or −1: the sign of the row permutation. */
  readonly sign: number
}

const singular = (j: number) =>
  new ComputationError({
    code: "singular_matrix",
    message: `matrix is singular (zero pivot in column ${j + 1})`,
    zh: `矩阵奇异（第 ${j + 1} 列主元为零）`,
  })

/**
 * Factorise a square matrix (general, not necessarily symmetric).
 * @example luSolve(luDecompose(fromRows([[0, 1], [1, 0]])), [2, 3]) // [3, 2]
 */
export const luDecompose = (a: Matrix): LU => {
  const n = a.rows
  if (a.cols !== n) throw new RangeError(`luDecompose: matrix is ${a.rows}×${a.cols}, not square`)
  const lu = Float64Array.from(a.data)
  const pivot = new Int32Array(n)
  let sign = 1
  for (let i = 0; i < n; i++) pivot[i] = i
  for (let k = 0; k < n; k++) {
    let p = k
    let max = Math.abs(lu[k * n + k]!)
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!)
      if (v > max) {
        max = v
        p = i
      }
    }
    if (max === 0) throw singular(k)
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!
        lu[k * n + j] = lu[p * n + j]!
        lu[p * n + j] = t
      }
      const t = pivot[k]!
      pivot[k] = pivot[p]!
      pivot[p] = t
      sign = -sign
    }
    const d = lu[k * n + k]!
    for (let i = k + 1; i < n; i++) {
      const f = lu[i * n + k]! / d
      lu[i * n + k] = f
      if (f === 0) continue
      for (let j = k + 1; j < n; j++) lu[i * n + j]! -= f * lu[k * n + j]!
    }
  }
  return { n, lu, pivot, sign }
}

/**
 * Solve A·x = b from an LU factorisation; factor once with {@link luDecompose}, then solve for many right-hand sides.
 * @example luSolve(luDecompose(fromRows([[2, 1], [1, 3]])), [3, 4]) // [1, 1]
 */
export const luSolve = (f: LU, b: ArrayLike<number>): Float64Array => {
  const { n, lu, pivot } = f
  const x = new Float64Array(n)
  for (let i = 0; i < n; i++) x[i] = b[pivot[i]!]!
  for (let i = 0; i < n; i++) {
    let s = x[i]!
    for (let j = 0; j < i; j++) s -= lu[i * n + j]! * x[j]!
    x[i] = s
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j]! * x[j]!
    x[i] = s / lu[i * n + i]!
  }
  return x
}

/**
 * log|det A| and the sign of det A from an LU factorisation (no overflow for large matrices).
 * @example luLogDet(luDecompose(fromRows([[2, 0], [0, -3]]))) // { logAbsDet: ln 6, sign: -1 }
 */
export const luLogDet = (f: LU): { readonly logAbsDet: number; readonly sign: number } => {
  let s = f.sign
  let l = 0
  for (let i = 0; i < f.n; i++) {
    const d = f.lu[i * f.n + i]!
    if (d < 0) s = -s
    l += Math.log(Math.abs(d))
  }
  return { logAbsDet: l, sign: s }
}

/**
 * Solve A·x = b for a general square A (LU with partial pivoting).
 * Throws ComputationError "singular_matrix" when A is singular.
 * @example solve(fromRows([[2, 0], [0, 4]]), [2, 4]) // [1, 1]
 */
export const solve = (a: Matrix, b: ArrayLike<number>): Float64Array => luSolve(luDecompose(a), b)

/**
 * Inverse of a general square matrix (LU with partial pivoting). Throws ComputationError "singular_matrix"
 * when A is singular; prefer {@link solve} when only A⁻¹b is needed.
 * @example inverse(fromRows([[0, 2], [1, 0]])).data // [0, 1, 0.5, 0]
 */
export const inverse = (a: Matrix): Matrix => {
  const f = luDecompose(a)
  const n = a.rows
  const inv = matrix(n, n)
  const e = new Float64Array(n)
  for (let j = 0; j < n; j++) {
    e.fill(0)
    e[j] = 1
    const x = luSolve(f, e)
    for (let i = 0; i < n; i++) inv.data[i * n + j] = x[i]!
  }
  return inv
}
