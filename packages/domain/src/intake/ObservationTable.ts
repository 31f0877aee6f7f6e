/**
 * Validation of an observation import table (CSV / XLSX already read into a {@link DataTable}) against the register:
 * pure, store-independent, so the CLI, the API and the browser report the same problems. Each value is judged by
 * the one acceptance rule of the model ({@link valueProblems} in model/ValueRule.ts: archived zones and indicators,
 * periods not begun, signs, percentages, counts); this module adds what belongs to files: the layouts, the headers
 * and numbers written as text.
 *
 * Two layouts:
 * - long: one value per row — columns cluster, period, indicator, value [, source, note];
 * - wide (yearbook): cluster, period, then one column per indicator (code, Chinese or English name).
 *
 * Every bad row is reported (row number as the spreadsheet shows it: the header is row 1, the first data row is 2),
 * never just the first; a table with any bad row yields no observations.
 */

import { idText, isMissingCell, parseNumericText } from "../io/columns.js"
import type { Cell, DataTable } from "../io/DataTable.js"
import { InputError, type Issue } from "../model/errors.js"
import type { IndicatorDefinition } from "../model/Indicator.js"
import type { ClusterId, IndicatorCode } from "../model/ids.js"
import type { Period } from "../model/Period.js"
import { givenTwice, indicatorProblem, measureProblem, periodProblem, type RuleZone, type ValueProblem, zoneProblem } from "../model/ValueRule.js"

/** The two table layouts an import accepts. */
export type ImportFormat = "long" | "wide"

/** What an import is checked against: the zones and indicators of the register, archived ones included. */
export interface ImportRegister {
  readonly clusters: ReadonlyArray<RuleZone & { readonly name: string }>
  readonly indicators: ReadonlyArray<IndicatorDefinition & { readonly archivedAt?: string | null }>
}

/**
 * One problem in one cell of the table, in the one issue shape: stable code (missing_column, not_numeric,
 * missing_value, or a code of the value rule: unknown_cluster, cluster_archived, unknown_indicator,
 * indicator_archived, bad_period, period_not_begun, not_finite, negative_value, percent_range, not_integer,
 * duplicate_key), the row as the spreadsheet shows it (header = 1), the column, the cell, the reason in both languages.
 */
export type ImportIssue = Issue & { readonly row: number; readonly column: string }

/** One valid value of the table, ready to store. */
export interface ImportedValue {
  readonly cluster: ClusterId
  readonly period: Period
  readonly indicator: IndicatorCode
  readonly value: number
  readonly source: string | null
  readonly note: string | null
  /** Spreadsheet row it came from. */
  readonly row: number
}

/** The outcome of {@link validateObservationTable}. */
export type ImportValidation =
  | { readonly ok: true; readonly format: ImportFormat; readonly values: ReadonlyArray<ImportedValue> }
  | { readonly ok: false; readonly format: ImportFormat; readonly issues: ReadonlyArray<ImportIssue> }

// Accepted header names per role (compared trimmed and lower-cased).
const ALIASES = {
  cluster: ["cluster", "cluster_id", "cluster id", "集聚区", "集聚区编号", "集聚区名称", "园区"],
  period: ["period", "year", "期间", "年份", "年度", "时期"],
  indicator: ["indicator", "indicator_code", "指标", "指标代码"],
  value: ["value", "数值", "值", "指标值"],
  source: ["source", "来源", "数据来源"],
  note: ["note", "notes", "备注", "说明"],
} as const

type Role = keyof typeof ALIASES

const findColumn = (columns: ReadonlyArray<string>, role: Role): string | undefined =>
  columns.find((c) => (ALIASES[role] as ReadonlyArray<string>).includes(c.trim().toLowerCase()))

/**
 * Guess the layout from the header: a table with indicator and value columns is long, anything else wide.
 * @example detectImportFormat(["cluster", "period", "indicator", "value"]) // "long"
 */
export const detectImportFormat = (columns: ReadonlyArray<string>): ImportFormat =>
  findColumn(columns, "indicator") !== undefined && findColumn(columns, "value") !== undefined ? "long" : "wide"

const INFINITE_TEXT = new Set(["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "-∞", "#div/0!", "#num!"])

const show = (v: Cell): string => (typeof v === "string" ? `"${v}"` : String(v))

// The reason for an empty period cell (the rule's text quotes the period it was given).
const badPeriodText = (cell: Cell) => ({
  en: `bad period ${show(cell)}: expected "2025", "2025Q1" or "2025-03"`,
  zh: `期间 ${show(cell)} 无效：应为 "2025"、"2025Q1" 或 "2025-03"`,
})

/**
 * Check every row of an observation table against the register and return either the values to store or every
 * problem found. Clusters are matched by id or exact name; indicators by code, Chinese or English name. With `now`,
 * values for periods that have not begun are refused too (the import paths pass the clock; a check of a file
 * alone may leave it out).
 *
 * @example
 * validateObservationTable({ columns: ["cluster","period","indicator","value"],
 *   rows: [{ cluster: "hb-qihe", period: 2024, indicator: "revenue", value: "-3" }] }, register)
 * // { ok: false, issues: [{ row: 2, column: "value", value: "-3", code: "negative_value", … }] }
 */
export const validateObservationTable = (
  table: DataTable,
  register: ImportRegister,
  opts: { readonly format?: ImportFormat; readonly now?: Date } = {},
): ImportValidation => {
  const format = opts.format ?? detectImportFormat(table.columns)
  const issues: ImportIssue[] = []
  const values: ImportedValue[] = []
  const issue = (code: string, row: number, column: string, value: Cell, en: string, zh: string) => issues.push({ code, row, column, value, en, zh })
  // A problem of the value rule, at a cell (the cell as read, not the number made of it).
  const broke = (p: ValueProblem, row: number, column: string, value: Cell) => issue(p.code, row, column, value, p.en, p.zh)

  type Zone = ImportRegister["clusters"][number]
  type Def = ImportRegister["indicators"][number]
  const clusterById = new Map<string, Zone>(register.clusters.map((c) => [c.id, c]))
  const clusterByName = new Map<string, Zone>(register.clusters.map((c) => [c.name, c]))
  const indicatorByKey = new Map<string, Def>()
  for (const d of register.indicators) {
    indicatorByKey.set(d.zh, d)
    indicatorByKey.set(d.en.toLowerCase(), d)
  }
  for (const d of register.indicators) indicatorByKey.set(d.code, d) // codes win over names
  const indicatorOf = (key: string) => indicatorByKey.get(key.trim()) ?? indicatorByKey.get(key.trim().toLowerCase())

  const clusterCol = findColumn(table.columns, "cluster")
  const periodCol = findColumn(table.columns, "period")
  const indicatorCol = format === "long" ? findColumn(table.columns, "indicator") : undefined
  const valueCol = format === "long" ? findColumn(table.columns, "value") : undefined
  const sourceCol = findColumn(table.columns, "source")
  const noteCol = findColumn(table.columns, "note")

  const required: Array<[Role, string | undefined]> = [
    ["cluster", clusterCol],
    ["period", periodCol],
    ...(format === "long"
      ? ([
          ["indicator", indicatorCol],
          ["value", valueCol],
        ] as Array<[Role, string | undefined]>)
      : []),
  ]
  for (const [role, col] of required) {
    if (col === undefined) {
      issue(
        "missing_column",
        1,
        role,
        null,
        `missing column "${role}" (accepted headers: ${ALIASES[role].join(", ")})`,
        `缺少“${role}”列（可用表头：${ALIASES[role].join("、")}）`,
      )
    }
  }

  // Wide layout: every other column is an indicator.
  const indicatorColumns: Array<{ column: string; def: Def }> = []
  if (format === "wide") {
    const fixed = new Set([clusterCol, periodCol, sourceCol, noteCol])
    for (const column of table.columns) {
      if (fixed.has(column)) continue
      const def = indicatorOf(column)
      if (def) indicatorColumns.push({ column, def })
      else
        issue(
          "unknown_indicator",
          1,
          column,
          column,
          `column "${column}" is not an indicator of the catalogue (use its code, Chinese or English name)`,
          `列“${column}”不是指标目录中的指标（请使用指标代码、中文名或英文名）`,
        )
    }
    if (indicatorColumns.length === 0 && issues.length === 0) {
      issue("missing_column", 1, "indicator", null, "no indicator columns", "没有指标列")
    }
  }
  if (issues.length > 0) return { ok: false, format, issues }

  const seen = new Map<string, number>()
  const text = (cell: Cell | undefined): string | null => {
    const t = idText(cell ?? null)
    return t === undefined ? null : t
  }

  const checkValue = (row: number, column: string, cell: Cell | undefined, def: Def): number | undefined => {
    const c = cell ?? null
    if (typeof c === "string" && INFINITE_TEXT.has(c.trim().toLowerCase())) {
      issue("not_finite", row, column, c, `value ${show(c)} is not a finite number`, `数值 ${show(c)} 不是有限数`)
      return undefined
    } else if (isMissingCell(c)) {
      issue("missing_value", row, column, c, "missing value", "缺少数值")
      return undefined
    }
    const n = typeof c === "number" ? c : typeof c === "string" ? parseNumericText(c) : undefined
    if (n === undefined) {
      issue("not_numeric", row, column, c, `value ${show(c)} is not a number`, `数值 ${show(c)} 不是数字`)
      return undefined
    }
    const measure = measureProblem(def, n)
    if (measure) {
      broke(measure, row, column, c)
      return undefined
    }
    return n
  }

  table.rows.forEach((r, i) => {
    const row = i + 2
    const before = issues.length
    // Cluster
    const clusterCell = r[clusterCol!] ?? null
    const clusterKey = text(clusterCell)
    const zone = clusterKey === null ? undefined : (clusterById.get(clusterKey) ?? clusterByName.get(clusterKey))
    if (clusterKey === null) issue("unknown_cluster", row, clusterCol!, clusterCell, "missing cluster", "缺少集聚区")
    else {
      const p = zoneProblem(clusterKey, zone)
      if (p) broke(p, row, clusterCol!, clusterCell)
    }
    const cluster = zone !== undefined && zone.archivedAt == null ? zone.id : undefined
    // Period
    const periodCell = r[periodCol!] ?? null
    const periodText = text(periodCell)
    const periodIssue = periodProblem(periodText ?? show(periodCell), opts.now)
    if (periodIssue) broke(periodText === null ? { ...periodIssue, ...badPeriodText(periodCell) } : periodIssue, row, periodCol!, periodCell)
    const period = periodText !== null && periodIssue === undefined ? periodText : undefined
    const source = sourceCol ? text(r[sourceCol]) : null
    const note = noteCol ? text(r[noteCol]) : null
    const cells: Array<{ def: Def; column: string; cell: Cell | undefined; at: string; key: Cell }> = []
    if (format === "long") {
      const indCell = r[indicatorCol!] ?? null
      const key = text(indCell)
      const def = key === null ? undefined : indicatorOf(key)
      if (def === undefined) {
        if (key === null) issue("unknown_indicator", row, indicatorCol!, indCell, "missing indicator", "缺少指标")
        else broke(indicatorProblem(key, undefined)!, row, indicatorCol!, indCell)
        // Still check the value's form so one pass reports everything in the row.
        const v = r[valueCol!] ?? null
        if (!isMissingCell(v) && typeof v === "string" && parseNumericText(v) === undefined)
          issue("not_numeric", row, valueCol!, v, `value ${show(v)} is not a number`, `数值 ${show(v)} 不是数字`)
      } else cells.push({ def, column: valueCol!, cell: r[valueCol!], at: indicatorCol!, key: indCell })
    } else {
      // A blank cell in a yearbook table means "not reported", not an error.
      for (const { column, def } of indicatorColumns)
        if (!isMissingCell(r[column] ?? null)) cells.push({ def, column, cell: r[column], at: column, key: r[column] ?? null })
    }
    for (const { def, column, cell, at, key: named } of cells) {
      // An archived indicator takes no new values: each value offered for it is refused where it stands.
      const closed = indicatorProblem(def.code, def)
      if (closed) {
        broke(closed, row, at, format === "long" ? named : (cell ?? null))
        continue
      }
      const value = checkValue(row, column, cell, def)
      if (cluster === undefined || period === undefined || value === undefined) continue
      const key = `${cluster}\u0000${period}\u0000${def.code}`
      const first = seen.get(key)
      if (first !== undefined) {
        broke(givenTwice(cluster, period, def.code, first, cell ?? null), row, column, cell ?? null)
        continue
      }
      seen.set(key, row)
      if (issues.length === before)
        values.push({
          cluster: cluster as ClusterId,
          period: period as Period,
          indicator: def.code,
          value,
          source,
          note,
          row,
        })
    }
  })
  return issues.length > 0 ? { ok: false, format, issues } : { ok: true, format, values }
}

/**
 * The InputError for a refused import: code "invalid_rows", every issue with its own code, row, column, value and
 * both languages.
 * @example throw invalidRowsError("data.csv", validation.issues)
 */
export const invalidRowsError = (fileName: string, issues: ReadonlyArray<ImportIssue>): InputError => {
  const rows = new Set(issues.map((i) => i.row)).size
  return new InputError({
    code: "invalid_rows",
    message: `${fileName}: ${issues.length} problem(s) in ${rows} row(s); nothing was imported`,
    zh: `${fileName}：${rows} 行共 ${issues.length} 处问题；未导入任何数据`,
    issues: issues.map((i) => ({ code: i.code, row: i.row, column: i.column, value: i.value, en: i.en, zh: i.zh })),
  })
}
