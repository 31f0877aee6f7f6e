import { type CouplingCoordination, type CouplingSubsystem, couplingCoordination } from "../econometrics/index.js"
import type { Cell, DataTable } from "../io/DataTable.js"
import { idText, numericColumn, requireColumn, stringColumn } from "../io/index.js"

/** One indicator column of a subsystem and its direction. */
export interface CouplingIndicatorColumn {
  readonly column: string
  readonly direction: "positive" | "negative"
}

/** Options of a coupling coordination analysis (the flags of `jiju coupling`). */
export interface CouplingReportOptions {
  /** Column naming the unit. */
  readonly id: string
  /** Column naming the period, when rows span several periods. */
  readonly period?: string | undefined
  readonly subsystems: ReadonlyArray<{ readonly name: string; readonly indicators: ReadonlyArray<CouplingIndicatorColumn> }>
  readonly weighting?: "entropy" | "equal" | undefined
  readonly normalise?: "minmax" | "shifted" | undefined
  /** Contribution of each subsystem to T, in subsystem order (default equal). */
  readonly alpha?: ReadonlyArray<number> | undefined
}

/**
 * A column written as "col", "+col" (positive) or "-col" (negative indicator).
 * @example signedIndicator("-so2") // { column: "so2", direction: "negative" }
 */
export const signedIndicator = (text: string): CouplingIndicatorColumn =>
  text.startsWith("-")
    ? { column: text.slice(1).trim(), direction: "negative" }
    : { column: text.startsWith("+") ? text.slice(1).trim() : text, direction: "positive" }

/** The coupling result with the id and period of each row. */
export interface CouplingAnalysis {
  readonly ids: ReadonlyArray<string>
  readonly periods: ReadonlyArray<Cell> | undefined
  readonly weighting: "entropy" | "equal"
  readonly normalise: "minmax" | "shifted"
  readonly result: CouplingCoordination
}

/**
 * Coupling coordination degree of 2+ subsystems; normalisation and entropy weights pool all rows.
 * Throws InputError "unknown_column" (checked for every named column first), "not_numeric", ….
 * @example couplingAnalysis(table, { id: "city", subsystems: [{ name: "econ", indicators: [signedIndicator("gdp")] }, …] })
 */
export const couplingAnalysis = (table: DataTable, options: CouplingReportOptions): CouplingAnalysis => {
  const weighting = options.weighting ?? "entropy"
  const normalise = options.normalise ?? "minmax"
  const period = options.period
  // check every named column first so one message lists what is available
  for (const c of [options.id, ...(period ? [period] : []), ...options.subsystems.flatMap((s) => s.indicators.map((i) => i.column))]) requireColumn(table, c)
  const ids = stringColumn(table, options.id)
  const periods = period ? table.rows.map((r) => r[period] ?? null) : undefined
  const subsystems: CouplingSubsystem[] = options.subsystems.map((s) => ({
    name: s.name,
    indicators: s.indicators.map((i) => ({ name: i.column, values: numericColumn(table, i.column), direction: i.direction })),
  }))
  const result = couplingCoordination(subsystems, { weighting, normalise, ...(options.alpha ? { alpha: [...options.alpha] } : {}) })
  return { ids, periods, weighting, normalise, result }
}

/**
 * The JSON document of a coupling analysis (what `jiju coupling --json` prints).
 * @example couplingDocument(couplingAnalysis(table, options)).rows[0]?.D
 */
export const couplingDocument = (a: CouplingAnalysis) => {
  const { result, ids, periods } = a
  const rows = result.rows.map((r, k) => ({
    id: ids[k]!,
    period: periods ? (typeof periods[k] === "string" ? (idText(periods[k]) ?? null) : periods[k]!) : null,
    U: r.U,
    C: r.C,
    C_corrected: r.C_corrected,
    T: r.T,
    D: r.D,
    D_corrected: r.D_corrected,
    level: { code: r.level.code, zh: r.level.zh, en: r.level.en, grade: r.level.grade },
    level_corrected: { code: r.level_corrected.code, zh: r.level_corrected.zh, en: r.level_corrected.en, grade: r.level_corrected.grade },
    lagging: r.lagging,
  }))
  return {
    weights: result.weights,
    alpha: result.alpha,
    weighting: a.weighting,
    normalise: a.normalise,
    rows,
    boundary_rule: result.boundary_rule,
    notes: result.notes,
  }
}

/**
 * The document `jiju coupling --json` prints.
 * @example couplingReport(table, { id: "zone", subsystems }).rows[0].D
 */
export const couplingReport = (table: DataTable, options: CouplingReportOptions) => couplingDocument(couplingAnalysis(table, options))
