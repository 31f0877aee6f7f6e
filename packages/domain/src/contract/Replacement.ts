import * as Schema from "effect/Schema"

/**
 * A replacement as a client may send it: the register fields, and optionally the `version` and `archived_at` it
 * read (a client sends back what it read). Both are ignored: the version goes in If-Match, the archive state
 * changes only through archive and unarchive.
 * @example const RegionReplacement = Replacement(Region)
 */
export const Replacement = <F extends Schema.Struct.Fields>(entry: Schema.Struct<F>) =>
  Schema.Struct({ ...entry.fields, version: Schema.optional(Schema.Int), archivedAt: Schema.optional(Schema.NullOr(Schema.String)) })
