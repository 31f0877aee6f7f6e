import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { PermutationRandom } from "./PermutationRandom.js"

/**
 * What the conditional permutations of local Moran's I need, as plain numbers and typed arrays (so that worker
 * threads can receive it): the weights in CSR form, the centred variable z, m2 = Σz²/n, each unit's I_i,
 * and the number of permutations and the seed.
 */
export interface LocalPermutationInput {
  readonly rowPtr: Int32Array
  readonly colIdx: Int32Array
  readonly values: Float64Array
  readonly z: Float64Array
  readonly m2: number
  readonly Ii: Float64Array
  readonly permutations: number
  readonly seed: number
}

/**
 * The input of {@link localMoranPermutations} from localMoran's own centred values and statistics.
 * @internal
 * @example localPermutationInput(w, z, m2, Ii, 999, 1)
 */
export const localPermutationInput = (
  w: SpatialWeights,
  z: Float64Array,
  m2: number,
  Ii: Float64Array,
  permutations: number,
  seed: number,
): LocalPermutationInput => ({
  rowPtr: w.rowPtr,
  colIdx: w.colIdx,
  values: w.values,
  z,
  m2,
  Ii,
  permutations: Math.max(0, Math.floor(permutations)),
  seed,
})

/**
 * Conditional-permutation pseudo p-values of local Moran's I (spdep localmoran_perm) for the units
 * from … to − 1: for unit i, N draws of its k neighbours' values from the other n − 1 units' centred values
 * (with replacement, as spdep), and the folded p-value (min(c, N − c) + 1)/(N + 1) with c = #{I_i* ≥ I_i}.
 * Each unit draws from its own random stream, stream i of `seed` (PermutationRandom.stream), so the values do
 * not depend on how the units are split between calls or threads. Islands get NaN. `onProgress(done)`
 * reports units finished, about a hundred times.
 * @example localMoranPermutations(input, 0, 100) // p-values of the first 100 units
 */
export const localMoranPermutations = (input: LocalPermutationInput, from = 0, to = input.z.length, onProgress?: (units: number) => void): Float64Array => {
  const { rowPtr, values, z, m2, Ii, permutations: nsim, seed } = input
  const n = z.length
  const out = new Float64Array(Math.max(0, to - from))
  const rng = new PermutationRandom(0)
  const state = new Uint32Array(4)
  const bound = n - 1
  const every = Math.max(1, Math.ceil((to - from) / 100))
  for (let i = from; i < to; i++) {
    if (onProgress && (i - from) % every === 0) onProgress(i - from)
    const a = rowPtr[i]!
    const k = rowPtr[i + 1]! - a
    if (k === 0 || nsim === 0) {
      out[i - from] = Number.NaN
      continue
    }
    rng.reseed(seed, i)
    rng.saveState(state)
    let s0 = state[0]! | 0
    let s1 = state[1]! | 0
    let s2 = state[2]! | 0
    let s3 = state[3]! | 0
    const f = z[i]! / m2
    const target = Ii[i]!
    let ge = 0
    for (let s = 0; s < nsim; s++) {
      let lag = 0
      for (let t = 0; t < k; t++) {
        // xoshiro128** inlined (as PermutationRandom.fillBelow): a draw among the n − 1 other units, skipping i.
        const m = Math.imul(s1, 5)
        const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0
        const sh = s1 << 9
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= sh
        s3 = (s3 << 11) | (s3 >>> 21)
        // ⌊r·(n − 1)/2³²⌋ (exact in doubles), then past i without a branch: + 1 when u ≥ i.
        const u = ((r * bound) / 4294967296) | 0
        lag += values[a + t]! * z[u + ((i - u - 1) >>> 31)]!
      }
      if (f * lag >= target) ge++
    }
    out[i - from] = (Math.min(ge, nsim - ge) + 1) / (nsim + 1)
  }
  onProgress?.(to - from)
  return out
}
