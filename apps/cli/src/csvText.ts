import { inertCell } from "@jiju/domain/io"
import type { PrintedTable } from "./csvFormat.js"

// RFC 4180: quote cells holding a comma, quote, or line break; double the quotes. Text a spreadsheet would run as a
// formula (a zone's note, a file name) is made inert first.
const cell = (raw: string): string => {
  const s = inertCell(raw)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * Tables as CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads the Chinese headers),
 * CRLF line ends, one blank line between tables.
 * @example toCsv([{ header: ["id", "score"], rows: [["a", "1.5"]] }]) // "\uFEFFid,score\r\na,1.5\r\n"
 */
export const toCsv = (tables: ReadonlyArray<PrintedTable>): string =>
  `\uFEFF${tables.map((t) => [t.header, ...t.rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n").join("\r\n")}`
