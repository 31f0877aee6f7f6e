import { thresholdReport } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/threshold (the flags of `jiju threshold`). */
export const ThresholdRequest = Schema.Struct({
  ...DataInput,
  unit: Schema.String,
  period: Schema.String,
  /** "y ~ z1 + z2": the response and the regressors whose coefficients do not change. */
  formula: Schema.String,
  /** The threshold variable (column or expression). */
  thresholdVar: Schema.String,
  /** The regressor(s) whose coefficient changes with the regime: one name, a comma-separated list, or a list. */
  regimeVar: Schema.Union([Schema.String, Schema.Array(Schema.String)]),
  thresholds: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1), Schema.isLessThanOrEqualTo(3))),
  trim: Schema.optional(Schema.Finite.check(Schema.isGreaterThan(0), Schema.isLessThan(0.5))),
  bootstrap: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0), Schema.isLessThanOrEqualTo(100_000))),
  seed: Schema.optional(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
})
export type ThresholdRequest = typeof ThresholdRequest.Type

/** The document `jiju threshold --json` prints; the job's progress follows the bootstrap. */
export const runThreshold = (req: ThresholdRequest, progress?: (fraction: number) => Promise<void>) =>
  thresholdReport(tableOf(req), {
    unit: req.unit,
    period: req.period,
    formula: req.formula,
    thresholdVar: req.thresholdVar,
    regimeVar: typeof req.regimeVar === "string" ? req.regimeVar : [...req.regimeVar],
    thresholds: req.thresholds,
    trim: req.trim,
    bootstrap: req.bootstrap,
    seed: req.seed,
    ...(progress ? { onProgress: (done: number, total: number) => void progress(total === 0 ? 1 : done / total) } : {}),
  })
