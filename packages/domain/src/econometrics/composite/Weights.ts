import type { Bilingual } from "../../model/errors.js"
import { inputError } from "../../model/errors.js"

/** Weights over k indicators, summing to 1, with a note when the input had to be rescaled. */
export interface WeightSet {
  readonly weights: Float64Array
  /** Present when given weights did not sum to 1 and were divided by their sum. */
  readonly note?: Bilingual
}

/**
 * Equal weights 1/k.
 * @throws InputError `empty` when k < 1.
 * @example equalWeights(4).weights // [0.25, 0.25, 0.25, 0.25]
 */
export const equalWeights = (k: number): WeightSet => {
  if (!Number.isInteger(k) || k < 1) throw inputError("empty", `need at least one indicator, got ${k}`, `至少需要一个指标，实际 ${k}`)
  return { weights: new Float64Array(k).fill(1 / k) }
}

/**
 * Validate expert or policy weights: finite, non-negative, not all zero, and (when `k` is given) exactly k of them.
 * Weights that do not sum to 1 (beyond 1e-9) are divided by their sum and a note says so.
 * @throws InputError `bad_weights` naming the offending position (1-based) and value.
 * @example givenWeights([2, 1, 1]).weights // [0.5, 0.25, 0.25], note: "weights summed to 4; divided by the sum"
 */
export const givenWeights = (weights: ArrayLike<number>, k?: number, labels?: ReadonlyArray<string>): WeightSet => {
  const n = weights.length
  if (k !== undefined && n !== k)
    throw inputError("bad_weights", `expected ${k} weights, got ${n}`, `需要 ${k} 个权重，实际 ${n} 个`, { value: Array.from(weights) })
  if (n === 0) throw inputError("bad_weights", "no weights given", "未给出权重")
  let sum = 0
  for (let j = 0; j < n; j++) {
    const w = weights[j]!
    const name = labels?.[j] ?? `#${j + 1}`
    if (!Number.isFinite(w) || w < 0)
      throw inputError("bad_weights", `weight ${name} = ${w} must be a finite non-negative number`, `权重 ${name} = ${w} 须为有限非负数`, {
        column: labels?.[j],
        value: w,
      })
    sum += w
  }
  if (sum <= 0) throw inputError("bad_weights", "weights are all zero", "权重全为零", { value: Array.from(weights) })
  const out = Float64Array.from(weights, (w) => w / sum)
  if (Math.abs(sum - 1) <= 1e-9) return { weights: out }
  return {
    weights: out,
    note: { en: `weights summed to ${sum}; divided by the sum`, zh: `权重之和为 ${sum}，已按总和归一化` },
  }
}
