import { gwrReport } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/gwr (the flags of `jiju gwr`): exactly one of bandwidth, neighbours and select. */
export const GwrRequest = Schema.Struct({
  ...DataInput,
  id: Schema.optional(Schema.String),
  /** R-style formula, e.g. "log(y) ~ x1 + x2". */
  formula: Schema.String,
  /** Coordinate columns [x, y] (GeoJSON points are used when omitted). */
  coords: Schema.optional(Schema.Tuple([Schema.String, Schema.String])),
  kernel: Schema.Literals(["gaussian", "bisquare"]),
  /** Fixed bandwidth (a distance). */
  bandwidth: Schema.optional(Schema.Finite.check(Schema.isGreaterThan(0))),
  /** Adaptive bandwidth: K nearest points, the point itself counted. */
  neighbours: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  /** Choose the bandwidth by AICc or cross-validation. */
  select: Schema.optional(Schema.Literals(["aicc", "cv"])),
  /** With select: search fixed distances or adaptive K (default adaptive for bisquare, fixed for gaussian). */
  search: Schema.optional(Schema.Literals(["fixed", "adaptive"])),
})
export type GwrRequest = typeof GwrRequest.Type

/** The document `jiju gwr --json` prints. */
export const runGwr = (req: GwrRequest) =>
  gwrReport(tableOf(req), {
    id: req.id,
    formula: req.formula,
    coords: req.coords,
    kernel: req.kernel,
    bandwidth: req.bandwidth,
    neighbours: req.neighbours,
    select: req.select,
    search: req.search,
  })
