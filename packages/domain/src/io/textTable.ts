/**
 * The text formats of {@link readTable} (.csv, .txt, .tsv) on their own, so that a program reading text files
 * need not load the workbook reader (its inflate tables and worker probe run when the module loads).
 */
import { decodeText, parseCsv } from "./csv.js"
import type { DataTable } from "./DataTable.js"

/** Options for {@link readTable}, passed on to the chosen reader. */
export interface ReadTableOptions {
  /** .xlsx: sheet name or 0-based position. */
  readonly sheet?: string | number
  /** .csv / .txt / .tsv: field separator (tab for .tsv; guessed otherwise). */
  readonly delimiter?: string
}

/** The lower-cased extension of a file name ("" when none). @internal */
export const extensionOf = (fileName: string): string => {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1)
  const dot = base.lastIndexOf(".")
  return dot <= 0 ? "" : base.slice(dot).toLowerCase()
}

/** Whether the bytes start a zip archive (an .xlsx workbook). @internal */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/**
 * Read `bytes` as readTable does when `fileName` ends in .csv, .txt or .tsv and the bytes are text; undefined
 * otherwise (another extension, or a workbook saved under a text extension), for readTable to handle.
 * @example readTextTable(bytes, "zones.csv") ?? readTable(bytes, "zones.csv")
 */
export const readTextTable = (bytes: Uint8Array, fileName: string, opts: ReadTableOptions = {}): DataTable | undefined => {
  const ext = extensionOf(fileName)
  if ((ext !== ".csv" && ext !== ".txt" && ext !== ".tsv") || isZip(bytes)) return undefined
  const delimiter = opts.delimiter ?? (ext === ".tsv" ? "\t" : undefined)
  return parseCsv(decodeText(bytes), delimiter === undefined ? {} : { delimiter })
}
