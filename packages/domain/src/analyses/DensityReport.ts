import { type KernelDensity, kernelDensity } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { inPeriod, periodRows } from "./periods.js"
import { variableValues } from "./variable.js"

/** Options of the kernel density (the flags of `jiju density`). */
export interface DensityReportOptions {
  /** Column of the values, or an expression such as gdp / pop or log(gdp). */
  readonly value: string
  /** Column of the periods: one density per period. */
  readonly periodCol?: string | undefined
}

/** The values of a column or expression, every row required. */
const allValues = (table: DataTable, expr: string): Float64Array =>
  variableValues(
    table,
    expr,
    table.rows.map((_, i) => String(i + 1)),
  )

/** One density as JSON. */
const densityDoc = (d: KernelDensity) => ({ n: d.n, bandwidth: d.bandwidth, x: Array.from(d.x), y: Array.from(d.y) })

/**
 * Gaussian kernel density of a column as R's density() defaults (bw.nrd0, 512 points, cut 3), for all rows or
 * per period. Missing values are errors naming the row.
 * @example densityReport(table, { value: "gdp_pc", periodCol: "year" }).periods[0].bandwidth
 */
export const densityReport = (table: DataTable, options: DensityReportOptions) => {
  const all = allValues(table, options.value)
  const notes = [
    {
      en: "Gaussian kernel, bandwidth bw.nrd0 = 0.9·min(sd, IQR/1.34)·n^(−1/5), 512 points from min − 3·bw to max + 3·bw, by R 4.2's binned algorithm (density() defaults)",
      zh: "高斯核，带宽 bw.nrd0 = 0.9·min(sd, IQR/1.34)·n^(−1/5)，自 min − 3·bw 至 max + 3·bw 共 512 点，采用 R 4.2 density() 默认的分箱算法",
    },
  ]
  if (options.periodCol === undefined) return { value: options.value, ...densityDoc(kernelDensity(all)), notes }
  const periods = periodRows(table, options.periodCol).map(({ period, rows }) => ({
    period,
    ...densityDoc(inPeriod(period, () => kernelDensity(Float64Array.from(rows, (r) => all[r]!)))),
  }))
  return { value: options.value, period_col: options.periodCol, periods, notes }
}
