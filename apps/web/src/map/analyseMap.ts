import { type UnitAutocorrelation, unitAutocorrelation } from "../analyses/spatial/unitAutocorrelation.js"
import { documentOf, type GwrDocument, type HotspotsDocument } from "../api/analysisDocuments.js"
import type { JijuClient } from "../api/client.js"
import type { FeatureCollection } from "../data/unitCollection.js"
import type { MapData } from "./loadMapData.js"
import type { MapRequest } from "./mapRequest.js"

/** What the map page draws: Moran's I and LISA always, and the hot spots or the GWR the layer asks for. */
export interface MapAnalysis {
  readonly autocorrelation: UnitAutocorrelation | null
  readonly hotspots: HotspotsDocument | null
  readonly gwr: GwrDocument | null
}

/**
 * Ask the analysis operations for the map's statistics over queen contiguity of the units' polygons: Moran's I and
 * LISA; Getis–Ord G*_i for hot and cold spots; a GWR (adaptive bisquare kernel, bandwidth by AICc) for the local
 * coefficients.
 * @example const a = await analyseMap(api, request, data)
 */
export const analyseMap = async (api: JijuClient, r: MapRequest, d: MapData): Promise<MapAnalysis> => {
  const geojson = d.geojson as FeatureCollection
  const spatial = { geojson, id: d.id, var: r.variable, weights: { contiguity: "queen" as const } }
  const [autocorrelation, hotspots, gwr] = await Promise.all([
    unitAutocorrelation(api, geojson, d.id, r.variable),
    r.layer === "hotspots" ? api.analyseHotspots({ body: { ...spatial, star: true } }).then((a) => documentOf<HotspotsDocument>(a)) : null,
    r.layer === "gwr"
      ? api
          .analyseGwr({
            body: {
              geojson,
              id: d.id,
              formula: `${r.variable} ~ ${r.regressors.join(" + ")}`,
              ...(d.coords ? { coords: [d.coords[0], d.coords[1]] as const } : {}),
              kernel: "bisquare",
              select: "aicc",
            },
          })
          .then((a) => documentOf<GwrDocument>(a))
      : null,
  ])
  return { autocorrelation, hotspots, gwr }
}
