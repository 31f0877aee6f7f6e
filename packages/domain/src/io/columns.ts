/**
 * Typed access to the columns of a {@link DataTable}: check a column exists, read it as numbers or as ids.
 *
 * These helpers throw {@link InputError} (they do not return an Effect) so call sites stay simple;
 * wrap them in `Effect.try` where an Effect is wanted.
 */
import { InputError, type InputLocation } from "../model/errors.js"
import type { Cell, DataTable } from "./DataTable.js"

/** Options for {@link numericColumn}. */
export interface NumericColumnOptions {
  /** When true, blank / null / "NA" cells become NaN instead of raising "missing_value". */
  readonly allowMissing?: boolean
}

type Issue = InputLocation & { readonly en: string; readonly zh: string; readonly code: string }

/** Most issues kept on one error, so a column with 200,000 bad cells does not build a huge object. */
const MAX_ISSUES = 50

/** Cell texts treated as "no value" (after trimming, case-insensitive). */
const MISSING_TEXT = new Set(["", "na", "n/a", "#n/a", "nan", "null"])

/** Plain or thousands-grouped decimal, optional exponent: "12", "-3.5", "1,234.5", "1e-3", ".5". */
const NUMERIC_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?$/

const quote = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value) : String(value))

const toError = (issues: ReadonlyArray<Issue>): InputError => {
  const first = issues[0]!
  const more = issues.length > 1
  return new InputError({
    code: first.code,
    message: more ? `${first.en} (and ${issues.length - 1} more problem(s) in this column)` : first.en,
    zh: more ? `${first.zh}（该列另有 ${issues.length - 1} 处问题）` : first.zh,
    issues: issues.map(({ code: _code, ...rest }) => rest),
  })
}

/**
 * Check that `name` is a column of `table`; return it.
 * Throws InputError "unknown_column" listing the available columns.
 * @example requireColumn(table, "gdp") // "gdp", or throws: Unknown column "gdp"; available: id, name, output
 */
export const requireColumn = (table: DataTable, name: string): string => {
  if (table.columns.includes(name)) return name
  const available = table.columns.length === 0 ? "(none)" : table.columns.join(", ")
  const en = `Unknown column "${name}"; available columns: ${available}`
  const zh = `找不到列“${name}”；可用的列：${table.columns.length === 0 ? "（无）" : table.columns.join("、")}`
  throw new InputError({ code: "unknown_column", message: en, zh, issues: [{ column: name, en, zh }] })
}

/**
 * True when a cell carries no value: null, undefined, NaN, blank text or "NA"-like text. Use it before
 * converting a cell so that yearbook gaps are treated as missing rather than as zero.
 * @example [isMissingCell("NA"), isMissingCell(" "), isMissingCell(0)] // [true, true, false]
 */
export const isMissingCell = (cell: Cell | undefined): boolean =>
  cell === null ||
  cell === undefined ||
  (typeof cell === "number" && Number.isNaN(cell)) ||
  (typeof cell === "string" && MISSING_TEXT.has(cell.trim().toLowerCase()))

/**
 * Parse the text of a numeric cell: trimmed, thousands separators allowed ("1,234.5" → 1234.5).
 * Returns undefined when the text is not a number.
 * @example parseNumericText(" 1,234.5 ") // 1234.5
 */
export const parseNumericText = (text: string): number | undefined => {
  const t = text.trim()
  if (t === "" || !NUMERIC_TEXT.test(t) || !/\d/.test(t)) return undefined
  const n = Number(t.includes(",") ? t.replaceAll(",", "") : t)
  return Number.isFinite(n) ? n : undefined
}

/**
 * Read a column as numbers. Numbers pass; numeric text is parsed ("1,234.5" → 1234.5).
 * Missing cells (blank, null, "NA") give NaN when `allowMissing`, else InputError "missing_value";
 * any other value gives InputError "not_numeric" naming the 1-based data row, the column and the value.
 * @example numericColumn(table, "output") // Float64Array [1.5, 2, 3]
 */
export const numericColumn = (table: DataTable, name: string, opts: NumericColumnOptions = {}): Float64Array => {
  requireColumn(table, name)
  const out = new Float64Array(table.rows.length)
  const issues: Issue[] = []
  table.rows.forEach((r, i) => {
    const cell = r[name]
    const row = i + 1
    if (typeof cell === "number" && Number.isFinite(cell)) {
      out[i] = cell
      return
    }
    if (isMissingCell(cell)) {
      out[i] = Number.NaN
      if (opts.allowMissing !== true && issues.length < MAX_ISSUES) {
        issues.push({
          code: "missing_value",
          row,
          column: name,
          value: cell ?? null,
          en: `Missing value in column "${name}", row ${row}`,
          zh: `“${name}”列第 ${row} 行缺少数值`,
        })
      }
      return
    }
    const parsed = typeof cell === "string" ? parseNumericText(cell) : undefined
    if (parsed !== undefined) {
      out[i] = parsed
      return
    }
    out[i] = Number.NaN
    if (issues.length < MAX_ISSUES) {
      issues.push({
        code: "not_numeric",
        row,
        column: name,
        value: cell,
        en: `Value ${quote(cell)} in column "${name}", row ${row} is not a number`,
        zh: `“${name}”列第 ${row} 行的值 ${quote(cell)} 不是数字`,
      })
    }
  })
  if (issues.length > 0) throw toError(issues)
  return out
}

/**
 * Render an id cell as text: strings trimmed, numbers canonical (1 → "1", 410102 → "410102"),
 * booleans "true"/"false"; undefined for a missing id. Use it to match ids read from different files.
 * @example [idText(410102), idText(" hb-01 "), idText(null)] // ["410102", "hb-01", undefined]
 */
export const idText = (cell: Cell | undefined): string | undefined => {
  if (cell === null || cell === undefined) return undefined
  if (typeof cell === "number") return Number.isNaN(cell) ? undefined : String(cell)
  if (typeof cell === "boolean") return String(cell)
  const t = cell.trim()
  return t === "" ? undefined : t
}

/**
 * Read a column of ids as text (see {@link idText}). A blank or null id throws InputError "missing_id" with the row.
 * @example stringColumn(table, "code") // ["410102", "0410", "A7"]
 */
export const stringColumn = (table: DataTable, name: string): string[] => {
  requireColumn(table, name)
  const issues: Issue[] = []
  const out = table.rows.map((r, i) => {
    const text = idText(r[name])
    if (text !== undefined) return text
    if (issues.length < MAX_ISSUES) {
      issues.push({
        code: "missing_id",
        row: i + 1,
        column: name,
        value: r[name] ?? null,
        en: `Missing id in column "${name}", row ${i + 1}`,
        zh: `“${name}”列第 ${i + 1} 行缺少标识`,
      })
    }
    return ""
  })
  if (issues.length > 0) throw toError(issues)
  return out
}
