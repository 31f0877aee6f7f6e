import { inputError } from "../../model/errors.js"
import { normalPValue } from "../linalg/distributions.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { adjustFdr } from "./falseDiscovery.js"

/** Hot-spot class of a unit: hot or cold at 99, 95 or 90 % confidence, or not significant. */
export type HotSpotClass = "hot_99" | "hot_95" | "hot_90" | "cold_99" | "cold_95" | "cold_90" | "not_significant"

/** Local Getis–Ord statistic of one unit. `z`, `p` and `class` are null where the variance is 0 (no neighbours). */
export interface GetisOrdRow {
  /** Unit id, in the order of the weights. */
  readonly id: string
  /** G_i = Σ_j w_ij x_j / Σ_{j≠i} x_j, or G*_i = Σ_j w_ij x_j / Σ_j x_j (spdep internals column G). */
  readonly G: number
  /** E[G_i] under randomisation. */
  readonly expected: number
  /** Var[G_i] under randomisation. */
  readonly variance: number
  /** Standardised G_i: the value spdep localG returns. */
  readonly z: number | null
  /** Two-sided normal p-value 2·(1 − Φ(|z|)). */
  readonly p: number | null
  /** Benjamini–Hochberg adjusted p (R p.adjust "fdr" over the units with a p-value); null unless asked for. */
  readonly pFdr: number | null
  /** Hot (z > 0) or cold (z < 0) at 99/95/90 % by p (or by pFdr when the FDR adjustment is asked for). */
  readonly class: HotSpotClass | null
}

/** Options for {@link localGetisOrd}. */
export interface GetisOrdOptions {
  /** G*_i: the weights include each unit itself (build them with {@link includeSelf}). Default false: G_i. */
  readonly star?: boolean
  /** Classify by Benjamini–Hochberg adjusted p-values (default false: the raw p-values). */
  readonly fdr?: boolean
}

/**
 * The weights with each unit added to its own neighbours, like spdep `nb2listw(include.self(nb), style)`: the
 * links (any link values are dropped) plus a self link, then row-standardised for style "W" (each row 1/(k + 1))
 * or binary for "B". Use it for G*_i.
 * @example includeSelf(w).rowPtr[1] // one more link in the first row than w has
 */
export const includeSelf = (w: SpatialWeights): SpatialWeights => {
  const n = w.ids.length
  const rowPtr = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) {
    const own = w.rowPtr[i + 1]! - w.rowPtr[i]!
    let hasSelf = false
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) if (w.colIdx[p] === i) hasSelf = true
    rowPtr[i + 1] = rowPtr[i]! + own + (hasSelf ? 0 : 1)
  }
  const colIdx = new Int32Array(rowPtr[n]!)
  const values = new Float64Array(rowPtr[n]!)
  const style = w.style === "B" ? "B" : "W"
  for (let i = 0; i < n; i++) {
    let q = rowPtr[i]!
    let placed = false
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      const j = w.colIdx[p]!
      if (!placed && j >= i) {
        if (j !== i) colIdx[q++] = i
        placed = true
      }
      colIdx[q++] = j
    }
    if (!placed) colIdx[q++] = i
    const k = rowPtr[i + 1]! - rowPtr[i]!
    for (let r = rowPtr[i]!; r < rowPtr[i + 1]!; r++) values[r] = style === "W" ? 1 / k : 1
  }
  return { ids: w.ids, rowPtr, colIdx, values, style, symmetric: w.symmetric }
}

/** Whether every unit is among its own neighbours (weights for G*_i). */
const selfIncluded = (w: SpatialWeights): boolean => {
  for (let i = 0; i < w.ids.length; i++) {
    let found = false
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) if (w.colIdx[p] === i) found = true
    if (!found) return false
  }
  return true
}

const classOf = (z: number, p: number): HotSpotClass => {
  const side = z > 0 ? "hot" : "cold"
  if (p < 0.01) return `${side}_99`
  if (p < 0.05) return `${side}_95`
  if (p < 0.1) return `${side}_90`
  return "not_significant"
}

/**
 * Local Getis–Ord G_i, or G*_i with `star` (weights that include each unit itself, see {@link includeSelf}),
 * like spdep `localG(x, listw, zero.policy = TRUE, return_internals = TRUE)`: z_i = (Σ_j w_ij x_j − W_i x̄_i)/√V_i
 * with, for G_i, x̄_i and s_i² the mean and variance (divisor n − 1) of the other units and
 * V_i = s_i² ((n − 1) S1_i − W_i²)/(n − 2); for G*_i, x̄ and s² (divisor n) of all units and
 * V_i = s² (n S1_i − W_i²)/(n − 1), where W_i = Σ_j w_ij and S1_i = Σ_j w_ij². p is two-sided; classes are hot
 * (z > 0) or cold at 99, 95 and 90 % (p < 0.01, 0.05, 0.10), on Benjamini–Hochberg adjusted p with `fdr`.
 * `x` is in the order of `w.ids`. Throws InputError "not_finite", "constant_variable", "too_few_units" or
 * "self_not_included" (star without self links).
 * @example localGetisOrd(crime, includeSelf(w), { star: true })[0].z
 */
export const localGetisOrd = (x: ArrayLike<number>, w: SpatialWeights, options: GetisOrdOptions = {}): ReadonlyArray<GetisOrdRow> => {
  const n = w.ids.length
  if (x.length !== n) throw new RangeError(`variable has ${x.length} values but the weights have ${n} units`)
  const star = options.star === true
  if (n < 3) throw inputError("too_few_units", `Getis–Ord G needs at least 3 units, got ${n}`, `Getis–Ord G 至少需要 3 个单元，实际为 ${n}`)
  if (star && !selfIncluded(w)) throw inputError("self_not_included", "G*_i needs weights that include each unit itself", "G*_i 需要包含单元自身的权重")
  let sum = 0
  let sum2 = 0
  for (let i = 0; i < n; i++) {
    const v = x[i]!
    if (!Number.isFinite(v))
      throw inputError(
        "not_finite",
        `Value for unit "${w.ids[i]}" (row ${i + 1}) is missing or not finite: ${v}`,
        `单元“${w.ids[i]}”（第 ${i + 1} 行）的值缺失或不是有限数值：${v}`,
        { row: i + 1, value: v },
      )
    sum += v
    sum2 += v * v
  }
  const mean = sum / n
  let ss = 0
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2
  if (!(ss > 0)) throw inputError("constant_variable", "The variable is constant; Getis–Ord G is undefined", "变量为常数，Getis–Ord G 无定义")
  const { rowPtr, colIdx, values } = w
  const raw: Array<{ G: number; expected: number; variance: number; z: number | null; p: number | null }> = []
  for (let i = 0; i < n; i++) {
    let lag = 0
    let wi = 0
    let s1 = 0
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const v = values[p]!
      lag += v * x[colIdx[p]!]!
      wi += v
      s1 += v * v
    }
    const xi = x[i]!
    let xbar: number
    let variance: number
    let denominator: number
    if (star) {
      xbar = mean
      variance = (ss / n) * ((n * s1 - wi * wi) / (n - 1))
      denominator = sum
    } else {
      xbar = (sum - xi) / (n - 1)
      const si2 = (sum2 - xi * xi) / (n - 1) - xbar * xbar
      variance = si2 * (((n - 1) * s1 - wi * wi) / (n - 2))
      denominator = sum - xi
    }
    const expected = wi * xbar
    const z = (lag - expected) / Math.sqrt(variance)
    const defined = Number.isFinite(z) && variance > 0
    raw.push({
      G: lag / denominator,
      expected: expected / denominator,
      variance: variance / (denominator * denominator),
      z: defined ? z : null,
      p: defined ? normalPValue(z) : null,
    })
  }
  const fdr = options.fdr === true ? adjustFdr(raw.map((r) => r.p)) : undefined
  return raw.map((r, i) => {
    const pFdr = fdr ? fdr[i]! : null
    const pClass = fdr ? pFdr : r.p
    return {
      id: w.ids[i]!,
      G: r.G,
      expected: r.expected,
      variance: r.variance,
      z: r.z,
      p: r.p,
      pFdr,
      class: r.z === null || pClass === null ? null : classOf(r.z, pClass),
    }
  })
}
