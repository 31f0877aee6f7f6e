import { type DagumGiniResult, dagumGini, type TheilResult, theilIndex } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { requireColumn, stringColumn } from "../io/index.js"
import { InputError } from "../model/errors.js"
import { inPeriod, periodRows } from "./periods.js"
import { variableValues } from "./variable.js"

/** Options of the disparity decomposition (the flags of `jiju disparity`). */
export interface DisparityReportOptions {
  /** Column naming each row's group (e.g. east / central / west). */
  readonly group: string
  /** Column of the values (e.g. GDP per capita), or an expression such as gdp / pop. */
  readonly value: string
  /** Column of the periods: with it, one decomposition per period. */
  readonly periodCol?: string | undefined
  /** Only this period (needs periodCol). */
  readonly period?: string | undefined
}

/** The Dagum and Theil decompositions of one set of rows as JSON. */
const decomposition = (d: DagumGiniResult, t: TheilResult) => ({
  n: d.n,
  mean: d.mean,
  gini: d.gini,
  within: d.within,
  between: d.between,
  transvariation: d.transvariation,
  contributions: { within: d.within / d.gini, between: d.between / d.gini, transvariation: d.transvariation / d.gini },
  groups: Object.fromEntries(
    d.groups.map((g, j) => [
      g.name,
      { n: g.n, mean: g.mean, gini: g.gini, population_share: g.populationShare, value_share: g.valueShare, theil: t.groups[j]!.theil },
    ]),
  ),
  pairs: d.pairs.map((p) => ({ groups: p.groups, gini: p.gini, d: p.d })),
  theil: { total: t.total, within: t.within, between: t.between },
})

const rowsDecomposition = (table: DataTable, options: DisparityReportOptions, rows: ReadonlyArray<number>) => {
  const groups = stringColumn(table, options.group)
  const values = variableValues(
    table,
    options.value,
    table.rows.map((_, i) => String(i + 1)),
  )
  const v = Float64Array.from(rows, (r) => values[r]!)
  const g = rows.map((r) => groups[r]!)
  const dataRows = rows.map((r) => r + 1)
  return decomposition(dagumGini(v, g, dataRows), theilIndex(v, g, dataRows))
}

/**
 * Dagum's (1997) Gini decomposition (within, net between, transvariation; group Ginis; pair Ginis and D_jh)
 * and Theil's T (total, within, between) of a value by group, for all rows, one period, or every period.
 * Throws InputError "unknown_column", "not_numeric", "singleton_group", "constant_variable", "negative_value",
 * "too_few_groups", "unknown_period", or "usage" for a period without its column.
 * @example disparityReport(table, { group: "region", value: "gdp_pc", periodCol: "year" }).periods[0].gini
 */
export const disparityReport = (table: DataTable, options: DisparityReportOptions) => {
  requireColumn(table, options.group)
  const notes = [
    {
      en: "Dagum (1997): G = G_w + G_nb + G_t; D_jh with j the group of larger mean; Theil T = T_w + T_b with value shares",
      zh: "Dagum (1997)：G = G_w + G_nb + G_t；D_jh 中 j 为均值较大的组；泰尔指数 T = T_w + T_b，以数值份额加权",
    },
  ]
  if (options.periodCol === undefined) {
    if (options.period !== undefined)
      throw new InputError({
        code: "usage",
        message: "a period needs its column: give the period column too",
        zh: "指定时期时须同时给出时期列",
        issues: [{ column: "period", en: "needs the period column", zh: "需要时期列" }],
      })
    return {
      group: options.group,
      value: options.value,
      ...rowsDecomposition(
        table,
        options,
        table.rows.map((_, i) => i),
      ),
      notes,
    }
  }
  const periods = periodRows(table, options.periodCol, options.period).map(({ period, rows }) => ({
    period,
    ...inPeriod(period, () => rowsDecomposition(table, options, rows)),
  }))
  if (options.period !== undefined) return { group: options.group, value: options.value, ...periods[0]!, notes }
  return { group: options.group, value: options.value, period_col: options.periodCol, periods, notes }
}
