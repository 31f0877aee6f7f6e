import { loadUnitDataset } from "../analyses/models/unitDataset.js"
import type { JijuClient } from "../api/client.js"
import { type LoadedMap, loadMap } from "../charts/henanMap.js"
import type { FeatureCollection } from "../data/unitCollection.js"
import type { MapRequest } from "./mapRequest.js"
import { registerUploadedMap } from "./uploadedGeoJson.js"

/** The units of a map request: the map to draw, the collection to send, its id column and coordinate columns. */
export interface MapData {
  readonly map: LoadedMap
  readonly geojson: FeatureCollection | { readonly type: "FeatureCollection"; readonly features: ReadonlyArray<unknown> }
  readonly id: string
  /** Coordinate columns for GWR; null when the features are points (or none are known). */
  readonly coords: readonly [string, string] | null
  /** The variable's value per unit, for the map's tooltips and the table. */
  readonly values: ReadonlyMap<string, number>
}

/**
 * The units to analyse: Henan's map units with their zones' mean values (and the boundary file's centroids as
 * coordinates), or the uploaded collection as it is.
 * @example const data = await loadMapData(api, request)
 */
export const loadMapData = async (api: JijuClient, r: MapRequest): Promise<MapData> => {
  if (r.source.kind === "upload") {
    const { upload, idProperty, coords } = r.source
    const values = new Map<string, number>()
    for (const f of upload.collection.features) {
      const v = f.properties[r.variable]
      if (typeof v === "number") values.set(String(f.properties[idProperty]), v)
    }
    return { map: registerUploadedMap(upload, idProperty), geojson: upload.collection, id: idProperty, coords, values }
  }
  const codes = r.layer === "gwr" ? [r.variable, ...r.regressors.filter((x) => x !== r.variable)] : [r.variable]
  const [map, dataset] = await Promise.all([loadMap(r.source.mapCode), loadUnitDataset(api, r.source.mapCode, codes, { period: r.period })])
  const values = new Map(dataset.geojson.features.map((f) => [String(f.properties.unit), Number(f.properties[r.variable])]))
  return { map, geojson: dataset.geojson, id: "unit", coords: ["x", "y"], values }
}
