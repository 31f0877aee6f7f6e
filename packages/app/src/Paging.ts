import { snakeCase } from "@jiju/domain/contract"
import { inputError } from "@jiju/domain/model"

/** The query every list accepts: text to find, sort field, page size and the cursor of the previous page. */
export interface PageRequest {
  readonly q?: string | undefined
  /** A field to sort by, as the wire (snake_case) or TypeScript names it; prefix "-" for descending, e.g. "-planned_area". */
  readonly sort?: string | undefined
  /** Page size, 1–500 (default 50). */
  readonly limit?: number | undefined
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string | undefined
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

const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url")

/**
 * Filter by text, sort by one field and cut a page after an opaque cursor (the last item's sort key and id, so pages
 * stay stable when rows are added before the cursor). InputError "unknown_sort_field" or "bad_cursor".
 * @example paginate(clusters, { sort: "-plannedArea", limit: 20 }, { id: (c) => c.id, text: (c) => [c.id, c.name], fields: ["id", "plannedArea"] })
 */
export const paginate = <T extends object>(
  all: ReadonlyArray<T>,
  q: PageRequest,
  how: { id: (t: T) => string; text: (t: T) => ReadonlyArray<string | undefined | null>; fields: ReadonlyArray<string> },
): Page<T> => {
  const limit = Math.min(500, q.limit ?? 50)
  const desc = q.sort?.startsWith("-") ?? false
  // The wire names fields in snake_case ("planned_area"); the items carry them in camelCase.
  const field = q.sort?.replace(/^-/, "").replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) ?? how.fields[0]!
  const named = how.fields.map(snakeCase)
  if (!how.fields.includes(field))
    throw inputError(
      "unknown_sort_field",
      `cannot sort by "${q.sort?.replace(/^-/, "")}"; use one of ${named.join(", ")}`,
      `不能按“${q.sort?.replace(/^-/, "")}”排序；可选 ${named.join("、")}`,
      {
        column: "sort",
        value: q.sort,
      },
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
      throw inputError("bad_cursor", "the cursor is not one this API issued", "分页游标无效", { column: "cursor", value: q.cursor })
    }
    const idx = sorted.findIndex((t) => ((desc ? -1 : 1) * compare(keyOf(t), after.k) || compare(how.id(t), after.id)) > 0)
    start = idx === -1 ? sorted.length : idx
  }
  const items = sorted.slice(start, start + limit)
  const last = items[items.length - 1]
  return { items, total: sorted.length, nextCursor: start + limit < sorted.length && last ? encode({ k: keyOf(last), id: how.id(last) }) : null }
}
