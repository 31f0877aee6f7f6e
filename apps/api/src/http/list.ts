import { Schema } from "effect"
import { ApiProblem } from "./problem.js"

/** Query parameters every list endpoint accepts. */
export const PageQuery = {
  /** Case-insensitive text to find in ids and names. */
  q: Schema.optional(Schema.String),
  /** A field to sort by; prefix "-" for descending, e.g. "-plannedArea". */
  sort: Schema.optional(Schema.String),
  /** Page size, 1–500 (default 50). */
  limit: Schema.optional(Schema.String.check(Schema.isPattern(/^[1-9]\d{0,2}$/, { expected: "an integer 1–500" }))),
  /** The `nextCursor` of the previous page. */
  cursor: Schema.optional(Schema.String),
}

/** One page of a list. */
export interface Page<T> {
  readonly items: ReadonlyArray<T>
  readonly nextCursor: string | null
  readonly total: number
}

type Key = string | number | boolean | null

const compare = (a: Key, b: Key): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : 1

/**
 * Filter by text, sort by one field and cut a page after an opaque cursor (the last item's sort key
 * and id, so pages stay stable when rows are added before the cursor).
 *
 * @example
 * paginate(clusters, { sort: "-plannedArea", limit: "20" }, { id: (c) => c.id, text: (c) => [c.id, c.name], fields: ["id", "plannedArea"] })
 */
export const paginate = <T extends object>(
  all: ReadonlyArray<T>,
  q: { q?: string | undefined; sort?: string | undefined; limit?: string | undefined; cursor?: string | undefined },
  how: { id: (t: T) => string; text: (t: T) => ReadonlyArray<string | undefined | null>; fields: ReadonlyArray<string> },
): Page<T> => {
  const limit = Math.min(500, Number(q.limit ?? 50))
  const desc = q.sort?.startsWith("-") ?? false
  const field = q.sort?.replace(/^-/, "") ?? how.fields[0]!
  if (!how.fields.includes(field))
    throw new ApiProblem(
      422,
      "unknown_sort_field",
      { en: `cannot sort by "${field}"; use one of ${how.fields.join(", ")}`, zh: `不能按“${field}”排序；可选 ${how.fields.join("、")}` },
      [{ field: "sort", en: `one of ${how.fields.join(", ")}`, zh: `应为 ${how.fields.join("、")} 之一` }],
    )
  const needle = q.q?.trim().toLowerCase()
  const keyOf = (t: T): Key => {
    const v = (t as Record<string, unknown>)[field]
    return v === undefined ? null : (v as Key)
  }
  const sorted = all
    .filter((t) => !needle || how.text(t).some((s) => s?.toLowerCase().includes(needle)))
    .slice()
    .sort((a, b) => (desc ? -1 : 1) * compare(keyOf(a), keyOf(b)) || compare(how.id(a), how.id(b)))
  let start = 0
  if (q.cursor) {
    let after: { k: Key; id: string }
    try {
      after = JSON.parse(Buffer.from(q.cursor, "base64url").toString("utf8"))
      if (typeof after !== "object" || after === null || typeof after.id !== "string") throw new Error()
    } catch {
      throw new ApiProblem(422, "bad_cursor", { en: "the cursor is not one this API issued", zh: "分页游标无效" }, [
        { field: "cursor", en: "invalid cursor", zh: "游标无效" },
      ])
    }
    const idx = sorted.findIndex((t) => {
      const c = (desc ? -1 : 1) * compare(keyOf(t), after.k) || compare(how.id(t), after.id)
      return c > 0
    })
    start = idx === -1 ? sorted.length : idx
  }
  const items = sorted.slice(start, start + limit)
  const last = items[items.length - 1]
  const more = start + limit < sorted.length
  return {
    items,
    total: sorted.length,
    nextCursor: more && last ? Buffer.from(JSON.stringify({ k: keyOf(last), id: how.id(last) })).toString("base64url") : null,
  }
}
