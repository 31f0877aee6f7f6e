import * as Schema from "effect/Schema"

const Limit = Schema.FiniteFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 500 }))

/** Query parameters every list accepts. */
export const pageQueryFields = {
  /** Case-insensitive text to find in ids and names. */
  q: Schema.optional(Schema.String),
  /** A field to sort by; prefix "-" for descending, e.g. "-planned_area". */
  sort: Schema.optional(Schema.String),
  /** Page size, 1–500 (default 50). */
  limit: Schema.optional(Limit),
  /** The `next_cursor` of the previous page. */
  cursor: Schema.optional(Schema.String),
}

/** The `archived` filter of a register list: exclude (default), include or only archived entries. */
export const ArchivedFilter = Schema.Literals(["exclude", "include", "only"])

/**
 * One page of a list of `item`.
 * @example const RegionPage = Page(StoredRegion)
 */
export const Page = <S extends Schema.Top>(item: S) =>
  Schema.Struct({
    items: Schema.Array(item),
    /** The cursor of the next page; null on the last. */
    nextCursor: Schema.NullOr(Schema.String),
    /** How many entries match, over all pages. */
    total: Schema.Number,
  })
