import { InputError, inputError } from "../../model/errors.js"
import { normalPValue } from "../linalg/distributions.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { centredVariable } from "./centred.js"
import { weightsConstants } from "./moranTest.js"
import { PermutationRandom } from "./PermutationRandom.js"

/** Options for {@link gearyTest}. */
export interface GearyOptions {
  /** Number of random permutations for the permutation p-value (0 or absent: none). */
  readonly permutations?: number
  /** Seed of the permutation generator (default 1). */
  readonly seed?: number
  /** Called as permutations proceed (done, total), about a hundred times a run: for progress bars. */
  readonly onProgress?: (done: number, total: number) => void
}

/** Geary's C with its analytical and permutation inference. All p-values are two-sided. */
export interface GearyResult {
  /** Number of units. */
  readonly n: number
  /** Units with at least one neighbour (spdep adjust.n = TRUE). */
  readonly nEffective: number
  /** Geary's C, as spdep geary.test's estimate. */
  readonly C: number
  /** E[C] = 1. */
  readonly expected: number
  /** Var[C] under normality (geary.test randomisation = FALSE). */
  readonly varianceNormality: number
  /** (E[C] − C) / √Var[C] under normality: positive for positive autocorrelation, as spdep's standard deviate. */
  readonly zNormality: number
  /** Two-sided normal p-value of zNormality. */
  readonly pNormality: number
  /** Var[C] under randomisation (geary.test default). */
  readonly varianceRandomization: number
  /** (E[C] − C) / √Var[C] under randomisation. */
  readonly zRandomization: number
  /** Two-sided normal p-value of zRandomization. */
  readonly pRandomization: number
  /** Sample kurtosis n_eff·Σz⁴/(Σz²)² used by the randomisation variance (spdep geary's K). */
  readonly kurtosis: number
  /** Number of permutations run (0 when none). */
  readonly permutations: number
  /** Two-sided: min(1, 2·min(#{C* ≥ C} + 1, #{C* ≤ C} + 1)/(N + 1)); null without permutations. */
  readonly pPermutation: number | null
  /** One-sided pseudo p-value for positive autocorrelation (#{C* ≤ C} + 1)/(N + 1); null without permutations. */
  readonly pPermutationPositive: number | null
}

/** The centred variable, its constant-variable error naming Geary's C. */
const gearyCentred = (x: ArrayLike<number>, w: SpatialWeights): Float64Array => {
  try {
    return centredVariable(x, w)
  } catch (e) {
    if (e instanceof InputError && e.code === "constant_variable")
      throw inputError("constant_variable", "The variable is constant; Geary's C is undefined", "变量为常数，Geary's C 无定义")
    throw e
  }
}

/** Σ_i Σ_j w_ij (z_i − z_j)², the numerator of Geary's C. */
const squaredDifferences = (w: SpatialWeights, z: Float64Array): number => {
  const { rowPtr, colIdx, values } = w
  const n = z.length
  let total = 0
  let p = 0
  for (let i = 0; i < n; i++) {
    const end = rowPtr[i + 1]!
    const zi = z[i]!
    let s = 0
    for (; p < end; p++) {
      const d = zi - z[colIdx[p]!]!
      s += values[p]! * d * d
    }
    total += s
  }
  return total
}

/**
 * Geary's C like spdep `geary.test(x, listw, zero.policy = TRUE)` (adjust.n = TRUE), under randomisation and
 * under normality: C = (n_eff − 1) Σ_ij w_ij (x_i − x_j)² / (2 S0 Σ_i (x_i − x̄)²), E[C] = 1, and the variances
 * exactly as spdep writes them (its mix of n_eff and the full n where units have no neighbours). The z values
 * are spdep's standard deviates (1 − C)/√Var[C], so positive z means positive autocorrelation; p-values are
 * two-sided 2·(1 − Φ(|z|)). With `permutations` N, x is shuffled over all units N times (seeded) and the
 * two-sided pseudo p-value min(1, 2·min(#{C* ≥ C} + 1, #{C* ≤ C} + 1)/(N + 1)) is reported.
 * `x` is in the order of `w.ids`. Throws InputError "not_finite", "constant_variable", "no_links" or
 * "too_few_units".
 * @example gearyTest(crime, w).C // 0.5405 for Columbus CRIME with queen W weights
 */
export const gearyTest = (x: ArrayLike<number>, w: SpatialWeights, options: GearyOptions = {}): GearyResult => {
  const z = gearyCentred(x, w)
  const n = w.ids.length
  const { s0, s1, s2, nEffective: m } = weightsConstants(w)
  if (!(s0 !== 0)) throw inputError("no_links", "The weights have no links; Geary's C is undefined", "权重中没有任何邻接关系，Geary's C 无定义")
  if (m < 4) {
    throw inputError("too_few_units", `Geary's C needs at least 4 units with neighbours, got ${m}`, `Geary's C 至少需要 4 个有邻居的单元，实际为 ${m}`)
  }
  let zz = 0
  let z4 = 0
  for (let i = 0; i < n; i++) {
    const q = z[i]! * z[i]!
    zz += q
    z4 += q * q
  }
  const K = (m * z4) / (zz * zz)
  const scale = (m - 1) / (2 * s0 * zz)
  const C = scale * squaredDifferences(w, z)
  const s02 = s0 * s0
  const mm = m * m
  const m1 = m - 1
  // spdep geary.test: the constants n1, n2, n3, nn are adjusted for islands, the bare n is length(neighbours).
  let vr = m1 * s1 * (mm - 3 * n + 3 - K * m1)
  vr -= 0.25 * (m1 * s2 * (mm + 3 * n - 6 - K * (mm - n + 2)))
  vr += s02 * (mm - 3 - K * m1 * m1)
  const varianceRandomization = vr / (n * (m - 2) * (m - 3) * s02)
  const varianceNormality = ((2 * s1 + s2) * m1 - 4 * s02) / (2 * (n + 1) * s02)
  const zRandomization = (1 - C) / Math.sqrt(varianceRandomization)
  const zNormality = (1 - C) / Math.sqrt(varianceNormality)

  const nsim = Math.max(0, Math.floor(options.permutations ?? 0))
  let pPermutation: number | null = null
  let pPermutationPositive: number | null = null
  if (nsim > 0) {
    const rng = new PermutationRandom(options.seed ?? 1)
    const zp = new Float64Array(z)
    let ge = 0
    let le = 0
    const every = Math.max(1, Math.ceil(nsim / 100))
    for (let s = 0; s < nsim; s++) {
      if (options.onProgress && s % every === 0) options.onProgress(s, nsim)
      rng.shuffle(zp)
      const Cp = scale * squaredDifferences(w, zp)
      if (Cp >= C) ge++
      if (Cp <= C) le++
    }
    options.onProgress?.(nsim, nsim)
    pPermutation = Math.min(1, (2 * Math.min(ge + 1, le + 1)) / (nsim + 1))
    pPermutationPositive = (le + 1) / (nsim + 1)
  }
  return {
    n,
    nEffective: m,
    C,
    expected: 1,
    varianceNormality,
    zNormality,
    pNormality: normalPValue(zNormality),
    varianceRandomization,
    zRandomization,
    pRandomization: normalPValue(zRandomization),
    kurtosis: K,
    permutations: nsim,
    pPermutation,
    pPermutationPositive,
  }
}
