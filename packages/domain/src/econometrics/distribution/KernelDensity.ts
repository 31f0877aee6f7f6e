import { inputError } from "../../model/errors.js"
import { quantileSorted, sortedCopy } from "./quantile.js"

/** A Gaussian kernel density estimate on an evenly spaced grid. */
export interface KernelDensity {
  /** Number of observations. */
  readonly n: number
  /** Kernel standard deviation (R's `bw`). */
  readonly bandwidth: number
  /** Grid from min(x) − cut·bw to max(x) + cut·bw. */
  readonly x: Float64Array
  /** Estimated density at each grid point. */
  readonly y: Float64Array
}

/** Options for {@link kernelDensity}; the defaults are those of R's `density()`. */
export interface KernelDensityOptions {
  /** Number of grid points (default 512). */
  readonly points?: number
  /** How many bandwidths the grid extends beyond the data (default 3). */
  readonly cut?: number
  /** Kernel standard deviation; default bw.nrd0. */
  readonly bandwidth?: number
}

/** Mean and sample standard deviation (divisor n − 1), the mean refined by a second pass as R's var does. */
const sampleSd = (x: ArrayLike<number>): number => {
  const n = x.length
  let s = 0
  for (let i = 0; i < n; i++) s += x[i]!
  let mean = s / n
  let c = 0
  for (let i = 0; i < n; i++) c += x[i]! - mean
  mean += c / n
  let ss = 0
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2
  return Math.sqrt(ss / (n - 1))
}

/**
 * Silverman's rule of thumb as R `bw.nrd0(x)`: 0.9 · min(sd, IQR/1.34) · n^(−1/5), with R's fall-backs when that
 * minimum is 0 (the SD, then |x₁|, then 1). IQR uses type-7 quantiles.
 * @example bandwidthNrd0([1, 2, 3, 4, 10]) // 0.9 · min(3.536, 2/1.34) · 5^(−0.2) ≈ 0.9769
 */
export const bandwidthNrd0 = (x: ArrayLike<number>): number => {
  if (x.length < 2) throw inputError("too_few_values", "bw.nrd0 needs at least 2 values", "bw.nrd0 至少需要 2 个数值")
  const hi = sampleSd(x)
  const s = sortedCopy(x)
  let lo = Math.min(hi, (quantileSorted(s, 0.75) - quantileSorted(s, 0.25)) / 1.34)
  if (!lo) lo = hi || Math.abs(x[0]!) || 1
  return 0.9 * lo * x.length ** -0.2
}

/** R's seq.int(from, to, length.out = m): the ends exact, the inner points counted from the nearer end. */
const rSequence = (from: number, to: number, m: number): Float64Array => {
  const out = new Float64Array(m)
  if (m > 0) out[0] = from
  if (m > 1) out[m - 1] = to
  if (m > 2) {
    const by = (to - from) / (m - 1)
    for (let i = 1; i < m - 1; i++) out[i] = i < m / 2 ? from + i * by : to - (m - 1 - i) * by
  }
  return out
}

// 1/√(2π) as R's dnorm uses it.
const M_1_SQRT_2PI = 0.3989422804014327

/**
 * Gaussian kernel density exactly as R 4.2's `density(x)` with its defaults (bw.nrd0, n = 512, cut = 3): the
 * data are binned linearly onto 2·512 points over [from − 4bw, to + 4bw] (R's BinDist), convolved with the
 * Gaussian kernel evaluated at R's kernel offsets k·2(up − lo)/(2·512 − 1) — the spacing R 4.2 uses (R ≥ 4.4
 * changed it; `density(..., old.coords = TRUE)` there reproduces these numbers) — clipped at 0 and linearly
 * interpolated onto the 512-point output grid. R does the circular convolution by FFT; it is done here as a
 * direct sum over the 512 occupied bins, which is the same sum without FFT rounding (differences of order
 * 1e-17 absolute, visible only in the far tails where R's values are FFT noise).
 * Throws InputError "too_few_values", "not_finite" or "constant_variable".
 * @example kernelDensity([1, 2, 3, 4, 10]).bandwidth // 0.9769…, as density(c(1, 2, 3, 4, 10))$bw
 */
export const kernelDensity = (values: ArrayLike<number>, options: KernelDensityOptions = {}): KernelDensity => {
  const N = values.length
  if (N < 2) throw inputError("too_few_values", `a kernel density needs at least 2 values, got ${N}`, `核密度估计至少需要 2 个数值，实际为 ${N}`)
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (let i = 0; i < N; i++) {
    const v = values[i]!
    if (!Number.isFinite(v))
      throw inputError("not_finite", `value ${i + 1} is missing or not finite: ${v}`, `第 ${i + 1} 个数值缺失或不是有限数值：${v}`, { row: i + 1, value: v })
    if (v < min) min = v
    if (v > max) max = v
  }
  if (min === max) throw inputError("constant_variable", "The values are all equal; a density has no spread to show", "数值全部相同，无法估计核密度")
  const bw = options.bandwidth ?? bandwidthNrd0(values)
  if (!(bw > 0) || !Number.isFinite(bw))
    throw inputError("bad_option", `bandwidth must be a positive number, got ${bw}`, `带宽必须为正数，实际为 ${bw}`, { column: "bandwidth", value: bw })
  const cut = options.cut ?? 3
  const pointsUser = options.points ?? 512
  const n = pointsUser > 512 ? 2 ** Math.ceil(Math.log2(pointsUser)) : 512
  const from = min - cut * bw
  const to = max + cut * bw
  const lo = from - 4 * bw
  const up = to + 4 * bw
  // BinDist: linear binning of weights 1/N onto n points (the other n of R's 2n stay 0 for data inside).
  const bins = new Float64Array(2 * n)
  const delta = (up - lo) / (n - 1)
  const w = 1 / N
  for (let i = 0; i < N; i++) {
    const pos = (values[i]! - lo) / delta
    const ix = Math.floor(pos)
    const fx = pos - ix
    if (ix >= 0 && ix <= n - 2) {
      bins[ix] = bins[ix]! + w * (1 - fx)
      bins[ix + 1] = bins[ix + 1]! + w * fx
    } else if (ix === -1) bins[0] = bins[0]! + w * fx
    else if (ix === n - 1) bins[ix] = bins[ix]! + w * (1 - fx)
  }
  // Kernel at offsets |j − k| of R's kords grid (seq(0, 2(up − lo), length.out = 2n)).
  const kords = rSequence(0, 2 * (up - lo), 2 * n)
  const kernel = new Float64Array(n)
  for (let d = 0; d < n; d++) {
    const z = kords[d]! / bw
    kernel[d] = (M_1_SQRT_2PI * Math.exp(-0.5 * z * z)) / bw
  }
  const dens = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    let s = 0
    for (let j = 0; j < n; j++) {
      const b = bins[j]!
      if (b !== 0) s += b * kernel[j > k ? j - k : k - j]!
    }
    dens[k] = Math.max(0, s)
  }
  const xords = rSequence(lo, up, n)
  const x = rSequence(from, to, pointsUser)
  const y = new Float64Array(pointsUser)
  for (let t = 0; t < pointsUser; t++) y[t] = interpolate(x[t]!, xords, dens)
  return { n: N, bandwidth: bw, x, y }
}

/** R's approx(xs, ys, v) (linear, rule 1) by bisection, as its C code approx1. */
const interpolate = (v: number, xs: Float64Array, ys: Float64Array): number => {
  let i = 0
  let j = xs.length - 1
  if (v < xs[i]! || v > xs[j]!) return Number.NaN
  while (i < j - 1) {
    const ij = (i + j) >> 1
    if (v < xs[ij]!) j = ij
    else i = ij
  }
  if (v === xs[j]) return ys[j]!
  if (v === xs[i]) return ys[i]!
  return ys[i]! + (ys[j]! - ys[i]!) * ((v - xs[i]!) / (xs[j]! - xs[i]!))
}
