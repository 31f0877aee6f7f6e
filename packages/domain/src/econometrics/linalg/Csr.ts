/**
 * A square sparse matrix in compressed sparse row form (the layout of SpatialWeights without ids). Row i
 * holds columns colIdx[rowPtr[i] .. rowPtr[i+1]) with values values[...].
 */
export interface Csr {
  readonly n: number
  readonly rowPtr: Int32Array
  readonly colIdx: Int32Array
  readonly values: Float64Array
}

/** Any CSR matrix, with or without `n` (SpatialWeights has ids instead). */
export interface CsrLike {
  readonly rowPtr: Int32Array
  readonly colIdx: Int32Array
  readonly values: Float64Array
}

/** W as a dense row-major n×n array (for eigenvalues and small-n variances). @internal */
export const denseWeights = (w: CsrLike): Float64Array => {
  const n = w.rowPtr.length - 1
  const a = new Float64Array(n * n)
  for (let i = 0; i < n; i++) for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) a[i * n + w.colIdx[p]!] = w.values[p]!
  return a
}
