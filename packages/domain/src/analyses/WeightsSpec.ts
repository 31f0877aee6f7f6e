import {
  alignWeights,
  contiguityWeights,
  distanceBandWeights,
  knnWeights,
  type PointCoordinates,
  type SpatialWeights,
  weightsFromLinks,
  weightsFromNeighbourList,
} from "../econometrics/index.js"
import { galWeightsInKernel } from "../econometrics/weights/galWeightsKernel.js"
import type { DataTable } from "../io/DataTable.js"
import { numericColumn, parseGalLinks, parseGwt, stringColumn } from "../io/index.js"
import type { NeighbourList } from "../io/NeighbourList.js"
import { InputError, inputError } from "../model/errors.js"

/** Where the neighbours come from: a GAL/GWT text, polygon contiguity, k nearest neighbours or a distance band. */
export type WeightsSource =
  | { readonly kind: "file"; readonly format: "gal" | "gwt"; readonly text: string }
  | { readonly kind: "contiguity"; readonly rule: "queen" | "rook"; readonly snap?: number | undefined }
  | { readonly kind: "knn"; readonly k: number; readonly coords?: readonly [string, string] | undefined }
  | { readonly kind: "distance_band"; readonly d: number; readonly coords?: readonly [string, string] | undefined }

/**
 * A plain description of spatial weights, as the CLI flags and the API body give it; `transform` is
 * "r" (row-standardised, default) or "b" (binary).
 * @example const spec: WeightsSpec = { kind: "knn", k: 4, coords: ["X", "Y"], transform: "r" }
 */
export type WeightsSpec = WeightsSource & { readonly transform?: "r" | "b" | undefined }

/**
 * The unit ids of a table: the `idColumn` as text, or 1-based row numbers when none is named.
 * @example unitIds(table, undefined) // ["1", "2", …]
 */
export const unitIds = (table: DataTable, idColumn: string | undefined): string[] =>
  idColumn === undefined ? table.rows.map((_, i) => String(i + 1)) : stringColumn(table, idColumn)

/**
 * The coordinate columns, or the point geometries of GeoJSON data when no columns are named; `method` names what
 * needs them in the InputError "missing_coords".
 * @example tableCoordinates(table, ["X", "Y"], "knn").x[0]
 */
export const tableCoordinates = (table: DataTable, coords: readonly [string, string] | undefined, method: string): PointCoordinates => {
  if (coords !== undefined) return { x: numericColumn(table, coords[0]), y: numericColumn(table, coords[1]) }
  const g = table.geometry
  if (g !== undefined && g.length > 0 && g.every((p) => p?.type === "Point"))
    return {
      x: Float64Array.from(g, (p) => (p as { coordinates: readonly [number, number] }).coordinates[0]),
      y: Float64Array.from(g, (p) => (p as { coordinates: readonly [number, number] }).coordinates[1]),
    }
  throw inputError(
    "missing_coords",
    `${method} weights need coordinates X,Y (the columns holding the point coordinates)`,
    `${method} 权重需要坐标 X,Y（点坐标所在列）`,
  )
}

/**
 * Build the weights a spec describes, with rows in the order of `ids` (one id per table row; file ids are
 * matched by value). Pure: a weights file is passed as its text.
 * Throws InputError ("ids_mismatch", "no_polygons", "missing_coords", "unknown_column", "not_numeric", …).
 * @example const w = buildWeights({ kind: "contiguity", rule: "queen" }, geo, unitIds(geo, "id"))
 */
export const buildWeights = (spec: WeightsSpec, table: DataTable, ids: ReadonlyArray<string>): SpatialWeights => {
  const style = spec.transform === "b" ? "B" : "W"
  switch (spec.kind) {
    case "file": {
      if (spec.format === "gal") {
        // A regular file (as GeoDa and spdep write them) in one pass of a WebAssembly kernel; any other by the parser.
        const regular = galWeightsInKernel(spec.text, style)
        if (regular !== undefined) return alignWeights(regular, ids)
        const links = parseGalLinks(spec.text)
        return alignWeights(weightsFromLinks(links.ids, links.neighbours, undefined, style), ids)
      }
      let list: NeighbourList
      try {
        list = parseGwt(spec.text)
      } catch (e) {
        // Islands are absent from a GWT body; with non-index ids only the data can name them.
        if (e instanceof InputError && e.code === "n_mismatch") list = parseGwt(spec.text, { ids })
        else throw e
      }
      return alignWeights(weightsFromNeighbourList(list, { style }), ids)
    }
    case "contiguity": {
      if (table.geometry === undefined || !table.geometry.some((g) => g?.type === "Polygon" || g?.type === "MultiPolygon"))
        throw inputError(
          "no_polygons",
          "contiguity weights need polygons: the data must be a GeoJSON FeatureCollection of Polygon or MultiPolygon features, and it has none",
          "邻接权重需要多边形：数据须为含 Polygon 或 MultiPolygon 要素的 GeoJSON FeatureCollection，当前没有",
        )
      const rule = spec.rule
      return contiguityWeights(ids, table.geometry, spec.snap === undefined ? { rule, style } : { rule, style, snap: spec.snap })
    }
    case "knn":
      return knnWeights(ids, tableCoordinates(table, spec.coords, "knn"), spec.k, { style })
    case "distance_band":
      return distanceBandWeights(ids, tableCoordinates(table, spec.coords, "distance-band"), spec.d, { style })
  }
}

/** The options every spatial report shares: the unit id column (default: row numbers) and the weights. */
export interface SpatialReportOptions {
  readonly id?: string | undefined
  readonly weights: WeightsSpec
}
