/**
 * Shared building of {@link DataTable} rows from JSON-like objects (used by the JSON and GeoJSON readers).
 */
import { InputError } from "../model/errors.js"
import type { Cell } from "./DataTable.js"

const fail = (code: string, en: string, zh: string, at: { row?: number; column?: string; value?: unknown } = {}): never => {
  throw new InputError({ code, message: en, zh, issues: [{ ...at, en, zh }] })
}

/**
 * True for a plain JSON object (not null, not an array).
 * Shared by the JSON and GeoJSON readers.
 * @internal
 * @example isPlainObject([1]) // false
 */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/**
 * Parse JSON text, turning a syntax error into InputError "invalid_json".
 * @example parseJsonText('{"a":1}') // { a: 1 }
 */
export const parseJsonText = (text: string, what = "JSON"): unknown => {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return fail("invalid_json", `The ${what} text is not valid JSON: ${detail}`, `${what} 文本不是有效的 JSON：${detail}`)
  }
}

/**
 * Union of the keys of `objects`, in first-seen order, plus a flat row per object (missing keys → null).
 * Values must be string, number, boolean or null: a nested object or array throws InputError "nested_value"
 * naming the 1-based row and the key. The key "__proto__" throws "reserved_name".
 * Shared by the JSON and GeoJSON readers.
 * @internal
 * @example recordsToRows([{ a: 1 }, { b: "x" }]) // { columns: ["a", "b"], rows: [{ a: 1, b: null }, { a: null, b: "x" }] }
 */
export const recordsToRows = (
  objects: ReadonlyArray<Readonly<Record<string, unknown>>>,
  leading: ReadonlyArray<string> = [],
): { columns: string[]; rows: Array<Record<string, Cell>> } => {
  const seen = new Set<string>(leading)
  const columns = [...leading]
  objects.forEach((o, i) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === "__proto__") {
        fail("reserved_name", `Row ${i + 1}: the key "__proto__" cannot be used as a column name`, `第 ${i + 1} 行：键“__proto__”不能用作列名`, {
          row: i + 1,
          column: k,
        })
      }
      if (v !== null && typeof v === "object") {
        fail(
          "nested_value",
          `Row ${i + 1}, key "${k}": nested ${Array.isArray(v) ? "array" : "object"} values are not supported; flatten the data first`,
          `第 ${i + 1} 行键“${k}”：不支持嵌套的${Array.isArray(v) ? "数组" : "对象"}，请先展平数据`,
          { row: i + 1, column: k, value: JSON.stringify(v).slice(0, 80) },
        )
      }
      if (!seen.has(k)) {
        seen.add(k)
        columns.push(k)
      }
    }
  })
  const rows = objects.map((o) => {
    const r: Record<string, Cell> = {}
    for (const c of columns) {
      const v = Object.hasOwn(o, c) ? o[c] : null
      r[c] = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null
    }
    return r
  })
  return { columns, rows }
}
