import * as Schema from "effect/Schema"
import { ComputationError, inputError } from "../model/errors.js"

/**
 * Saaty's random consistency index RI by matrix order n (Saaty 1980 for n ≤ 10; the commonly used
 * extension for 11–15). RI is 0 for n ≤ 2, where every reciprocal matrix is consistent.
 */
export const saatyRandomIndex: Readonly<Record<number, number>> = {
  1: 0,
  2: 0,
  3: 0.58,
  4: 0.9,
  5: 1.12,
  6: 1.24,
  7: 1.32,
  8: 1.41,
  9: 1.45,
  10: 1.49,
  11: 1.51,
  12: 1.48,
  13: 1.56,
  14: 1.57,
  15: 1.59,
}

/** The threshold above which a pairwise matrix is judged inconsistent (CR > 0.1). */
export const AHP_CR_LIMIT = 0.1

/** Result of {@link ahpWeights}: JSON-ready numbers. */
export const AhpResult = Schema.Struct({
  /** Principal eigenvector, normalised to sum 1. */
  weights: Schema.Array(Schema.Number),
  /** Principal eigenvalue λmax. */
  lambdaMax: Schema.Number,
  /** CI = (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: Schema.Number,
  /** Saaty's RI for this n. */
  ri: Schema.Number,
  /** CR = CI/RI; 0 when RI = 0. */
  cr: Schema.Number,
  /** CR ≤ 0.1. */
  consistent: Schema.Boolean,
  iterations: Schema.Number,
})
export type AhpResult = typeof AhpResult.Type

/**
 * AHP weights (层次分析法) from a positive reciprocal pairwise comparison matrix: the principal
 * eigenvector by power iteration, λmax, CI = (λmax − n)/(n − 1) and CR = CI/RI with Saaty's RI table.
 *
 * @throws InputError `bad_ahp_matrix` (not square, not positive, diagonal ≠ 1, a_ji ≠ 1/a_ij beyond 1e-6
 *   relative, or n > 15 where no RI is tabulated), naming the cell (1-based row and column).
 * @throws ComputationError `no_convergence` when the power iteration does not settle in 10 000 steps.
 * @example ahpWeights([[1, 2], [0.5, 1]]).weights // [2/3, 1/3]
 */
export const ahpWeights = (matrix: ReadonlyArray<ReadonlyArray<number>>, label = "matrix"): AhpResult => {
  const n = matrix.length
  if (n === 0) throw inputError("bad_ahp_matrix", `${label}: the pairwise matrix is empty`, `${label}：判断矩阵为空`)
  if (n > 15)
    throw inputError(
      "bad_ahp_matrix",
      `${label}: ${n} × ${n} is larger than Saaty's RI table (15)`,
      `${label}：${n} 阶超出 Saaty 随机一致性指标表的范围 (15 阶)`,
    )
  for (let i = 0; i < n; i++) {
    const row = matrix[i]!
    if (row.length !== n)
      throw inputError(
        "bad_ahp_matrix",
        `${label}: row ${i + 1} has ${row.length} entries, expected ${n}`,
        `${label}：第 ${i + 1} 行有 ${row.length} 个元素，应为 ${n} 个`,
        {
          row: i + 1,
        },
      )
    for (let j = 0; j < n; j++) {
      const a = row[j]!
      const at = { row: i + 1, column: String(j + 1), value: a }
      if (!(Number.isFinite(a) && a > 0))
        throw inputError("bad_ahp_matrix", `${label}[${i + 1}][${j + 1}] = ${a} must be a positive number`, `${label}[${i + 1}][${j + 1}] = ${a} 须为正数`, at)
      if (i === j && Math.abs(a - 1) > 1e-9)
        throw inputError(
          "bad_ahp_matrix",
          `${label}[${i + 1}][${j + 1}] = ${a}: the diagonal must be 1`,
          `${label}[${i + 1}][${j + 1}] = ${a}：对角线元素须为 1`,
          at,
        )
    }
  }
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i]![j]!
      const b = matrix[j]![i]!
      if (Math.abs(a * b - 1) > 1e-6)
        throw inputError(
          "bad_ahp_matrix",
          `${label}[${j + 1}][${i + 1}] = ${b} should be 1/${label}[${i + 1}][${j + 1}] = ${1 / a}`,
          `${label}[${j + 1}][${i + 1}] = ${b} 应为 ${label}[${i + 1}][${j + 1}] 的倒数 ${1 / a}`,
          { row: j + 1, column: String(i + 1), value: b },
        )
    }
  // Power iteration: a positive matrix has a simple dominant eigenvalue (Perron–Frobenius), so it converges.
  let w = new Array<number>(n).fill(1 / n)
  let iterations = 0
  for (; iterations < 10_000; iterations++) {
    const next = new Array<number>(n).fill(0)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) next[i]! += matrix[i]![j]! * w[j]!
    const s = next.reduce((a, b) => a + b, 0)
    for (let i = 0; i < n; i++) next[i]! /= s
    const delta = next.reduce((m, v, i) => Math.max(m, Math.abs(v - w[i]!)), 0)
    w = next
    if (delta < 1e-15) break
  }
  if (iterations >= 10_000)
    throw new ComputationError({
      code: "no_convergence",
      message: `${label}: AHP power iteration did not converge`,
      zh: `${label}：层次分析法幂迭代未收敛`,
    })
  let lambdaMax = 0
  for (let i = 0; i < n; i++) {
    let aw = 0
    for (let j = 0; j < n; j++) aw += matrix[i]![j]! * w[j]!
    lambdaMax += aw / w[i]! / n
  }
  const ci = n > 2 ? (lambdaMax - n) / (n - 1) : 0
  const ri = saatyRandomIndex[n] ?? 0
  const cr = ri > 0 ? ci / ri : 0
  return { weights: w, lambdaMax, ci, ri, cr, consistent: cr <= AHP_CR_LIMIT, iterations: iterations + 1 }
}
