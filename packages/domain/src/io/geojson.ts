/**
 * GeoJSON FeatureCollection to {@link DataTable} with a geometry per row.
 *
 * Throws {@link InputError} (no Effect) so call sites stay simple.
 */
import { InputError } from "../model/errors.js"
import type { DataTable, Geometry } from "./DataTable.js"
import { isPlainObject, parseJsonText, recordsToRows } from "./records.js"

const fail = (code: string, en: string, zh: string, at: { row?: number; column?: string; value?: unknown } = {}): never => {
  throw new InputError({ code, message: en, zh, issues: [{ ...at, en, zh }] })
}

type Position = readonly [number, number]

const badCoordinates = (row: number, type: string): never =>
  fail(
    "invalid_geometry",
    `Feature ${row}: the ${type} coordinates are malformed (positions must be [x, y] numbers)`,
    `第 ${row} 个要素：${type} 坐标格式错误（坐标点应为 [x, y] 数字）`,
    { row, column: "geometry" },
  )

const position = (p: unknown, row: number, type: string): Position => {
  if (!Array.isArray(p) || p.length < 2) return badCoordinates(row, type)
  const [x, y] = p as unknown[]
  if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
    return badCoordinates(row, type)
  }
  // A third (height) coordinate is dropped: analyses here are planar.
  return [x, y]
}

const ring = (r: unknown, row: number, type: string): Position[] => {
  if (!Array.isArray(r) || r.length < 4) {
    return fail(
      "invalid_geometry",
      `Feature ${row}: each ${type} ring needs at least 4 positions (closed)`,
      `第 ${row} 个要素：${type} 的每个环至少需要 4 个坐标点（首尾闭合）`,
      { row, column: "geometry" },
    )
  }
  return r.map((p) => position(p, row, type))
}

const polygon = (rings: unknown, row: number, type: string): Position[][] => {
  if (!Array.isArray(rings) || rings.length === 0) return badCoordinates(row, type)
  return rings.map((r) => ring(r, row, type))
}

/**
 * Validate one GeoJSON geometry (Point, Polygon, MultiPolygon or null) for 1-based feature `row`.
 * Other types throw InputError "unsupported_geometry"; malformed coordinates "invalid_geometry".
 * @example geoJsonGeometry({ type: "Point", coordinates: [113.6, 34.7] }, 1) // { type: "Point", coordinates: [113.6, 34.7] }
 */
export const geoJsonGeometry = (g: unknown, row: number): Geometry | null => {
  if (g === null || g === undefined) return null
  if (!isPlainObject(g)) return badCoordinates(row, "geometry")
  switch (g.type) {
    case "Point":
      return { type: "Point", coordinates: position(g.coordinates, row, "Point") }
    case "Polygon":
      return { type: "Polygon", coordinates: polygon(g.coordinates, row, "Polygon") }
    case "MultiPolygon": {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return badCoordinates(row, "MultiPolygon")
      return { type: "MultiPolygon", coordinates: g.coordinates.map((p) => polygon(p, row, "MultiPolygon")) }
    }
    default:
      return fail(
        "unsupported_geometry",
        `Feature ${row}: geometry type ${JSON.stringify(g.type)} is not supported (use Point, Polygon or MultiPolygon)`,
        `第 ${row} 个要素：不支持几何类型 ${JSON.stringify(g.type)}（请使用 Point、Polygon 或 MultiPolygon）`,
        { row, column: "geometry", value: g.type },
      )
  }
}

/**
 * Parse a GeoJSON FeatureCollection: one row per feature, columns from the union of property names (first-seen
 * order), `geometry[i]` the feature's Point / Polygon / MultiPolygon or null. `feature.id` becomes a leading
 * column "id" only when some feature has an id and no feature has a property named "id".
 * Throws InputError "invalid_json", "not_feature_collection", "not_feature", "missing_properties",
 * "nested_value", "unsupported_geometry", "invalid_geometry", each naming the 1-based feature.
 * @example parseGeoJson(text).geometry?.[0] // { type: "Polygon", coordinates: [[[113.6, 34.7], ...]] }
 */
export const parseGeoJson = (text: string): DataTable => {
  const doc = parseJsonText(text, "GeoJSON")
  if (!isPlainObject(doc) || doc.type !== "FeatureCollection" || !Array.isArray(doc.features)) {
    const got = isPlainObject(doc) && typeof doc.type === "string" ? ` (got type "${doc.type}")` : ""
    return fail(
      "not_feature_collection",
      `Expected a GeoJSON FeatureCollection with a "features" array${got}`,
      `应为包含 "features" 数组的 GeoJSON FeatureCollection${got}`,
    )
  }
  const features = doc.features as unknown[]
  const props: Array<Record<string, unknown>> = []
  const geometry: Array<Geometry | null> = []
  let anyId = false
  let propertyId = false
  features.forEach((f, i) => {
    const row = i + 1
    if (!isPlainObject(f) || f.type !== "Feature") {
      fail("not_feature", `Feature ${row} is not a GeoJSON Feature object`, `第 ${row} 个要素不是 GeoJSON Feature 对象`, { row })
    }
    const feature = f as Record<string, unknown>
    if (!isPlainObject(feature.properties)) {
      fail(
        "missing_properties",
        `Feature ${row} has no "properties" object; the attribute table needs one per feature`,
        `第 ${row} 个要素缺少 "properties" 对象；每个要素都需要属性`,
        { row },
      )
    }
    const p = feature.properties as Record<string, unknown>
    if (Object.hasOwn(p, "id")) propertyId = true
    if (feature.id !== undefined && feature.id !== null) anyId = true
    props.push(p)
    geometry.push(geoJsonGeometry(feature.geometry, row))
  })
  const useFeatureId = anyId && !propertyId
  const { columns, rows } = recordsToRows(
    useFeatureId
      ? props.map((p, i) => {
          const id = (features[i] as Record<string, unknown>).id
          return { id: typeof id === "string" || typeof id === "number" ? id : null, ...p }
        })
      : props,
  )
  return { columns, rows, geometry }
}
