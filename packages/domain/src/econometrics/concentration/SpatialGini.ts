import type { RegionIndustryTable } from "./RegionIndustry.js"

/**
 * Gini coefficient of location quotients as in REAT: values sorted ascending, ranks λ = 1…n,
 * G = 2 / (n² · mean) · Σ λ (v_(λ) − mean). Equal values give 0; the maximum is (n − 1)/n.
 */
const giniOfQuotients = (v: ReadonlyArray<number>): number => {
  const n = v.length
  const mean = v.reduce((a, b) => a + b, 0) / n
  if (!(mean > 0)) return 0
  const sorted = [...v].sort((a, b) => a - b)
  let s = 0
  sorted.forEach((x, k) => {
    s += (k + 1) * (x - mean)
  })
  return (2 / (n * n * mean)) * s
}

/**
 * Spatial (locational) Gini per industry, REAT `gini.conc`: the Gini coefficient of the industry's location quotients
 * over regions, LQ_ir = (q_ir / q_r) / (q_i / q) with totals from the data. 0: the industry is spread like the economy;
 * towards (n − 1)/n: concentrated in few regions.
 * @example // regions A, B with LQ of x = 1.5 and 0.5: mean 1, G = 2/(4·1)·(1·(0.5 − 1) + 2·(1.5 − 1)) = 0.25
 */
export const spatialGini = (t: RegionIndustryTable): Record<string, number> =>
  Object.fromEntries(
    t.industries.map((name, i) => [name, giniOfQuotients(t.regions.map((_, r) => t.value[r]![i]! / t.regionTotal[r]! / (t.industryTotal[i]! / t.total)))]),
  )

/**
 * Gini specialisation per region, REAT `gini.spec`: the Gini coefficient of the region's location quotients over
 * industries. 0: the region's mix equals the overall mix; larger: specialised in few industries.
 * @example
 * // A: x 30, y 70; B: x 10, y 90 → LQs of A: x 1.5, y 0.875; mean 1.1875
 * giniSpecialisation(regionIndustryTable(records)).A // 2/(4·1.1875)·(1·(0.875 − 1.1875) + 2·(1.5 − 1.1875)) ≈ 0.1316
 */
export const giniSpecialisation = (t: RegionIndustryTable): Record<string, number> =>
  Object.fromEntries(
    t.regions.map((name, r) => [name, giniOfQuotients(t.industries.map((_, i) => t.value[r]![i]! / t.regionTotal[r]! / (t.industryTotal[i]! / t.total)))]),
  )
