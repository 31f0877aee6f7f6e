import { type InputError, inputError } from "../../model/errors.js"

/** One group of the Dagum decomposition. */
export interface DagumGroup {
  readonly name: string
  /** Number of members n_j. */
  readonly n: number
  /** Group mean Ȳ_j. */
  readonly mean: number
  /** Within-group Gini G_jj = Σ_i Σ_r |y_ji − y_jr| / (2 n_j² Ȳ_j). */
  readonly gini: number
  /** p_j = n_j / n. */
  readonly populationShare: number
  /** s_j = n_j Ȳ_j / (n Ȳ). */
  readonly valueShare: number
}

/** One pair of groups: the between-group Gini and the relative economic affluence. */
export interface DagumPair {
  /** The two groups, in the order of {@link DagumGiniResult.groups}. */
  readonly groups: readonly [string, string]
  /** G_jh = Σ_i Σ_r |y_ji − y_hr| / (n_j n_h (Ȳ_j + Ȳ_h)). */
  readonly gini: number
  /** D_jh = (d_jh − p_jh)/(d_jh + p_jh), j the group with the larger mean (Dagum 1997, eq. 14). */
  readonly d: number
}

/** Dagum's (1997) Gini decomposition: G = G_w + G_nb + G_t. */
export interface DagumGiniResult {
  /** Number of observations. */
  readonly n: number
  /** Overall mean Ȳ. */
  readonly mean: number
  /** Overall Gini G = Σ_j Σ_h Σ_i Σ_r |y_ji − y_hr| / (2 n² Ȳ). */
  readonly gini: number
  /** Within-group contribution G_w = Σ_j G_jj p_j s_j. */
  readonly within: number
  /** Net between-group contribution G_nb = Σ_{j>h} G_jh (p_j s_h + p_h s_j) D_jh. */
  readonly between: number
  /** Transvariation (intensity of overlap) G_t = Σ_{j>h} G_jh (p_j s_h + p_h s_j)(1 − D_jh). */
  readonly transvariation: number
  /** Groups in order of first appearance. */
  readonly groups: ReadonlyArray<DagumGroup>
  /** Every pair of groups (j < h in group order). */
  readonly pairs: ReadonlyArray<DagumPair>
}

/** Σ_i Σ_r max(a_i − b_r, 0) and Σ_i Σ_r |a_i − b_r| for sorted a and b, by one merge pass with prefix sums. */
const pairSums = (a: Float64Array, b: Float64Array): { readonly above: number; readonly absolute: number } => {
  let totalB = 0
  for (let r = 0; r < b.length; r++) totalB += b[r]!
  let above = 0
  let below = 0
  let c = 0
  let prefix = 0
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!
    while (c < b.length && b[c]! <= ai) prefix += b[c++]!
    // b_0 … b_{c−1} ≤ a_i < b_c …
    above += ai * c - prefix
    below += totalB - prefix - ai * (b.length - c)
  }
  return { above, absolute: above + below }
}

/** Σ_i Σ_r |a_i − a_r| for sorted a: 2 Σ_i (2i − m + 1) a_i (0-based). */
const selfSum = (a: Float64Array): number => {
  const m = a.length
  let s = 0
  for (let i = 0; i < m; i++) s += (2 * i - m + 1) * a[i]!
  return 2 * s
}

/** Checked values and their groups in order of first appearance. */
export interface GroupedValues {
  readonly names: ReadonlyArray<string>
  /** Sorted values of each group, aligned with names. */
  readonly sorted: ReadonlyArray<Float64Array>
  /** 1-based row of each group's first member (for error messages). */
  readonly firstRow: ReadonlyArray<number>
}

const groupError = (code: string, en: string, zh: string, row?: number, value?: unknown): InputError =>
  inputError(code, en, zh, { ...(row === undefined ? {} : { row }), ...(value === undefined ? {} : { value }) })

/**
 * Group values by label for the disparity measures: every value finite and ≥ 0, at least two groups, every group
 * with at least two members and a positive mean, and the values not all equal. Throws InputError "not_finite",
 * "negative_value", "too_few_groups", "singleton_group" (naming the group and its row), "zero_mean_group" or
 * "constant_variable".
 * @example groupValues([3, 1, 2, 5], ["east", "east", "west", "west"]).names // ["east", "west"]
 */
export const groupValues = (values: ArrayLike<number>, groups: ReadonlyArray<string>, rows?: ReadonlyArray<number>): GroupedValues => {
  if (values.length !== groups.length) throw new RangeError("one group label per value is needed")
  const rowOf = (i: number) => rows?.[i] ?? i + 1
  const index = new Map<string, number>()
  const members: number[][] = []
  const firstRow: number[] = []
  let first = Number.NaN
  let constant = true
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (!Number.isFinite(v))
      throw groupError(
        "not_finite",
        `row ${rowOf(i)}: the value is missing or not finite (${v})`,
        `第 ${rowOf(i)} 行：数值缺失或不是有限数值（${v}）`,
        rowOf(i),
        v,
      )
    if (v < 0)
      throw groupError(
        "negative_value",
        `row ${rowOf(i)}: the value ${v} is negative; Gini and Theil measure the disparity of non-negative values`,
        `第 ${rowOf(i)} 行：数值 ${v} 为负；基尼系数与泰尔指数只适用于非负数值`,
        rowOf(i),
        v,
      )
    if (i === 0) first = v
    else if (v !== first) constant = false
    const g = groups[i]!
    let k = index.get(g)
    if (k === undefined) {
      k = members.length
      index.set(g, k)
      members.push([])
      firstRow.push(rowOf(i))
    }
    members[k]!.push(v)
  }
  const names = [...index.keys()]
  if (names.length < 2)
    throw groupError(
      "too_few_groups",
      `the decomposition needs at least two groups, got ${names.length}${names.length === 1 ? ` ("${names[0]}")` : ""}`,
      `分解至少需要两个组，实际为 ${names.length} 个`,
    )
  members.forEach((m, k) => {
    if (m.length < 2)
      throw groupError(
        "singleton_group",
        `group "${names[k]}" has a single member (row ${firstRow[k]}); a within-group Gini needs at least two`,
        `组“${names[k]}”只有一个成员（第 ${firstRow[k]} 行）；组内基尼系数至少需要两个成员`,
        firstRow[k],
        names[k],
      )
    if (!(m.reduce((s, v) => s + v, 0) > 0))
      throw groupError(
        "zero_mean_group",
        `group "${names[k]}" has only zeros; its Gini is undefined`,
        `组“${names[k]}”的数值全为 0，其基尼系数无定义`,
        firstRow[k],
        names[k],
      )
  })
  if (constant)
    throw groupError("constant_variable", `all values are equal (${first}); there is no disparity to decompose`, `所有数值都相同（${first}），没有差异可分解`)
  return { names, sorted: members.map((m) => Float64Array.from(m).sort()), firstRow }
}

/**
 * Dagum's (1997) Gini coefficient and its decomposition into the within-group contribution G_w, the net
 * between-group contribution G_nb and the transvariation G_t (G = G_w + G_nb + G_t), with each group's Gini and
 * each pair's between-group Gini and relative affluence D_jh, as defined in Dagum, "A new approach to the
 * decomposition of the Gini income inequality ratio", Empirical Economics 22 (1997) 515–531. Pair sums are computed
 * on sorted values with prefix sums (O(n log n)). Validates input as {@link groupValues}.
 * @example dagumGini([1, 2, 3, 10, 12, 14], ["w", "w", "w", "e", "e", "e"]).gini
 */
export const dagumGini = (values: ArrayLike<number>, groups: ReadonlyArray<string>, rows?: ReadonlyArray<number>): DagumGiniResult => {
  const { names, sorted } = groupValues(values, groups, rows)
  const k = names.length
  const n = values.length
  const sums = sorted.map((a) => a.reduce((s, v) => s + v, 0))
  const total = sums.reduce((s, v) => s + v, 0)
  const mean = total / n
  const means = sorted.map((a, j) => sums[j]! / a.length)
  const p = sorted.map((a) => a.length / n)
  const s = sorted.map((_, j) => sums[j]! / total)
  const self = sorted.map(selfSum)
  const groupsOut: DagumGroup[] = names.map((name, j) => ({
    name,
    n: sorted[j]!.length,
    mean: means[j]!,
    gini: self[j]! / (2 * sorted[j]!.length ** 2 * means[j]!),
    populationShare: p[j]!,
    valueShare: s[j]!,
  }))
  let absoluteAll = self.reduce((a, v) => a + v, 0)
  let between = 0
  let transvariation = 0
  const pairs: DagumPair[] = []
  for (let j = 0; j < k; j++) {
    for (let h = j + 1; h < k; h++) {
      // d_jh is taken with j the group of larger mean (Dagum's ordering Ȳ_j ≥ Ȳ_h).
      const [hi, lo] = means[j]! >= means[h]! ? [j, h] : [h, j]
      const { above, absolute } = pairSums(sorted[hi]!, sorted[lo]!)
      const nn = sorted[j]!.length * sorted[h]!.length
      const gjh = absolute / (nn * (means[j]! + means[h]!))
      const dd = above / nn
      const pp = (absolute - above) / nn
      // Equal distributions give d = p = 0: no net difference, D = 0. Differences at the level of rounding (below
      // 1e-12 of the two means) count as none: their sign is noise, and D would swing between −1 and 1 with it.
      const D = dd + pp > 1e-12 * (means[j]! + means[h]!) ? (dd - pp) / (dd + pp) : 0
      const weight = p[j]! * s[h]! + p[h]! * s[j]!
      between += gjh * weight * D
      transvariation += gjh * weight * (1 - D)
      absoluteAll += 2 * absolute
      pairs.push({ groups: [names[j]!, names[h]!], gini: gjh, d: D })
    }
  }
  const within = groupsOut.reduce((a, g) => a + g.gini * g.populationShare * g.valueShare, 0)
  return { n, mean, gini: absoluteAll / (2 * n * n * mean), within, between, transvariation, groups: groupsOut, pairs }
}
