import type { JijuClient } from "../../api/client.js"
import { loadMap } from "../../charts/henanMap.js"
import { type FeatureCollection, unitCollection } from "../../data/unitCollection.js"
import { unitRows } from "../../data/unitRows.js"
import { loadZoneRows } from "../../data/zoneRows.js"

/** Map units' values with their polygons, ready to send as an analysis's `geojson` (id column `unit`, periods in `period`). */
export interface UnitDataset {
  readonly geojson: FeatureCollection
  readonly units: number
  readonly periods: ReadonlyArray<string>
}

/**
 * The zones' values of `codes` averaged per map unit of `mapCode` (Henan's cities, or one city's counties) for one
 * period or a range, with the units' polygons.
 * @example const { geojson } = await loadUnitDataset(api, "410000", ["revenue", "tax_total"], { period: "2025" })
 */
export const loadUnitDataset = async (
  api: JijuClient,
  mapCode: string,
  codes: ReadonlyArray<string>,
  periods: { readonly period: string } | { readonly from: string; readonly to: string },
): Promise<UnitDataset> => {
  const [zones, map] = await Promise.all([loadZoneRows(api, codes, periods), loadMap(mapCode)])
  const rows = unitRows(zones.rows, mapCode, codes)
  const geojson = unitCollection(map, rows)
  return {
    geojson,
    units: new Set(geojson.features.map((f) => f.properties.unit)).size,
    periods: [...new Set(rows.map((r) => r.period))],
  }
}
