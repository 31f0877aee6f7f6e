/**
 * Read and write Excel .xlsx workbooks (Office Open XML) with fflate for the zip container and a small XML reader,
 * without SheetJS. Reading gives a {@link DataTable} whose first non-empty row is the header.
 *
 * Parsers throw {@link InputError} (no Effect) so call sites stay simple.
 */
import { zipSync } from "fflate"
import { InputError } from "../model/errors.js"
import { decodeText } from "./csv.js"
import type { Cell, DataTable } from "./DataTable.js"
import { attr, childNamed, childrenNamed, escapeXml, parseXml, scanXml, textOf, type XmlElement } from "./xml.js"
import { type ZipReader, zipReader } from "./ZipArchive.js"

/** Options for {@link readXlsx}. */
export interface ReadXlsxOptions {
  /** Sheet to read: its name, or its 0-based position in the workbook. Default: the first sheet. */
  readonly sheet?: string | number
}

/** One sheet to write with {@link writeXlsx}. */
export interface XlsxSheet {
  readonly name: string
  readonly table: DataTable
}

const fail = (code: string, en: string, zh: string, at: { row?: number; column?: string; value?: unknown } = {}): never => {
  throw new InputError({ code, message: en, zh, issues: [{ ...at, en, zh }] })
}

// ---------------------------------------------------------------------------------------------------------------
// Cell references

/**
 * 0-based column index of column letters: "A" → 0, "Z" → 25, "AB" → 27.
 * @example spreadsheetColumnIndex("AB") // 27
 */
export const spreadsheetColumnIndex = (letters: string): number => {
  let n = 0
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64)
  return n - 1
}

/**
 * Column letters of a 0-based column index: 0 → "A", 27 → "AB".
 * @example spreadsheetColumnLetters(27) // "AB"
 */
export const spreadsheetColumnLetters = (index: number): string => {
  let s = ""
  let n = index + 1
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/

/** Parse "AB12" into 0-based column and 1-based row; undefined when malformed. */
const parseRef = (ref: string): { col: number; row: number } | undefined => {
  const m = CELL_REF.exec(ref)
  return m === null ? undefined : { col: spreadsheetColumnIndex(m[1]!.toUpperCase()), row: Number(m[2]) }
}

// ---------------------------------------------------------------------------------------------------------------
// Package reading

// The package's parts, inflated only when read (the workbook, its relationships, the strings, the styles and the one
// sheet asked for), each once, within one budget (see ZipArchive.ts): a zip bomb costs its budget, not the machine.
interface Parts {
  readonly zip: ZipReader
  readonly cache: Map<string, Uint8Array | undefined>
}

const unzipParts = (bytes: Uint8Array): Parts => {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    fail(
      "invalid_xlsx",
      "This is a legacy .xls workbook; save it as .xlsx (Excel Workbook) and try again",
      "这是旧版 .xls 工作簿；请另存为 .xlsx（Excel 工作簿）后重试",
    )
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    fail("invalid_xlsx", "Not an .xlsx workbook (no zip signature)", "不是 .xlsx 工作簿（缺少 zip 文件头）")
  }
  return { zip: zipReader(bytes), cache: new Map() }
}

const findPart = (parts: Parts, path: string): Uint8Array | undefined => {
  const key = path.replaceAll("\\", "/").toLowerCase()
  if (!parts.cache.has(key)) parts.cache.set(key, parts.zip.read(path))
  return parts.cache.get(key)
}

const readPart = (parts: Parts, path: string): XmlElement | undefined => {
  const bytes = findPart(parts, path)
  return bytes === undefined ? undefined : parseXml(decodeText(bytes))
}

/** Resolve a relationship target against the folder of the part that holds it. */
const resolveTarget = (baseDir: string, target: string): string => {
  const segs = target.startsWith("/") ? [] : baseDir.split("/").filter((s) => s !== "")
  for (const s of target.split("/")) {
    if (s === "" || s === ".") continue
    if (s === "..") segs.pop()
    else segs.push(s)
  }
  return segs.join("/")
}

interface Rel {
  readonly id: string
  readonly type: string
  readonly target: string
}

const relsOf = (parts: Parts, partPath: string): Rel[] => {
  const slash = partPath.lastIndexOf("/")
  const dir = slash < 0 ? "" : partPath.slice(0, slash)
  const file = partPath.slice(slash + 1)
  const rels = readPart(parts, `${dir === "" ? "" : dir + "/"}_rels/${file}.rels`)
  if (rels === undefined) return []
  return childrenNamed(rels, "Relationship").map((r) => ({
    id: attr(r, "Id") ?? "",
    type: attr(r, "Type") ?? "",
    target: attr(r, "TargetMode") === "External" ? "" : resolveTarget(dir, attr(r, "Target") ?? ""),
  }))
}

interface Workbook {
  readonly parts: Parts
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly path: string }>
  readonly sharedStringsPath: string | undefined
  readonly stylesPath: string | undefined
  /** Dates count from 1904-01-01 (old Mac workbooks) instead of 1900. */
  readonly date1904: boolean
}

const openWorkbook = (bytes: Uint8Array): Workbook => {
  const parts = unzipParts(bytes)
  const office = relsOf(parts, "").find((r) => r.type.endsWith("/officeDocument"))
  const wbPath = office?.target ?? "xl/workbook.xml"
  const wb = readPart(parts, wbPath)
  if (wb === undefined) {
    return fail("invalid_xlsx", "The .xlsx file has no workbook part", ".xlsx 文件缺少工作簿部分")
  }
  const rels = relsOf(parts, wbPath)
  const byId = new Map(rels.map((r) => [r.id, r]))
  const sheetsEl = childNamed(wb, "sheets")
  const sheets = (sheetsEl === undefined ? [] : childrenNamed(sheetsEl, "sheet")).flatMap((s) => {
    const rel = byId.get(attr(s, "id") ?? "")
    // Chart sheets and dialog sheets have no cell grid.
    if (rel === undefined || !rel.type.endsWith("/worksheet")) return []
    return [{ name: attr(s, "name") ?? "", path: rel.target }]
  })
  const ss = rels.find((r) => r.type.endsWith("/sharedStrings"))
  const styles = rels.find((r) => r.type.endsWith("/styles"))
  const pr = childNamed(wb, "workbookPr")
  const d1904 = pr === undefined ? undefined : attr(pr, "date1904")
  return {
    parts,
    sheets,
    sharedStringsPath: ss?.target,
    stylesPath: styles?.target,
    date1904: d1904 === "1" || d1904 === "true",
  }
}

/** Decode OOXML "_xHHHH_" escapes (used for control characters) in string content. */
const decodeXString = (s: string): string =>
  s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

/** Text of a shared-string item or inline string: its own <t>, or the <t> of each rich-text run; phonetic runs skipped. */
const richText = (si: XmlElement): string => {
  let s = ""
  for (const x of si.children) {
    if (typeof x === "string") continue
    if (x.name === "t") s += textOf(x)
    else if (x.name === "r") for (const t of childrenNamed(x, "t")) s += textOf(t)
  }
  return decodeXString(s)
}

const readSharedStrings = (wb: Workbook): string[] => {
  const root = wb.sharedStringsPath === undefined ? undefined : readPart(wb.parts, wb.sharedStringsPath)
  return root === undefined ? [] : childrenNamed(root, "si").map(richText)
}

/**
 * Names of the worksheets in workbook order (chart sheets excluded).
 * @example listSheets(bytes) // ["指标", "Sheet2"]
 */
export const listSheets = (bytes: Uint8Array): string[] => openWorkbook(bytes).sheets.map((s) => s.name)

/** Built-in number formats that show dates or times (including the East Asian ones Chinese Excel uses). */
const isBuiltinDateFormat = (id: number): boolean => (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)

/**
 * True when a custom number format code shows a date or time: after removing quoted text, escapes, fill/padding
 * and [colour]/[$locale]/[DBNum] brackets, its first section still has y, m, d, h or s.
 * @example isDateFormatCode('yyyy"年"m"月"d"日"') // true;  isDateFormatCode("#,##0.00") // false
 */
export const isDateFormatCode = (code: string): boolean => {
  const stripped = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
  return /[ymdhs]/i.test(stripped.split(";")[0] ?? "")
}

/** For each cell style index (the "s" attribute), whether it formats numbers as dates. */
const readDateStyles = (wb: Workbook): boolean[] => {
  const root = wb.stylesPath === undefined ? undefined : readPart(wb.parts, wb.stylesPath)
  if (root === undefined) return []
  const custom = new Map<number, string>()
  const numFmts = childNamed(root, "numFmts")
  for (const f of numFmts === undefined ? [] : childrenNamed(numFmts, "numFmt")) {
    custom.set(Number(attr(f, "numFmtId")), attr(f, "formatCode") ?? "")
  }
  const xfs = childNamed(root, "cellXfs")
  return (xfs === undefined ? [] : childrenNamed(xfs, "xf")).map((xf) => {
    const id = Number(attr(xf, "numFmtId") ?? "0")
    const code = custom.get(id)
    return code === undefined ? isBuiltinDateFormat(id) : isDateFormatCode(code)
  })
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0")

/**
 * ISO text of an Excel date serial: "2024-03-31", "2024-03-31 08:30:00", or "08:30:00" for a bare time.
 * The 1900 system counts 1900-01-01 as day 1 and keeps Lotus' phantom 1900-02-29 (serial 60).
 * @example excelSerialToIso(45382) // "2024-03-31"
 */
export const excelSerialToIso = (serial: number, date1904 = false): string => {
  let days = Math.floor(serial)
  let seconds = Math.round((serial - days) * 86400)
  if (seconds >= 86400) {
    days += 1
    seconds -= 86400
  }
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`
  if (days === 0 && !date1904) return time
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const d = new Date(epoch + days * 86400000)
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return seconds === 0 ? date : `${date} ${time}`
}

/** What a worksheet says about one cell: type, style, <v> text, inline-string text. */
interface RawCell {
  readonly t: string
  readonly s: string | undefined
  readonly v: string | undefined
  readonly inline: string | undefined
}

const cellValue = (c: RawCell, shared: ReadonlyArray<string>, ref: string, dateStyles: ReadonlyArray<boolean>, date1904: boolean): Cell => {
  if (c.t === "inlineStr") return c.inline === undefined ? null : decodeXString(c.inline)
  const text = c.v
  if (text === undefined) return null
  switch (c.t) {
    case "s": {
      const s = shared[Number(text)]
      if (s === undefined) {
        return fail("invalid_xlsx", `Cell ${ref} points to a missing shared string`, `单元格 ${ref} 引用的共享字符串不存在`)
      }
      return s
    }
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true"
    case "str":
    case "e":
    case "d":
      return decodeXString(text)
    default: {
      const trimmed = text.trim()
      if (trimmed === "") return null
      const n = Number(trimmed)
      if (!Number.isFinite(n)) return text
      return c.s !== undefined && dateStyles[Number(c.s)] === true ? excelSerialToIso(n, date1904) : n
    }
  }
}

/** Attribute by local name from a raw attribute record (fast path for the usual unprefixed name). */
const attrOf = (attrs: Readonly<Record<string, string>>, name: string): string | undefined =>
  Object.hasOwn(attrs, name) ? attrs[name] : attr({ name: "", attrs, children: [] }, name)

/**
 * Read the cells of a worksheet into a sparse grid (row number → column index → value; empty values left out),
 * streaming over the XML so a sheet of a million cells builds no element tree.
 */
const readGrid = (xml: string, shared: ReadonlyArray<string>, dateStyles: ReadonlyArray<boolean>, date1904: boolean): Map<number, Map<number, Cell>> => {
  const grid = new Map<number, Map<number, Cell>>()
  let rowNo = 0
  let col = -1
  let cell: { t: string; s: string | undefined; v: string | undefined; inline: string | undefined } | undefined
  let capture: "v" | "t" | undefined
  let phonetic = 0
  scanXml(xml, {
    open: (name, attrs) => {
      switch (name) {
        case "row": {
          const r = attrOf(attrs, "r")
          const next = r === undefined ? rowNo + 1 : Number(r)
          if (!Number.isInteger(next) || next < 1) fail("invalid_xlsx", `Bad row number "${r}"`, `行号“${r}”无效`)
          rowNo = next
          col = -1
          break
        }
        case "c": {
          const r = attrOf(attrs, "r")
          if (r === undefined) col += 1
          else {
            const ref = parseRef(r)
            if (ref === undefined) fail("invalid_xlsx", `Bad cell reference "${r}"`, `单元格引用“${r}”无效`)
            col = ref!.col
          }
          cell = { t: attrOf(attrs, "t") ?? "n", s: attrOf(attrs, "s"), v: undefined, inline: undefined }
          break
        }
        case "v":
          if (cell !== undefined) {
            cell.v = ""
            capture = "v"
          }
          break
        case "is":
          if (cell !== undefined) cell.inline = ""
          break
        case "rPh":
          phonetic++
          break
        case "t":
          // Inline-string text, its own or in rich-text runs; phonetic guides skipped.
          if (cell?.inline !== undefined && phonetic === 0) capture = "t"
          break
      }
    },
    close: (name) => {
      if (name === "v" || name === "t") capture = undefined
      else if (name === "rPh") phonetic--
      else if (name === "c" && cell !== undefined) {
        const value = cellValue(cell, shared, `${spreadsheetColumnLetters(col)}${rowNo}`, dateStyles, date1904)
        cell = undefined
        if (value === null || (typeof value === "string" && value.trim() === "")) return
        let cells = grid.get(rowNo)
        if (cells === undefined) {
          cells = new Map()
          grid.set(rowNo, cells)
        }
        cells.set(col, value)
      }
    },
    text: (t) => {
      if (capture === "v") cell!.v += t
      else if (capture === "t") cell!.inline += t
    },
  })
  return grid
}

/** Header text of a cell: trimmed text, numbers canonical (2019 → "2019"). */
const headerText = (cell: Cell): string => (cell === null ? "" : String(cell).trim())

/**
 * Read one sheet of an .xlsx workbook into a DataTable. The first non-empty row is the header, spanning from its
 * first to its last non-empty cell; following rows are data (blank rows inside the table stay as all-null rows so
 * data row i is spreadsheet row header + i; trailing blank rows are dropped). Formula cells give their cached value;
 * error cells their text ("#DIV/0!"); booleans true/false; numbers shown with a date format become ISO text
 * ("2024-03-31", "2024-03-31 08:30:00").
 * Throws InputError: "invalid_xlsx", "unknown_sheet", "empty_sheet", "empty_header", "duplicate_header",
 * "cell_outside_header" (a value left or right of the header, named by its cell reference).
 * @example readXlsx(bytes, { sheet: "指标" }).columns // ["code", "name", "2023"]
 */
export const readXlsx = (bytes: Uint8Array, opts: ReadXlsxOptions = {}): DataTable => {
  const wb = openWorkbook(bytes)
  const names = wb.sheets.map((s) => s.name)
  const wanted = opts.sheet ?? 0
  const sheet = typeof wanted === "number" ? wb.sheets[wanted] : wb.sheets.find((s) => s.name === wanted)
  if (sheet === undefined) {
    const list = names.length === 0 ? "(none)" : names.join(", ")
    return fail(
      "unknown_sheet",
      typeof wanted === "number"
        ? `The workbook has no sheet at position ${wanted} (0-based); sheets: ${list}`
        : `The workbook has no sheet named "${wanted}"; sheets: ${list}`,
      typeof wanted === "number"
        ? `工作簿没有第 ${wanted + 1} 个工作表；现有工作表：${names.join("、")}`
        : `工作簿中没有名为“${wanted}”的工作表；现有工作表：${names.join("、")}`,
      { value: wanted },
    )
  }
  const sheetBytes = findPart(wb.parts, sheet.path)
  if (sheetBytes === undefined) {
    return fail("invalid_xlsx", `Sheet "${sheet.name}" is missing from the package`, `工作表“${sheet.name}”的内容缺失`)
  }
  const grid = readGrid(decodeText(sheetBytes), readSharedStrings(wb), readDateStyles(wb), wb.date1904)
  const rowNumbers = [...grid.keys()].sort((a, b) => a - b)
  const headerRow = rowNumbers[0]
  if (headerRow === undefined) {
    return fail("empty_sheet", `Sheet "${sheet.name}" is empty: a header row is required`, `工作表“${sheet.name}”为空：需要表头行`)
  }
  const headerCells = grid.get(headerRow)!
  const headerCols = [...headerCells.keys()].sort((a, b) => a - b)
  const first = headerCols[0]!
  const last = headerCols[headerCols.length - 1]!
  const columns: string[] = []
  const seen = new Map<string, number>()
  for (let col = first; col <= last; col++) {
    const name = headerText(headerCells.get(col) ?? null)
    const ref = `${spreadsheetColumnLetters(col)}${headerRow}`
    if (name === "") {
      fail(
        "empty_header",
        `Column ${spreadsheetColumnLetters(col)} (cell ${ref}) has an empty header`,
        `第 ${spreadsheetColumnLetters(col)} 列（单元格 ${ref}）表头为空`,
        {
          column: spreadsheetColumnLetters(col),
        },
      )
    }
    if (name === "__proto__") {
      fail("reserved_name", `Cell ${ref}: "__proto__" cannot be a column name`, `单元格 ${ref}：“__proto__”不能用作列名`, { column: name })
    }
    const before = seen.get(name)
    if (before !== undefined) {
      fail(
        "duplicate_header",
        `Header "${name}" in column ${spreadsheetColumnLetters(col)} repeats column ${spreadsheetColumnLetters(before)}`,
        `第 ${spreadsheetColumnLetters(col)} 列的表头“${name}”与第 ${spreadsheetColumnLetters(before)} 列重复`,
        { column: name },
      )
    }
    seen.set(name, col)
    columns.push(name)
  }
  const lastRow = rowNumbers[rowNumbers.length - 1]!
  const rows: Array<Record<string, Cell>> = []
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const cells = grid.get(r)
    const out: Record<string, Cell> = {}
    for (let j = 0; j < columns.length; j++) out[columns[j]!] = cells?.get(first + j) ?? null
    if (cells !== undefined) {
      for (const [col, value] of cells) {
        if (col < first || col > last) {
          const ref = `${spreadsheetColumnLetters(col)}${r}`
          fail(
            "cell_outside_header",
            `Cell ${ref} holds ${JSON.stringify(value)} outside the header columns ${spreadsheetColumnLetters(first)}–${spreadsheetColumnLetters(last)}`,
            `单元格 ${ref} 的值 ${JSON.stringify(value)} 位于表头列 ${spreadsheetColumnLetters(first)}–${spreadsheetColumnLetters(last)} 之外`,
            { row: r - headerRow, value },
          )
        }
      }
    }
    rows.push(out)
  }
  return { columns, rows }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** Characters XML 1.0 cannot carry are written as OOXML "_xHHHH_" escapes; a literal "_xHHHH_" is protected. */
const encodeXString = (s: string): string => {
  const protectedText = s.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
  let out = ""
  let from = 0
  for (let i = 0; i < protectedText.length; i++) {
    const c = protectedText.charCodeAt(i)
    const isHigh = c >= 0xd800 && c <= 0xdbff
    const isLow = c >= 0xdc00 && c <= 0xdfff
    const next = protectedText.charCodeAt(i + 1)
    const pairedHigh = isHigh && next >= 0xdc00 && next <= 0xdfff
    const bad = (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff || (isHigh && !pairedHigh) || isLow
    if (pairedHigh) {
      i++
      continue
    }
    if (bad) {
      out += protectedText.slice(from, i) + `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`
      from = i + 1
    }
  }
  return from === 0 ? protectedText : out + protectedText.slice(from)
}

const MAX_CELL_TEXT = 32767

const checkSheetNames = (sheets: ReadonlyArray<XlsxSheet>): void => {
  if (sheets.length === 0) fail("invalid_sheet_name", "A workbook needs at least one sheet", "工作簿至少需要一个工作表")
  const seen = new Set<string>()
  for (const { name } of sheets) {
    const bad =
      name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history"
    if (bad) {
      fail(
        "invalid_sheet_name",
        `Sheet name "${name}" is not allowed by Excel (1–31 characters, none of \\ / ? * [ ] :, no leading or trailing ')`,
        `工作表名“${name}”不符合 Excel 规则（1–31 个字符，不能含 \\ / ? * [ ] :，不能以 ' 开头或结尾）`,
        { value: name },
      )
    }
    const key = name.toLowerCase()
    if (seen.has(key)) fail("invalid_sheet_name", `Sheet name "${name}" is used twice`, `工作表名“${name}”重复`, { value: name })
    seen.add(key)
  }
}

const STYLES = `${XML_DECL}<styleSheet xmlns="${NS_MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

/**
 * Write one or more tables as an .xlsx workbook Excel, WPS and LibreOffice open: header row in bold and frozen,
 * strings shared, numbers as numbers, booleans as TRUE/FALSE, null (and non-finite numbers) as empty cells.
 * Throws InputError "invalid_sheet_name" (Excel's naming rules) or "cell_too_long" (over 32,767 characters).
 * @example writeXlsx([{ name: "指标", table }]) // Uint8Array starting with "PK"
 */
export const writeXlsx = (sheets: ReadonlyArray<XlsxSheet>): Uint8Array => {
  checkSheetNames(sheets)
  const sst: string[] = []
  const sstIndex = new Map<string, number>()
  const stringRef = (s: string): number => {
    let k = sstIndex.get(s)
    if (k === undefined) {
      k = sst.length
      sst.push(s)
      sstIndex.set(s, k)
    }
    return k
  }
  let totalStringCells = 0
  const enc = new TextEncoder()
  const files: Record<string, Uint8Array> = {}

  sheets.forEach(({ name, table }, si) => {
    const parts: string[] = []
    const cell = (value: Cell | undefined, ref: string, style: string, rowNo: number, column: string): void => {
      if (value === null || value === undefined) return
      if (typeof value === "number") {
        if (Number.isFinite(value)) parts.push(`<c r="${ref}"${style}><v>${String(value)}</v></c>`)
      } else if (typeof value === "boolean") {
        parts.push(`<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`)
      } else {
        if (value.length > MAX_CELL_TEXT) {
          fail(
            "cell_too_long",
            `Sheet "${name}", cell ${ref}: text of ${value.length} characters exceeds Excel's limit of 32,767`,
            `工作表“${name}”单元格 ${ref}：文本长度 ${value.length} 超过 Excel 上限 32,767`,
            { row: rowNo, column },
          )
        }
        totalStringCells++
        parts.push(`<c r="${ref}"${style} t="s"><v>${stringRef(value)}</v></c>`)
      }
    }
    const cols = table.columns
    const letters = cols.map((_, j) => spreadsheetColumnLetters(j))
    parts.push(`<row r="1">`)
    cols.forEach((c, j) => {
      cell(c, `${letters[j]}1`, ' s="1"', 0, c)
    })
    parts.push("</row>")
    table.rows.forEach((r, i) => {
      const rowNo = i + 2
      parts.push(`<row r="${rowNo}">`)
      cols.forEach((c, j) => {
        cell(r[c], `${letters[j]}${rowNo}`, "", i + 1, c)
      })
      parts.push("</row>")
    })
    const lastRef = `${spreadsheetColumnLetters(Math.max(cols.length, 1) - 1)}${table.rows.length + 1}`
    const xml =
      `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="A1:${lastRef}"/>` +
      `<sheetViews><sheetView workbookViewId="0"${si === 0 ? ' tabSelected="1"' : ""}>` +
      `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><sheetData>${parts.join("")}</sheetData></worksheet>`
    files[`xl/worksheets/sheet${si + 1}.xml`] = enc.encode(xml)
  })

  const sstXml =
    `${XML_DECL}<sst xmlns="${NS_MAIN}" count="${totalStringCells}" uniqueCount="${sst.length}">` +
    sst
      .map((s) => {
        const text = escapeXml(encodeXString(s))
        return /^\s|\s$|\n/.test(s) ? `<si><t xml:space="preserve">${text}</t></si>` : `<si><t>${text}</t></si>`
      })
      .join("") +
    "</sst>"
  files["xl/sharedStrings.xml"] = enc.encode(sstXml)
  files["xl/styles.xml"] = enc.encode(STYLES)
  files["xl/workbook.xml"] = enc.encode(
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      "</sheets></workbook>",
  )
  const n = sheets.length
  files["xl/_rels/workbook.xml.rels"] = enc.encode(
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      "</Relationships>",
  )
  files["_rels/.rels"] = enc.encode(
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  )
  files["[Content_Types].xml"] = enc.encode(
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join("") +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
      "</Types>",
  )
  // [Content_Types].xml first, as Office writes it; some readers sniff the first entry.
  const ordered: Record<string, Uint8Array> = { "[Content_Types].xml": files["[Content_Types].xml"]! }
  for (const [k, v] of Object.entries(files)) if (k !== "[Content_Types].xml") ordered[k] = v
  // Big sheets are deflated at level 1: about twice as fast, files some 60% larger; small ones compress well.
  const entries: Record<string, [Uint8Array, { level: 1 | 6 }]> = {}
  for (const [k, v] of Object.entries(ordered)) entries[k] = [v, { level: v.length > 8_000_000 ? 1 : 6 }]
  return zipSync(entries)
}
