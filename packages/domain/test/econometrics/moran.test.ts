import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { localMoran, localMoranPermutations, localPermutationInput, moranTest } from "../../src/econometrics/autocorrelation/index.js"
import { PermutationRandom } from "../../src/econometrics/autocorrelation/PermutationRandom.js"
import {
  alignWeights,
  contiguityWeights,
  distanceBandWeights,
  inverseDistanceWeights,
  weightsFromLinks,
  weightsFromNeighbourList,
} from "../../src/econometrics/weights/index.js"
import type { SpatialWeights } from "../../src/econometrics/weights/SpatialWeights.js"
import { numericColumn, stringColumn } from "../../src/io/columns.js"
import type { Geometry } from "../../src/io/DataTable.js"
import type { InputError } from "../../src/model/errors.js"
import { type MoranFixture, readCsv, readGal, readJson } from "./weightsFixtures.js"

const REL = 1e-10

/** |a − b| ≤ tol · max(|b|, tiny): relative agreement, absolute near zero. */
const close = (a: number | null | undefined, b: number | null | undefined, what: string, tol = REL) => {
  if (b === null || b === undefined) {
    expect(a ?? null, what).toBeNull()
    return
  }
  expect(a, what).not.toBeNull()
  const err = Math.abs(a! - b)
  const scale = Math.max(Math.abs(b), 1e-300)
  if (!(err <= tol * scale || err < 1e-15)) throw new Error(`${what}: got ${a}, R gives ${b} (rel ${err / scale})`)
}

const checkAgainstR = (fixture: MoranFixture, key: string, x: Float64Array, w: SpatialWeights) => {
  const r = fixture.results[key]!
  const g = moranTest(x, w)
  const R = r.global
  close(g.I, R.I, `${key} I`)
  close(g.expected, R.expected, `${key} E[I]`)
  close(g.varianceNormality, R.variance_normality, `${key} var normality`)
  close(g.zNormality, R.z_normality, `${key} z normality`)
  close(g.pNormality, R.p_normality, `${key} p normality`)
  close(g.varianceRandomization, R.variance_randomization, `${key} var randomisation`)
  close(g.zRandomization, R.z_randomization, `${key} z randomisation`)
  close(g.pRandomization, R.p_randomization, `${key} p randomisation`)
  expect(g.nEffective).toBe(R.n_effective)
  expect(g.permutations).toBe(0)
  expect(g.pPermutation).toBeNull()

  const local = localMoran(x, w)
  const islands = new Set(fixture.islands ?? [])
  expect(local.map((l) => l.id)).toEqual(w.ids)
  const byId = new Map(r.local.map((l) => [l.id, l]))
  for (const l of local) {
    const L = byId.get(l.id)!
    close(l.Ii, L.Ii, `${key} Ii ${l.id}`)
    close(l.expected, L.expected, `${key} E.Ii ${l.id}`)
    close(l.variance, L.variance, `${key} Var.Ii ${l.id}`)
    close(l.z, L.z, `${key} Z.Ii ${l.id}`)
    close(l.p, L.p, `${key} Pr ${l.id}`)
    expect(l.quadrant, `${key} quadrant ${l.id}`).toBe(islands.has(l.id) ? null : L.quadrant)
  }
}

describe("global and local Moran's I against spdep (moran.test, localmoran), 1e-10 relative", () => {
  it("Columbus CRIME, HOVAL, INC with col.gal.nb, styles W and B", () => {
    const fixture = readJson<MoranFixture>("moran/columbus.json")
    const data = readCsv("weights/columbus.csv")
    const ids = stringColumn(data, "POLYID")
    for (const style of ["W", "B"] as const) {
      const w = alignWeights(weightsFromNeighbourList(readGal("weights/columbus.gal"), { style }), ids)
      for (const v of ["CRIME", "HOVAL", "INC"]) checkAgainstR(fixture, `${v}_${style}`, numericColumn(data, v), w)
    }
  })

  it("NC SIDS rate SID74/BIR74 with ncCC89 (two islands, GAL order ≠ data order), W and B", () => {
    const fixture = readJson<MoranFixture>("moran/nc_sids.json")
    const data = readCsv("weights/nc_sids.csv")
    const ids = stringColumn(data, "FIPS")
    const sid = numericColumn(data, "SID74")
    const bir = numericColumn(data, "BIR74")
    const rate = sid.map((s, i) => s / bir[i]!)
    expect(fixture.islands).toHaveLength(2)
    for (const style of ["W", "B"] as const) {
      const w = alignWeights(weightsFromNeighbourList(readGal("weights/nc_cc89.gal"), { style }), ids)
      checkAgainstR(fixture, `rate_${style}`, rate, w)
      expect(moranTest(rate, w).nEffective).toBe(98)
    }
  })

  it("Boston CMEDV with boston.soi, W", () => {
    const fixture = readJson<MoranFixture>("moran/boston.json")
    const data = readCsv("weights/boston.csv")
    const w = alignWeights(weightsFromNeighbourList(readGal("weights/boston_soi.gal")), stringColumn(data, "id"))
    checkAgainstR(fixture, "CMEDV_W", numericColumn(data, "CMEDV"), w)
  })

  it("Columbus CRIME with a 1.5 distance band that leaves islands (adjust.n), W and B", () => {
    const fixture = readJson<MoranFixture>("moran/columbus_islands.json")
    const data = readCsv("weights/columbus.csv")
    const ids = stringColumn(data, "POLYID")
    const xy = { x: numericColumn(data, "X"), y: numericColumn(data, "Y") }
    for (const style of ["W", "B"] as const) {
      const w = distanceBandWeights(ids, xy, 1.5, { style })
      checkAgainstR(fixture, `CRIME_${style}`, numericColumn(data, "CRIME"), w)
    }
    const l = localMoran(numericColumn(data, "CRIME"), distanceBandWeights(ids, xy, 1.5))
    const island = l.find((r) => r.id === fixture.islands![0])!
    expect(island).toMatchObject({ Ii: 0, z: null, p: null, quadrant: null })
  })

  it("Columbus CRIME with inverse-distance-squared weights within 3 (W, islands)", () => {
    const fixture = readJson<MoranFixture>("moran/columbus_idw.json")
    const data = readCsv("weights/columbus.csv")
    const ids = stringColumn(data, "POLYID")
    const xy = { x: numericColumn(data, "X"), y: numericColumn(data, "Y") }
    checkAgainstR(fixture, "CRIME_W", numericColumn(data, "CRIME"), inverseDistanceWeights(ids, xy, { band: 3, alpha: 2 }))
  })

  it("a hand-worked 4-unit path: I = 0.4, E[I] = −1/3 under W", () => {
    // Path a–b–c–d, x = 1, 2, 3, 4: z = (−1.5, −0.5, 0.5, 1.5), Σz² = 5, W lags (−0.5, −0.5, 0.5, 0.5),
    // Σ z·lag = 0.75 + 0.25 + 0.25 + 0.75 = 2, S0 = 4, I = (4/4)·2/5 = 0.4.
    const w = weightsFromLinks(["a", "b", "c", "d"], [[1], [0, 2], [1, 3], [2]], undefined, "W")
    const r = moranTest([1, 2, 3, 4], w)
    expect(r.I).toBeCloseTo(0.4, 14)
    expect(r.expected).toBeCloseTo(-1 / 3, 14)
  })

  it("input errors: non-finite value, constant variable", () => {
    const w = weightsFromLinks(["a", "b", "c", "d"], [[1], [0, 2], [1, 3], [2]], undefined, "W")
    const code = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return (e as InputError).code
      }
      return "none"
    }
    expect(code(() => moranTest([1, Number.NaN, 3, 4], w))).toBe("not_finite")
    expect(code(() => moranTest([2, 2, 2, 2], w))).toBe("constant_variable")
    expect(code(() => localMoran([2, 2, 2, 2], w))).toBe("constant_variable")
  })
})

/** A rows × cols lattice of unit squares with rook contiguity, ids "r-c". */
const lattice = (rows: number, cols: number, rule: "queen" | "rook" = "rook") => {
  const ids: string[] = []
  const geoms: Geometry[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      ids.push(`${r}-${c}`)
      geoms.push({
        type: "Polygon",
        coordinates: [
          [
            [c, r],
            [c + 1, r],
            [c + 1, r + 1],
            [c, r + 1],
            [c, r],
          ],
        ],
      })
    }
  }
  return contiguityWeights(ids, geoms, { rule })
}

describe("permutation inference", () => {
  const w = lattice(62, 50)
  const n = w.ids.length
  // A smooth trend plus a little noise: strong positive autocorrelation.
  const trend = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 50) + (i % 50) + 0.3 * Math.sin(i * 12.9898))

  it("999 permutations at n = 3,100 are reproducible by seed and find strong clustering (speed: pnpm bench)", () => {
    const a = moranTest(trend, w, { permutations: 999, seed: 7 })
    const b = moranTest(trend, w, { permutations: 999, seed: 7 })
    expect(b.pPermutation).toBe(a.pPermutation)
    expect(a.permutations).toBe(999)
    expect(a.I).toBeGreaterThan(0.9)
    // No permutation reaches the observed I: the smallest two-sided p, 2/1000.
    expect(a.pPermutation).toBe(2 / 1000)
    expect(a.pPermutationGreater).toBe(1 / 1000)
  })

  it("pseudo p-values lie in (0, 1] and are roughly uniform-ish for noise (not tiny)", () => {
    const columbus = readCsv("weights/columbus.csv")
    const ids = stringColumn(columbus, "POLYID")
    const w49 = alignWeights(weightsFromNeighbourList(readGal("weights/columbus.gal")), ids)
    const noise = Float64Array.from({ length: 49 }, (_, i) => (Math.sin(i * 78.233) * 43758.5453) % 1)
    const r = moranTest(noise, w49, { permutations: 499, seed: 11 })
    expect(r.pPermutation!).toBeGreaterThan(0.01)
    expect(r.pPermutation!).toBeLessThanOrEqual(1)
    const other = moranTest(noise, w49, { permutations: 499, seed: 12 })
    expect(other.pPermutation).not.toBe(undefined)
    // Crime is strongly clustered in Columbus: the permutation p agrees with the analytical one (both tiny).
    const crime = moranTest(numericColumn(columbus, "CRIME"), w49, { permutations: 999, seed: 5 })
    expect(crime.pPermutation!).toBeLessThan(0.01)
  })

  it("local conditional permutations: seeded, folded p in [1/(N+1), 0.5 + …], islands null", () => {
    const columbus = readCsv("weights/columbus.csv")
    const ids = stringColumn(columbus, "POLYID")
    const xy = { x: numericColumn(columbus, "X"), y: numericColumn(columbus, "Y") }
    const wIsl = distanceBandWeights(ids, xy, 1.5)
    const crime = numericColumn(columbus, "CRIME")
    const a = localMoran(crime, wIsl, { permutations: 499, seed: 9 })
    const b = localMoran(crime, wIsl, { permutations: 499, seed: 9 })
    expect(a.map((r) => r.pPermutation)).toEqual(b.map((r) => r.pPermutation))
    for (const r of a) {
      if (r.quadrant === null) expect(r.pPermutation).toBeNull()
      else {
        expect(r.pPermutation!).toBeGreaterThanOrEqual(1 / 500)
        expect(r.pPermutation!).toBeLessThanOrEqual(250 / 500)
      }
    }
    // Units with very large |z| by the normal approximation are also extreme under permutation.
    const w49 = alignWeights(weightsFromNeighbourList(readGal("weights/columbus.gal")), ids)
    const l = localMoran(crime, w49, { permutations: 999, seed: 2 })
    for (const r of l) if (r.z !== null && Math.abs(r.z) > 4) expect(r.pPermutation!).toBeLessThan(0.01)
  })
})

describe("permutation p-values agree with spdep's Monte Carlo within sampling error", () => {
  interface PermFixture {
    moran_mc: Array<{ variable: string; nsim: number; p_greater: number }>
    localmoran_perm: { variable: string; nsim: number; ids: string[]; p_folded: number[] }
  }
  const fx = readJson<PermFixture>("moran/columbus_permutation.json")
  const data = readCsv("weights/columbus.csv")
  const w = alignWeights(weightsFromNeighbourList(readGal("weights/columbus.gal")), stringColumn(data, "POLYID"))

  it("moran.mc (49,999 draws): one-sided p of HOVAL within 0.005, INC tiny", () => {
    const hoval = fx.moran_mc.find((m) => m.variable === "HOVAL")!
    const ours = moranTest(numericColumn(data, "HOVAL"), w, { permutations: 49_999, seed: 17 })
    // Standard error of the difference of two estimates near p = 0.028 with 50,000 draws each: about 0.001.
    expect(Math.abs(ours.pPermutationGreater! - hoval.p_greater)).toBeLessThan(0.005)
    expect(ours.pPermutation!).toBeCloseTo(2 * ours.pPermutationGreater!, 2)
    const inc = moranTest(numericColumn(data, "INC"), w, { permutations: 49_999, seed: 17 })
    expect(inc.pPermutationGreater!).toBeLessThan(5e-4)
  })

  it("localmoran_perm folded p (19,999 draws per unit) within 0.025 for every unit", () => {
    const lp = fx.localmoran_perm
    const ours = localMoran(numericColumn(data, "CRIME"), w, { permutations: lp.nsim, seed: 23 })
    // Standard error of a difference near p = 0.5 with 20,000 draws each: 0.005; 0.025 is five of them.
    ours.forEach((r, i) => {
      expect(Math.abs(r.pPermutation! - lp.p_folded[i]!), r.id).toBeLessThan(0.025)
    })
  })
})

describe("invariance properties (fast-check)", () => {
  const w = lattice(5, 6, "queen")
  const n = w.ids.length
  const values = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n })
  const nonConstant = (xs: number[]) => Math.max(...xs) - Math.min(...xs) > 1e-3

  it("I and its z-scores are unchanged by a positive scale and a shift of x", () => {
    fc.assert(
      fc.property(values, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), (xs, a, b) => {
        fc.pre(nonConstant(xs))
        const r0 = moranTest(xs, w)
        const r1 = moranTest(
          xs.map((v) => a * v + b),
          w,
        )
        expect(r1.I).toBeCloseTo(r0.I, 6)
        expect(r1.zRandomization).toBeCloseTo(r0.zRandomization, 5)
        const l0 = localMoran(xs, w)
        const l1 = localMoran(
          xs.map((v) => a * v + b),
          w,
        )
        l0.forEach((r, i) => {
          expect(l1[i]!.Ii).toBeCloseTo(r.Ii, 6)
        })
      }),
      { numRuns: 60 },
    )
  })

  it("I is unchanged when the rows and the weights are permuted together", () => {
    fc.assert(
      fc.property(values, fc.array(fc.nat(), { minLength: n, maxLength: n }), (xs, keys) => {
        fc.pre(nonConstant(xs))
        // A permutation of the units: sort indices by random keys.
        const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => keys[p]! - keys[q]! || p - q)
        const permutedIds = order.map((i) => w.ids[i]!)
        const wp = alignWeights(w, permutedIds)
        const r0 = moranTest(xs, w)
        const r1 = moranTest(
          order.map((i) => xs[i]!),
          wp,
        )
        expect(r1.I).toBeCloseTo(r0.I, 9)
        expect(r1.varianceRandomization).toBeCloseTo(r0.varianceRandomization, 12)
      }),
      { numRuns: 60 },
    )
  })
})

describe("progress of permutation runs", () => {
  const w = lattice(10, 10)
  const x = Float64Array.from({ length: 100 }, (_, i) => (i % 10) + Math.floor(i / 10))

  it("reports monotone progress ending at the total, and the same results as without a callback", () => {
    const seen: Array<[number, number]> = []
    const r = moranTest(x, w, { permutations: 999, seed: 5, onProgress: (d, t) => seen.push([d, t]) })
    expect(seen.at(-1)).toEqual([999, 999])
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1]![0])).toBe(true)
    expect(seen.length).toBeGreaterThan(10)
    expect(r.pPermutation).toBe(moranTest(x, w, { permutations: 999, seed: 5 }).pPermutation)
    const local: number[] = []
    localMoran(x, w, { permutations: 99, seed: 5, onProgress: (d) => local.push(d) })
    expect(local.at(-1)).toBe(100 * 99)
  })
})

describe("local permutations split between threads", () => {
  const w = lattice(12, 15, "queen")
  const x = Float64Array.from({ length: 180 }, (_, i) => Math.sin(i / 7) + (i % 15) / 10)
  const whole = localMoran(x, w, { permutations: 499, seed: 11 })

  it("any split of the units into ranges gives the p-values of the whole run, bit for bit", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 179 }), { maxLength: 6 }), (cuts) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), 180]
        const rows = localMoran(x, w, { permutations: 0 })
        const n = 180
        let zz = 0
        const mean = x.reduce((a, b) => a + b, 0) / n
        const z = x.map((v) => v - mean)
        for (const v of z) zz += v * v
        const input = localPermutationInput(
          w,
          z,
          zz / n,
          Float64Array.from(rows, (r) => r.Ii),
          499,
          11,
        )
        const parts = bounds.slice(1).map((to, k) => localMoranPermutations(input, bounds[k]!, to))
        const joined = Float64Array.from(parts.flatMap((p) => Array.from(p)))
        expect(Array.from(joined)).toEqual(whole.map((r) => r.pPermutation ?? Number.NaN))
      }),
      { numRuns: 20 },
    )
  })

  it("p-values given by the caller replace the computation; every other column is unchanged", () => {
    const given = Float64Array.from({ length: 180 }, (_, i) => (i + 1) / 1000)
    const r = localMoran(x, w, { permutations: 499, seed: 11, permutationPValues: given })
    r.forEach((row, i) => {
      expect(row.pPermutation).toBe(given[i])
      expect({ ...row, pPermutation: null }).toEqual({ ...whole[i]!, pPermutation: null })
    })
  })

  it("streams of a seed differ from each other and repeat for the same (seed, stream)", () => {
    const a = PermutationRandom.stream(5, 0)
    const b = PermutationRandom.stream(5, 1)
    const c = PermutationRandom.stream(5, 0)
    const xs = Array.from({ length: 8 }, () => a.next())
    expect(Array.from({ length: 8 }, () => c.next())).toEqual(xs)
    expect(Array.from({ length: 8 }, () => b.next())).not.toEqual(xs)
  })
})
