import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { adjustFdr, bivariateMoran, gearyTest, includeSelf, localBivariateMoran, localGetisOrd } from "../../src/econometrics/autocorrelation/index.js"
import { alignWeights, distanceBandWeights, knnWeights, weightsFromLinks, weightsFromNeighbourList } from "../../src/econometrics/weights/index.js"
import { numericColumn, stringColumn } from "../../src/io/columns.js"
import type { InputError } from "../../src/model/errors.js"
import { readCsv, readGal, readJson } from "./weightsFixtures.js"

const REL = 1e-10

const close = (a: number | null | undefined, b: number | null | undefined, what: string, tol = REL) => {
  if (b === null || b === undefined) {
    expect(a === null || a === undefined || Number.isNaN(a), `${what}: got ${a}, R gives NA`).toBe(true)
    return
  }
  expect(a, what).not.toBeNull()
  const err = Math.abs(a! - b)
  const scale = Math.max(Math.abs(b), 1e-300)
  if (!(err <= tol * scale || err < 1e-15)) throw new Error(`${what}: got ${a}, R gives ${b} (rel ${err / scale})`)
}

interface GearyFixture {
  C: number
  expected: number
  variance_randomization: number
  z_randomization: number | null
  p_randomization: number | null
  variance_normality: number
  z_normality: number
  p_normality: number
  permutation?: { nsim: number; p_positive: number }
}
interface GRow {
  id: string
  G: number
  expected: number
  variance: number
  z: number | null
  p: number | null
  p_fdr: number | null
  class: string | null
  class_fdr: string | null
}

const columbus = () => {
  const data = readCsv("weights/columbus.csv")
  const ids = stringColumn(data, "POLYID")
  const gal = (style: "W" | "B") => alignWeights(weightsFromNeighbourList(readGal("weights/columbus.gal"), { style }), ids)
  const xy = { x: numericColumn(data, "X"), y: numericColumn(data, "Y") }
  return { data, ids, gal, xy, v: (name: string) => numericColumn(data, name) }
}

const checkGeary = (got: ReturnType<typeof gearyTest>, R: GearyFixture, what: string) => {
  close(got.C, R.C, `${what} C`)
  expect(got.expected).toBe(R.expected)
  close(got.varianceRandomization, R.variance_randomization, `${what} var randomisation`)
  close(got.zRandomization, R.z_randomization, `${what} z randomisation`)
  close(got.pRandomization, R.p_randomization, `${what} p randomisation`)
  close(got.varianceNormality, R.variance_normality, `${what} var normality`)
  close(got.zNormality, R.z_normality, `${what} z normality`)
  close(got.pNormality, R.p_normality, `${what} p normality`)
}

const checkLocalG = (rows: ReturnType<typeof localGetisOrd>, R: GRow[], what: string, fdr = false) => {
  expect(rows.map((r) => r.id)).toEqual(R.map((r) => r.id))
  rows.forEach((r, i) => {
    const L = R[i]!
    close(r.G, L.G, `${what} G ${r.id}`)
    close(r.expected, L.expected, `${what} E(G) ${r.id}`)
    close(r.variance, L.variance, `${what} V(G) ${r.id}`)
    close(r.z, L.z, `${what} z ${r.id}`)
    close(r.p, L.p, `${what} p ${r.id}`)
    if (fdr) close(r.pFdr, L.p_fdr, `${what} p fdr ${r.id}`)
    expect(r.class, `${what} class ${r.id}`).toBe(fdr ? L.class_fdr : L.class)
  })
}

describe("Geary's C against spdep geary.test (randomisation and normality), 1e-10 relative", () => {
  const R = readJson<{ results: Record<string, GearyFixture> }>("autocorrelation/geary_columbus.json").results
  const c = columbus()

  it("Columbus CRIME, HOVAL, INC with col.gal.nb, W and B", () => {
    for (const style of ["W", "B"] as const)
      for (const v of ["CRIME", "HOVAL", "INC"]) checkGeary(gearyTest(c.v(v), c.gal(style)), R[`${v}_${style}`]!, `${v}_${style}`)
  })

  it("a 1.5 distance band with islands: spdep's mixed n gives a negative randomisation variance, z undefined", () => {
    for (const style of ["W", "B"] as const) {
      const g = gearyTest(c.v("CRIME"), distanceBandWeights(c.ids, c.xy, 1.5, { style }))
      checkGeary(g, R[`CRIME_band1.5_${style}`]!, `band ${style}`)
      expect(g.varianceRandomization).toBeLessThan(0)
      expect(Number.isNaN(g.zRandomization)).toBe(true)
    }
  })

  it("NC SIDS rate with ncCC89 (two islands, adjust.n), W and B", () => {
    const N = readJson<{ results: Record<string, GearyFixture> }>("autocorrelation/nc_sids.json").results
    const data = readCsv("weights/nc_sids.csv")
    const ids = stringColumn(data, "FIPS")
    const rate = numericColumn(data, "SID74").map((s, i) => s / numericColumn(data, "BIR74")[i]!)
    for (const style of ["W", "B"] as const) {
      const g = gearyTest(rate, alignWeights(weightsFromNeighbourList(readGal("weights/nc_cc89.gal"), { style }), ids))
      checkGeary(g, N[`geary_${style}`]!, `nc ${style}`)
      expect(g.nEffective).toBe(98)
    }
  })

  it("permutations: seeded, reproducible and within sampling error of geary.mc (49,999 draws)", () => {
    const w = c.gal("W")
    const a = gearyTest(c.v("HOVAL"), w, { permutations: 9999, seed: 7 })
    expect(gearyTest(c.v("HOVAL"), w, { permutations: 9999, seed: 7 })).toEqual(a)
    const Rp = R.HOVAL_W!.permutation!.p_positive
    // Binomial standard errors of the two estimates, four of them allowed.
    const se = Math.sqrt(Rp * (1 - Rp) * (1 / 9999 + 1 / 49999))
    expect(Math.abs(a.pPermutationPositive! - Rp)).toBeLessThan(4 * se)
    const crime = gearyTest(c.v("CRIME"), w, { permutations: 999, seed: 1 })
    expect(crime.pPermutationPositive).toBeLessThan(0.005)
    expect(crime.pPermutation).toBeLessThan(0.01)
  })

  it("hand-worked path a–b–c–d, x = 1, 2, 3, 4, binary: C = (3/(2·6))·3/5 = 0.15", () => {
    // Σ w_ij (x_i − x_j)² = 2·(1 + 1 + 1) = 6 over S0 = 6 directed links; Σz² = 5; C = (n − 1)/(2 S0) · 6/5.
    const w = weightsFromLinks(["a", "b", "c", "d"], [[1], [0, 2], [1, 3], [2]], undefined, "B")
    expect(gearyTest([1, 2, 3, 4], w).C).toBeCloseTo((3 / 12) * (6 / 5), 14)
  })

  it("bad input: a constant variable and a missing value are precise errors", () => {
    const w = c.gal("W")
    const constant = (() => {
      try {
        gearyTest(new Float64Array(49).fill(3), w)
      } catch (e) {
        return e as InputError
      }
    })()
    expect(constant?.code).toBe("constant_variable")
    expect(constant?.message).toContain("Geary's C")
    const x = Float64Array.from(c.v("CRIME"))
    x[4] = Number.NaN
    expect(() => gearyTest(x, w)).toThrow(/row 5/)
  })
})

describe("local Getis–Ord G_i and G*_i against spdep localG (return_internals), 1e-10 relative", () => {
  const R = readJson<{ results: Record<string, { star: boolean; local: GRow[] }> }>("autocorrelation/localg_columbus.json").results
  const c = columbus()

  it("Columbus CRIME: G_i and G*_i (include.self) with the GAL contiguity, W and B", () => {
    for (const style of ["W", "B"] as const) {
      checkLocalG(localGetisOrd(c.v("CRIME"), c.gal(style)), R[`CRIME_gal_${style}`]!.local, `gal ${style}`)
      checkLocalG(localGetisOrd(c.v("CRIME"), includeSelf(c.gal(style)), { star: true }), R[`CRIME_gal_star_${style}`]!.local, `gal* ${style}`)
    }
  })

  it("a 1.5 distance band: islands have no z (G_i), become their own neighbour (G*_i)", () => {
    for (const style of ["W", "B"] as const) {
      const w = distanceBandWeights(c.ids, c.xy, 1.5, { style })
      checkLocalG(localGetisOrd(c.v("CRIME"), w), R[`CRIME_band1.5_${style}`]!.local, `band ${style}`)
      checkLocalG(localGetisOrd(c.v("CRIME"), includeSelf(w), { star: true }), R[`CRIME_band1.5_star_${style}`]!.local, `band* ${style}`)
    }
  })

  it('k = 4 nearest neighbours (asymmetric) with G*_i, W and B; FDR classes as p.adjust("fdr")', () => {
    for (const style of ["W", "B"] as const) {
      const w = includeSelf(knnWeights(c.ids, c.xy, 4, { style }))
      checkLocalG(localGetisOrd(c.v("HOVAL"), w, { star: true }), R[`HOVAL_knn4_star_${style}`]!.local, `knn* ${style}`)
      checkLocalG(localGetisOrd(c.v("HOVAL"), w, { star: true, fdr: true }), R[`HOVAL_knn4_star_${style}`]!.local, `knn* fdr ${style}`, true)
    }
  })

  it("NC SIDS with islands: FDR counts only the units with a p-value", () => {
    const N = readJson<{ results: Record<string, GRow[]> }>("autocorrelation/nc_sids.json").results
    const data = readCsv("weights/nc_sids.csv")
    const ids = stringColumn(data, "FIPS")
    const rate = numericColumn(data, "SID74").map((s, i) => s / numericColumn(data, "BIR74")[i]!)
    const w = alignWeights(weightsFromNeighbourList(readGal("weights/nc_cc89.gal")), ids)
    checkLocalG(localGetisOrd(rate, w, { fdr: true }), N.localg_W!, "nc", true)
    checkLocalG(localGetisOrd(rate, includeSelf(w), { star: true, fdr: true }), N.localg_star_W!, "nc*", true)
  })

  it("property: G*_i per unit does not depend on the order of the units", () => {
    const x = c.v("CRIME")
    const base = new Map(localGetisOrd(x, includeSelf(c.gal("W")), { star: true }).map((r) => [r.id, r]))
    fc.assert(
      fc.property(fc.shuffledSubarray([...c.ids.keys()], { minLength: c.ids.length, maxLength: c.ids.length }), (order) => {
        const ids = order.map((i) => c.ids[i]!)
        const w = includeSelf(alignWeights(weightsFromNeighbourList(readGal("weights/columbus.gal")), ids))
        const rows = localGetisOrd(
          order.map((i) => x[i]!),
          w,
          { star: true, fdr: true },
        )
        for (const r of rows) {
          const b = base.get(r.id)!
          expect(Math.abs(r.z! - b.z!)).toBeLessThan(1e-12)
          expect(Math.abs(r.G - b.G)).toBeLessThan(1e-15)
        }
      }),
      { numRuns: 25 },
    )
  })

  it("bad input: a constant variable; star weights without self links", () => {
    expect(() => localGetisOrd(new Float64Array(49).fill(2), c.gal("W"))).toThrow(expect.objectContaining({ code: "constant_variable" }))
    expect(() => localGetisOrd(c.v("CRIME"), c.gal("W"), { star: true })).toThrow(expect.objectContaining({ code: "self_not_included" }))
  })
})

describe('false discovery rate (Benjamini–Hochberg) as R p.adjust("fdr")', () => {
  it("hand-worked: 0.01, 0.04, 0.03 of three tests and an undefined one", () => {
    // Sorted 0.01, 0.03, 0.04 → 3·0.01/1, 3·0.03/2, 3·0.04/3 = 0.03, 0.045, 0.04 → monotone: 0.03, 0.04, 0.04.
    const out = adjustFdr([0.01, 0.04, 0.03, null])
    expect(out[0]).toBeCloseTo(0.03, 15)
    expect(out[1]).toBeCloseTo(0.04, 15)
    expect(out[2]).toBeCloseTo(0.04, 15)
    expect(out[3]).toBeNull()
  })

  it("property: adjusted p ≥ p, ≤ 1, and ordered like p", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), (p) => {
        const a = adjustFdr(p)
        p.forEach((v, i) => {
          expect(a[i]!).toBeGreaterThanOrEqual(v - 1e-15)
          expect(a[i]!).toBeLessThanOrEqual(1)
        })
        for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) if (p[i]! < p[j]!) expect(a[i]!).toBeLessThanOrEqual(a[j]! + 1e-15)
      }),
    )
  })
})

describe("bivariate Moran's I (GeoDa) against spdep moran_bv / localmoran_bv rescaled, 1e-10 relative", () => {
  const R = readJson<{
    results: Record<
      string,
      {
        I: number
        local: Array<{ id: string; Ii: number; quadrant: string }>
        permutation?: { nsim: number; p_folded: number[] }
        global_permutation?: { nsim: number; mean: number; sd: number; p_greater: number }
      }
    >
  }>("autocorrelation/bivariate_columbus.json").results
  const c = columbus()

  it("global I and local I_i with quadrants: CRIME × lag INC (W), HOVAL × lag CRIME (B)", () => {
    const cases = [
      ["CRIME_INC_W", "CRIME", "INC", "W"],
      ["HOVAL_CRIME_B", "HOVAL", "CRIME", "B"],
    ] as const
    for (const [key, x, y, style] of cases) {
      const w = c.gal(style)
      close(bivariateMoran(c.v(x), c.v(y), w).I, R[key]!.I, `${key} I`)
      const local = localBivariateMoran(c.v(x), c.v(y), w)
      local.forEach((r, i) => {
        close(r.Ii, R[key]!.local[i]!.Ii, `${key} Ii ${r.id}`)
        expect(r.quadrant).toBe(R[key]!.local[i]!.quadrant)
      })
      // The local statistics average to the global one.
      close(local.reduce((s, r) => s + r.Ii, 0) / local.length, R[key]!.I, `${key} mean Ii`, 1e-12)
    }
  })

  it("permutations of y only: mean and SD of I* and the one-sided p within sampling error of R", () => {
    const G = R.CRIME_INC_W!.global_permutation!
    const r = bivariateMoran(c.v("CRIME"), c.v("INC"), c.gal("W"), { permutations: 9999, seed: 3 })
    expect(bivariateMoran(c.v("CRIME"), c.v("INC"), c.gal("W"), { permutations: 9999, seed: 3 })).toEqual(r)
    expect(Math.abs(r.expectedPermutation! - G.mean)).toBeLessThan(4 * G.sd * Math.sqrt(1 / 9999 + 1 / 49999))
    expect(Math.abs(r.sdPermutation! / G.sd - 1)).toBeLessThan(0.03)
    expect(r.pPermutationGreater).toBe(1)
    expect(r.pPermutation).toBeLessThan(0.001)
    expect(r.zPermutation).toBeCloseTo((r.I - r.expectedPermutation!) / r.sdPermutation!, 12)
  })

  it("local conditional permutations: folded p within sampling error of spdep localmoran_bv", () => {
    const P = R.CRIME_INC_W!.permutation!
    const local = localBivariateMoran(c.v("CRIME"), c.v("INC"), c.gal("W"), { permutations: 9999, seed: 11 })
    local.forEach((r, i) => {
      const Rp = P.p_folded[i]!
      const se = Math.sqrt(Math.max(Rp * (1 - Rp), 1e-4) * (1 / 9999 + 1 / P.nsim))
      expect(Math.abs(r.pPermutation! - Rp), `unit ${r.id}: ${r.pPermutation} vs ${Rp}`).toBeLessThan(5 * se + 2e-4)
      expect(r.z).toBeCloseTo((r.Ii - r.expected!) / Math.sqrt(r.variance!), 12)
    })
  })

  it("bad input: a constant second variable", () => {
    expect(() => bivariateMoran(c.v("CRIME"), new Float64Array(49).fill(1), c.gal("W"))).toThrow(
      expect.objectContaining({ code: "constant_variable", message: expect.stringContaining("with") }),
    )
  })
})
