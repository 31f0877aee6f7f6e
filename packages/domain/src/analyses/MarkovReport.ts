import {
  type ClassicMarkovResult,
  classicMarkov,
  type MarkovChain,
  type MarkovClassify,
  type MarkovPanel,
  type SpatialMarkovResult,
  spatialMarkov,
} from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { requireColumn, stringColumn } from "../io/index.js"
import { InputError } from "../model/errors.js"
import { unitTable } from "./PanelReport.js"
import { sortPeriods } from "./periods.js"
import { variableValues } from "./variable.js"
import { buildWeights, type WeightsSpec } from "./WeightsSpec.js"

/** Options of the Markov chains (the flags of `jiju markov`). */
export interface MarkovReportOptions {
  /** Unit id column. */
  readonly id: string
  /** Period column. */
  readonly period: string
  /** Column name or expression. */
  readonly var: string
  /** Number of quantile classes k. */
  readonly classes: number
  /** "pooled" (default: bounds over all periods, giddy's fixed = True) or "period" (bounds per period). */
  readonly classify?: MarkovClassify | undefined
  /** Weights over the units (matched to the id column): adds Rey's spatial Markov chains. */
  readonly weights?: WeightsSpec | undefined
}

/**
 * The balanced panel of a long table (one row per unit and period): units in order of first appearance, periods in
 * time order. Throws InputError "duplicate_observation" or "unbalanced_panel" naming a missing unit and period.
 * @example markovPanel(table, { id: "province", period: "year", var: "gdp_pc", classes: 4 }).periods
 */
export const markovPanel = (table: DataTable, options: MarkovReportOptions): MarkovPanel => {
  requireColumn(table, options.id)
  requireColumn(table, options.period)
  const units = stringColumn(table, options.id)
  const periods = stringColumn(table, options.period)
  const values = variableValues(table, options.var, units)
  const ids = [...new Set(units)]
  const order = sortPeriods(periods)
  const u = new Map(ids.map((id, i) => [id, i]))
  const t = new Map(order.map((p, i) => [p, i]))
  const T = order.length
  const out = new Float64Array(ids.length * T).fill(Number.NaN)
  const seenAt = new Int32Array(ids.length * T).fill(-1)
  units.forEach((id, r) => {
    const at = u.get(id)! * T + t.get(periods[r]!)!
    if (seenAt[at]! >= 0) {
      const en = `unit "${id}" appears twice in period "${periods[r]}" (rows ${seenAt[at]! + 1} and ${r + 1})`
      const zh = `单元“${id}”在时期“${periods[r]}”出现两次（第 ${seenAt[at]! + 1} 行和第 ${r + 1} 行）`
      throw new InputError({ code: "duplicate_observation", message: en, zh, issues: [{ row: r + 1, en, zh }] })
    }
    seenAt[at] = r
    out[at] = values[r]!
  })
  const missing = seenAt.indexOf(-1)
  if (missing >= 0) {
    const id = ids[Math.floor(missing / T)]!
    const p = order[missing % T]!
    const en = `the panel is unbalanced: unit "${id}" has no row for period "${p}"; a Markov chain needs every unit in every period`
    const zh = `面板不平衡：单元“${id}”缺少时期“${p}”的数据；马尔可夫链要求每个单元在每个时期都有观测`
    throw new InputError({ code: "unbalanced_panel", message: en, zh, issues: [{ column: options.period, value: p, en, zh }] })
  }
  return { ids, periods: order, values: out }
}

const chainDoc = (c: MarkovChain) => ({
  counts: c.counts,
  probabilities: c.probabilities,
  totals: c.totals,
  steady_state: c.steadyState,
  first_mean_passage: c.firstMeanPassage,
  note: c.note,
})

const boundsDoc = (b: ClassicMarkovResult["cutoffs"]) => b.map((c) => ({ period: c.period, bounds: c.bounds }))

/**
 * The classic Markov chain of quantile classes and, with weights, Rey's spatial Markov chains conditioned on the
 * neighbours' lag class (as PySAL giddy): `jiju markov --json`.
 * @example markovReport(table, { id: "province", period: "year", var: "gdp_pc", classes: 4 }).classic.steady_state
 */
export const markovReport = (table: DataTable, options: MarkovReportOptions) => {
  const panel = markovPanel(table, options)
  const classify = options.classify ?? "pooled"
  let r: ClassicMarkovResult | SpatialMarkovResult
  if (options.weights === undefined) r = classicMarkov(panel, options.classes, { classify })
  else {
    const units = unitTable(table, options.id)
    const w = buildWeights(options.weights, units, stringColumn(units, options.id))
    r = spatialMarkov(panel, w, options.classes, { classify })
  }
  const spatial = "chains" in r ? r : undefined
  return {
    var: options.var,
    k: r.k,
    classify: r.classify,
    units: panel.ids.length,
    periods: panel.periods,
    transitions: panel.ids.length * (panel.periods.length - 1),
    cutoffs: boundsDoc(r.cutoffs),
    classic: chainDoc(r.chain),
    spatial:
      spatial === undefined
        ? null
        : {
            lag_cutoffs: boundsDoc(spatial.lagCutoffs),
            chains: spatial.chains.map((c, k) => ({ lag_class: k + 1, ...chainDoc(c) })),
          },
    notes: [
      {
        en: `classes 1 … ${r.k} by type-7 quantiles ${classify === "pooled" ? "of all periods pooled" : "of each period"}, upper bounds inclusive; transitions from each period to the next; first mean passage times with the mean recurrence times 1/π on the diagonal (Kemeny and Snell)${spatial ? "; spatial lag Σ_j w_ij y_jt classed the same way, a transition counted under the lag class at its start (Rey 2001)" : ""}`,
        zh: `按第 7 类分位数${classify === "pooled" ? "（各期合并）" : "（逐期）"}分为 1 … ${r.k} 类，上界包含在内；统计相邻两期之间的转移；首次平均通过时间矩阵对角线为平均返回时间 1/π（Kemeny 与 Snell）${spatial ? "；空间滞后 Σ_j w_ij y_jt 以同样方式分类，转移按起始期的滞后类别计入（Rey 2001）" : ""}`,
      },
    ],
  }
}
