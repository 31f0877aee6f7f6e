import * as Schema from "effect/Schema"
import { IssueSchema } from "./Problem.js"

/** An analysis document: the `jiju <name> --json` output for the same data and options (snake_case). */
export const AnalysisDocument = Schema.Record(Schema.String, Schema.Unknown)

/** A job as it is queued. */
export const JobCreated = Schema.Struct({ id: Schema.String, status: Schema.Literals(["queued", "running", "succeeded", "failed"]) })

/** A job's state; `result` is the analysis document once it succeeded, `error` its problem once it failed. */
export const JobState = Schema.Struct({
  id: Schema.String,
  kind: Schema.String,
  status: Schema.Literals(["queued", "running", "succeeded", "failed"]),
  progress: Schema.Number,
  createdAt: Schema.String,
  startedAt: Schema.NullOr(Schema.String),
  finishedAt: Schema.NullOr(Schema.String),
  result: Schema.NullOr(AnalysisDocument),
  error: Schema.NullOr(Schema.Struct({ code: Schema.String, en: Schema.String, zh: Schema.String, issues: Schema.Array(IssueSchema) })),
})
