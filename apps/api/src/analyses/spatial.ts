import { type WeightsSpec as DomainWeightsSpec, lisaReport, moranReport, weightsReport } from "@jiju/domain/analyses"
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

/**
 * The domain's WeightsSpec of a request's weights: exactly one source (gal, gwt, contiguity, knn, distanceBand).
 * Throws ApiProblem 422 "missing_weights", "conflicting_weights" or "usage" (snap without contiguity).
 */
export const weightsSpecOf = (w: WeightsSpec): DomainWeightsSpec => {
  const given = (["gal", "gwt", "contiguity", "knn", "distanceBand"] as const).filter((k) => w[k] !== undefined)
  if (given.length !== 1)
    throw usage(
      given.length === 0 ? "missing_weights" : "conflicting_weights",
      `give exactly one weights source (gal, gwt, contiguity, knn, distanceBand), got ${given.length}`,
      `请只给出一种空间权重来源（gal、gwt、contiguity、knn、distanceBand），当前为 ${given.length} 种`,
    )
  if (w.snap !== undefined && w.contiguity === undefined) throw usage("usage", "snap applies only to contiguity", "snap 仅用于 contiguity")
  const transform = w.transform
  switch (given[0]!) {
    case "gal":
      return { kind: "file", format: "gal", text: w.gal!, transform }
    case "gwt":
      return { kind: "file", format: "gwt", text: w.gwt!, transform }
    case "contiguity":
      return { kind: "contiguity", rule: w.contiguity!, snap: w.snap, transform }
    case "knn":
      return { kind: "knn", k: w.knn!, coords: w.coords, transform }
    case "distanceBand":
      return { kind: "distance_band", d: w.distanceBand!, coords: w.coords, transform }
  }
}

/** The document `jiju weights --json` prints. */
export const runWeights = (req: typeof WeightsRequest.Type) => weightsReport(tableOf(req), { id: req.id, weights: weightsSpecOf(req.weights) })

/** The document `jiju moran --json` prints. */
export const runMoran = (req: MoranRequest) =>
  moranReport(tableOf(req), { id: req.id, var: req.var, weights: weightsSpecOf(req.weights), permutations: req.permutations, seed: req.seed })

/** The document `jiju lisa --json` prints. */
export const runLisa = (req: MoranRequest) =>
  lisaReport(tableOf(req), { id: req.id, var: req.var, weights: weightsSpecOf(req.weights), permutations: req.permutations, seed: req.seed })
