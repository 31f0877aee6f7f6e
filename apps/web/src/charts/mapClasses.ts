import type { HotspotClass, LisaRow } from "../api/analysisDocuments.js"
import type { Dictionary } from "../i18n/dictionary.js"

/** A category of a choropleth: its number on the map, its legend text and colour. */
export interface MapPiece {
  readonly value: number
  readonly label: string
  readonly color: string
}

/** LISA quadrant colours (GeoDa's). */
export const QUADRANT_COLOURS: Readonly<Record<string, string>> = { HH: "#d7191c", LL: "#2c7bb6", HL: "#fdae61", LH: "#abd9e9", none: "#eeeeee" }

/** The significance level of the LISA cluster map. */
export const LISA_ALPHA = 0.05

const QUADRANTS = ["HH", "LL", "HL", "LH"] as const

/**
 * A unit's class on the LISA cluster map: its quadrant when the server's permutation p-value (else its normal p) is
 * below {@link LISA_ALPHA}, else 0 (not significant, or no neighbours).
 * @example lisaClassOf({ quadrant: "HH", p_permutation: 0.01 } as LisaRow) // 1
 */
export const lisaClassOf = (row: LisaRow): number => {
  const p = row.p_permutation ?? row.p
  return row.quadrant !== null && p !== null && p < LISA_ALPHA ? QUADRANTS.indexOf(row.quadrant) + 1 : 0
}

/** The LISA cluster map's legend in the interface language. */
export const lisaPieces = (t: Dictionary): MapPiece[] => [
  ...QUADRANTS.map((q, k) => ({ value: k + 1, label: t.quadrant[q], color: QUADRANT_COLOURS[q]! })),
  { value: 0, label: t.notSignificant, color: QUADRANT_COLOURS.none! },
]

// Units without neighbours have no class: they are drawn as not significant.
const HOTSPOT_CLASSES: ReadonlyArray<{ readonly key: NonNullable<HotspotClass>; readonly color: string }> = [
  { key: "hot_99", color: "#b2182b" },
  { key: "hot_95", color: "#ef8a62" },
  { key: "hot_90", color: "#fddbc7" },
  { key: "not_significant", color: "#eeeeee" },
  { key: "cold_90", color: "#d1e5f0" },
  { key: "cold_95", color: "#67a9cf" },
  { key: "cold_99", color: "#2166ac" },
]

/**
 * A unit's number on the hot-spot map, from the class the server gave it (hot_99 … cold_99).
 * @example hotspotValueOf("hot_95") // 2
 */
export const hotspotValueOf = (c: HotspotClass): number => HOTSPOT_CLASSES.findIndex((h) => h.key === (c ?? "not_significant")) + 1

/** The hot-spot map's legend (Gi* hot and cold spots at 99/95/90 %) in the interface language. */
export const hotspotPieces = (t: Dictionary): MapPiece[] => HOTSPOT_CLASSES.map((h, k) => ({ value: k + 1, label: t.hotspotClass[h.key], color: h.color }))
