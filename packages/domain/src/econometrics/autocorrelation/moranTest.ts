import { inputError } from "../../model/errors.js"
import { normalPValue } from "../linalg/distributions.js"
import { findLink } from "../weights/links.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { centredVariable } from "./centred.js"
import { PermutationRandom } from "./PermutationRandom.js"

/** Options for {@link moranTest}. */
export interface MoranOptions {
  /** Number of random permutations for the permutation p-value (0 or absent: none). */
  readonly permutations?: number
  /** Seed of the permutation generator (default 1). */
  readonly seed?: number
  /** Called as permutations proceed (done, total), about a hundred times a run: for progress bars. */
  readonly onProgress?: (done: number, total: number) => void
}

/** Global Moran's I with its analytical and permutation inference. All p-values are two-sided. */
export interface MoranResult {
  /** Number of units. */
  readonly n: number
  /** Units with at least one neighbour: the n of the formulas (spdep adjust.n = TRUE). */
  readonly nEffective: number
  /** Moran's I, as spdep moran.test's estimate. */
  readonly I: number
  /** E[I] = −1/(n_eff − 1). */
  readonly expected: number
  /** Var[I] under normality (moran.test randomisation = FALSE). */
  readonly varianceNormality: number
  /** (I − E[I]) / √Var[I] under normality. */
  readonly zNormality: number
  /** Two-sided normal p-value of zNormality. */
  readonly pNormality: number
  /** Var[I] under randomisation (moran.test default). */
  readonly varianceRandomization: number
  /** (I − E[I]) / √Var[I] under randomisation. */
  readonly zRandomization: number
  /** Two-sided normal p-value of zRandomization (moran.test reports the one-sided "greater" p by default). */
  readonly pRandomization: number
  /** Sample kurtosis n·Σz⁴/(Σz²)² used by the randomisation variance. */
  readonly kurtosis: number
  /** Number of permutations run (0 when none). */
  readonly permutations: number
  /** Two-sided: min(1, 2·min(#{I* ≥ I} + 1, #{I* ≤ I} + 1)/(N + 1)); null without permutations. */
  readonly pPermutation: number | null
  /** One-sided "greater" pseudo p-value (#{I* ≥ I} + 1)/(N + 1), as moran.mc; null without permutations. */
  readonly pPermutationGreater: number | null
}

/**
 * The weights constants of Cliff and Ord (spdep spweights.constants): S0 = ΣΣ w_ij, S1 = ½ ΣΣ (w_ij + w_ji)²,
 * S2 = Σ (w_i· + w_·i)², the island count and the number of non-island units. Use them to compute moments of
 * Moran's I by hand.
 * @example
 * const w = weightsFromNeighbourList({ ids: ["a", "b"], neighbours: [["b"], ["a"]] }) // binary, 2 links
 * weightsConstants(w) // { s0: 2, s1: 4, s2: 8, islands: 0, nEffective: 2 }
 */
export const weightsConstants = (w: SpatialWeights) => {
  const n = w.ids.length
  const { rowPtr, colIdx, values } = w
  const rowSum = new Float64Array(n)
  const colSum = new Float64Array(n)
  let s0 = 0
  let s1 = 0
  let islands = 0
  for (let i = 0; i < n; i++) {
    if (rowPtr[i + 1] === rowPtr[i]) islands++
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const j = colIdx[p]!
      const v = values[p]!
      const q = findLink(w, j, i)
      const back = q < 0 ? 0 : values[q]!
      s0 += v
      s1 += v * v + v * back
      rowSum[i] = rowSum[i]! + v
      colSum[j] = colSum[j]! + v
    }
  }
  let s2 = 0
  for (let i = 0; i < n; i++) s2 += (rowSum[i]! + colSum[i]!) ** 2
  return { s0, s1, s2, islands, nEffective: n - islands }
}

/** Σ_i z_i Σ_j w_ij z_j, the cross-product at the heart of Moran's I. */
const crossProduct = (w: SpatialWeights, z: Float64Array): number => {
  const { rowPtr, colIdx, values } = w
  const n = z.length
  let total = 0
  let p = 0
  for (let i = 0; i < n; i++) {
    const end = rowPtr[i + 1]!
    let s = 0
    for (; p < end; p++) s += values[p]! * z[colIdx[p]!]!
    total += z[i]! * s
  }
  return total
}

/**
 * Global Moran's I like spdep `moran.test(x, listw, zero.policy = TRUE)` (adjust.n = TRUE: islands are taken
 * out of n in the scaling and the moments, while the mean and kurtosis use every unit), under normality and
 * under randomisation, with two-sided p-values 2·(1 − Φ(|z|)). With `permutations` N it also runs a
 * `moran.mc`-style permutation test (x shuffled over all units, seeded) and reports the two-sided pseudo
 * p-value min(1, 2·min(#{I* ≥ I} + 1, #{I* ≤ I} + 1)/(N + 1)).
 * `x` is in the order of `w.ids` (use alignWeights first).
 * Throws InputError "not_finite", "constant_variable", "no_links" or "too_few_units".
 * @example moranTest(crime, w).I // 0.4857709 for Columbus CRIME with queen W weights
 */
export const moranTest = (x: ArrayLike<number>, w: SpatialWeights, options: MoranOptions = {}): MoranResult => {
  const z = centredVariable(x, w)
  const n = w.ids.length
  const { s0, s1, s2, nEffective: m } = weightsConstants(w)
  if (!(s0 !== 0)) throw inputError("no_links", "The weights have no links; Moran's I is undefined", "权重中没有任何邻接关系，Moran's I 无定义")
  if (m < 4) {
    throw inputError("too_few_units", `Moran's I needs at least 4 units with neighbours, got ${m}`, `Moran's I 至少需要 4 个有邻居的单元，实际为 ${m}`)
  }
  let zz = 0
  let z4 = 0
  for (let i = 0; i < n; i++) {
    const q = z[i]! * z[i]!
    zz += q
    z4 += q * q
  }
  const kurtosis = (n * z4) / (zz * zz)
  const scale = m / (s0 * zz)
  const I = scale * crossProduct(w, z)
  const expected = -1 / (m - 1)
  const s02 = s0 * s0
  const mm = m * m
  const varianceNormality = (mm * s1 - m * s2 + 3 * s02) / (s02 * (mm - 1)) - expected * expected
  const num = m * (s1 * (mm - 3 * m + 3) - m * s2 + 3 * s02)
  const kTerm = kurtosis * (s1 * (mm - m) - 2 * m * s2 + 6 * s02)
  const varianceRandomization = (num - kTerm) / ((m - 1) * (m - 2) * (m - 3) * s02) - expected * expected
  const zNormality = (I - expected) / Math.sqrt(varianceNormality)
  const zRandomization = (I - expected) / Math.sqrt(varianceRandomization)

  const nsim = Math.max(0, Math.floor(options.permutations ?? 0))
  let pPermutation: number | null = null
  let pPermutationGreater: number | null = null
  if (nsim > 0) {
    const rng = new PermutationRandom(options.seed ?? 1)
    const zp = new Float64Array(z)
    let ge = 0
    let le = 0
    const every = Math.max(1, Math.ceil(nsim / 100))
    for (let s = 0; s < nsim; s++) {
      if (options.onProgress && s % every === 0) options.onProgress(s, nsim)
      // Shuffling the previous permutation again still gives a uniform random permutation.
      rng.shuffle(zp)
      const Ip = scale * crossProduct(w, zp)
      if (Ip >= I) ge++
      if (Ip <= I) le++
    }
    pPermutation = Math.min(1, (2 * Math.min(ge + 1, le + 1)) / (nsim + 1))
    options.onProgress?.(nsim, nsim)
    pPermutationGreater = (ge + 1) / (nsim + 1)
  }
  return {
    n,
    nEffective: m,
    I,
    expected,
    varianceNormality,
    zNormality,
    pNormality: normalPValue(zNormality),
    varianceRandomization,
    zRandomization,
    pRandomization: normalPValue(zRandomization),
    kurtosis,
    permutations: nsim,
    pPermutation,
    pPermutationGreater,
  }
}
