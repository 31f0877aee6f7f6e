import { inputError } from "../../model/errors.js"
import { herfindahl } from "./Herfindahl.js"
import type { RegionIndustryTable } from "./RegionIndustry.js"

/** Ellison–Glaeser agglomeration index of one industry with its parts. */
export interface EllisonGlaeser {
  /** γ = (G − (1 − Σ x_r²) H) / ((1 − Σ x_r²)(1 − H)). */
  readonly gamma: number
  /** Raw geographic concentration G = Σ_r (s_r − x_r)². */
  readonly G: number
  /** Plant Herfindahl H of the industry used in γ. */
  readonly H: number
}

/**
 * Ellison–Glaeser (1997) γ for one industry, following REAT `ellison.a`: s_r is the industry's share in region r,
 * x_r region r's share of total employment (all industries), G = Σ (s_r − x_r)², and H the plant-level Herfindahl of
 * the industry (REAT computes H = `herf(e_ik)` from plant employment).
 * γ ≈ 0: as concentrated as random location of plants (dartboard); γ > 0.05 is usually read as highly agglomerated.
 * @throws InputError `bad_herfindahl` when H is not in [0, 1).
 * @example ellisonGlaeser([0.5, 0.5], [0.8, 0.2], 0) // G = 0.18, γ = 0.18/(1 − 0.68) = 0.5625
 */
export const ellisonGlaeser = (s: ArrayLike<number>, x: ArrayLike<number>, h: number): EllisonGlaeser => {
  if (!(Number.isFinite(h) && h >= 0 && h < 1))
    throw inputError("bad_herfindahl", `plant Herfindahl H must be in [0, 1), got ${h}`, `企业赫芬达尔指数 H 须在 [0, 1) 内，实际为 ${h}`, { value: h })
  let g = 0
  let sx2 = 0
  for (let r = 0; r < s.length; r++) {
    g += (s[r]! - x[r]!) ** 2
    sx2 += x[r]! ** 2
  }
  const a = 1 - sx2
  // one region only: no geography to measure
  const gamma = a > 0 ? (g - a * h) / (a * (1 - h)) : Number.NaN
  return { gamma, G: g, H: h }
}

/**
 * Ellison–Glaeser γ per industry from regional aggregates (REAT `ellison.a` definitions).
 *
 * Regional data carry no plants, so H cannot be computed here: pass it per industry in `plantHerfindahl` (e.g. from a
 * census of firms, or the `plantHerfindahl()` function of this module on plant sizes). An industry without a given H uses H = 0 — the limit of
 * many small plants — where γ = G / (1 − Σ x_r²), an upper bound of the true γ (which falls as H grows).
 * x_r is each region's share of the data's total (or of `regionTotals` when given, e.g. total employment of the region).
 * @example ellisonGlaeserByIndustry(table, { manufacturing: 0.02 })
 */
export const ellisonGlaeserByIndustry = (
  t: RegionIndustryTable,
  plantHerfindahl: Readonly<Record<string, number>> = {},
  regionTotals?: Readonly<Record<string, number>>,
): Record<string, EllisonGlaeser> => {
  const totals = t.regions.map((name, r) => regionTotals?.[name] ?? t.regionTotal[r]!)
  const grand = totals.reduce((a, b) => a + b, 0)
  const x = totals.map((v) => v / grand)
  return Object.fromEntries(
    t.industries.map((name, i) => {
      const s = t.value.map((row) => row[i]! / t.industryTotal[i]!)
      return [name, ellisonGlaeser(s, x, plantHerfindahl[name] ?? 0)]
    }),
  )
}

/**
 * Plant Herfindahl H = Σ_k (e_k / Σ e)² of an industry's plant sizes, the H of {@link ellisonGlaeser}.
 * @example plantHerfindahl([10, 10, 20]) // 0.375
 */
export const plantHerfindahl = (plantSizes: ArrayLike<number>): number => herfindahl(plantSizes)
