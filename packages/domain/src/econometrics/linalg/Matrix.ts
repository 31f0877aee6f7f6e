/** A dense matrix, row-major: element (i, j) is data[i * cols + j]. */
export interface Matrix {
  readonly rows: number
  readonly cols: number
  readonly data: Float64Array
}

export const matrix = (rows: number, cols: number, data?: Float64Array): Matrix => ({
  rows,
  cols,
  data: data ?? new Float64Array(rows * cols),
})

export const get = (m: Matrix, i: number, j: number): number => m.data[i * m.cols + j]!
