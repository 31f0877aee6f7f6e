import { seededRandom } from "../random/Random.js"

/**
 * A fast seeded source of random indices for permutation tests (millions of draws per test).
 * xoshiro128** with its state in a Uint32Array so no number is boxed per draw; the state is seeded from
 * {@link seededRandom}, so a seed gives the same draws on every platform.
 * @example const r = new PermutationRandom(42); r.below(10) // an integer in [0, 10)
 */
export class PermutationRandom {
  private readonly s = new Uint32Array(4)

  constructor(seed: number) {
    const init = seededRandom(seed)
    for (let k = 0; k < 4; k++) this.s[k] = Math.floor(init.next() * 4294967296)
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1
  }

  /**
   * A generator for one of many independent streams of a seed (e.g. one per spatial unit), so that work split
   * between threads in any way draws the same numbers: the state is the murmur3 finaliser of (seed, stream)
   * expanded by splitmix32.
   * @example PermutationRandom.stream(42, 7).below(10) // the same in every thread
   */
  static stream(seed: number, stream: number): PermutationRandom {
    const r = new PermutationRandom(0)
    r.reseed(seed, stream)
    return r
  }

  /** Restart this generator on stream `stream` of `seed` (see {@link PermutationRandom.stream}). */
  reseed(seed: number, stream: number): void {
    let x = fmix32((seed >>> 0) ^ fmix32((stream + 0x632be5ab) >>> 0))
    for (let k = 0; k < 4; k++) {
      x = (x + 0x9e3779b9) >>> 0
      this.s[k] = fmix32(x)
    }
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1
  }

  /** Copy the four state words into `out` (for loops that inline the generator). */
  saveState(out: Uint32Array): void {
    out.set(this.s)
  }

  /** Next 32-bit output as a float in [0, 1). */
  next(): number {
    const s = this.s
    const s1 = s[1]!
    const m = Math.imul(s1, 5)
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0
    const t = s1 << 9
    s[2] = s[2]! ^ s[0]!
    s[3] = s[3]! ^ s1
    s[1] = s1 ^ s[2]!
    s[0] = s[0]! ^ s[3]!
    s[2] = s[2]! ^ t
    const s3 = s[3]!
    s[3] = (s3 << 11) | (s3 >>> 21)
    return result / 4294967296
  }

  /** Uniform integer in [0, bound). */
  below(bound: number): number {
    return Math.floor(this.next() * bound)
  }

  /** Shuffle all of `a` in place (Fisher–Yates); the generator is inlined with its state in locals for speed. */
  shuffle(a: Float64Array): void {
    const st = this.s
    let s0 = st[0]! | 0
    let s1 = st[1]! | 0
    let s2 = st[2]! | 0
    let s3 = st[3]! | 0
    for (let i = a.length - 1; i > 0; i--) {
      const m = Math.imul(s1, 5)
      const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0
      const t = s1 << 9
      s2 ^= s0
      s3 ^= s1
      s1 ^= s2
      s0 ^= s3
      s2 ^= t
      s3 = (s3 << 11) | (s3 >>> 21)
      const j = Math.floor((r / 4294967296) * (i + 1))
      const v = a[i]!
      a[i] = a[j]!
      a[j] = v
    }
    st[0] = s0
    st[1] = s1
    st[2] = s2
    st[3] = s3
  }

  /** Fill `out[0 .. count)` with uniform integers in [0, bound), the generator inlined as in {@link shuffle}. */
  fillBelow(out: Int32Array, count: number, bound: number): void {
    const st = this.s
    let s0 = st[0]! | 0
    let s1 = st[1]! | 0
    let s2 = st[2]! | 0
    let s3 = st[3]! | 0
    for (let k = 0; k < count; k++) {
      const m = Math.imul(s1, 5)
      const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0
      const t = s1 << 9
      s2 ^= s0
      s3 ^= s1
      s1 ^= s2
      s0 ^= s3
      s2 ^= t
      s3 = (s3 << 11) | (s3 >>> 21)
      out[k] = Math.floor((r / 4294967296) * bound)
    }
    st[0] = s0
    st[1] = s1
    st[2] = s2
    st[3] = s3
  }
}

// murmur3's 32-bit finaliser: a bijection that mixes every input bit into every output bit.
const fmix32 = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}
