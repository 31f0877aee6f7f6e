import { fromRows, inverse, solve } from "../linalg/index.js"

/** A discrete Markov chain estimated from transition counts. */
export interface MarkovChain {
  /** counts[i][j]: transitions from class i to class j. */
  readonly counts: ReadonlyArray<ReadonlyArray<number>>
  /** Row-normalised counts (maximum likelihood); a class never left is a row of zeros. */
  readonly probabilities: ReadonlyArray<ReadonlyArray<number>>
  /** Number of transitions out of each class. */
  readonly totals: ReadonlyArray<number>
  /** Stationary distribution π (π P = π, Σπ = 1); null unless every class is observed and one closed class exists. */
  readonly steadyState: ReadonlyArray<number> | null
  /**
   * First mean passage times m_ij (expected steps from i to reach j for the first time), the diagonal holding the
   * mean recurrence times 1/π_i; null unless the chain is ergodic (every class reachable from every other).
   */
  readonly firstMeanPassage: ReadonlyArray<ReadonlyArray<number>> | null
  /** Why steadyState or firstMeanPassage is null, in both languages; null when both are given. */
  readonly note: { readonly en: string; readonly zh: string } | null
}

/** Strongly connected classes of the transition graph (i → j when P_ij > 0), with whether each is closed. */
const communicating = (p: ReadonlyArray<ReadonlyArray<number>>) => {
  const k = p.length
  const reach = p.map((_, i) => {
    const seen = new Array<boolean>(k).fill(false)
    seen[i] = true
    const stack = [i]
    while (stack.length > 0) {
      const a = stack.pop()!
      p[a]!.forEach((v, b) => {
        if (v > 0 && !seen[b]) {
          seen[b] = true
          stack.push(b)
        }
      })
    }
    return seen
  })
  const irreducible = reach.every((r) => r.every(Boolean))
  // A class i is recurrent when every state it reaches reaches it back.
  const recurrent = reach.map((r, i) => r.every((ok, j) => !ok || reach[j]![i]!))
  const roots = new Set<number>()
  recurrent.forEach((rec, i) => {
    if (rec) roots.add(Math.min(...reach[i]!.flatMap((ok, j) => (ok ? [j] : []))))
  })
  return { irreducible, closedClasses: roots.size }
}

/**
 * The Markov chain of transition counts: maximum-likelihood probabilities (rows of counts over their totals), the
 * steady state and the first mean passage times. The steady state solves π(P − I) = 0 with Σπ = 1 (reported when
 * every class has transitions and the chain has a single closed class); the first mean passage times follow Kemeny
 * and Snell (1976): Z = (I − P + 1π)⁻¹, m_ij = (z_jj − z_ij)/π_j for i ≠ j and m_ii = 1/π_i (reported for
 * ergodic chains), as PySAL giddy's steady_state and fmpt.
 * @example markovChain([[8, 2], [1, 9]]).steadyState // [1/3, 2/3]
 */
export const markovChain = (counts: ReadonlyArray<ReadonlyArray<number>>): MarkovChain => {
  const k = counts.length
  const totals = counts.map((row) => row.reduce((s, v) => s + v, 0))
  const probabilities = counts.map((row, i) => row.map((v) => (totals[i]! > 0 ? v / totals[i]! : 0)))
  const empty = totals.flatMap((t, i) => (t === 0 ? [i + 1] : []))
  const result = (steadyState: number[] | null, firstMeanPassage: number[][] | null, note: MarkovChain["note"]): MarkovChain => ({
    counts: counts.map((r) => [...r]),
    probabilities,
    totals,
    steadyState,
    firstMeanPassage,
    note,
  })
  if (empty.length > 0)
    return result(null, null, {
      en: `class ${empty.join(", ")} has no observed transitions: the matrix is not stochastic, no steady state`,
      zh: `第 ${empty.join("、")} 类没有观测到转移：矩阵不是随机矩阵，无稳态分布`,
    })
  const { irreducible, closedClasses } = communicating(probabilities)
  if (closedClasses !== 1)
    return result(null, null, {
      en: `the chain has ${closedClasses} closed classes: its steady state is not unique`,
      zh: `该链有 ${closedClasses} 个闭类：稳态分布不唯一`,
    })
  // π (P − I) = 0 → (P − I)ᵀ πᵀ = 0, the last equation replaced by Σπ = 1.
  const a = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === k - 1 ? 1 : probabilities[j]![i]! - (i === j ? 1 : 0))))
  const b = new Array<number>(k).fill(0)
  b[k - 1] = 1
  const pi = Array.from(solve(fromRows(a), b))
  if (!irreducible)
    return result(pi, null, {
      en: "some classes cannot be reached from others: first mean passage times are not all finite",
      zh: "部分类别之间不可达：首次平均通过时间并非全部有限",
    })
  const z = inverse(fromRows(Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0) - probabilities[i]![j]! + pi[j]!))))
  const zz = (i: number, j: number) => z.data[i * k + j]!
  const fmpt = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 / pi[i]! : (zz(j, j) - zz(i, j)) / pi[j]!)))
  return result(pi, fmpt, null)
}
