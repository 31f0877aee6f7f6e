/** The documents of observations: a submission and its receipt, the queries, an import's receipt. */
import * as Schema from "effect/Schema"
import { Observation } from "../model/Observation.js"
import { Period } from "../model/Period.js"

/** One period's values for one zone, as its management committee submits them (the form's body). */
export const Submission = Schema.Struct({
  period: Period,
  /** Indicator code → value, in the indicator's catalogue unit. */
  values: Schema.Record(Schema.String, Schema.Finite),
  /** Where the figures come from (default "submission"). */
  source: Schema.optional(Schema.String.check(Schema.isMaxLength(200))),
  note: Schema.optional(Schema.NullOr(Schema.String.check(Schema.isMaxLength(2000)))),
})
export type Submission = typeof Submission.Type

/** What a written submission answers. */
export const SubmissionReceipt = Schema.Struct({
  cluster: Schema.String,
  period: Schema.String,
  /** How many values were written. */
  written: Schema.Int,
  submittedAt: Schema.String,
})
export type SubmissionReceipt = typeof SubmissionReceipt.Type

/** Filters of a zone's series: comma-separated indicator codes, one period or an inclusive range. */
export const SeriesQuery = Schema.Struct({
  /** Comma-separated indicator codes. */
  indicators: Schema.optional(Schema.String),
  period: Schema.optional(Period),
  /** Inclusive range of one frequency ("2015" to "2025"). */
  from: Schema.optional(Period),
  to: Schema.optional(Period),
})
export type SeriesQuery = typeof SeriesQuery.Type

/** A zone's observations. */
export const ObservationList = Schema.Struct({ items: Schema.Array(Observation) })

const ObservationLimit = Schema.FiniteFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 10_000 }))

/** The query of GET /v1/observations: filters, and pages of at most 10,000 observations (default 1,000). */
export const ObservationQuery = Schema.Struct({
  /** Comma-separated zone ids. */
  clusters: Schema.optional(Schema.String),
  ...SeriesQuery.fields,
  /** Page size, 1–10,000 (default 1,000). */
  limit: Schema.optional(ObservationLimit),
  /** The `next_cursor` of the previous page. */
  cursor: Schema.optional(Schema.String),
})
export type ObservationQuery = typeof ObservationQuery.Type

/** The name of an imported file; its extension (.csv, .tsv, .txt, .xlsx) picks the reader. */
export const ImportFileName = Schema.String.check(
  Schema.isPattern(/^[^/\\]{1,200}\.(csv|txt|tsv|xlsx)$/i, { expected: "a file name ending .csv, .tsv, .txt or .xlsx" }),
)

/** What an accepted import answers. */
export const ImportReceipt = Schema.Struct({
  imported: Schema.Int,
  file: Schema.String,
  format: Schema.Literals(["long", "wide"]),
  /** The import's entry in the record of imports (and its audit entry's id). */
  importId: Schema.Int,
})
export type ImportReceipt = typeof ImportReceipt.Type
