import { bivariateLisaReport, bivariateMoranReport } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { MoranRequest, runLisa, runMoran, weightsSpecOf } from "./spatial.js"
import { tableOf } from "./table.js"

/** Body of POST /v1/analyses/moran and /lisa: Moran's request, plus `with` for the bivariate statistics. */
export const MoranWithRequest = Schema.Struct({
  ...MoranRequest.fields,
  /** A second variable: GeoDa's bivariate Moran's I (or LISA) of `var` and the spatial lag of `with`. */
  with: Schema.optional(Schema.String),
})
export type MoranWithRequest = typeof MoranWithRequest.Type

/** The document `jiju moran [--with Y] --json` prints; bivariate tests default to 999 permutations, as the CLI. */
export const runMoranWith = (req: MoranWithRequest) => {
  if (req.with === undefined) return runMoran(req)
  return bivariateMoranReport(tableOf(req), {
    id: req.id,
    var: req.var,
    with: req.with,
    weights: weightsSpecOf(req.weights),
    permutations: req.permutations,
    seed: req.seed,
  })
}

/** The document `jiju lisa [--with Y] --json` prints. */
export const runLisaWith = (req: MoranWithRequest) => {
  if (req.with === undefined) return runLisa(req)
  return bivariateLisaReport(tableOf(req), {
    id: req.id,
    var: req.var,
    with: req.with,
    weights: weightsSpecOf(req.weights),
    permutations: req.permutations,
    seed: req.seed,
  })
}
