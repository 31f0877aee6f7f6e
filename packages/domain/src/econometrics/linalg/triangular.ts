import type { Matrix } from "./Matrix.js"

/**
 * Solve U·x = b for upper-triangular U (row-major, only the upper triangle is read).
 * @example solveUpper(fromRows([[2, 1], [0, 4]]), [4, 8]) // [1, 2]
 */
export const solveUpper = (u: Matrix, b: ArrayLike<number>): Float64Array => {
  const n = u.rows
  const p = u.cols
  const x = Float64Array.from(b as ArrayLike<number>)
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!
    for (let j = i + 1; j < n; j++) s -= u.data[i * p + j]! * x[j]!
    x[i] = s / u.data[i * p + i]!
  }
  return x
}

/**
 * Solve L·x = b for lower-triangular L (row-major, only the lower triangle is read).
 * @example solveLower(fromRows([[2, 0], [1, 4]]), [2, 9]) // [1, 2]
 */
export const solveLower = (l: Matrix, b: ArrayLike<number>): Float64Array => {
  const n = l.rows
  const p = l.cols
  const x = Float64Array.from(b as ArrayLike<number>)
  for (let i = 0; i < n; i++) {
    let s = x[i]!
    for (let j = 0; j < i; j++) s -= l.data[i * p + j]! * x[j]!
    x[i] = s / l.data[i * p + i]!
  }
  return x
}

/**
 * Solve Lᵀ·x = b for lower-triangular L without forming the transpose (the second half of a Cholesky solve).
 * @example solveLowerTransposed(fromRows([[2, 0], [1, 4]]), [4, 8]) // [1, 2]
 */
export const solveLowerTransposed = (l: Matrix, b: ArrayLike<number>): Float64Array => {
  const n = l.rows
  const p = l.cols
  const x = Float64Array.from(b as ArrayLike<number>)
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!
    for (let j = i + 1; j < n; j++) s -= l.data[j * p + i]! * x[j]!
    x[i] = s / l.data[i * p + i]!
  }
  return x
}
