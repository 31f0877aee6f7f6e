/**
 * CSV text to {@link DataTable} and back, plus byte decoding for files exported by Chinese Excel (GBK / GB18030).
 *
 * Parsers throw {@link InputError} (no Effect) so call sites stay simple.
 */
import Papa from "papaparse"
import { InputError } from "../model/errors.js"
import { type CsvSplit, splitCsvRecords } from "./csvFields.js"
import type { Cell, DataTable } from "./DataTable.js"
import { inertCell } from "./SpreadsheetText.js"

/** Options for {@link parseCsv}. */
export interface ParseCsvOptions {
  /** Field separator; guessed from the header line among `,` tab `;` `|` when omitted (see guessDelimiter). */
  readonly delimiter?: string
}

/** Options for {@link writeCsv}. */
export interface WriteCsvOptions {
  /** Start with a UTF-8 byte order mark so Excel opens Chinese text correctly. Default false. */
  readonly bom?: boolean
  /** Line ending; RFC 4180 says CRLF (the default). */
  readonly eol?: "\r\n" | "\n"
}

/**
 * True when `t` is a plain number: optional "-", no leading zeros except "0" / "0.x" (so codes like "0410" stay
 * text), optional fraction and exponent. Hand-written instead of a regular expression because it runs once per cell.
 */
const isPlainNumber = (t: string): boolean => {
  const n = t.length
  const digit = (k: number): boolean => {
    const c = t.charCodeAt(k)
    return c >= 48 && c <= 57
  }
  let i = 0
  if (t.charCodeAt(0) === 45) i++
  if (i >= n || !digit(i)) return false
  if (t.charCodeAt(i) === 48) i++
  else while (i < n && digit(i)) i++
  if (i < n && t.charCodeAt(i) === 46) {
    const start = ++i
    while (i < n && digit(i)) i++
    if (i === start) return false
  }
  if (i < n) {
    const e = t.charCodeAt(i)
    if (e !== 101 && e !== 69) return false
    i++
    const sign = t.charCodeAt(i)
    if (sign === 43 || sign === 45) i++
    const start = i
    while (i < n && digit(i)) i++
    if (i === start) return false
  }
  return i === n
}

/** Integers longer than this many digits could lose precision as doubles (18-digit credit codes): keep them as text. */
const MAX_INTEGER_DIGITS = 15

const fail = (code: string, en: string, zh: string, at: { row?: number; column?: string; value?: unknown }): never => {
  throw new InputError({ code, message: en, zh, issues: [{ ...at, en, zh }] })
}

/**
 * Type one CSV cell: "" or blank → null; a plain decimal/scientific number → number; anything else stays text.
 * "0410", "1,234", "+5" and 16+ digit integers stay text (read them with numericColumn/stringColumn).
 * @example csvCell("12.5") // 12.5;  csvCell("0410") // "0410";  csvCell("") // null
 */
export const csvCell = (raw: string): Cell => {
  if (raw === "") return null
  const first = raw.charCodeAt(0)
  // Fast path: only texts starting with a digit, '-' or whitespace can be numbers or blanks.
  const maybe = (first >= 48 && first <= 57) || first === 45 || first <= 32
  if (!maybe) return raw
  const t = first <= 32 || raw.charCodeAt(raw.length - 1) <= 32 ? raw.trim() : raw
  if (t === "") return null
  if (!isPlainNumber(t)) return raw
  const digits = t.length - (t.startsWith("-") ? 1 : 0)
  if (digits > MAX_INTEGER_DIGITS && /^-?\d+$/.test(t)) return raw
  return Number(t)
}

/** 1-based line in the text where record `k` (0-based) starts, counting newlines inside quoted fields. */
const lineOf = (records: ReadonlyArray<ReadonlyArray<string>>, k: number): number => {
  let line = 1
  for (let i = 0; i < k && i < records.length; i++) {
    line += 1
    for (const f of records[i]!) {
      if (f.includes("\n")) line += f.split("\n").length - 1
      else if (f.includes("\r")) line += f.split("\r").length - 1
    }
  }
  return line
}

/**
 * The separator used by the header line: whichever of `,` tab `;` `|` occurs most in the first non-empty line
 * (commas win ties). Judging by the header alone keeps the guess predictable.
 * @example guessDelimiter("id;gdp;pop\n1;2,5;3\n") // ";"
 */
export const guessDelimiter = (text: string): string => {
  const start = text.search(/\S/)
  if (start < 0) return ","
  const end = text.slice(start).search(/[\r\n]/)
  const header = end < 0 ? text.slice(start) : text.slice(start, start + end)
  let best = ","
  let bestCount = 0
  for (const d of [",", "\t", ";", "|"]) {
    const n = header.split(d).length - 1
    if (n > bestCount) {
      best = d
      bestCount = n
    }
  }
  return best
}

// `count`: the fields in use, when the array is reused from record to record.
const isBlankRecord = (r: ReadonlyArray<string>, count = r.length): boolean => count === 1 && r[0]!.trim() === ""

/**
 * Parse CSV text (header row required) into a DataTable.
 * BOM stripped; header names trimmed and must be unique and non-empty ("empty_header" / "duplicate_header",
 * naming the 1-based column position); every data row must have as many fields as the header ("ragged_row",
 * naming the data row and file line); empty lines are skipped. Cells are typed by {@link csvCell}.
 * @example parseCsv("id,gdp\n1,2.5\n2,\n") // { columns: ["id","gdp"], rows: [{id:1,gdp:2.5},{id:2,gdp:null}] }
 */
export const parseCsv = (text: string, opts: ParseCsvOptions = {}): DataTable => {
  const { body, delimiter } = bodyAndDelimiter(text, opts)
  // papaparse's machinery weighs on a cold process; it stays for every text the fast reader declines.
  return parseRegularCsv(body, delimiter) ?? parseWithPapa(body, delimiter)
}

/**
 * {@link parseCsv} through papaparse alone: the reference the fast path is held to.
 * @internal
 */
export const parseCsvWithPapa = (text: string, opts: ParseCsvOptions = {}): DataTable => {
  const { body, delimiter } = bodyAndDelimiter(text, opts)
  return parseWithPapa(body, delimiter)
}

// The text without its byte order mark, and the separator given or guessed from its header.
const bodyAndDelimiter = (text: string, opts: ParseCsvOptions) => {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return { body, delimiter: opts.delimiter ?? guessDelimiter(body) }
}

/** papaparse guesses its line break from the first MB of the text (quoted parts removed) and splits on that alone. */
const PAPA_GUESS_SPAN = 1024 * 1024

/**
 * Would papaparse split `body` on the line break the fast reader found? Its guess drops `"…"` spans, which in a
 * regular text leaves the unquoted part, holding that break only: within the first MB it agrees. Past it the guess
 * also sees the head of a quoted field cut at 1 MB; that cannot sway it while no quoted field holds a CR and, for
 * CRLF, three breaks come before the cut.
 */
const papaBreaksAlike = (body: string, split: CsvSplit): boolean => {
  if (split.lineBreak === "" || body.length <= PAPA_GUESS_SPAN) return true
  if (split.crInQuotes) return false
  if (split.lineBreak === "\n") return true
  // Every CR is a line break here, so the third CR is the third break.
  let at = -1
  for (let k = 0; k < 3; k++) {
    at = body.indexOf("\r", at + 1)
    if (at < 0) return false
  }
  return at < PAPA_GUESS_SPAN
}

/**
 * The table of a text that {@link splitCsvRecords} splits as papaparse would, with no error to report; otherwise
 * undefined, and papaparse decides (so every error keeps its wording and line numbers).
 * @internal
 */
export const parseRegularCsv = (body: string, delimiter: string): DataTable | undefined => {
  // papaparse strips a second BOM and replaces unusable delimiters.
  if (body.charCodeAt(0) === 0xfeff || Papa.BAD_DELIMITERS.includes(delimiter)) return undefined
  let columns: string[] | undefined
  let width = 0
  const rows: Array<Record<string, Cell>> = []
  const split = splitCsvRecords(body, delimiter, (fields, count) => {
    const blank = isBlankRecord(fields, count)
    if (columns === undefined) {
      if (blank) return true
      try {
        columns = headerNames(fields.slice(0, count))
      } catch {
        return false
      }
      width = count
      return true
    }
    // A blank line is skipped; a ragged row is papaparse's to report.
    if (count !== width) return blank
    const r: Record<string, Cell> = {}
    for (let j = 0; j < width; j++) r[columns[j]!] = csvCell(fields[j]!)
    rows.push(r)
    return true
  })
  if (split === undefined || columns === undefined || !papaBreaksAlike(body, split)) return undefined
  return { columns, rows }
}

const parseWithPapa = (body: string, delimiter: string): DataTable => {
  /** File line where record k starts; re-parses the text, so only used on the error path. */
  const lineAt = (k: number): number => lineOf(Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, preview: k }).data, k)
  let columns: string[] | undefined
  let record = -1
  const rows: Array<Record<string, Cell>> = []
  // Row by row (step) so papaparse's per-row arrays die young instead of being kept for the whole file.
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      record++
      const syntax = result.errors.find((e) => e.code === "MissingQuotes" || e.code === "InvalidQuotes")
      if (syntax !== undefined) {
        const line = lineAt(record)
        fail("csv_syntax", `CSV syntax error near line ${line}: ${syntax.message}`, `CSV 格式错误（约第 ${line} 行）：引号不匹配`, {
          row: Math.max(1, rows.length + 1),
        })
      }
      const rec = result.data
      if (columns === undefined) {
        if (!isBlankRecord(rec)) columns = headerNames(rec)
        return
      }
      const width = columns.length
      if (rec.length !== width) {
        if (isBlankRecord(rec)) return
        const row = rows.length + 1
        const line = lineAt(record)
        fail(
          "ragged_row",
          `Data row ${row} (line ${line}) has ${rec.length} fields but the header has ${width}`,
          `第 ${row} 行数据（文件第 ${line} 行）有 ${rec.length} 个字段，表头有 ${width} 个`,
          { row },
        )
      }
      const r: Record<string, Cell> = {}
      for (let j = 0; j < width; j++) r[columns[j]!] = csvCell(rec[j]!)
      rows.push(r)
    },
  })
  if (columns === undefined) {
    return fail("empty_file", "The CSV file is empty: a header row is required", "CSV 文件为空：需要表头行", {})
  }
  return { columns, rows }
}

/** Trimmed header names; empty, reserved or repeated names throw with the 1-based column position. */
const headerNames = (record: ReadonlyArray<string>): string[] => {
  const columns = record.map((c) => c.trim())
  const seen = new Map<string, number>()
  columns.forEach((c, j) => {
    if (c === "") {
      fail("empty_header", `Column ${j + 1} has an empty header name`, `第 ${j + 1} 列的表头为空`, {
        column: `#${j + 1}`,
      })
    }
    if (c === "__proto__") {
      fail("reserved_name", `Column ${j + 1}: "__proto__" cannot be a column name`, `第 ${j + 1} 列：“__proto__”不能用作列名`, {
        column: c,
      })
    }
    const before = seen.get(c)
    if (before !== undefined) {
      fail("duplicate_header", `Column ${j + 1} repeats the header "${c}" of column ${before + 1}`, `第 ${j + 1} 列的表头“${c}”与第 ${before + 1} 列重复`, {
        column: c,
      })
    }
    seen.set(c, j)
  })
  return columns
}

const decoderFor = (label: string, fatal = false) => new TextDecoder(label, { fatal })

/**
 * Decode file bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and otherwise GB18030
 * (a superset of GBK, what Chinese Excel writes) when the bytes are not valid UTF-8. The BOM is removed.
 * @example decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])) // "中文"
 */
export const decodeText = (bytes: Uint8Array): string => {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return decoderFor("utf-8").decode(bytes.subarray(3))
  if (a === 0xff && b === 0xfe) return decoderFor("utf-16le").decode(bytes.subarray(2))
  if (a === 0xfe && b === 0xff) return decoderFor("utf-16be").decode(bytes.subarray(2))
  try {
    return decoderFor("utf-8", true).decode(bytes)
  } catch {
    return decoderFor("gb18030").decode(bytes)
  }
}

const NEEDS_QUOTES = /[",\r\n]/

const renderCell = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return ""
  const s = typeof cell === "string" ? inertCell(cell) : String(cell)
  return NEEDS_QUOTES.test(s) || (s.length > 0 && (s[0] === " " || s[s.length - 1] === " ")) ? `"${s.replaceAll('"', '""')}"` : s
}

/**
 * Write a DataTable as RFC 4180 CSV: header row, fields with `,` `"` or line breaks quoted (quotes doubled),
 * null as an empty field, CRLF line endings; text a spreadsheet would take for a formula is made inert
 * ({@link inertCell}). Geometry is not written.
 * @example writeCsv({ columns: ["a"], rows: [{ a: "x,y" }] }) // 'a\r\n"x,y"\r\n'
 */
export const writeCsv = (table: DataTable, opts: WriteCsvOptions = {}): string => {
  const eol = opts.eol ?? "\r\n"
  const lines: string[] = [table.columns.map(renderCell).join(",")]
  for (const r of table.rows) lines.push(table.columns.map((c) => renderCell(r[c])).join(","))
  return (opts.bom === true ? "\uFEFF" : "") + lines.join(eol) + eol
}
