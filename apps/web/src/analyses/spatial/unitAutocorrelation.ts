import { documentOf, type LisaDocument, type MoranDocument } from "../../api/analysisDocuments.js"
import type { JijuClient } from "../../api/client.js"
import type { FeatureCollection } from "../../data/unitCollection.js"

/** Global Moran's I and the LISA rows of one variable over map units, as the server computed them. */
export interface UnitAutocorrelation {
  readonly moran: MoranDocument
  readonly lisa: LisaDocument
}

/** Permutations of the LISA pseudo p-values (GeoDa's default). */
export const LISA_PERMUTATIONS = 999

/**
 * Moran's I and LISA of `variable` over the units of a GeoJSON collection (queen contiguity of their polygons,
 * row-standardised), asked of the analysis operations; null when fewer than three units have a value.
 * @example const ac = await unitAutocorrelation(api, unitCollection(map, rows), "unit", "D")
 */
export const unitAutocorrelation = async (api: JijuClient, geojson: FeatureCollection, id: string, variable: string): Promise<UnitAutocorrelation | null> => {
  if (geojson.features.length < 3) return null
  const body = { geojson, id, var: variable, weights: { contiguity: "queen" as const } }
  const [moran, lisa] = await Promise.all([
    api.analyseMoran({ body }).then((a) => documentOf<MoranDocument>(a)),
    api.analyseLisa({ body: { ...body, permutations: LISA_PERMUTATIONS, seed: 1 } }).then((a) => documentOf<LisaDocument>(a)),
  ])
  return { moran, lisa }
}
