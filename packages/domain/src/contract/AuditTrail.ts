import * as Schema from "effect/Schema"

/** One entry of the audit trail: who changed what, when, with the images before and after as recorded. */
export const AuditEntry = Schema.Struct({
  id: Schema.Number,
  /** "user:<name>", "token:<id>", "operator:<login>", "ip:<address>" (sign-ins). */
  actor: Schema.String,
  /** ISO 8601 time. */
  at: Schema.String,
  /** "region", "indicator", "cluster", "observations", "import", "user", "token", "session" … */
  entity: Schema.String,
  entityId: Schema.String,
  /** "create", "update", "archive", "submit", "replace", "login_failed" … */
  action: Schema.String,
  /** The entry as it was and as it became, as recorded at the time (documents of their own; null when none). */
  before: Schema.Unknown,
  after: Schema.Unknown,
})
export type AuditEntry = typeof AuditEntry.Type

/** The audit trail of one entity, oldest first. */
export const AuditTrail = Schema.Struct({ items: Schema.Array(AuditEntry) })
export type AuditTrail = typeof AuditTrail.Type
