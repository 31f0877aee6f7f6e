import { markovReport } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { WeightsSpec, weightsSpecOf } from "./spatial.js"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/markov (the flags of `jiju markov`); weights, matched to `id`, add the spatial chains. */
export const MarkovRequest = Schema.Struct({
  ...DataInput,
  id: Schema.String,
  period: Schema.String,
  /** Column name or expression. */
  var: Schema.String,
  classes: Schema.Int.check(Schema.isGreaterThanOrEqualTo(2)),
  classify: Schema.optional(Schema.Literals(["pooled", "period"])),
  weights: Schema.optional(WeightsSpec),
})
export type MarkovRequest = typeof MarkovRequest.Type

/** The document `jiju markov --json` prints. */
export const runMarkov = (req: MarkovRequest) =>
  markovReport(tableOf(req), {
    id: req.id,
    period: req.period,
    var: req.var,
    classes: req.classes,
    classify: req.classify,
    weights: req.weights ? weightsSpecOf(req.weights) : undefined,
  })
