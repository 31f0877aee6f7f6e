/**
 * JSON records (an array of flat objects) to {@link DataTable}.
 *
 * Throws {@link InputError} (no Effect) so call sites stay simple.
 */
import { InputError } from "../model/errors.js"
import type { DataTable } from "./DataTable.js"
import { isPlainObject, parseJsonText, recordsToRows } from "./records.js"

/**
 * Parse `[{"id": 1, "gdp": 2.5}, ...]` into a DataTable. Columns are the union of keys in first-seen order;
 * a key missing from a record gives null. Throws InputError "invalid_json" (syntax), "not_records" (not an array
 * of objects, naming the row) or "nested_value" (an object/array value, naming the row and key).
 * @example parseJsonRecords('[{"id":"a","v":1},{"id":"b"}]') // rows [{id:"a",v:1},{id:"b",v:null}]
 */
export const parseJsonRecords = (text: string): DataTable => {
  const data = parseJsonText(text)
  if (!Array.isArray(data)) {
    const en = 'Expected a JSON array of records like [{"id": 1, "value": 2.5}, ...]'
    const zh = '应为 JSON 记录数组，例如 [{"id": 1, "value": 2.5}, ...]'
    throw new InputError({ code: "not_records", message: en, zh, issues: [{ en, zh }] })
  }
  data.forEach((o, i) => {
    if (!isPlainObject(o)) {
      const en = `Record ${i + 1} is not an object (got ${o === null ? "null" : Array.isArray(o) ? "an array" : typeof o})`
      const zh = `第 ${i + 1} 条记录不是对象`
      throw new InputError({ code: "not_records", message: en, zh, issues: [{ row: i + 1, en, zh }] })
    }
  })
  return recordsToRows(data as Array<Record<string, unknown>>)
}
