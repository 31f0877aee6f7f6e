import { couplingReport, signedIndicator } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/coupling (the flags of `jiju coupling`). */
export const CouplingRequest = Schema.Struct({
  ...DataInput,
  id: Schema.String,
  period: Schema.optional(Schema.String),
  /** Subsystems and their columns; "-" before a column marks a negative indicator, as in `--subsystem`. */
  subsystems: Schema.Array(Schema.Struct({ name: Schema.NonEmptyString, indicators: Schema.Array(Schema.NonEmptyString).check(Schema.isMinLength(1)) })).check(
    Schema.isMinLength(2),
  ),
  weighting: Schema.optional(Schema.Literals(["entropy", "equal"])),
  normalise: Schema.optional(Schema.Literals(["minmax", "shifted"])),
  alpha: Schema.optional(Schema.Array(Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0)))),
})
export type CouplingRequest = typeof CouplingRequest.Type

/** The document `jiju coupling --json` prints, for the same data and options. */
export const runCoupling = (req: CouplingRequest) =>
  couplingReport(tableOf(req), {
    id: req.id,
    period: req.period,
    subsystems: req.subsystems.map((s) => ({ name: s.name, indicators: s.indicators.map(signedIndicator) })),
    weighting: req.weighting,
    normalise: req.normalise,
    alpha: req.alpha,
  })
