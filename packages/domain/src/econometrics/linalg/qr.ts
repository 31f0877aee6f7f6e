import { choleskyInverse } from "./cholesky.js"
import { type Matrix, matrix } from "./Matrix.js"
import { toColumnMajor } from "./ops.js"
import { type VectorKernels, vectorKernels } from "./vectorKernel.js"
import { KERNEL_MIN_ELEMENTS } from "./wasmModule.js"

/**
 * A Householder QR factorisation with R's limited column pivoting (LINPACK dqrdc2, as used by lm.fit):
 * columns are kept in order, except that a column whose remaining norm falls below `tol` times its original
 * norm is moved to the end. The first `rank` pivoted columns are linearly independent; the rest are aliased.
 */
export interface QR {
  readonly n: number
  readonly p: number
  /** Column-major n×p: R on and above the diagonal, Householder vectors below it. */
  readonly qr: Float64Array
  /** Leading element of each Householder vector. */
  readonly qraux: Float64Array
  /** pivot[k] = index of the original column in position k. */
  readonly pivot: Int32Array
  readonly rank: number
  readonly tol: number
}

/**
 * Factorise X (n×p) as in R's `qr(X, tol = 1e-7)` / `lm.fit`.
 * @example
 * const f = qrDecompose(fromRows([[1, 1], [1, 2], [1, 3]]))
 * f.rank // 2
 * qrCoefficients(f, [1, 2, 3]) // [0, 1]
 */
export const qrDecompose = (x: Matrix, tol = 1e-7): QR => qrDecomposeColumnMajor(toColumnMajor(x), x.rows, x.cols, tol)

/**
 * As {@link qrDecompose}, from a column-major buffer (element (i, j) at a[j * n + i]), which it overwrites.
 * Saves a copy when the columns were built one by one (e.g. within-transformed regressors).
 * @example qrDecomposeColumnMajor(Float64Array.from([1, 1, 1, 1, 2, 3]), 3, 2).rank // 2
 */
export const qrDecomposeColumnMajor = (a: Float64Array, n: number, p: number, tol = 1e-7): QR => {
  // Large factors are computed in the kernels' memory (with room for the vector that qrQty and qrQy transform),
  // then copied back into `a`.
  const kernels = n * p >= KERNEL_MIN_ELEMENTS ? vectorKernels(8 * (n * p + n)) : undefined
  const all = kernels === undefined ? undefined : new Float64Array(kernels.buffer, 0, n * p + n)
  const m = all === undefined ? a : all.subarray(0, n * p)
  if (m !== a) m.set(a)
  const ops = kernels === undefined ? loopOps(m, m) : kernelOps(kernels, m, m)
  const qraux = new Float64Array(p)
  const pivot = new Int32Array(p)
  const original = new Float64Array(p)
  for (let j = 0; j < p; j++) {
    pivot[j] = j
    original[j] = Math.sqrt(ops.dot(0, j * n, j * n, n)) || 1
  }
  const tmp = new Float64Array(n)
  let k = p // columns at positions >= k have been moved to the end as aliased
  const lup = Math.min(n, p)
  for (let l = 0; l < lup; l++) {
    // Move negligible columns to the end (dqrdc2's limited pivoting).
    while (l < k) {
      if (Math.sqrt(ops.dot(0, l * n + l, l * n + l, n - l)) >= original[l]! * tol) break
      tmp.set(m.subarray(l * n, l * n + n))
      m.copyWithin(l * n, (l + 1) * n, p * n)
      m.set(tmp, (p - 1) * n)
      const pv = pivot[l]!
      const ov = original[l]!
      for (let j = l; j < p - 1; j++) {
        pivot[j] = pivot[j + 1]!
        original[j] = original[j + 1]!
      }
      pivot[p - 1] = pv
      original[p - 1] = ov
      k--
    }
    if (l === n - 1) {
      qraux[l] = 0
      continue
    }
    const base = l * n
    let nrm = Math.sqrt(ops.dot(0, base + l, base + l, n - l))
    if (nrm === 0) {
      qraux[l] = 0
      continue
    }
    if (m[base + l]! < 0) nrm = -nrm
    ops.divide(base + l, n - l, nrm)
    m[base + l]! += 1
    const vl = m[base + l]!
    for (let j = l + 1; j < p; j++) {
      const bj = j * n
      const t = -ops.dot(0, base + l, bj + l, n - l) / vl
      ops.axpy(t, base + l, bj + l, n - l)
    }
    qraux[l] = vl
    m[base + l] = -nrm
  }
  if (m !== a) {
    a.set(m)
    factorKernels.set(m, { kernels: kernels!, vector: all!.subarray(n * p) })
  }
  return { n, p, qr: m, qraux, pivot, rank: Math.min(k, n), tol }
}

// The kernels and the vector beside a factor computed in their memory.
const factorKernels = new WeakMap<Float64Array, { readonly kernels: VectorKernels; readonly vector: Float64Array }>()

/** dot, axpy and divide between elements of x (offset i) and y (offset j), by the kernels or by loops. */
interface VectorOps {
  /** s + Σ x[i + t]·y[j + t] in order. */
  dot(s: number, i: number, j: number, length: number): number
  /** y[j + t] ← y[j + t] + c·x[i + t]. */
  axpy(c: number, i: number, j: number, length: number): void
  /** y[j + t] ← y[j + t] / d. */
  divide(j: number, length: number, d: number): void
}

const loopOps = (x: Float64Array, y: Float64Array): VectorOps => ({
  dot: (s, i, j, length) => {
    for (let t = 0; t < length; t++) s += x[i + t]! * y[j + t]!
    return s
  },
  axpy: (c, i, j, length) => {
    for (let t = 0; t < length; t++) y[j + t]! += c * x[i + t]!
  },
  divide: (j, length, d) => {
    for (let t = 0; t < length; t++) y[j + t]! /= d
  },
})

const kernelOps = (k: VectorKernels, x: Float64Array, y: Float64Array): VectorOps => ({
  dot: (s, i, j, length) => k.dot(s, x.byteOffset + 8 * i, y.byteOffset + 8 * j, length),
  axpy: (c, i, j, length) => k.axpy(c, x.byteOffset + 8 * i, y.byteOffset + 8 * j, length),
  divide: (j, length, d) => k.divide(y.byteOffset + 8 * j, length, d),
})

// Qᵀy (forward) or Qy (backward): the Householder reflections in turn, on a copy of y.
const reflect = (f: QR, y: ArrayLike<number>, forward: boolean): Float64Array => {
  const { n, p, qr, qraux } = f
  const own = factorKernels.get(qr)
  const out = own?.vector ?? new Float64Array(n)
  out.set(y)
  const ops = own === undefined ? loopOps(qr, out) : kernelOps(own.kernels, qr, out)
  const steps = Math.min(n - 1, p)
  for (let s = 0; s < steps; s++) {
    const l = forward ? s : steps - 1 - s
    const vl = qraux[l]!
    if (vl === 0) continue
    const base = l * n
    const t = -ops.dot(vl * out[l]!, base + l + 1, l + 1, n - l - 1) / vl
    out[l]! += t * vl
    ops.axpy(t, base + l + 1, l + 1, n - l - 1)
  }
  // The kernels' vector is used again by the next call.
  return own === undefined ? out : out.slice()
}

/**
 * Apply Qᵀ to a vector of length n (as R's qr.qty).
 * @example qrQty(qrDecompose(fromRows([[1], [1]])), [1, 1]) // ≈ [−√2, 0]
 */
export const qrQty = (f: QR, y: ArrayLike<number>): Float64Array => reflect(f, y, true)

/**
 * Apply Q to a vector of length n (as R's qr.qy); undoes {@link qrQty}.
 * @example qrQy(f, qrQty(f, y)) // y again, up to rounding
 */
export const qrQy = (f: QR, y: ArrayLike<number>): Float64Array => reflect(f, y, false)

/** Solve R[0:r,0:r]·b = c for the leading rank block (pivoted order). */
const backSolve = (f: QR, c: ArrayLike<number>): Float64Array => {
  const { n, qr, rank: r } = f
  const b = new Float64Array(r)
  for (let i = r - 1; i >= 0; i--) {
    let s = c[i]!
    for (let j = i + 1; j < r; j++) s -= qr[j * n + i]! * b[j]!
    b[i] = s / qr[i * n + i]!
  }
  return b
}

/**
 * Least-squares coefficients in the ORIGINAL column order; aliased columns get NaN (R's NA).
 * @example qrCoefficients(qrDecompose(X), y)
 */
export const qrCoefficients = (f: QR, y: ArrayLike<number>): Float64Array => {
  const b = backSolve(f, qrQty(f, y))
  const out = new Float64Array(f.p).fill(Number.NaN)
  for (let k = 0; k < f.rank; k++) out[f.pivot[k]!] = b[k]!
  return out
}

/**
 * Fitted values Q·[Qᵀy]_{1..r} (as R's qr.fitted).
 * @example qrFitted(qrDecompose(fromRows([[1], [1], [1]])), [1, 2, 6]) // ≈ [3, 3, 3]
 */
export const qrFitted = (f: QR, y: ArrayLike<number>): Float64Array => {
  const qty = qrQty(f, y)
  for (let i = f.rank; i < f.n; i++) qty[i] = 0
  return qrQy(f, qty)
}

/**
 * Residuals y − fitted, computed as Q·[0, (Qᵀy)_{r+1..n}] for accuracy (as R's qr.resid).
 * @example qrResiduals(qrDecompose(fromRows([[1], [1], [1]])), [1, 2, 6]) // ≈ [−2, −1, 3]
 */
export const qrResiduals = (f: QR, y: ArrayLike<number>): Float64Array => {
  const qty = qrQty(f, y)
  for (let i = 0; i < Math.min(f.rank, f.n); i++) qty[i] = 0
  return qrQy(f, qty)
}

/**
 * The leading rank×rank upper-triangular R (row-major), in pivoted column order (as R's qr.R, signs included).
 * @example qrR(qrDecompose(fromRows([[1], [1], [1], [1]]))).data // Float64Array [-2]
 */
export const qrR = (f: QR): Matrix => {
  const r = f.rank
  const m = matrix(r, r)
  for (let i = 0; i < r; i++) for (let j = i; j < r; j++) m.data[i * r + j] = f.qr[j * f.n + i]!
  return m
}

/**
 * (XᵀX)⁻¹ for the non-aliased columns, rank×rank in pivoted order (pivot[0..rank)), as R's
 * chol2inv(qr$qr[1:r, 1:r]) used by summary.lm; multiply by σ² for the coefficient covariance.
 * @example qrUnscaledCovariance(qrDecompose(fromRows([[1], [1], [1], [1]]))).data // Float64Array [0.25]
 */
export const qrUnscaledCovariance = (f: QR): Matrix => {
  // R = Lᵀ for L lower triangular, so RᵀR = L·Lᵀ and chol2inv gives (RᵀR)⁻¹.
  const r = f.rank
  const l = matrix(r, r)
  for (let i = 0; i < r; i++) for (let j = i; j < r; j++) l.data[j * r + i] = f.qr[j * f.n + i]!
  return choleskyInverse(l)
}
