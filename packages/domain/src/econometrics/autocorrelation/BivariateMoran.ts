import { inputError } from "../../model/errors.js"
import { normalPValue } from "../linalg/distributions.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import type { LisaQuadrant } from "./localMoran.js"
import { PermutationRandom } from "./PermutationRandom.js"

/** Options for {@link bivariateMoran} and {@link localBivariateMoran}. */
export interface BivariateMoranOptions {
  /** Random permutations (global: of y over all units; local: conditional draws of the neighbours' y). */
  readonly permutations?: number
  /** Seed of the permutation generator (default 1). */
  readonly seed?: number
  /** Called as permutations proceed (done, total), about a hundred times a run: for progress bars. */
  readonly onProgress?: (done: number, total: number) => void
}

/** Global bivariate Moran's I of x and the spatial lag of y, with permutation inference. */
export interface BivariateMoranResult {
  /** Number of units. */
  readonly n: number
  /** I = Σ_i zx_i Σ_j w_ij zy_j / n with z standardised by the population SD (GeoDa). */
  readonly I: number
  /** Number of permutations run (0 when none). */
  readonly permutations: number
  /** Mean of I over the permutations; null without permutations. */
  readonly expectedPermutation: number | null
  /** Standard deviation (divisor N − 1) of I over the permutations; null without permutations. */
  readonly sdPermutation: number | null
  /** (I − mean)/sd over the permutations, as GeoDa's z-value; null without permutations. */
  readonly zPermutation: number | null
  /** Two-sided pseudo p-value min(1, 2·min(#{I* ≥ I} + 1, #{I* ≤ I} + 1)/(N + 1)); null without permutations. */
  readonly pPermutation: number | null
  /** One-sided pseudo p-value (#{I* ≥ I} + 1)/(N + 1); null without permutations. */
  readonly pPermutationGreater: number | null
}

/** Local bivariate Moran statistic of one unit. */
export interface LocalBivariateMoranRow {
  /** Unit id, in the order of the weights. */
  readonly id: string
  /** I_i = zx_i Σ_j w_ij zy_j (population-SD standardisation; the I_i average to the global I). */
  readonly Ii: number
  /** Mean of I_i over the conditional permutations; null without permutations or neighbours. */
  readonly expected: number | null
  /** Variance (divisor N − 1) of I_i over the conditional permutations; null without permutations or neighbours. */
  readonly variance: number | null
  /** (I_i − expected)/√variance; null without permutations or neighbours. */
  readonly z: number | null
  /** Two-sided normal p-value of z; null with z. */
  readonly p: number | null
  /** Folded pseudo p-value (min(k, N − k) + 1)/(N + 1), k = #{I_i* ≥ I_i}; null without permutations or neighbours. */
  readonly pPermutation: number | null
  /** x_i against mean(x) and (Wy)_i against mean(Wy), each High or Low; null for units without neighbours. */
  readonly quadrant: LisaQuadrant | null
}

/** The standardised variable (x − x̄)/σ with σ the population SD; checks finiteness and variation. */
const standardise = (v: ArrayLike<number>, w: SpatialWeights, name: string): Float64Array => {
  const n = w.ids.length
  if (v.length !== n) throw new RangeError(`${name} has ${v.length} values but the weights have ${n} units`)
  let sum = 0
  for (let i = 0; i < n; i++) {
    const x = v[i]!
    if (!Number.isFinite(x))
      throw inputError(
        "not_finite",
        `Value of ${name} for unit "${w.ids[i]}" (row ${i + 1}) is missing or not finite: ${x}`,
        `单元“${w.ids[i]}”（第 ${i + 1} 行）的 ${name} 缺失或不是有限数值：${x}`,
        { row: i + 1, value: x },
      )
    sum += x
  }
  const mean = sum / n
  let ss = 0
  for (let i = 0; i < n; i++) ss += (v[i]! - mean) ** 2
  if (!(ss > 0))
    throw inputError("constant_variable", `${name} is constant; bivariate Moran's I is undefined`, `${name} 为常数，双变量 Moran's I 无定义`, { column: name })
  const sd = Math.sqrt(ss / n)
  return Float64Array.from(v, (x) => (x - mean) / sd)
}

/** W·v (islands get 0). */
const lagOf = (w: SpatialWeights, v: ArrayLike<number>): Float64Array => {
  const { rowPtr, colIdx, values } = w
  const out = new Float64Array(w.ids.length)
  for (let i = 0; i < out.length; i++) {
    let s = 0
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) s += values[p]! * v[colIdx[p]!]!
    out[i] = s
  }
  return out
}

/** Σ_i zx_i (W zy)_i. */
const cross = (w: SpatialWeights, zx: Float64Array, zy: Float64Array): number => {
  const { rowPtr, colIdx, values } = w
  let total = 0
  let p = 0
  for (let i = 0; i < zx.length; i++) {
    const end = rowPtr[i + 1]!
    let s = 0
    for (; p < end; p++) s += values[p]! * zy[colIdx[p]!]!
    total += zx[i]! * s
  }
  return total
}

/**
 * Global bivariate Moran's I as GeoDa defines it: I = Σ_i zx_i Σ_j w_ij zy_j / n, x and y standardised with the
 * population SD (equal to spdep `moran_bv`'s statistic, which scales by the sample SD and divides by n − 1).
 * Inference by permutation as GeoDa and PySAL esda Moran_BV: y is shuffled over the units N times (seeded) while
 * x stays in place. Units without neighbours add 0. Throws InputError "not_finite" or "constant_variable".
 * @example bivariateMoran(crime, income, w, { permutations: 999 }).I
 */
export const bivariateMoran = (x: ArrayLike<number>, y: ArrayLike<number>, w: SpatialWeights, options: BivariateMoranOptions = {}): BivariateMoranResult => {
  const n = w.ids.length
  if (n < 3) throw inputError("too_few_units", `bivariate Moran's I needs at least 3 units, got ${n}`, `双变量 Moran's I 至少需要 3 个单元，实际为 ${n}`)
  const zx = standardise(x, w, "var")
  const zy = standardise(y, w, "with")
  const I = cross(w, zx, zy) / n
  const nsim = Math.max(0, Math.floor(options.permutations ?? 0))
  if (nsim === 0)
    return { n, I, permutations: 0, expectedPermutation: null, sdPermutation: null, zPermutation: null, pPermutation: null, pPermutationGreater: null }
  const rng = new PermutationRandom(options.seed ?? 1)
  const zp = new Float64Array(zy)
  let ge = 0
  let le = 0
  let sum = 0
  let sum2 = 0
  const every = Math.max(1, Math.ceil(nsim / 100))
  for (let s = 0; s < nsim; s++) {
    if (options.onProgress && s % every === 0) options.onProgress(s, nsim)
    rng.shuffle(zp)
    const Ip = cross(w, zx, zp) / n
    sum += Ip
    sum2 += Ip * Ip
    if (Ip >= I) ge++
    if (Ip <= I) le++
  }
  options.onProgress?.(nsim, nsim)
  const mean = sum / nsim
  const sd = nsim > 1 ? Math.sqrt(Math.max(0, (sum2 - nsim * mean * mean) / (nsim - 1))) : Number.NaN
  return {
    n,
    I,
    permutations: nsim,
    expectedPermutation: mean,
    sdPermutation: Number.isFinite(sd) ? sd : null,
    zPermutation: Number.isFinite(sd) && sd > 0 ? (I - mean) / sd : null,
    pPermutation: Math.min(1, (2 * Math.min(ge + 1, le + 1)) / (nsim + 1)),
    pPermutationGreater: (ge + 1) / (nsim + 1),
  }
}

/**
 * Local bivariate Moran's I (bivariate LISA) as GeoDa: I_i = zx_i Σ_j w_ij zy_j with population-SD
 * standardisation (spdep `localmoran_bv` scales by the sample SD, so its I_i are (n − 1)/n of these).
 * With `permutations` N, conditional permutation as spdep localmoran_bv: x_i stays, the neighbours' y are drawn
 * N times from the other units with replacement; the mean, variance (divisor N − 1), z, its two-sided normal p
 * and the folded pseudo p-value (min(k, N − k) + 1)/(N + 1) with k = #{I_i* ≥ I_i} are reported. Quadrants
 * compare x_i with mean(x) and (Wy)_i with mean(Wy) (spdep's "mean" scheme, as `localMoran`).
 * Throws InputError "not_finite" or "constant_variable".
 * @example localBivariateMoran(crime, income, w, { permutations: 999, seed: 1 })[0].quadrant
 */
export const localBivariateMoran = (
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  w: SpatialWeights,
  options: BivariateMoranOptions = {},
): ReadonlyArray<LocalBivariateMoranRow> => {
  const n = w.ids.length
  if (n < 3) throw inputError("too_few_units", `bivariate LISA needs at least 3 units, got ${n}`, `双变量 LISA 至少需要 3 个单元，实际为 ${n}`)
  const zx = standardise(x, w, "var")
  const zy = standardise(y, w, "with")
  const { rowPtr, values } = w
  const lzy = lagOf(w, zy)
  const ly = lagOf(w, y)
  let meanX = 0
  let meanLag = 0
  for (let i = 0; i < n; i++) {
    meanX += x[i]!
    meanLag += ly[i]!
  }
  meanX /= n
  meanLag /= n
  const nsim = Math.max(0, Math.floor(options.permutations ?? 0))
  const rng = new PermutationRandom(options.seed ?? 1)
  let maxCard = 0
  for (let i = 0; i < n; i++) maxCard = Math.max(maxCard, rowPtr[i + 1]! - rowPtr[i]!)
  const draws = new Int32Array(nsim > 0 ? maxCard * nsim : 0)
  const every = Math.max(1, Math.ceil(n / 100))
  const rows: LocalBivariateMoranRow[] = []
  for (let i = 0; i < n; i++) {
    if (nsim > 0 && options.onProgress && i % every === 0) options.onProgress(i * nsim, n * nsim)
    const Ii = zx[i]! * lzy[i]!
    const island = rowPtr[i + 1] === rowPtr[i]
    let expected: number | null = null
    let variance: number | null = null
    let pPermutation: number | null = null
    if (nsim > 0 && !island) {
      const a = rowPtr[i]!
      const k = rowPtr[i + 1]! - a
      rng.fillBelow(draws, k * nsim, n - 1)
      let ge = 0
      let sum = 0
      let sum2 = 0
      const f = zx[i]!
      for (let s = 0, d = 0; s < nsim; s++) {
        let lag = 0
        for (let t = 0; t < k; t++, d++) {
          const u = draws[d]!
          // A draw among the n − 1 other units: skip unit i itself.
          lag += values[a + t]! * zy[u < i ? u : u + 1]!
        }
        const Ip = f * lag
        sum += Ip
        sum2 += Ip * Ip
        if (Ip >= Ii) ge++
      }
      expected = sum / nsim
      variance = nsim > 1 ? Math.max(0, (sum2 - nsim * expected * expected) / (nsim - 1)) : null
      pPermutation = (Math.min(ge, nsim - ge) + 1) / (nsim + 1)
    }
    const z = expected !== null && variance !== null && variance > 0 ? (Ii - expected) / Math.sqrt(variance) : null
    rows.push({
      id: w.ids[i]!,
      Ii: Ii + 0,
      expected,
      variance,
      z,
      p: z === null ? null : normalPValue(z),
      pPermutation,
      quadrant: island ? null : (((x[i]! > meanX ? "H" : "L") + (ly[i]! > meanLag ? "H" : "L")) as LisaQuadrant),
    })
  }
  if (nsim > 0) options.onProgress?.(n * nsim, n * nsim)
  return rows
}
