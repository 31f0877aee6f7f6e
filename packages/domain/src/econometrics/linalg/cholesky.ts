import { ComputationError } from "../../model/errors.js"
import { type Matrix, matrix } from "./Matrix.js"
import { solveLower, solveLowerTransposed } from "./triangular.js"

/**
 * Cholesky factor L (lower triangular, A = L·Lᵀ) of a symmetric positive-definite matrix.
 * Throws ComputationError "not_positive_definite" when a pivot is not positive.
 * @example cholesky(fromRows([[4, 2], [2, 3]])) // L = [[2, 0], [1, √2]]
 */
export const cholesky = (a: Matrix): Matrix => {
  const n = a.rows
  if (a.cols !== n) throw new RangeError(`cholesky: matrix is ${a.rows}×${a.cols}, not square`)
  const l = matrix(n, n)
  const L = l.data
  for (let j = 0; j < n; j++) {
    let d = a.data[j * n + j]!
    for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!
    if (!(d > 0))
      throw new ComputationError({
        code: "not_positive_definite",
        message: `matrix is not positive definite (pivot ${j + 1} is ${d})`,
        zh: `矩阵非正定（第 ${j + 1} 个主元为 ${d}）`,
      })
    const ljj = Math.sqrt(d)
    L[j * n + j] = ljj
    for (let i = j + 1; i < n; i++) {
      let s = a.data[i * n + j]!
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!
      L[i * n + j] = s / ljj
    }
  }
  return l
}

/**
 * Solve A·x = b given the Cholesky factor L of A; factor once, then solve for many right-hand sides.
 * @example choleskySolve(cholesky(fromRows([[4, 2], [2, 3]])), [6, 5]) // ≈ [1, 1]
 */
export const choleskySolve = (l: Matrix, b: ArrayLike<number>): Float64Array => solveLowerTransposed(l, solveLower(l, b))

/**
 * Inverse of A from its Cholesky factor L (as R's chol2inv).
 * @example choleskyInverse(cholesky(fromRows([[2, 0], [0, 4]]))).data // ≈ [0.5, 0, 0, 0.25]
 */
export const choleskyInverse = (l: Matrix): Matrix => {
  const n = l.rows
  const inv = matrix(n, n)
  const e = new Float64Array(n)
  for (let j = 0; j < n; j++) {
    e.fill(0)
    e[j] = 1
    const x = choleskySolve(l, e)
    for (let i = 0; i < n; i++) inv.data[i * n + j] = x[i]!
  }
  // Symmetrise to remove round-off asymmetry.
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (inv.data[i * n + j]! + inv.data[j * n + i]!)
      inv.data[i * n + j] = v
      inv.data[j * n + i] = v
    }
  return inv
}

/**
 * Inverse of a symmetric positive-definite matrix (via Cholesky).
 * @example symmetricInverse(fromRows([[2, 0], [0, 4]])) // [[0.5, 0], [0, 0.25]]
 */
export const symmetricInverse = (a: Matrix): Matrix => choleskyInverse(cholesky(a))
