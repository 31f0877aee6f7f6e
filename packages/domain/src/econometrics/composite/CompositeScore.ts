import type { Bilingual } from "../../model/errors.js"
import { inputError } from "../../model/errors.js"
import type { Direction } from "../../model/Indicator.js"
import { entropyWeights } from "./EntropyWeights.js"
import { type NormaliseMethod, normalise } from "./Normalise.js"
import { equalWeights, givenWeights } from "./Weights.js"

/**
 * Weighted sum S_i = Σ_j w_j x'_ij of normalised columns (综合得分).
 * @param columns one array per indicator (n units each); `weights` one per column.
 * @throws InputError `ragged` when lengths disagree.
 * @example compositeScore([[0, 1], [1, 0]], [0.75, 0.25]) // [0.25, 0.75]
 */
export const compositeScore = (columns: ReadonlyArray<ArrayLike<number>>, weights: ArrayLike<number>): Float64Array => {
  if (columns.length !== weights.length)
    throw inputError("ragged", `${columns.length} columns but ${weights.length} weights`, `${columns.length} 列但有 ${weights.length} 个权重`)
  const n = columns[0]?.length ?? 0
  const out = new Float64Array(n)
  columns.forEach((col, j) => {
    if (col.length !== n)
      throw inputError("ragged", `column #${j + 1} has ${col.length} values, expected ${n}`, `第 ${j + 1} 列有 ${col.length} 个值，应为 ${n} 个`)
    const w = weights[j]!
    for (let i = 0; i < n; i++) out[i]! += w * col[i]!
  })
  return out
}

/** How {@link compositeIndex} weights indicators. */
export type CompositeWeighting = "entropy" | "equal" | { readonly given: ArrayLike<number> }

/** One indicator fed to {@link compositeIndex}. */
export interface IndicatorColumn {
  readonly name: string
  readonly values: ArrayLike<number>
  readonly direction?: Direction
}

/** Options of {@link compositeIndex}. */
export interface CompositeIndexOptions {
  /** `minmax` (default) or `shifted` (entropy weights need non-negative values, so `zscore` is refused with entropy). */
  readonly method?: NormaliseMethod
  readonly shiftedRange?: readonly [number, number]
  /** `entropy` (default), `equal` or `{ given: [...] }`. */
  readonly weighting?: CompositeWeighting
}

/** Everything {@link compositeIndex} computed, ready to explain term by term. */
export interface CompositeIndex {
  readonly names: ReadonlyArray<string>
  /** Normalised columns, same order as `names`. */
  readonly normalised: ReadonlyArray<Float64Array>
  readonly weights: Float64Array
  /** Present with entropy weighting. */
  readonly entropy?: Float64Array
  readonly scores: Float64Array
  readonly notes: ReadonlyArray<Bilingual>
}

/**
 * Normalise each indicator, weight (entropy by default) and sum: the usual 熵值法综合评价 pipeline.
 * @example compositeIndex([{ name: "gdp", values: [1, 2, 3] }, { name: "energy", values: [3, 2, 2], direction: "negative" }])
 */
export const compositeIndex = (indicators: ReadonlyArray<IndicatorColumn>, options: CompositeIndexOptions = {}): CompositeIndex => {
  if (indicators.length === 0) throw inputError("empty", "no indicators", "没有指标")
  const method = options.method ?? "minmax"
  const weighting = options.weighting ?? "entropy"
  if (weighting === "entropy" && method === "zscore")
    throw inputError("bad_option", "entropy weights need min-max or shifted normalisation, not z-scores", "熵值法须使用极差或平移极差标准化，不能用 Z 分数")
  const names = indicators.map((c) => c.name)
  const normalised = indicators.map((c) =>
    normalise(c.values, { method, direction: c.direction ?? "positive", shiftedRange: options.shiftedRange ?? [0.01, 0.99], label: c.name }),
  )
  const notes: Bilingual[] = []
  let weights: Float64Array
  let entropy: Float64Array | undefined
  if (weighting === "entropy") {
    const ew = entropyWeights(normalised, names)
    weights = ew.weights
    entropy = ew.entropy
    if (ew.degenerate) notes.push({ en: "every indicator is constant; equal weights used", zh: "所有指标均为常数，改用等权重" })
  } else if (weighting === "equal") {
    weights = equalWeights(indicators.length).weights
  } else {
    const g = givenWeights(weighting.given, indicators.length, names)
    weights = g.weights
    if (g.note) notes.push(g.note)
  }
  const scores = compositeScore(normalised, weights)
  return entropy ? { names, normalised, weights, entropy, scores, notes } : { names, normalised, weights, scores, notes }
}
