import { inputError } from "../../model/errors.js"
import type { RegionIndustryTable } from "./RegionIndustry.js"

/**
 * Krugman specialisation index per region (REAT `krugman.spec` with the reference area as comparison region):
 * K_m = Σ_i |q_im / q_m − Q_i / Q|, in [0, 2]; 0 means the region's industry mix equals the reference mix.
 * Reference industry shares Q_i / Q come from `reference` when given (national industry totals and grand total),
 * else from the data.
 * @example // A: x 30, y 70; reference shares x 0.2, y 0.8 → K_A = |0.3 − 0.2| + |0.7 − 0.8| = 0.2
 */
export const krugmanSpecialisation = (
  t: RegionIndustryTable,
  reference?: { readonly industry: Readonly<Record<string, number>>; readonly total: number },
): Record<string, number> => {
  const share = t.industries.map((name, i) => {
    if (!reference) return t.industryTotal[i]! / t.total
    const q = reference.industry[name]
    if (q === undefined || !(q >= 0) || !(reference.total > 0))
      throw inputError("bad_reference", `no usable reference total for industry "${name}" (got ${q})`, `产业“${name}”缺少可用的参照总量（实际为 ${q}）`, {
        value: q,
      })
    return q / reference.total
  })
  return Object.fromEntries(
    t.regions.map((name, r) => {
      let k = 0
      for (let i = 0; i < t.industries.length; i++) k += Math.abs(t.value[r]![i]! / t.regionTotal[r]! - share[i]!)
      return [name, k]
    }),
  )
}

/**
 * Krugman concentration index per industry (REAT `krugman.conc` against the all-industry distribution):
 * K_i = Σ_r |q_ir / q_i − q_r / q|, in [0, 2]; 0 means the industry is spread like the economy as a whole.
 * @example
 * // A: x 30, y 70; B: x 10, y 90 → x shares (0.75, 0.25), economy shares (0.5, 0.5) → K_x = 0.5
 * krugmanConcentration(regionIndustryTable(records)).x // 0.5
 */
export const krugmanConcentration = (t: RegionIndustryTable): Record<string, number> =>
  Object.fromEntries(
    t.industries.map((name, i) => {
      let k = 0
      for (let r = 0; r < t.regions.length; r++) k += Math.abs(t.value[r]![i]! / t.industryTotal[i]! - t.regionTotal[r]! / t.total)
      return [name, k]
    }),
  )
