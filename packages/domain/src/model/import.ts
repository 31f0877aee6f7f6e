/**
 * Validation of an observation import table (CSV / XLSX already read into a {@link DataTable}) against the register:
 * pure, store-independent, so the CLI, the API and the browser form report the same problems.
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
import { InputError } from "./errors.js"
import type { IndicatorDefinition } from "./Indicator.js"
import type { ClusterId, IndicatorCode } from "./ids.js"
import type { Period } from "./Period.js"

/** The two table layouts an import accepts. */
export type ImportFormat = "long" | "wide"

/** What an import is checked against: the clusters and indicators of the register. */
export interface ImportRegister {
  readonly clusters: ReadonlyArray<{ readonly id: string; readonly name: string }>
  readonly indicators: ReadonlyArray<IndicatorDefinition>
}

/** One problem in one cell of the table. */
export interface ImportIssue {
  /** Stable code: missing_column, unknown_cluster, unknown_indicator, bad_period, missing_value, not_numeric, not_finite, negative_value, duplicate_key. */
  readonly code: string
  /** Row as the spreadsheet shows it (header = 1). */
  readonly row: number
  readonly column: string
  readonly value: Cell
  readonly reason: string
  readonly reason_zh: string
}

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

const PERIOD = /^(19|20)\d{2}(Q[1-4]|-(0[1-9]|1[0-2]))?$/
const INFINITE_TEXT = new Set(["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "-∞", "#div/0!", "#num!"])

const show = (v: Cell): string => (typeof v === "string" ? `"${v}"` : String(v))

/**
 * Check every row of an observation table against the register and return either the values to store or every
 * problem found. Clusters are matched by id or exact name; indicators by code, Chinese or English name.
 *
 * @example
 * validateObservationTable({ columns: ["cluster","period","indicator","value"],
 *   rows: [{ cluster: "hb-qihe", period: 2024, indicator: "revenue", value: "-3" }] }, register)
 * // { ok: false, issues: [{ row: 2, column: "value", value: "-3", code: "negative_value", … }] }
 */
export const validateObservationTable = (table: DataTable, register: ImportRegister, opts: { readonly format?: ImportFormat } = {}): ImportValidation => {
  const format = opts.format ?? detectImportFormat(table.columns)
  const issues: ImportIssue[] = []
  const values: ImportedValue[] = []
  const issue = (code: string, row: number, column: string, value: Cell, reason: string, reason_zh: string) =>
    issues.push({ code, row, column, value, reason, reason_zh })

  const clusterById = new Map(register.clusters.map((c) => [c.id, c.id]))
  const clusterByName = new Map(register.clusters.map((c) => [c.name, c.id]))
  const indicatorByKey = new Map<string, IndicatorDefinition>()
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
  const indicatorColumns: Array<{ column: string; def: IndicatorDefinition }> = []
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

  const checkValue = (row: number, column: string, cell: Cell | undefined, def: IndicatorDefinition): number | undefined => {
    const c = cell ?? null
    if (typeof c === "number") {
      if (!Number.isFinite(c)) {
        issue("not_finite", row, column, c, `value ${show(c)} is not a finite number`, `数值 ${show(c)} 不是有限数`)
        return undefined
      }
    } else if (typeof c === "string" && INFINITE_TEXT.has(c.trim().toLowerCase())) {
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
    if (n < 0 && !def.allowNegative) {
      issue("negative_value", row, column, c, `${def.en} (${def.code}) cannot be negative: ${n}`, `${def.zh}（${def.code}）不能为负数：${n}`)
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
    const cluster = clusterKey === null ? undefined : (clusterById.get(clusterKey) ?? clusterByName.get(clusterKey))
    if (cluster === undefined) {
      if (clusterKey === null) issue("unknown_cluster", row, clusterCol!, clusterCell, "missing cluster", "缺少集聚区")
      else
        issue(
          "unknown_cluster",
          row,
          clusterCol!,
          clusterCell,
          `unknown cluster ${show(clusterCell)} (not an id or name in the register)`,
          `未知的集聚区 ${show(clusterCell)}（名录中没有此编号或名称）`,
        )
    }
    // Period
    const periodCell = r[periodCol!] ?? null
    const periodText = text(periodCell)
    const period = periodText !== null && PERIOD.test(periodText) ? periodText : undefined
    if (period === undefined) {
      issue(
        "bad_period",
        row,
        periodCol!,
        periodCell,
        `bad period ${show(periodCell)}: expected "2025", "2025Q1" or "2025-03"`,
        `期间 ${show(periodCell)} 无效：应为 "2025"、"2025Q1" 或 "2025-03"`,
      )
    }
    const source = sourceCol ? text(r[sourceCol]) : null
    const note = noteCol ? text(r[noteCol]) : null
    const cells: Array<{ def: IndicatorDefinition; column: string; cell: Cell | undefined }> = []
    if (format === "long") {
      const indCell = r[indicatorCol!] ?? null
      const key = text(indCell)
      const def = key === null ? undefined : indicatorOf(key)
      if (def === undefined) {
        issue(
          "unknown_indicator",
          row,
          indicatorCol!,
          indCell,
          key === null ? "missing indicator" : `unknown indicator ${show(indCell)}`,
          key === null ? "缺少指标" : `未知的指标 ${show(indCell)}`,
        )
        // Still check the value's form so one pass reports everything in the row.
        const v = r[valueCol!] ?? null
        if (!isMissingCell(v) && typeof v === "string" && parseNumericText(v) === undefined)
          issue("not_numeric", row, valueCol!, v, `value ${show(v)} is not a number`, `数值 ${show(v)} 不是数字`)
      } else cells.push({ def, column: valueCol!, cell: r[valueCol!] })
    } else {
      // A blank cell in a yearbook table means "not reported", not an error.
      for (const { column, def } of indicatorColumns) if (!isMissingCell(r[column] ?? null)) cells.push({ def, column, cell: r[column] })
    }
    for (const { def, column, cell } of cells) {
      const value = checkValue(row, column, cell, def)
      if (cluster === undefined || period === undefined || value === undefined) continue
      const key = `${cluster}\u0000${period}\u0000${def.code}`
      const first = seen.get(key)
      if (first !== undefined) {
        issue(
          "duplicate_key",
          row,
          column,
          cell ?? null,
          `duplicate: ${cluster} ${period} ${def.code} is already given in row ${first}`,
          `重复：${cluster} ${period} ${def.code} 已在第 ${first} 行给出`,
        )
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
 * The InputError for a refused import: code "invalid_rows", every issue with row, column, value and both languages.
 * @example throw invalidRowsError("data.csv", validation.issues)
 */
export const invalidRowsError = (fileName: string, issues: ReadonlyArray<ImportIssue>): InputError => {
  const rows = new Set(issues.map((i) => i.row)).size
  return new InputError({
    code: "invalid_rows",
    message: `${fileName}: ${issues.length} problem(s) in ${rows} row(s); nothing was imported`,
    zh: `${fileName}：${rows} 行共 ${issues.length} 处问题；未导入任何数据`,
    issues: issues.map((i) => ({ row: i.row, column: i.column, value: i.value, en: i.reason, zh: i.reason_zh })),
  })
}
