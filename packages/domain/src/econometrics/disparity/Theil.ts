import { groupValues } from "./DagumGini.js"

/** Theil's T index and its exact decomposition into within- and between-group parts. */
export interface TheilResult {
  /** T = (1/n) Σ_i (y_i/Ȳ) ln(y_i/Ȳ), with 0·ln 0 = 0. */
  readonly total: number
  /** T_w = Σ_g s_g T_g, s_g the group's share of the total value. */
  readonly within: number
  /** T_b = Σ_g s_g ln(Ȳ_g/Ȳ). */
  readonly between: number
  /** T_g of each group, in order of first appearance. */
  readonly groups: ReadonlyArray<{ readonly name: string; readonly theil: number }>
}

/** (1/m) Σ (y/μ) ln(y/μ) of one set of values, with 0·ln 0 = 0. */
const theilOf = (a: Float64Array, mu: number): number => {
  let t = 0
  for (let i = 0; i < a.length; i++) {
    const r = a[i]! / mu
    if (r > 0) t += r * Math.log(r)
  }
  return t / a.length
}

/**
 * Theil's T index (Theil 1967) with its additive decomposition by groups: T = T_w + T_b, T_w = Σ_g s_g T_g and
 * T_b = Σ_g s_g ln(Ȳ_g/Ȳ), where s_g = n_g Ȳ_g/(n Ȳ) is the group's share of the total value. Zeros contribute 0
 * (the limit of y ln y). Validates input as `groupValues` (the same rules as the Dagum decomposition).
 * @example theilIndex([1, 2, 3, 10, 12, 14], ["w", "w", "w", "e", "e", "e"]).between
 */
export const theilIndex = (values: ArrayLike<number>, groups: ReadonlyArray<string>, rows?: ReadonlyArray<number>): TheilResult => {
  const { names, sorted } = groupValues(values, groups, rows)
  const n = values.length
  const sums = sorted.map((a) => a.reduce((s, v) => s + v, 0))
  const totalValue = sums.reduce((s, v) => s + v, 0)
  const mean = totalValue / n
  let total = 0
  for (const a of sorted) total += theilOf(a, mean) * a.length
  total /= n
  let within = 0
  let between = 0
  const out = names.map((name, g) => {
    const a = sorted[g]!
    const mg = sums[g]! / a.length
    const share = sums[g]! / totalValue
    const tg = theilOf(a, mg)
    within += share * tg
    between += share * Math.log(mg / mean)
    return { name, theil: tg }
  })
  return { total, within, between, groups: out }
}
