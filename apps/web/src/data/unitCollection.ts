import type { LoadedMap } from "../charts/henanMap.js"
import type { UnitRow } from "./unitRows.js"

/** A GeoJSON FeatureCollection as the analysis operations take it (`geojson`). */
export interface FeatureCollection {
  readonly type: "FeatureCollection"
  readonly features: ReadonlyArray<{
    readonly type: "Feature"
    readonly properties: Readonly<Record<string, string | number>>
    readonly geometry: unknown
  }>
}

const point = (v: unknown): readonly [number, number] | undefined =>
  Array.isArray(v) && typeof v[0] === "number" && typeof v[1] === "number" ? [v[0], v[1]] : undefined

/**
 * Units' values with their polygons, as the `geojson` of an analysis request: properties `unit` (the code), `name`,
 * `period`, the values, and `x`, `y` (the boundary file's own centroid, for distance-based methods). A unit listed
 * for several periods carries its polygon once, on its first row (panels build their weights from each unit's
 * first row), which keeps the request small.
 * @example unitCollection(map, [{ unit: "410100", period: "2025", values: { revenue: 812 } }]).features[0].properties.unit // "410100"
 */
export const unitCollection = (map: LoadedMap, rows: ReadonlyArray<UnitRow>): FeatureCollection => {
  const byCode = new Map(map.features.map((f) => [f.properties.name, f]))
  const seen = new Set<string>()
  return {
    type: "FeatureCollection",
    features: rows.flatMap((r) => {
      const f = byCode.get(r.unit)
      if (!f) return []
      const first = !seen.has(r.unit)
      seen.add(r.unit)
      const centre = point(f.properties.centroid) ?? point(f.properties.center)
      return [
        {
          type: "Feature" as const,
          properties: {
            unit: r.unit,
            name: map.names.get(r.unit) ?? r.unit,
            period: r.period,
            ...r.values,
            ...(centre ? { x: centre[0], y: centre[1] } : {}),
          },
          geometry: first ? f.geometry : null,
        },
      ]
    }),
  }
}
