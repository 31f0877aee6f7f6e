import type { DataTable } from "../io/DataTable.js"
import { requireColumn, stringColumn } from "../io/index.js"
import { InputError, inputError } from "../model/errors.js"

/**
 * Period labels in time order: numerically when every label is a number (2009 before 2010, 9 before 10),
 * otherwise as text.
 * @example sortPeriods(["2010", "2009", "2011"]) // ["2009", "2010", "2011"]
 */
export const sortPeriods = (labels: Iterable<string>): string[] => {
  const all = [...new Set(labels)]
  const numeric = all.every((l) => l.trim() !== "" && Number.isFinite(Number(l)))
  return numeric ? all.sort((a, b) => Number(a) - Number(b)) : all.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * The rows of each period of a table (0-based row indices), periods in time order; with `only`, just that period
 * (InputError "unknown_period" listing the periods when it is absent).
 * @example periodRows(table, "year") // [{ period: "2019", rows: [0, 1, …] }, …]
 */
export const periodRows = (table: DataTable, column: string, only?: string): Array<{ readonly period: string; readonly rows: number[] }> => {
  requireColumn(table, column)
  const labels = stringColumn(table, column)
  const order = sortPeriods(labels)
  const byPeriod = new Map<string, number[]>(order.map((p) => [p, []]))
  labels.forEach((l, i) => {
    byPeriod.get(l)!.push(i)
  })
  if (only !== undefined) {
    if (!byPeriod.has(only))
      throw inputError(
        "unknown_period",
        `period "${only}" is not in column "${column}"; periods: ${order.join(", ")}`,
        `列“${column}”中没有时期“${only}”；现有时期：${order.join("、")}`,
        { column, value: only },
      )
    return [{ period: only, rows: byPeriod.get(only)! }]
  }
  return order.map((period) => ({ period, rows: byPeriod.get(period)! }))
}

/**
 * Run one period's computation, naming the period in any InputError it raises.
 * @internal
 * @example inPeriod("2019", () => kernelDensity(values))
 */
export const inPeriod = <T>(period: string, f: () => T): T => {
  try {
    return f()
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError({
        code: e.code,
        message: `period ${period}: ${e.message}`,
        zh: `时期 ${period}：${e.zh}`,
        ...(e.issues ? { issues: e.issues } : {}),
      })
    throw e
  }
}
