import * as Schema from "effect/Schema"
import { ClusterId, IndicatorCode, RegionCode } from "./ids.js"
import { Period } from "./Period.js"

/** What an observation is about: a cluster zone or a region (for yearbook data such as county GDP). */
export const ObservationTarget = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("cluster"), id: ClusterId }),
  Schema.Struct({ kind: Schema.Literal("region"), id: RegionCode }),
])
export type ObservationTarget = typeof ObservationTarget.Type

/** One value of one indicator for one target and period, with provenance. */
export const Observation = Schema.Struct({
  /** The cluster zone or region the value describes. */
  target: ObservationTarget,
  /** Reporting period: "2025", "2025H1", "2025Q1" or "2025-03". */
  period: Period,
  /** Catalogue code of the indicator, e.g. "revenue". */
  indicator: IndicatorCode,
  /** The figure in the indicator's catalogue unit (e.g. 亿元 for revenue). */
  value: Schema.Finite,
  /** Where the figure comes from: a yearbook, a zone's submission, "demo (synthetic)". */
  source: Schema.String,
  /** Who submitted it: a user name, "import:<file>", "demo". */
  submitter: Schema.String,
  /** ISO 8601 time of submission. */
  submittedAt: Schema.String,
  /** Free-text remark, e.g. a revision reason. */
  note: Schema.NullOr(Schema.String),
  /** Generated demo data, to be labelled wherever shown. */
  isDemo: Schema.Boolean,
})
export type Observation = typeof Observation.Type
