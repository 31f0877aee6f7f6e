import type { RegionIndustryTable } from "./RegionIndustry.js"

/**
 * Hirschman–Herfindahl index of a distribution (REAT `herf`): H = Σ_k (x_k / Σx)². Ranges from 1/n (even) to 1 (all
 * in one place). Zero total gives 0.
 * @example herfindahl([1, 1, 2]) // (1/4)² + (1/4)² + (1/2)² = 0.375
 */
export const herfindahl = (x: ArrayLike<number>): number => {
  let sum = 0
  for (let k = 0; k < x.length; k++) sum += x[k]!
  if (!(sum > 0)) return 0
  let h = 0
  for (let k = 0; k < x.length; k++) h += (x[k]! / sum) ** 2
  return h
}

/**
 * Regional Hirschman–Herfindahl index per industry: HHI_i = Σ_r (q_ir / q_i)², the sum of squared regional shares
 * of the industry (REAT `herf` applied to the industry's regional values).
 * @example // x in regions A, B, C = 1, 1, 2 → HHI_x = 0.375
 */
export const herfindahlByIndustry = (t: RegionIndustryTable): Record<string, number> =>
  Object.fromEntries(t.industries.map((name, i) => [name, herfindahl(t.value.map((row) => row[i]!))]))
