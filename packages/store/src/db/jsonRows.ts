import type { Db, Row } from "./Db.js"

/**
 * The rows of `select` as one JSON array, in the order `order` names (its columns): the embedded database's driver
 * decodes a result field by field in JavaScript, several times slower than parsing one JSON text for hundreds or
 * thousands of rows. Timestamps come as ISO text, float8 as its shortest exact text, jsonb as its value.
 * @example const rows = await jsonRows(db, "select id, fact from zone_facts", [], "id")
 */
export const jsonRows = async (db: Db, select: string, params: ReadonlyArray<unknown>, order: string): Promise<ReadonlyArray<Row>> => {
  const [r] = await db.query<{ rows: ReadonlyArray<Row> }>(`select coalesce(json_agg(t order by ${order}), '[]') as rows from (${select}) t`, params)
  return r!.rows
}
