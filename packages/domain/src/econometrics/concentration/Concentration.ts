import type { EllisonGlaeser } from "./EllisonGlaeser.js"
import { ellisonGlaeserByIndustry } from "./EllisonGlaeser.js"
import type { AggregatedRows } from "./FirmRows.js"
import { herfindahlByIndustry } from "./Herfindahl.js"
import { krugmanConcentration, krugmanSpecialisation } from "./Krugman.js"
import { type LocationQuotient, locationQuotients, type ReferenceTotals } from "./LocationQuotient.js"
import { type RegionIndustryTable, type RegionIndustryValue, regionIndustryTable } from "./RegionIndustry.js"
import { giniSpecialisation, spatialGini } from "./SpatialGini.js"

/** Options of {@link concentrationIndices}. */
export interface ConcentrationOptions {
  /** Reference totals for LQ and Krugman specialisation; default sums over the data. */
  readonly reference?: ReferenceTotals
  /** Plant Herfindahl H per industry for Ellison–Glaeser; industries not listed use H = 0 (see ellisonGlaeserByIndustry). */
  readonly plantHerfindahl?: Readonly<Record<string, number>>
}

/** All concentration and specialisation measures of a region × industry data set. */
export interface ConcentrationIndices {
  readonly regions: ReadonlyArray<string>
  readonly industries: ReadonlyArray<string>
  readonly lq: ReadonlyArray<LocationQuotient>
  /** Per industry: Σ_r (regional share)². */
  readonly hhi: Readonly<Record<string, number>>
  readonly ellison_glaeser: Readonly<Record<string, EllisonGlaeser>>
  /** Krugman specialisation per region. */
  readonly krugman: Readonly<Record<string, number>>
  /** Krugman concentration per industry. */
  readonly krugman_concentration: Readonly<Record<string, number>>
  /** Spatial Gini per industry (REAT gini.conc). */
  readonly gini: Readonly<Record<string, number>>
  /** Gini specialisation per region (REAT gini.spec). */
  readonly gini_specialisation: Readonly<Record<string, number>>
}

/**
 * Every concentration measure at once from long (region, industry, value) data: LQ, HHI, Ellison–Glaeser γ,
 * Krugman specialisation and concentration, spatial Gini and Gini specialisation.
 * @example concentrationIndices([{ region: "A", industry: "x", value: 30 }, { region: "A", industry: "y", value: 70 }, …])
 */
export const concentrationIndices = (records: ReadonlyArray<RegionIndustryValue>, options: ConcentrationOptions = {}): ConcentrationIndices =>
  concentrationOfTable(regionIndustryTable(records), options)

/**
 * Every concentration measure of a region × industry table (see {@link concentrationIndices}).
 * @example concentrationOfTable(regionIndustryTableFromCells(regions, industries, cells)).hhi
 */
export const concentrationOfTable = (t: RegionIndustryTable, options: ConcentrationOptions = {}): ConcentrationIndices => {
  const ref = options.reference ?? {}
  return {
    regions: t.regions,
    industries: t.industries,
    lq: locationQuotients(t, ref),
    hhi: herfindahlByIndustry(t),
    ellison_glaeser: ellisonGlaeserByIndustry(t, options.plantHerfindahl, ref.region),
    krugman: krugmanSpecialisation(t, ref.industry && ref.total !== undefined ? { industry: ref.industry, total: ref.total } : undefined),
    krugman_concentration: krugmanConcentration(t),
    gini: spatialGini(t),
    gini_specialisation: giniSpecialisation(t),
  }
}

/** Concentration measures of firm rows: those of {@link concentrationIndices} and the plants behind H. */
export interface FirmConcentrationIndices extends ConcentrationIndices {
  /** Plants with a positive value per industry. */
  readonly plants: Readonly<Record<string, number>>
}

/**
 * Every concentration measure of aggregated rows; with firm rows, Ellison–Glaeser γ uses each industry's
 * plant Herfindahl computed from its firms (an industry with a single plant has H = 1, where γ is undefined:
 * NaN, null in JSON).
 * @example concentrationOfRows(rows.aggregate(regions, industries)).ellison_glaeser.textiles.H
 */
export const concentrationOfRows = (
  rows: AggregatedRows,
  options: Omit<ConcentrationOptions, "plantHerfindahl"> = {},
): ConcentrationIndices | FirmConcentrationIndices => {
  const h = rows.plantHerfindahl
  if (h === undefined) return concentrationOfTable(rows.table, options)
  const below = Object.fromEntries(Object.entries(h).map(([name, v]) => [name, v < 1 ? v : 0]))
  const r = concentrationOfTable(rows.table, { ...options, plantHerfindahl: below })
  const eg = Object.fromEntries(Object.entries(r.ellison_glaeser).map(([name, e]) => [name, h[name]! < 1 ? e : { gamma: Number.NaN, G: e.G, H: h[name]! }]))
  return { ...r, ellison_glaeser: eg, plants: rows.plants ?? {} }
}
