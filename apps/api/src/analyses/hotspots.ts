import { hotspotsReport } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { WeightsSpec, weightsSpecOf } from "./spatial.js"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/hotspots (the flags of `jiju hotspots`). */
export const HotspotsRequest = Schema.Struct({
  ...DataInput,
  id: Schema.optional(Schema.String),
  weights: WeightsSpec,
  /** Column name or expression. */
  var: Schema.String,
  /** G*_i (each unit among its own neighbours) instead of G_i. */
  star: Schema.optional(Schema.Boolean),
  /** Classify by Benjamini–Hochberg adjusted p-values. */
  fdr: Schema.optional(Schema.Boolean),
})
export type HotspotsRequest = typeof HotspotsRequest.Type

/** The document `jiju hotspots --json` prints. */
export const runHotspots = (req: HotspotsRequest) =>
  hotspotsReport(tableOf(req), { id: req.id, var: req.var, weights: weightsSpecOf(req.weights), star: req.star, fdr: req.fdr })
