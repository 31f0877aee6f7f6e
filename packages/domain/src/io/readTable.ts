/**
 * Read a data file of any supported format into a {@link DataTable}, choosing the reader by file extension.
 *
 * Throws {@link InputError} (no Effect) so call sites stay simple.
 */
import { InputError } from "../model/errors.js"
import { decodeText, parseCsv } from "./csv.js"
import type { DataTable } from "./DataTable.js"
import { parseGeoJson } from "./geojson.js"
import { parseJsonRecords } from "./json.js"
import { readXlsx } from "./xlsx.js"

/** Options for {@link readTable}, passed on to the chosen reader. */
export interface ReadTableOptions {
  /** .xlsx: sheet name or 0-based position. */
  readonly sheet?: string | number
  /** .csv / .txt / .tsv: field separator (tab for .tsv; guessed otherwise). */
  readonly delimiter?: string
}

/** File extensions {@link readTable} understands. */
export const supportedTableFormats: ReadonlyArray<string> = [".csv", ".txt", ".tsv", ".xlsx", ".json", ".geojson"]

const extensionOf = (fileName: string): string => {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1)
  const dot = base.lastIndexOf(".")
  return dot <= 0 ? "" : base.slice(dot).toLowerCase()
}

/**
 * Read `bytes` named `fileName`: .csv/.txt/.tsv → decodeText + parseCsv (UTF-8, UTF-16 or GBK text);
 * .xlsx → readXlsx; .geojson → parseGeoJson; .json → parseGeoJson when the document is an object
 * (a FeatureCollection), parseJsonRecords when it is an array. Other extensions throw InputError
 * "unsupported_format" listing the supported ones (.xls gets a save-as-.xlsx hint). A zip (an .xlsx workbook)
 * named .csv / .txt / .tsv is read as a workbook.
 * @example readTable(bytes, "clusters.xlsx", { sheet: "指标" })
 */
export const readTable = (bytes: Uint8Array, fileName: string, opts: ReadTableOptions = {}): DataTable => {
  const ext = extensionOf(fileName)
  // A workbook saved under a text extension (or renamed) is still read as a workbook.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  if (isZip && (ext === ".csv" || ext === ".txt" || ext === ".tsv")) {
    return readXlsx(bytes, opts.sheet === undefined ? {} : { sheet: opts.sheet })
  }
  switch (ext) {
    case ".csv":
    case ".txt":
      return parseCsv(decodeText(bytes), opts.delimiter === undefined ? {} : { delimiter: opts.delimiter })
    case ".tsv":
      return parseCsv(decodeText(bytes), { delimiter: opts.delimiter ?? "\t" })
    case ".xlsx":
    case ".xlsm":
      return readXlsx(bytes, opts.sheet === undefined ? {} : { sheet: opts.sheet })
    case ".geojson":
      return parseGeoJson(decodeText(bytes))
    case ".json": {
      const text = decodeText(bytes)
      return text.trimStart().startsWith("{") ? parseGeoJson(text) : parseJsonRecords(text)
    }
    default: {
      const list = supportedTableFormats.join(", ")
      const hint = ext === ".xls" || ext === ".et" ? "; save the workbook as .xlsx first" : ""
      const hintZh = ext === ".xls" || ext === ".et" ? "；请先将工作簿另存为 .xlsx" : ""
      const en = `Unsupported file type "${ext === "" ? fileName : ext}": supported are ${list}${hint}`
      const zh = `不支持的文件类型“${ext === "" ? fileName : ext}”：支持 ${list}${hintZh}`
      throw new InputError({ code: "unsupported_format", message: en, zh, issues: [{ value: fileName, en, zh }] })
    }
  }
}
