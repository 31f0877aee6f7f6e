import { type Matrix, matrix } from "./Matrix.js"

/**
 * Build a row-major Matrix from nested rows.
 * @example fromRows([[1, 2], [3, 4]]).data // Float64Array [1, 2, 3, 4]
 */
export const fromRows = (rows: ReadonlyArray<ReadonlyArray<number>>): Matrix => {
  const r = rows.length
  const c = r === 0 ? 0 : rows[0]!.length
  const m = matrix(r, c)
  for (let i = 0; i < r; i++) {
    const row = rows[i]!
    if (row.length !== c) throw new RangeError(`fromRows: row ${i} has ${row.length} entries, expected ${c}`)
    m.data.set(row, i * c)
  }
  return m
}

/**
 * Build a Matrix from columns (each a vector of equal length).
 * @example fromColumns([[1, 3], [2, 4]]) // same as fromRows([[1, 2], [3, 4]])
 */
export const fromColumns = (columns: ReadonlyArray<ArrayLike<number>>, rows?: number): Matrix => {
  const c = columns.length
  const r = rows ?? (c === 0 ? 0 : columns[0]!.length)
  const m = matrix(r, c)
  for (let j = 0; j < c; j++) {
    const col = columns[j]!
    for (let i = 0; i < r; i++) m.data[i * c + j] = col[i]!
  }
  return m
}

/**
 * The n×n identity.
 * @example identity(2).data // Float64Array [1, 0, 0, 1]
 */
export const identity = (n: number): Matrix => {
  const m = matrix(n, n)
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1
  return m
}

/**
 * Column j (0-based) as a new vector.
 * @example column(fromRows([[1, 2], [3, 4]]), 1) // Float64Array [2, 4]
 */
export const column = (m: Matrix, j: number): Float64Array => {
  const out = new Float64Array(m.rows)
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j]!
  return out
}

/**
 * Column-major copy of the data: element (i, j) at [j * rows + i]. Fast column sweeps use this.
 * @example toColumnMajor(fromRows([[1, 2], [3, 4]])) // Float64Array [1, 3, 2, 4]
 */
export const toColumnMajor = (m: Matrix): Float64Array => {
  const { rows: n, cols: p, data } = m
  const out = new Float64Array(n * p)
  for (let i = 0; i < n; i++) {
    const base = i * p
    for (let j = 0; j < p; j++) out[j * n + i] = data[base + j]!
  }
  return out
}

/**
 * Row-major Matrix from a column-major buffer (the inverse of {@link toColumnMajor}).
 * @example fromColumnMajor(2, 2, [1, 3, 2, 4]).data // Float64Array [1, 2, 3, 4]
 */
export const fromColumnMajor = (rows: number, cols: number, a: ArrayLike<number>): Matrix => {
  const m = matrix(rows, cols)
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) m.data[i * cols + j] = a[j * rows + i]!
  return m
}

/**
 * Transpose.
 * @example transpose(fromRows([[1, 2, 3]])).rows // 3
 */
export const transpose = (m: Matrix): Matrix => {
  const t = matrix(m.cols, m.rows)
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j]!
  return t
}

/**
 * Matrix product A·B (A.cols must equal B.rows).
 * @example multiply(fromRows([[1, 2]]), fromRows([[3], [4]])).data // Float64Array [11]
 */
export const multiply = (a: Matrix, b: Matrix): Matrix => {
  if (a.cols !== b.rows) throw new RangeError(`multiply: ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`)
  const out = matrix(a.rows, b.cols)
  const { cols: k } = a
  const m = b.cols
  for (let i = 0; i < a.rows; i++) {
    const ob = i * m
    for (let l = 0; l < k; l++) {
      const v = a.data[i * k + l]!
      if (v === 0) continue
      const bb = l * m
      for (let j = 0; j < m; j++) out.data[ob + j]! += v * b.data[bb + j]!
    }
  }
  return out
}

/**
 * y = A·x.
 * @example matVec(fromRows([[1, 2], [3, 4]]), [1, 1]) // Float64Array [3, 7]
 */
export const matVec = (a: Matrix, x: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(a.rows)
  const { cols: p, data } = a
  for (let i = 0; i < a.rows; i++) {
    let s = 0
    const base = i * p
    for (let j = 0; j < p; j++) s += data[base + j]! * x[j]!
    out[i] = s
  }
  return out
}

/**
 * y = Aᵀ·x, without forming the transpose.
 * @example matTVec(fromRows([[1, 2], [3, 4]]), [1, 1]) // Float64Array [4, 6]
 */
export const matTVec = (a: Matrix, x: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(a.cols)
  const { cols: p, data } = a
  for (let i = 0; i < a.rows; i++) {
    const xi = x[i]!
    if (xi === 0) continue
    const base = i * p
    for (let j = 0; j < p; j++) out[j]! += data[base + j]! * xi
  }
  return out
}

/**
 * Cross-product XᵀX (symmetric p×p), as R's crossprod(X).
 * @example crossprod(fromRows([[1, 2], [3, 4]])).data // Float64Array [10, 14, 14, 20]
 */
export const crossprod = (x: Matrix): Matrix => {
  const { rows: n, cols: p, data } = x
  const out = matrix(p, p)
  for (let i = 0; i < n; i++) {
    const base = i * p
    for (let a = 0; a < p; a++) {
      const v = data[base + a]!
      if (v === 0) continue
      for (let b = a; b < p; b++) out.data[a * p + b]! += v * data[base + b]!
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) out.data[a * p + b] = out.data[b * p + a]!
  return out
}

/**
 * Dot product of two vectors of equal length.
 * @example dot([1, 2, 3], [4, 5, 6]) // 32
 */
export const dot = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!
  return s
}

/**
 * Sum of the diagonal of a square matrix.
 * @example trace(fromRows([[1, 2], [3, 4]])) // 5
 */
export const trace = (m: Matrix): number => {
  let s = 0
  for (let i = 0; i < Math.min(m.rows, m.cols); i++) s += m.data[i * m.cols + i]!
  return s
}

/**
 * Select columns (0-based, in the given order) of a matrix.
 * @example selectColumns(fromRows([[1, 2, 3]]), [2, 0]).data // Float64Array [3, 1]
 */
export const selectColumns = (m: Matrix, cols: ReadonlyArray<number>): Matrix => {
  const out = matrix(m.rows, cols.length)
  for (let i = 0; i < m.rows; i++) for (let k = 0; k < cols.length; k++) out.data[i * cols.length + k] = m.data[i * m.cols + cols[k]!]!
  return out
}

/**
 * Select rows (0-based, in the given order) of a matrix.
 * @example selectRows(fromRows([[1], [2], [3]]), [2, 0]).data // Float64Array [3, 1]
 */
export const selectRows = (m: Matrix, rows: ReadonlyArray<number>): Matrix => {
  const out = matrix(rows.length, m.cols)
  for (let k = 0; k < rows.length; k++) out.data.set(m.data.subarray(rows[k]! * m.cols, (rows[k]! + 1) * m.cols), k * m.cols)
  return out
}
