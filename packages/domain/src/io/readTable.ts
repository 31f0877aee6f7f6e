/**
 * Read a data file of any supported format into a {@link DataTable}, choosing the reader by file extension.
 *
 * Throws {@link InputError} (no Effect) so call sites stay simple.
 */
import { InputError } from "../model/errors.js"
import { decodeText } from "./csv.js"
import type { DataTable } from "./DataTable.js"
import { parseGeoJson } from "./geojson.js"
import { parseJsonRecords } from "./json.js"
import { extensionOf, type ReadTableOptions, readTextTable } from "./textTable.js"
import { readXlsx } from "./xlsx.js"

export type { ReadTableOptions } from "./textTable.js"

/** File extensions {@link readTable} understands. */
export const supportedTableFormats: ReadonlyArray<string> = [".csv", ".txt", ".tsv", ".xlsx", ".json", ".geojson"]

/**
 * Read `bytes` named `fileName`: .csv/.txt/.tsv → decodeText + parseCsv (UTF-8, UTF-16 or GBK text);
 * .xlsx → readXlsx; .geojson → parseGeoJson; .json → parseGeoJson when the document is an object
 * (a FeatureCollection), parseJsonRecords when it is an array. Other extensions throw InputError
 * "unsupported_format" listing the supported ones (.xls gets a save-as-.xlsx hint). A zip (an .xlsx workbook)
 * named .csv / .txt / .tsv is read as a workbook.
 * @example readTable(bytes, "clusters.xlsx", { sheet: "指标" })
 */
export const readTable = (bytes: Uint8Array, fileName: string, opts: ReadTableOptions = {}): DataTable => {
  const text = readTextTable(bytes, fileName, opts)
  if (text !== undefined) return text
  const ext = extensionOf(fileName)
  switch (ext) {
    // readTextTable declines a text extension only for a workbook saved (or renamed) under it.
    case ".csv":
    case ".txt":
    case ".tsv":
    case ".xlsx":
    case ".xlsm":
      return readXlsx(bytes, opts.sheet === undefined ? {} : { sheet: opts.sheet })
    case ".geojson":
      return parseGeoJson(decodeText(bytes))
    case ".json": {
      const text = decodeText(bytes)
      return text.trimStart().startsWith("{") ? parseGeoJson(text) : parseJsonRecords(text)
    }
  }
  const list = supportedTableFormats.join(", ")
  const hint = ext === ".xls" || ext === ".et" ? "; save the workbook as .xlsx first" : ""
  const hintZh = ext === ".xls" || ext === ".et" ? "；请先将工作簿另存为 .xlsx" : ""
  const en = `Unsupported file type "${ext === "" ? fileName : ext}": supported are ${list}${hint}`
  const zh = `不支持的文件类型“${ext === "" ? fileName : ext}”：支持 ${list}${hintZh}`
  throw new InputError({ code: "unsupported_format", message: en, zh, issues: [{ value: fileName, en, zh }] })
}
