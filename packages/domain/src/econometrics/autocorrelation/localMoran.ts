import { normalPValue } from "../linalg/distributions.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { spatialLag } from "../weights/spatialLag.js"
import { centredVariable } from "./centred.js"
import { localMoranPermutations, localPermutationInput } from "./localMoranPermutations.js"

/** LISA cluster quadrant: the unit's value and its spatial lag, each High or Low. */
export type LisaQuadrant = "HH" | "LL" | "HL" | "LH"

/** Local Moran statistics of one unit. `z`, `p` are null where the variance is 0 (islands). */
export interface LocalMoranRow {
  /** Unit id, in the order of the weights. */
  readonly id: string
  /** Local Moran statistic I_i (spdep localmoran column Ii). */
  readonly Ii: number
  /** E[I_i] under randomisation (column E.Ii). */
  readonly expected: number
  /** Var[I_i] under randomisation (column Var.Ii). */
  readonly variance: number
  /** (I_i − E[I_i]) / √Var[I_i] (column Z.Ii); null when the variance is 0 (islands). */
  readonly z: number | null
  /** Two-sided normal p-value 2·(1 − Φ(|z|)). */
  readonly p: number | null
  /** Folded conditional-permutation pseudo p-value; null without permutations and for islands. */
  readonly pPermutation: number | null
  /** Null for islands. */
  readonly quadrant: LisaQuadrant | null
  /**
   * The Moran scatter plot's point (GeoDa's, the slope of its regression line being I with row-standardised W): the
   * centred value in population standard deviations, z_i/√m2, and the spatial lag of those, (Wz)_i/√m2. Their
   * product is I_i.
   */
  readonly scatter: { readonly value: number; readonly lag: number }
}

/** Options for {@link localMoran}. */
export interface LocalMoranOptions {
  /** Conditional permutations per unit (0 or absent: none). */
  readonly permutations?: number
  /** Seed of the permutation generator (default 1). */
  readonly seed?: number
  /** Called as permutations proceed (done, total), about a hundred times a run: for progress bars. */
  readonly onProgress?: (done: number, total: number) => void
  /**
   * Permutation p-values computed elsewhere (e.g. by worker threads running localMoranPermutations on parts
   * of the units), one per unit (NaN for islands); used instead of computing them here.
   */
  readonly permutationPValues?: Float64Array
}

/**
 * Local Moran's I like spdep `localmoran(x, listw, zero.policy = TRUE)` with its defaults (conditional = TRUE,
 * mlvar = TRUE): I_i = z_i/m2 · Σ_j w_ij z_j with m2 = Σz²/n, the conditional expectation and variance, and
 * the two-sided normal p-value. Quadrants follow spdep's "mean" scheme: x_i against mean(x) and the lag
 * (Wx)_i against mean(Wx), "High" when strictly above; islands get no quadrant.
 * With `permutations` N, conditional permutation like spdep `localmoran_perm`: for each unit, N draws of its
 * neighbours' values from the other units' centred values (with replacement, as spdep), and the folded
 * pseudo p-value (min(k, N − k) + 1)/(N + 1) where k = #{I_i* ≥ I_i}; each unit has its own random stream
 * of the seed (localMoranPermutations), so the p-values are the same however the work is split.
 * `x` is in the order of `w.ids`. Throws InputError "not_finite" or "constant_variable".
 * @example localMoran(crime, w)[0] // { id: "1", Ii: 0.0161, ..., quadrant: "LL" }
 */
export const localMoran = (x: ArrayLike<number>, w: SpatialWeights, options: LocalMoranOptions = {}): ReadonlyArray<LocalMoranRow> => {
  const z = centredVariable(x, w)
  const n = w.ids.length
  const { rowPtr, values } = w
  let zz = 0
  let meanX = 0
  for (let i = 0; i < n; i++) {
    zz += z[i]! * z[i]!
    meanX += x[i]!
  }
  meanX /= n
  const m2 = zz / n
  const sd = Math.sqrt(m2)
  const lz = spatialLag(w, z)
  const lx = spatialLag(w, x)
  let meanLag = 0
  for (let i = 0; i < n; i++) meanLag += lx[i]!
  meanLag /= n

  const nsim = Math.max(0, Math.floor(options.permutations ?? 0))
  const Iis = new Float64Array(n)
  for (let i = 0; i < n; i++) Iis[i] = (z[i]! / m2) * lz[i]!
  let pValues = options.permutationPValues
  if (nsim > 0 && pValues === undefined) {
    const progress = options.onProgress
    pValues = localMoranPermutations(
      localPermutationInput(w, z, m2, Iis, nsim, options.seed ?? 1),
      0,
      n,
      progress ? (units) => progress(units * nsim, n * nsim) : undefined,
    )
  }
  if (pValues !== undefined && pValues.length !== n) throw new RangeError(`permutationPValues has ${pValues.length} values for ${n} units`)
  const rows: LocalMoranRow[] = []
  for (let i = 0; i < n; i++) {
    const zi = z[i]!
    let wi = 0
    let wi2 = 0
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      wi += values[p]!
      wi2 += values[p]! * values[p]!
    }
    const Ii = Iis[i]!
    const expected = -(zi * zi * wi) / ((n - 1) * m2)
    const variance = (zi / m2) ** 2 * (n / (n - 2)) * (wi2 - (wi * wi) / (n - 1)) * (m2 - (zi * zi) / (n - 1))
    const zScore = (Ii - expected) / Math.sqrt(variance)
    const island = rowPtr[i + 1] === rowPtr[i]
    const pPermutation = nsim > 0 && !island && pValues !== undefined ? pValues[i]! : null
    const quadrant: LisaQuadrant | null = island ? null : (((x[i]! > meanX ? "H" : "L") + (lx[i]! > meanLag ? "H" : "L")) as LisaQuadrant)
    rows.push({
      id: w.ids[i]!,
      // + 0 turns the −0 of islands into 0.
      Ii: Ii + 0,
      expected: expected + 0,
      variance,
      z: Number.isFinite(zScore) ? zScore : null,
      p: Number.isFinite(zScore) ? normalPValue(zScore) : null,
      pPermutation,
      quadrant,
      scatter: { value: zi / sd, lag: lz[i]! / sd + 0 },
    })
  }
  return rows
}
