import { inputError } from "../../model/errors.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { type MarkovChain, markovChain } from "./MarkovChain.js"
import { quantileClasses } from "./QuantileClasses.js"

/** A balanced panel for the Markov chains: values[i·T + t] is unit ids[i] in period periods[t] (periods in time order). */
export interface MarkovPanel {
  readonly ids: ReadonlyArray<string>
  readonly periods: ReadonlyArray<string>
  readonly values: Float64Array
}

/** How values are put into quantile classes: over all periods pooled (giddy fixed = True) or period by period. */
export type MarkovClassify = "pooled" | "period"

/** Class bounds: one set for the pooled values, or one per period. */
export interface ClassBounds {
  /** The period the bounds belong to, or null for the pooled values. */
  readonly period: string | null
  readonly bounds: ReadonlyArray<number>
}

/** The classic (aspatial) Markov chain of quantile classes. */
export interface ClassicMarkovResult {
  readonly k: number
  readonly classify: MarkovClassify
  readonly cutoffs: ReadonlyArray<ClassBounds>
  /** Class (0-based) of each unit and period, aligned with panel.values. */
  readonly classes: Int32Array
  readonly chain: MarkovChain
}

/** Rey's (2001) spatial Markov chains: one chain per class of the neighbours' spatial lag. */
export interface SpatialMarkovResult extends ClassicMarkovResult {
  /** Bounds of the lag classes. */
  readonly lagCutoffs: ReadonlyArray<ClassBounds>
  /** Lag class (0-based) of each unit and period. */
  readonly lagClasses: Int32Array
  /** chains[c]: transitions of units whose lag was in class c at the start of the transition. */
  readonly chains: ReadonlyArray<MarkovChain>
}

const classify = (panel: MarkovPanel, values: Float64Array, k: number, how: MarkovClassify, label: string) => {
  const n = panel.ids.length
  const T = panel.periods.length
  if (how === "pooled") {
    const q = quantileClasses(values, k, label)
    return { classes: q.classes, cutoffs: [{ period: null, bounds: q.cutoffs }] as ClassBounds[] }
  }
  const classes = new Int32Array(n * T)
  const cutoffs: ClassBounds[] = []
  for (let t = 0; t < T; t++) {
    const column = Float64Array.from({ length: n }, (_, i) => values[i * T + t]!)
    const q = quantileClasses(column, k, `${label}, period ${panel.periods[t]}`)
    for (let i = 0; i < n; i++) classes[i * T + t] = q.classes[i]!
    cutoffs.push({ period: panel.periods[t]!, bounds: q.cutoffs })
  }
  return { classes, cutoffs }
}

const checkPanel = (panel: MarkovPanel) => {
  const n = panel.ids.length
  const T = panel.periods.length
  if (panel.values.length !== n * T) throw new RangeError(`panel has ${panel.values.length} values, expected ${n} units × ${T} periods`)
  if (T < 2)
    throw inputError("too_few_periods", `a Markov chain needs at least 2 periods, got ${T}`, `马尔可夫链至少需要 2 个时期，实际为 ${T}`, { column: "period" })
  for (let i = 0; i < n * T; i++)
    if (!Number.isFinite(panel.values[i]!))
      throw inputError(
        "not_finite",
        `unit "${panel.ids[Math.floor(i / T)]}", period ${panel.periods[i % T]}: the value is missing or not finite`,
        `单元“${panel.ids[Math.floor(i / T)]}”第 ${panel.periods[i % T]} 期：数值缺失或不是有限数值`,
        { value: panel.values[i] },
      )
}

/** Transition counts from period t to t + 1 of every unit, split by an optional conditioning class at t. */
const countTransitions = (n: number, T: number, k: number, classes: Int32Array, by?: Int32Array, m = 1): number[][][] => {
  const counts = Array.from({ length: m }, () => Array.from({ length: k }, () => new Array<number>(k).fill(0)))
  for (let i = 0; i < n; i++)
    for (let t = 0; t + 1 < T; t++) {
      const c = by ? by[i * T + t]! : 0
      counts[c]![classes[i * T + t]!]![classes[i * T + t + 1]!]! += 1
    }
  return counts
}

/**
 * The classic Markov chain of a panel: values put into k quantile classes (pooled over all periods, or period by
 * period) and the transitions of each unit from one period to the next counted, as PySAL giddy
 * `Markov(mapclassify.Quantiles(...).yb)`; see {@link markovChain} for the probabilities, steady state and first
 * mean passage times. Throws InputError "too_few_periods", "not_finite", "bad_classes" or "tied_class_bounds".
 * @example classicMarkov({ ids, periods, values }, 4).chain.probabilities
 */
export const classicMarkov = (panel: MarkovPanel, k: number, options: { readonly classify?: MarkovClassify } = {}): ClassicMarkovResult => {
  checkPanel(panel)
  const how = options.classify ?? "pooled"
  const { classes, cutoffs } = classify(panel, panel.values, k, how, "var")
  const counts = countTransitions(panel.ids.length, panel.periods.length, k, classes)[0]!
  return { k, classify: how, cutoffs, classes, chain: markovChain(counts) }
}

/**
 * Rey's (2001) spatial Markov chains as PySAL giddy `Spatial_Markov(y, w, k, m = k, fixed)`: the spatial lag
 * Σ_j w_ij y_jt of every unit and period is put into k quantile classes (the same pooling rule as the values), and
 * the transition of unit i from t to t + 1 is counted in the chain of its lag class at t. Also returns the classic
 * chain. `w` must have its rows in the order of panel.ids. Throws InputError "no_neighbours" for a unit without
 * neighbours (its lag class would be meaningless), and as {@link classicMarkov}.
 * @example spatialMarkov(panel, w, 4).chains[0].steadyState
 */
export const spatialMarkov = (panel: MarkovPanel, w: SpatialWeights, k: number, options: { readonly classify?: MarkovClassify } = {}): SpatialMarkovResult => {
  const classic = classicMarkov(panel, k, options)
  const n = panel.ids.length
  const T = panel.periods.length
  if (w.ids.length !== n) throw new RangeError(`weights have ${w.ids.length} units, the panel ${n}`)
  const { rowPtr, colIdx, values } = w
  for (let i = 0; i < n; i++)
    if (rowPtr[i + 1] === rowPtr[i])
      throw inputError(
        "no_neighbours",
        `unit "${panel.ids[i]}" has no neighbours, so its spatial lag class is undefined; choose weights that give every unit a neighbour`,
        `单元“${panel.ids[i]}”没有邻居，其空间滞后类别无定义；请选用使每个单元都有邻居的权重`,
        { value: panel.ids[i] },
      )
  const lag = new Float64Array(n * T)
  for (let i = 0; i < n; i++)
    for (let t = 0; t < T; t++) {
      let s = 0
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) s += values[p]! * panel.values[colIdx[p]! * T + t]!
      lag[i * T + t] = s
    }
  const { classes: lagClasses, cutoffs: lagCutoffs } = classify(panel, lag, k, classic.classify, "spatial lag")
  const counts = countTransitions(n, T, k, classic.classes, lagClasses, k)
  return { ...classic, lagCutoffs, lagClasses, chains: counts.map(markovChain) }
}
