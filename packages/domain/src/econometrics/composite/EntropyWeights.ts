import { inputError } from "../../model/errors.js"

/** Result of {@link entropyWeights}, one entry per indicator column. */
export interface EntropyWeights {
  /** w_j = (1 − e_j)/Σ_k (1 − e_k); sums to 1. */
  readonly weights: Float64Array
  /** e_j = −(1/ln n) Σ_i p_ij ln p_ij, in [0, 1]. */
  readonly entropy: Float64Array
  /** d_j = 1 − e_j (信息效用值 / degree of divergence). */
  readonly divergence: Float64Array
  /** True when every column carries no information (all d_j = 0); the weights are then equal. */
  readonly degenerate: boolean
}

/**
 * Entropy weights (熵值法) of already-normalised, non-negative indicator columns (domain.md §3):
 * p_ij = x'_ij / Σ_i x'_ij, e_j = −(1/ln n) Σ_i p_ij ln p_ij with 0·ln 0 = 0, w_j = (1 − e_j)/Σ_k (1 − e_k).
 *
 * A column whose sum is 0 (every unit at the minimum under plain min-max) has no distribution to measure:
 * it gets e_j = 1, i.e. weight 0, like any other constant column. When all columns are like that the
 * weights are equal and `degenerate` is true.
 *
 * @param columns one array per indicator, each holding the n units' normalised values (n ≥ 2).
 * @throws InputError `too_few_units` (n < 2), `ragged` (columns of unequal length), `negative_value`
 *   (entropy needs x' ≥ 0: use min-max or shifted, not z-scores), `not_finite`.
 * @example entropyWeights([[0, 0.5, 1], [1, 1, 1]]).weights // [1, 0]
 */
export const entropyWeights = (columns: ReadonlyArray<ArrayLike<number>>, labels?: ReadonlyArray<string>): EntropyWeights => {
  const k = columns.length
  if (k === 0) throw inputError("empty", "no indicator columns", "没有指标列")
  const n = columns[0]!.length
  if (n < 2) throw inputError("too_few_units", `entropy weights need at least 2 units, got ${n}`, `熵值法至少需要 2 个评价单元，实际 ${n} 个`)
  const entropy = new Float64Array(k)
  const divergence = new Float64Array(k)
  const lnN = Math.log(n)
  for (let j = 0; j < k; j++) {
    const col = columns[j]!
    const name = labels?.[j] ?? `#${j + 1}`
    if (col.length !== n)
      throw inputError("ragged", `column ${name} has ${col.length} values, expected ${n}`, `列 ${name} 有 ${col.length} 个值，应为 ${n} 个`, {
        column: labels?.[j],
      })
    let sum = 0
    for (let i = 0; i < n; i++) {
      const x = col[i]!
      if (!Number.isFinite(x))
        throw inputError("not_finite", `column ${name}, row ${i + 1}: ${x} is not a finite number`, `列 ${name} 第 ${i + 1} 行：${x} 不是有限数值`, {
          row: i + 1,
          column: labels?.[j],
          value: x,
        })
      if (x < 0)
        throw inputError(
          "negative_value",
          `column ${name}, row ${i + 1}: ${x} is negative; entropy weights need non-negative normalised values (min-max or shifted)`,
          `列 ${name} 第 ${i + 1} 行：${x} 为负；熵值法要求标准化值非负（请用极差或平移极差法）`,
          { row: i + 1, column: labels?.[j], value: x },
        )
      sum += x
    }
    let e = 1
    if (sum > 0) {
      let h = 0
      for (let i = 0; i < n; i++) {
        const p = col[i]! / sum
        if (p > 0) h -= p * Math.log(p) // 0·ln 0 = 0
      }
      e = Math.min(1, h / lnN) // rounding can push h/ln n a hair above 1
    }
    entropy[j] = e
    divergence[j] = 1 - e
  }
  const total = divergence.reduce((a, b) => a + b, 0)
  const degenerate = !(total > 0)
  const weights = degenerate ? new Float64Array(k).fill(1 / k) : divergence.map((d) => d / total)
  return { weights, entropy, divergence, degenerate }
}
