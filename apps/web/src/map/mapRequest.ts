import type { UploadedGeoJson } from "./uploadedGeoJson.js"

/** Where the map page's units come from: Henan's boundary files (the zones' values by unit), or the user's GeoJSON. */
export type MapSource =
  | { readonly kind: "henan"; readonly mapCode: string }
  | { readonly kind: "upload"; readonly upload: UploadedGeoJson; readonly idProperty: string; readonly coords: readonly [string, string] | null }

/** The local statistic drawn on the map. */
export type MapLayer = "lisa" | "hotspots" | "gwr"

/** Every layer the map page draws. */
export const MAP_LAYERS: ReadonlyArray<MapLayer> = ["lisa", "hotspots", "gwr"]

/** What the map page is asked to draw. */
export interface MapRequest {
  readonly source: MapSource
  /** The period of Henan's data (ignored for an uploaded file). */
  readonly period: string
  readonly variable: string
  readonly layer: MapLayer
  /** GWR's explanatory variables. */
  readonly regressors: ReadonlyArray<string>
}
