/**
 * Reading the cells of project and report tables (CSV or XLSX already read into a DataTable): headers in English or
 * Chinese with or without units ("总投资（万元）"), numbers written as text, dates as spreadsheets write them.
 */
import { idText, isMissingCell, parseNumericText } from "../io/columns.js"
import type { Cell, DataTable } from "../io/DataTable.js"
import type { Issue } from "../model/errors.js"
import { isIsoDate } from "./Dates.js"

/** A problem at a cell: the row as the spreadsheet shows it (header = 1) and the column as the file names it. */
export type CellIssue = Issue & { readonly row: number; readonly column: string }

// Header text compared without case, spaces or a unit in brackets: "总投资（万元）" and "总投资" are one header.
const normal = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/[\s_-]+/g, "")

/**
 * The file's column for each role of `aliases` (undefined when absent).
 * @internal
 * @example matchColumns(["项目编号", "总投资（万元）"], { id: ["id", "项目编号"], totalInvestment: ["总投资"] }) // { id: "项目编号", totalInvestment: "总投资（万元）" }
 */
export const matchColumns = <K extends string>(columns: ReadonlyArray<string>, aliases: Record<K, ReadonlyArray<string>>): Record<K, string | undefined> => {
  const out = {} as Record<K, string | undefined>
  for (const role of Object.keys(aliases) as K[]) {
    const names = new Set(aliases[role].map(normal))
    out[role] = columns.find((c) => names.has(normal(c)))
  }
  return out
}

/**
 * A cell as trimmed text, or null when blank.
 * @internal
 * @example cellText(" 电子信息 ") // "电子信息"
 */
export const cellText = (cell: Cell | undefined): string | null => (isMissingCell(cell ?? null) ? null : (idText(cell ?? null) ?? null))

/**
 * A numeric cell: the number, null when blank, or undefined when it is not a number.
 * @internal
 * @example cellNumber("1,200") // 1200
 */
export const cellNumber = (cell: Cell | undefined): number | null | undefined => {
  if (isMissingCell(cell ?? null)) return null
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined
  if (typeof cell === "string") return parseNumericText(cell)
  return undefined
}

/**
 * A date cell as "YYYY-MM-DD": ISO text (what the XLSX reader gives for date cells, with or without a time),
 * "2025/3/10", "2025.3.10" or "2025年3月10日"; null when blank, undefined when it is no date.
 * @internal
 * @example cellDate("2025年3月10日") // "2025-03-10"
 */
export const cellDate = (cell: Cell | undefined): string | null | undefined => {
  const t = cellText(cell)
  if (t === null) return null
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t)
  if (!m) return undefined
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`
  return isIsoDate(iso) ? iso : undefined
}

/**
 * The issue for a missing column, naming the headers it accepts.
 * @internal
 * @example missingColumn("id", ["id", "项目编号"]).code // "missing_column"
 */
export const missingColumn = (role: string, names: ReadonlyArray<string>): CellIssue => ({
  code: "missing_column",
  row: 1,
  column: role,
  value: null,
  en: `missing column "${role}" (accepted headers: ${names.join(", ")})`,
  zh: `缺少“${role}”列（可用表头：${names.join("、")}）`,
})

/**
 * Rows of a table with their spreadsheet numbers (the header is row 1).
 * @internal
 * @example numberedRows(table)[0].row // 2
 */
export const numberedRows = (table: DataTable) => table.rows.map((cells, i) => ({ row: i + 2, cells }))
