import { echarts } from "../charts/echarts.js"
import type { LoadedMap, MapFeature } from "../charts/henanMap.js"

/** A GeoJSON FeatureCollection read from the user's file: its features, their property names and which are numeric. */
export interface UploadedGeoJson {
  readonly fileName: string
  readonly collection: { readonly type: "FeatureCollection"; readonly features: ReadonlyArray<MapFeature> }
  readonly properties: ReadonlyArray<string>
  /** Properties every feature has as a number (or null): the variables to map. */
  readonly numeric: ReadonlyArray<string>
  /** Every geometry is a Point (distance methods then need no coordinate columns). */
  readonly points: boolean
}

/** Why a file is not usable. */
export type UploadProblem = "not_json" | "not_collection" | "no_features"

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/**
 * Read an uploaded GeoJSON FeatureCollection (the server checks its geometries and values when it is analysed).
 * @example readUploadedGeoJson('{"type":"FeatureCollection","features":[]}', "a.geojson") // { problem: "no_features" }
 */
export const readUploadedGeoJson = (text: string, fileName: string): UploadedGeoJson | { readonly problem: UploadProblem } => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { problem: "not_json" }
  }
  if (!isRecord(json) || json.type !== "FeatureCollection" || !Array.isArray(json.features)) return { problem: "not_collection" }
  const features = json.features.filter((f): f is MapFeature => isRecord(f) && isRecord(f.properties))
  if (features.length === 0) return { problem: "no_features" }
  const properties = [...new Set(features.flatMap((f) => Object.keys(f.properties)))]
  const numeric = properties.filter((p) => features.every((f) => typeof f.properties[p] === "number" || f.properties[p] === null))
  const points = features.every((f) => isRecord(f.geometry) && f.geometry.type === "Point")
  return { fileName, collection: { type: "FeatureCollection", features }, properties, numeric, points }
}

let uploads = 0

/**
 * Register an uploaded collection as an ECharts map keyed by the chosen id property (its `name` property, when it
 * has one, names the units on the map).
 * @example const map = registerUploadedMap(upload, "GEOID")
 */
export const registerUploadedMap = (upload: UploadedGeoJson, idProperty: string): LoadedMap => {
  const names = new Map<string, string>()
  const features = upload.collection.features.map((f) => {
    const key = String(f.properties[idProperty] ?? "")
    names.set(key, typeof f.properties.name === "string" ? f.properties.name : key)
    return { ...f, properties: { ...f.properties, adcode: key, name: key } }
  })
  uploads += 1
  const mapName = `jiju-upload-${uploads}`
  echarts.registerMap(mapName, { type: "FeatureCollection", features: features.filter((f) => f.geometry && f.geometry.type !== "Point") } as never)
  return { mapName, codes: features.map((f) => f.properties.name), names, features }
}
