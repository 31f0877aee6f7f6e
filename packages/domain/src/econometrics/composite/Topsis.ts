import { inputError } from "../../model/errors.js"
import type { Direction } from "../../model/Indicator.js"

/** Result of {@link topsis}: per unit distances and closeness; per criterion the ideal points. */
export interface Topsis {
  /** C_i = D⁻_i / (D⁺_i + D⁻_i) in [0, 1]; larger is better. */
  readonly closeness: Float64Array
  /** Euclidean distance to the ideal solution (weighted, vector-normalised space). */
  readonly dPlus: Float64Array
  /** Euclidean distance to the anti-ideal solution. */
  readonly dMinus: Float64Array
  /** Positive ideal per criterion: max for positive, min for negative criteria. */
  readonly ideal: Float64Array
  readonly antiIdeal: Float64Array
}

/**
 * TOPSIS (逼近理想解排序法) on raw criteria columns.
 *
 * r_ij = x_ij / √(Σ_i x_ij²) (vector normalisation), v_ij = w_j r_ij; ideal A⁺_j = max_i v_ij for positive and
 * min_i v_ij for negative criteria (A⁻ the other way round); D±_i = √(Σ_j (v_ij − A±_j)²); C_i = D⁻_i/(D⁺_i + D⁻_i).
 * An all-zero column stays zero. When a unit is at both the ideal and the anti-ideal (all units identical on
 * every weighted criterion) its closeness is defined as 0.5.
 *
 * @param columns one array per criterion (n units each), raw values.
 * @param weights one non-negative weight per criterion (use givenWeights / entropyWeights first).
 * @param directions per criterion, default all positive.
 * @example topsis([[1, 2, 3]], [1]).closeness // [0, 0.5, 1]
 */
export const topsis = (columns: ReadonlyArray<ArrayLike<number>>, weights: ArrayLike<number>, directions?: ReadonlyArray<Direction>): Topsis => {
  const k = columns.length
  if (k === 0) throw inputError("empty", "no criteria", "没有评价指标")
  if (weights.length !== k) throw inputError("ragged", `${k} criteria but ${weights.length} weights`, `${k} 个指标但有 ${weights.length} 个权重`)
  if (directions && directions.length !== k)
    throw inputError("ragged", `${k} criteria but ${directions.length} directions`, `${k} 个指标但有 ${directions.length} 个方向`)
  const n = columns[0]!.length
  if (n === 0) throw inputError("empty", "no units", "没有评价单元")
  const v = columns.map((col, j) => {
    if (col.length !== n)
      throw inputError("ragged", `criterion #${j + 1} has ${col.length} values, expected ${n}`, `第 ${j + 1} 个指标有 ${col.length} 个值，应为 ${n} 个`)
    let ss = 0
    for (let i = 0; i < n; i++) {
      const x = col[i]!
      if (!Number.isFinite(x))
        throw inputError(
          "not_finite",
          `criterion #${j + 1}, row ${i + 1}: ${x} is not a finite number`,
          `第 ${j + 1} 个指标第 ${i + 1} 行：${x} 不是有限数值`,
          {
            row: i + 1,
            value: x,
          },
        )
      ss += x * x
    }
    const norm = Math.sqrt(ss)
    const w = weights[j]!
    return Float64Array.from({ length: n }, (_, i) => (norm === 0 ? 0 : (w * col[i]!) / norm))
  })
  const ideal = new Float64Array(k)
  const antiIdeal = new Float64Array(k)
  v.forEach((col, j) => {
    const max = Math.max(...col)
    const min = Math.min(...col)
    const negative = directions?.[j] === "negative"
    ideal[j] = negative ? min : max
    antiIdeal[j] = negative ? max : min
  })
  const dPlus = new Float64Array(n)
  const dMinus = new Float64Array(n)
  const closeness = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let sp = 0
    let sm = 0
    for (let j = 0; j < k; j++) {
      const x = v[j]![i]!
      sp += (x - ideal[j]!) ** 2
      sm += (x - antiIdeal[j]!) ** 2
    }
    dPlus[i] = Math.sqrt(sp)
    dMinus[i] = Math.sqrt(sm)
    const t = dPlus[i]! + dMinus[i]!
    closeness[i] = t === 0 ? 0.5 : dMinus[i]! / t
  }
  return { closeness, dPlus, dMinus, ideal, antiIdeal }
}
