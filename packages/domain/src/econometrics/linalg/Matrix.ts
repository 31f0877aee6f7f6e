/** A dense matrix, row-major: element (i, j) is data[i * cols + j]. */
export interface Matrix {
  /** Number of rows. */
  readonly rows: number
  /** Number of columns. */
  readonly cols: number
  /** Elements row by row (length rows × cols). */
  readonly data: Float64Array
}

/**
 * A rows × cols Matrix over `data` (not copied), or zero-filled when no data is given.
 * @example matrix(2, 2).data // Float64Array [0, 0, 0, 0]
 */
export const matrix = (rows: number, cols: number, data?: Float64Array): Matrix => ({
  rows,
  cols,
  data: data ?? new Float64Array(rows * cols),
})

/**
 * Element (i, j), 0-based.
 * @example get(fromRows([[1, 2], [3, 4]]), 1, 0) // 3
 */
export const get = (m: Matrix, i: number, j: number): number => m.data[i * m.cols + j]!
