import { inputError } from "../../model/errors.js"
import type { Direction } from "../../model/Indicator.js"

/** How raw indicator values become comparable scores (功效函数 / 标准化). */
export type NormaliseMethod = "minmax" | "shifted" | "zscore"

/** Options of {@link normalise}. */
export interface NormaliseOptions {
  /** `minmax` (default): [0, 1]; `shifted`: into `shiftedRange` (default [0.01, 0.99]); `zscore`: (x − mean)/sd. */
  readonly method?: NormaliseMethod
  /** `positive` (default) or `negative`; a negative indicator is reversed so that larger results are always better. */
  readonly direction?: Direction
  /** Target range of `shifted`, default [0.01, 0.99]; must satisfy 0 ≤ lo < hi. */
  readonly shiftedRange?: readonly [number, number]
  /** Name used in error messages (an indicator code or column). */
  readonly label?: string
  /**
   * When true, NaN inputs (missing observations) are skipped when finding min, max, mean and sd, and come out as NaN;
   * every other output is still finite. Default false: NaN is an error. ±Infinity is always an error.
   */
  readonly allowMissing?: boolean
}

/** Default target range of the shifted min-max normalisation. */
export const DEFAULT_SHIFTED_RANGE: readonly [number, number] = [0.01, 0.99]

/**
 * Normalise one indicator over n units.
 *
 * - `minmax`: positive x' = (x − min)/(max − min), negative x' = (max − x)/(max − min)  (domain.md §3, 篇3).
 * - `shifted`: lo + (hi − lo)·x'minmax, default [0.01, 0.99]; keeps every value above 0 so that
 *   entropy weights and geometric means never meet a zero.
 * - `zscore`: (x − mean)/sd with the sample sd (n − 1); negative indicators are sign-reversed.
 *
 * A constant column (max = min, or sd = 0) carries no information about differences between units:
 * `minmax` gives 1 for every unit, `shifted` gives hi, `zscore` gives 0. No NaN is ever produced.
 *
 * @throws InputError `empty` (no values, or none present with `allowMissing`), `not_finite` (NaN/±Infinity; row is
 *   1-based), `bad_range`.
 * @example normalise([2, 4, 6], { direction: "negative" }) // Float64Array [1, 0.5, 0]
 */
export const normalise = (values: ArrayLike<number>, options: NormaliseOptions = {}): Float64Array => {
  const method = options.method ?? "minmax"
  const negative = (options.direction ?? "positive") === "negative"
  const label = options.label ?? "indicator"
  const n = values.length
  if (n === 0) throw inputError("empty", `${label}: no values to normalise`, `${label}：没有可标准化的数值`)
  const skip = options.allowMissing === true
  let min = Infinity
  let max = -Infinity
  let sum = 0
  let present = 0
  for (let i = 0; i < n; i++) {
    const x = values[i]!
    if (skip && Number.isNaN(x)) continue
    if (!Number.isFinite(x))
      throw inputError("not_finite", `${label}: value ${x} at row ${i + 1} is not a finite number`, `${label}：第 ${i + 1} 行的值 ${x} 不是有限数值`, {
        row: i + 1,
        column: label,
        value: x,
      })
    if (x < min) min = x
    if (x > max) max = x
    sum += x
    present++
  }
  if (present === 0) throw inputError("empty", `${label}: every value is missing`, `${label}：全部数值缺失`, { column: label })
  const out = new Float64Array(n)
  if (method === "zscore") {
    const mean = sum / present
    let ss = 0
    for (let i = 0; i < n; i++) if (!Number.isNaN(values[i]!)) ss += (values[i]! - mean) ** 2
    const sd = present > 1 ? Math.sqrt(ss / (present - 1)) : 0
    // constant: every unit sits at the mean (0); missing stay NaN
    for (let i = 0; i < n; i++) out[i] = Number.isNaN(values[i]!) ? Number.NaN : sd === 0 ? 0 : ((negative ? -1 : 1) * (values[i]! - mean)) / sd
    return out
  }
  const [lo, hi] = method === "shifted" ? (options.shiftedRange ?? DEFAULT_SHIFTED_RANGE) : [0, 1]
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo >= 0 && lo < hi))
    throw inputError("bad_range", `shifted range [${lo}, ${hi}] must satisfy 0 ≤ lo < hi`, `平移区间 [${lo}, ${hi}] 须满足 0 ≤ 下限 < 上限`, {
      value: [lo, hi],
    })
  const span = max - min
  for (let i = 0; i < n; i++) {
    const x = values[i]!
    if (Number.isNaN(x)) out[i] = Number.NaN
    else if (span === 0) out[i] = hi
    else out[i] = lo + (hi - lo) * (negative ? (max - x) / span : (x - min) / span)
  }
  return out
}
