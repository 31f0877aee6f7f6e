import { qrDecomposeColumnMajor, qrResiduals } from "../linalg/index.js"

/**
 * The fixed parts of a Hansen threshold search on a balanced panel: the observations sorted by the threshold
 * variable q, the candidate thresholds (distinct values of q) with the number of observations at or below each,
 * the regime regressors x (raw) and the unit of each observation.
 */
export interface ThresholdGrid {
  /** Observations in increasing q (stable). */
  readonly order: Int32Array
  /** Distinct values of q, increasing. */
  readonly values: Float64Array
  /** below[c]: number of observations with q ≤ values[c]. */
  readonly below: Int32Array
  /** Regime regressors, raw (not demeaned), one array per variable. */
  readonly x: ReadonlyArray<Float64Array>
  /** Unit code (0 … units − 1) of each observation. */
  readonly unit: Int32Array
  readonly units: number
  /** Periods per unit (balanced panel). */
  readonly periods: number
  /** Smallest number of observations every regime must hold (⌈trim·N⌉, at least 1). */
  readonly minRegime: number
}

/**
 * Build the search grid: sort by q, list the distinct values and how many observations lie at or below each.
 * @example thresholdGrid(q, [x], unit, 48, 17, 0.05).values.length // number of distinct q
 */
export const thresholdGrid = (
  q: Float64Array,
  x: ReadonlyArray<Float64Array>,
  unit: Int32Array,
  units: number,
  periods: number,
  trim: number,
): ThresholdGrid => {
  const n = q.length
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => q[a]! - q[b]! || a - b)
  const values: number[] = []
  const below: number[] = []
  for (let k = 0; k < n; k++) {
    const v = q[order[k]!]!
    if (k + 1 === n || q[order[k + 1]!]! !== v) {
      values.push(v)
      below.push(k + 1)
    }
  }
  return {
    order,
    values: Float64Array.from(values),
    below: Int32Array.from(below),
    x,
    unit,
    units,
    periods,
    minRegime: Math.max(1, Math.ceil(trim * n - 1e-9)),
  }
}

/**
 * Whether candidate c may join the fixed thresholds: it is not one of them and every regime the thresholds
 * then cut holds at least minRegime observations.
 * @example allowed(grid, 10, []) // true when both regimes of values[10] are large enough
 */
export const allowed = (grid: ThresholdGrid, c: number, fixed: ReadonlyArray<number>): boolean => {
  const n = grid.order.length
  const cuts = [...fixed, c].sort((a, b) => a - b)
  let prev = 0
  for (let k = 0; k < cuts.length; k++) {
    if (k > 0 && cuts[k] === cuts[k - 1]) return false
    const at = grid.below[cuts[k]!]!
    if (at - prev < grid.minRegime) return false
    prev = at
  }
  return n - prev >= grid.minRegime
}

/** Cholesky of a dense symmetric k×k (row-major) with pivots below tol·diag treated as aliased (skipped). */
const choleskySkipping = (a: Float64Array, k: number): { L: Float64Array; keep: Uint8Array } => {
  const L = new Float64Array(k * k)
  const keep = new Uint8Array(k)
  for (let j = 0; j < k; j++) {
    let d = a[j * k + j]!
    for (let m = 0; m < j; m++) if (keep[m]) d -= L[j * k + m]! * L[j * k + m]!
    if (!(d > 1e-10 * Math.max(a[j * k + j]!, 1e-300))) continue
    keep[j] = 1
    const ljj = Math.sqrt(d)
    L[j * k + j] = ljj
    for (let i = j + 1; i < k; i++) {
      let s = a[i * k + j]!
      for (let m = 0; m < j; m++) if (keep[m]) s -= L[i * k + m]! * L[j * k + m]!
      L[i * k + j] = s / ljj
    }
  }
  return { L, keep }
}

/** bᵀ A⁺ b from the skipping Cholesky factor (the aliased directions contribute nothing). */
const quadraticInverse = (f: { L: Float64Array; keep: Uint8Array }, b: Float64Array, k: number): number => {
  // Forward solve L z = b over the kept pivots; bᵀA⁻¹b = ‖z‖².
  const z = new Float64Array(k)
  let s2 = 0
  for (let i = 0; i < k; i++) {
    if (!f.keep[i]) continue
    let s = b[i]!
    for (let m = 0; m < i; m++) if (f.keep[m]) s -= f.L[i * k + m]! * z[m]!
    z[i] = s / f.L[i * k + i]!
    s2 += z[i]! * z[i]!
  }
  return s2
}

/**
 * Demean each unit's observations (the within transformation of a one-way fixed-effects panel).
 * @example demeanByUnit(Float64Array.of(1, 3, 5, 9), Int32Array.of(0, 0, 1, 1), 2) // [-1, 1, -2, 2]
 */
export const demeanByUnit = (v: ArrayLike<number>, unit: Int32Array, units: number): Float64Array => {
  const sum = new Float64Array(units)
  const count = new Float64Array(units)
  for (let i = 0; i < v.length; i++) {
    sum[unit[i]!]! += v[i]!
    count[unit[i]!]! += 1
  }
  return Float64Array.from(v, (x, i) => x - sum[unit[i]!]! / count[unit[i]!]!)
}

/**
 * The within-transformed regime columns x·1(q ≤ γ) of a threshold (one per regime regressor).
 * @example indicatorColumns(grid, q, 12) // [(x·1(q ≤ values[12])) demeaned by unit]
 */
export const indicatorColumns = (grid: ThresholdGrid, q: Float64Array, c: number): Float64Array[] => {
  const g = grid.values[c]!
  return grid.x.map((col) =>
    demeanByUnit(
      Float64Array.from(col, (v, i) => (q[i]! <= g ? v : 0)),
      grid.unit,
      grid.units,
    ),
  )
}

/**
 * Least squares of y on within-transformed columns: residuals and their sum of squares (R's QR, aliased columns
 * dropped).
 * @example withinResiduals([demeanByUnit(x, unit, units)], demeanByUnit(y, unit, units)).ssr
 */
export const withinResiduals = (cols: ReadonlyArray<Float64Array>, y: Float64Array): { readonly residuals: Float64Array; readonly ssr: number } => {
  const n = y.length
  if (cols.length === 0) {
    let ssr = 0
    for (let i = 0; i < n; i++) ssr += y[i]! * y[i]!
    return { residuals: Float64Array.from(y), ssr }
  }
  const buf = new Float64Array(n * cols.length)
  cols.forEach((c, j) => {
    buf.set(c, j * n)
  })
  const residuals = qrResiduals(qrDecomposeColumnMajor(buf, n, cols.length), y)
  let ssr = 0
  for (let i = 0; i < n; i++) ssr += residuals[i]! * residuals[i]!
  return { residuals, ssr }
}

/**
 * The SSR of the within regression of y on the fixed columns F plus x·1(q ≤ γ) at every candidate γ, in one pass
 * over the observations sorted by q (Hansen 1999's grid search without re-fitting): with F within-transformed,
 * FᵀM x·1 = Fᵀx·1 and (x·1)ᵀM(x·1) = Σ x xᵀ − Σ_i s_i s_iᵀ/T (s_i the unit's sum of the indicator columns), so the
 * cross products accumulate as γ rises, and by Frisch–Waugh SSR(γ) = SSR_F − aᵀQ⁺a with a and Q the moving
 * columns' products after projecting out F. Candidates not `allowed` with `fixed` get NaN.
 * @example profileSsr(grid, [z, x], y, []).ssr // SSR at every candidate of a one-threshold model
 */
export const profileSsr = (
  grid: ThresholdGrid,
  F: ReadonlyArray<Float64Array>,
  y: Float64Array,
  fixed: ReadonlyArray<number>,
): { readonly ssr: Float64Array; readonly best: number } => {
  const n = y.length
  // Keep the independent fixed columns (R's QR rank detection), so that FᵀF is invertible.
  const kept: Float64Array[] = []
  if (F.length > 0) {
    const buf = new Float64Array(n * F.length)
    F.forEach((c, j) => {
      buf.set(c, j * n)
    })
    const f = qrDecomposeColumnMajor(buf, n, F.length)
    for (let k = 0; k < f.rank; k++) kept.push(F[f.pivot[k]!]!)
    kept.sort((a, b) => F.indexOf(a) - F.indexOf(b))
  }
  const kf = kept.length
  const kx = grid.x.length
  const ssrF = withinResiduals(kept, y).ssr
  // H = (FᵀF)⁻¹ and c_F = Fᵀy.
  const gff = new Float64Array(kf * kf)
  const cF = new Float64Array(kf)
  for (let a = 0; a < kf; a++) {
    const fa = kept[a]!
    let s = 0
    for (let i = 0; i < n; i++) s += fa[i]! * y[i]!
    cF[a] = s
    for (let b = a; b < kf; b++) {
      const fb = kept[b]!
      let t = 0
      for (let i = 0; i < n; i++) t += fa[i]! * fb[i]!
      gff[a * kf + b] = t
      gff[b * kf + a] = t
    }
  }
  const H = invertSpd(gff, kf)
  const Fr = new Float64Array(n * kf)
  for (let a = 0; a < kf; a++) for (let i = 0; i < n; i++) Fr[i * kf + a] = kept[a]![i]!
  const gfm = new Float64Array(kf * kx)
  const cM = new Float64Array(kx)
  const xx = new Float64Array(kx * kx)
  const corr = new Float64Array(kx * kx)
  const s = new Float64Array(grid.units * kx)
  const T = grid.periods
  const ssr = new Float64Array(grid.values.length).fill(Number.NaN)
  let best = -1
  const P = new Float64Array(kx * kf)
  const Q = new Float64Array(kx * kx)
  const av = new Float64Array(kx)
  const xo = new Float64Array(kx)
  let k = 0
  for (let c = 0; c < grid.values.length; c++) {
    for (; k < grid.below[c]!; k++) {
      const o = grid.order[k]!
      const u = grid.unit[o]!
      for (let r = 0; r < kx; r++) xo[r] = grid.x[r]![o]!
      for (let a = 0; a < kf; a++) {
        const fa = Fr[o * kf + a]!
        for (let r = 0; r < kx; r++) gfm[a * kx + r]! += fa * xo[r]!
      }
      for (let r = 0; r < kx; r++) {
        cM[r]! += xo[r]! * y[o]!
        for (let t = 0; t < kx; t++) {
          xx[r * kx + t]! += xo[r]! * xo[t]!
          // s_u → s_u + x_o changes s_u s_uᵀ/T by (s_u x_oᵀ + x_o s_uᵀ + x_o x_oᵀ)/T.
          corr[r * kx + t]! += (s[u * kx + r]! * xo[t]! + xo[r]! * s[u * kx + t]! + xo[r]! * xo[t]!) / T
        }
      }
      for (let r = 0; r < kx; r++) s[u * kx + r]! += xo[r]!
    }
    if (!allowed(grid, c, fixed)) continue
    // P = (FᵀM)ᵀ H, a = c_M − P c_F, Q = MᵀM − P FᵀM.
    for (let r = 0; r < kx; r++)
      for (let b = 0; b < kf; b++) {
        let v = 0
        for (let a = 0; a < kf; a++) v += gfm[a * kx + r]! * H[a * kf + b]!
        P[r * kf + b] = v
      }
    for (let r = 0; r < kx; r++) {
      let v = cM[r]!
      for (let b = 0; b < kf; b++) v -= P[r * kf + b]! * cF[b]!
      av[r] = v
      for (let t = 0; t < kx; t++) {
        let w = xx[r * kx + t]! - corr[r * kx + t]!
        for (let b = 0; b < kf; b++) w -= P[r * kf + b]! * gfm[b * kx + t]!
        Q[r * kx + t] = w
      }
    }
    ssr[c] = ssrF - quadraticInverse(choleskySkipping(Q, kx), av, kx)
    if (best < 0 || ssr[c]! < ssr[best]!) best = c
  }
  return { ssr, best }
}

/** Inverse of a symmetric positive-definite k×k matrix (row-major) by Cholesky. */
const invertSpd = (a: Float64Array, k: number): Float64Array => {
  const f = choleskySkipping(a, k)
  const inv = new Float64Array(k * k)
  const e = new Float64Array(k)
  const z = new Float64Array(k)
  for (let j = 0; j < k; j++) {
    e.fill(0)
    e[j] = 1
    for (let i = 0; i < k; i++) {
      let s = e[i]!
      for (let m = 0; m < i; m++) s -= f.L[i * k + m]! * z[m]!
      z[i] = s / f.L[i * k + i]!
    }
    for (let i = k - 1; i >= 0; i--) {
      let s = z[i]!
      for (let m = i + 1; m < k; m++) s -= f.L[m * k + i]! * z[m]!
      z[i] = s / f.L[i * k + i]!
    }
    for (let i = 0; i < k; i++) inv[i * k + j] = z[i]!
  }
  return inv
}
