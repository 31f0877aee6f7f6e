import { choleskyInverse } from "./cholesky.js"
import { type Matrix, matrix } from "./Matrix.js"
import { toColumnMajor } from "./ops.js"

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
  const qraux = new Float64Array(p)
  const pivot = new Int32Array(p)
  const original = new Float64Array(p)
  for (let j = 0; j < p; j++) {
    pivot[j] = j
    let s = 0
    const base = j * n
    for (let i = 0; i < n; i++) s += a[base + i]! * a[base + i]!
    original[j] = Math.sqrt(s) || 1
  }
  const tmp = new Float64Array(n)
  let k = p // columns at positions >= k have been moved to the end as aliased
  const lup = Math.min(n, p)
  for (let l = 0; l < lup; l++) {
    // Move negligible columns to the end (dqrdc2's limited pivoting).
    while (l < k) {
      let s = 0
      const base = l * n
      for (let i = l; i < n; i++) s += a[base + i]! * a[base + i]!
      if (Math.sqrt(s) >= original[l]! * tol) break
      tmp.set(a.subarray(l * n, l * n + n))
      a.copyWithin(l * n, (l + 1) * n, p * n)
      a.set(tmp, (p - 1) * n)
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
    let nrm = 0
    for (let i = l; i < n; i++) nrm += a[base + i]! * a[base + i]!
    nrm = Math.sqrt(nrm)
    if (nrm === 0) {
      qraux[l] = 0
      continue
    }
    if (a[base + l]! < 0) nrm = -nrm
    for (let i = l; i < n; i++) a[base + i]! /= nrm
    a[base + l]! += 1
    const vl = a[base + l]!
    for (let j = l + 1; j < p; j++) {
      const bj = j * n
      let t = 0
      for (let i = l; i < n; i++) t += a[base + i]! * a[bj + i]!
      t = -t / vl
      for (let i = l; i < n; i++) a[bj + i]! += t * a[base + i]!
    }
    qraux[l] = vl
    a[base + l] = -nrm
  }
  return { n, p, qr: a, qraux, pivot, rank: Math.min(k, n), tol }
}

/**
 * Apply Qᵀ to a vector of length n (as R's qr.qty).
 * @example qrQty(qrDecompose(fromRows([[1], [1]])), [1, 1]) // ≈ [−√2, 0]
 */
export const qrQty = (f: QR, y: ArrayLike<number>): Float64Array => {
  const { n, p, qr, qraux } = f
  const out = Float64Array.from(y as ArrayLike<number>)
  const steps = Math.min(n - 1, p)
  for (let l = 0; l < steps; l++) {
    const vl = qraux[l]!
    if (vl === 0) continue
    const base = l * n
    let t = vl * out[l]!
    for (let i = l + 1; i < n; i++) t += qr[base + i]! * out[i]!
    t = -t / vl
    out[l]! += t * vl
    for (let i = l + 1; i < n; i++) out[i]! += t * qr[base + i]!
  }
  return out
}

/**
 * Apply Q to a vector of length n (as R's qr.qy); undoes {@link qrQty}.
 * @example qrQy(f, qrQty(f, y)) // y again, up to rounding
 */
export const qrQy = (f: QR, y: ArrayLike<number>): Float64Array => {
  const { n, p, qr, qraux } = f
  const out = Float64Array.from(y as ArrayLike<number>)
  const steps = Math.min(n - 1, p)
  for (let l = steps - 1; l >= 0; l--) {
    const vl = qraux[l]!
    if (vl === 0) continue
    const base = l * n
    let t = vl * out[l]!
    for (let i = l + 1; i < n; i++) t += qr[base + i]! * out[i]!
    t = -t / vl
    out[l]! += t * vl
    for (let i = l + 1; i < n; i++) out[i]! += t * qr[base + i]!
  }
  return out
}

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
