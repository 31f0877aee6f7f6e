import { densityReport, disparityReport } from "@jiju/domain/analyses"
import { Schema } from "effect"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/disparity (the flags of `jiju disparity`). */
export const DisparityRequest = Schema.Struct({
  ...DataInput,
  /** Column naming each row's group (e.g. east / central / west). */
  group: Schema.String,
  /** Column of the values. */
  value: Schema.String,
  /** Column of the periods: one decomposition per period. */
  periodCol: Schema.optional(Schema.String),
  /** Only this period (with periodCol). */
  period: Schema.optional(Schema.String),
})
export type DisparityRequest = typeof DisparityRequest.Type

/** The document `jiju disparity --json` prints. */
export const runDisparity = (req: DisparityRequest) =>
  disparityReport(tableOf(req), { group: req.group, value: req.value, periodCol: req.periodCol, period: req.period })

/** Body of POST /v1/analyses/density (the flags of `jiju density`). */
export const DensityRequest = Schema.Struct({
  ...DataInput,
  /** Column of the values. */
  value: Schema.String,
  /** Column of the periods: one density per period. */
  periodCol: Schema.optional(Schema.String),
})
export type DensityRequest = typeof DensityRequest.Type

/** The document `jiju density --json` prints. */
export const runDensity = (req: DensityRequest) => densityReport(tableOf(req), { value: req.value, periodCol: req.periodCol })
