import { concentrationReport } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/concentration (the flags of `jiju concentration`). */
export const ConcentrationRequest = Schema.Struct({
  ...DataInput,
  region: Schema.String,
  industry: Schema.String,
  value: Schema.String,
  /** Plant-level Herfindahl H per industry (0 ≤ H < 1), as `--plant-h`. */
  plantH: Schema.optional(Schema.Record(Schema.String, Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThan(1)))),
})
export type ConcentrationRequest = typeof ConcentrationRequest.Type

/** The document `jiju concentration --json` prints, for the same data and options. */
export const runConcentration = (req: ConcentrationRequest) =>
  concentrationReport(tableOf(req), { region: req.region, industry: req.industry, value: req.value, plantH: req.plantH })
