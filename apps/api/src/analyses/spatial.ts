import {
  alignWeights,
  contiguityWeights,
  distanceBandWeights,
  evaluateExpression,
  knnWeights,
  localMoran,
  moranTest,
  type PointCoordinates,
  type SpatialWeights,
  summariseWeights,
  weightsFromNeighbourList,
} from "@jiju/domain/econometrics"
import { type DataTable, type NeighbourList, numericColumn, parseGal, parseGwt, stringColumn } from "@jiju/domain/io"
import { InputError } from "@jiju/domain/model"
import { Schema } from "effect"
import { ApiProblem } from "../http/problem.js"
import { DataInput, tableOf } from "./table.js"

/**
 * The spatial weights of a request, one source (as the CLI's --weights / --contiguity / --knn /
 * --distance-band flags): GAL or GWT text, polygon contiguity of GeoJSON data, k nearest neighbours
 * or a distance band over point coordinates.
 */
export const WeightsSpec = Schema.Struct({
  gal: Schema.optional(Schema.String),
  gwt: Schema.optional(Schema.String),
  contiguity: Schema.optional(Schema.Literals(["queen", "rook"])),
  snap: Schema.optional(Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))),
  knn: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  distanceBand: Schema.optional(Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))),
  /** Coordinate columns [x, y] (GeoJSON points are used when omitted). */
  coords: Schema.optional(Schema.Tuple([Schema.String, Schema.String])),
  /** r: row-standardised (default), b: binary. */
  transform: Schema.optional(Schema.Literals(["r", "b"])),
})
export type WeightsSpec = typeof WeightsSpec.Type

const spatialFields = {
  ...DataInput,
  /** Unit id column (default: 1-based row numbers). */
  id: Schema.optional(Schema.String),
  weights: WeightsSpec,
}

/** Body of POST /v1/analyses/weights. */
export const WeightsRequest = Schema.Struct(spatialFields)
/** Body of POST /v1/analyses/moran and /lisa. */
export const MoranRequest = Schema.Struct({
  ...spatialFields,
  /** Column name or expression, e.g. "gdp" or "log(gdp)". */
  var: Schema.String,
  permutations: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(1_000_000))),
  seed: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
})
export type MoranRequest = typeof MoranRequest.Type

const usage = (code: string, en: string, zh: string) => new ApiProblem(422, code, { en, zh }, [{ field: "weights", en, zh }])

const coordinates = (data: DataTable, w: WeightsSpec, method: string): PointCoordinates => {
  if (w.coords) return { x: numericColumn(data, w.coords[0]), y: numericColumn(data, w.coords[1]) }
  const g = data.geometry
  if (g !== undefined && g.length > 0 && g.every((p) => p?.type === "Point"))
    return {
      x: Float64Array.from(g, (p) => (p as { coordinates: readonly [number, number] }).coordinates[0]),
      y: Float64Array.from(g, (p) => (p as { coordinates: readonly [number, number] }).coordinates[1]),
    }
  throw usage("missing_coords", `${method} needs coords [x, y] (the columns holding the point coordinates)`, `${method} 需要 coords [x, y]（点坐标所在列）`)
}

/** The ids and weights of a spatial request, aligned to the data's rows (the CLI's buildWeights). */
export const buildWeights = (data: DataTable, idColumn: string | undefined, w: WeightsSpec): { ids: string[]; weights: SpatialWeights } => {
  const style = w.transform === "b" ? "B" : "W"
  const ids = idColumn === undefined ? data.rows.map((_, i) => String(i + 1)) : stringColumn(data, idColumn)
  const given = (["gal", "gwt", "contiguity", "knn", "distanceBand"] as const).filter((k) => w[k] !== undefined)
  if (given.length !== 1)
    throw usage(
      given.length === 0 ? "missing_weights" : "conflicting_weights",
      `give exactly one weights source (gal, gwt, contiguity, knn, distanceBand), got ${given.length}`,
      `请只给出一种空间权重来源（gal、gwt、contiguity、knn、distanceBand），当前为 ${given.length} 种`,
    )
  if (w.snap !== undefined && w.contiguity === undefined) throw usage("usage", "snap applies only to contiguity", "snap 仅用于 contiguity")
  switch (given[0]!) {
    case "gal":
    case "gwt": {
      let list: NeighbourList
      if (w.gal !== undefined) list = parseGal(w.gal)
      else {
        try {
          list = parseGwt(w.gwt!)
        } catch (e) {
          // Islands are absent from a GWT body; with non-index ids only the data can name them.
          if (e instanceof InputError && e.code === "n_mismatch") list = parseGwt(w.gwt!, { ids })
          else throw e
        }
      }
      return { ids, weights: alignWeights(weightsFromNeighbourList(list, { style }), ids) }
    }
    case "contiguity": {
      if (data.geometry === undefined || !data.geometry.some((g) => g?.type === "Polygon" || g?.type === "MultiPolygon"))
        throw usage("no_polygons", "contiguity needs polygons: send geojson with Polygon or MultiPolygon features", "邻接权重需要多边形：请以 geojson 提供 Polygon 或 MultiPolygon 要素")
      const rule = w.contiguity!
      return { ids, weights: contiguityWeights(ids, data.geometry, w.snap === undefined ? { rule, style } : { rule, style, snap: w.snap }) }
    }
    case "knn":
      return { ids, weights: knnWeights(ids, coordinates(data, w, "knn"), w.knn!, { style }) }
    case "distanceBand":
      return { ids, weights: distanceBandWeights(ids, coordinates(data, w, "distanceBand"), w.distanceBand!, { style }) }
  }
}

/** The analysed variable (a column or an expression); every unit needs a value (the CLI's variableValues). */
const variableValues = (data: DataTable, expr: string, ids: ReadonlyArray<string>): Float64Array => {
  const x = data.columns.includes(expr) ? numericColumn(data, expr) : evaluateExpression(data, expr)
  const bad = x.findIndex((v) => !Number.isFinite(v))
  if (bad >= 0)
    throw new ApiProblem(
      422,
      "missing_value",
      { en: `var "${expr}" has no value in data row ${bad + 1} (id "${ids[bad]}"); every unit needs one`, zh: `变量“${expr}”在第 ${bad + 1} 行（编号 ${ids[bad]}）缺少数值；每个单元都需要数值` },
      [{ field: "var", row: bad + 1, en: "missing value", zh: "缺少数值" }],
    )
  return x
}

/** The document `jiju weights --json` prints. */
export const runWeights = (req: typeof WeightsRequest.Type) => {
  const { weights } = buildWeights(tableOf(req), req.id, req.weights)
  const s = summariseWeights(weights)
  return { n: s.n, links: s.links, islands: [...s.islands], min_neighbours: s.minNeighbours, max_neighbours: s.maxNeighbours, mean_neighbours: s.meanNeighbours }
}

/** The document `jiju moran --json` prints. */
export const runMoran = (req: MoranRequest) => {
  const data = tableOf(req)
  const { ids, weights } = buildWeights(data, req.id, req.weights)
  const r = moranTest(variableValues(data, req.var, ids), weights, { permutations: req.permutations ?? 0, seed: req.seed ?? 1 })
  return {
    n: r.n,
    I: r.I,
    expected: r.expected,
    variance_normality: r.varianceNormality,
    z_normality: r.zNormality,
    p_normality: r.pNormality,
    variance_randomization: r.varianceRandomization,
    z_randomization: r.zRandomization,
    p_randomization: r.pRandomization,
    permutations: r.permutations,
    p_permutation: r.pPermutation,
  }
}

/** The document `jiju lisa --json` prints. */
export const runLisa = (req: MoranRequest) => {
  const data = tableOf(req)
  const { ids, weights } = buildWeights(data, req.id, req.weights)
  const rows = localMoran(variableValues(data, req.var, ids), weights, { permutations: req.permutations ?? 0, seed: req.seed ?? 1 })
  return {
    rows: rows.map((r) => ({ id: r.id, Ii: r.Ii, expected: r.expected, variance: r.variance, z: r.z, p: r.p, p_permutation: r.pPermutation, quadrant: r.quadrant })),
  }
}
