import { describe, expect, it } from "vitest"
import { type AssessedCluster, decodeScheme, rankStability, runAssessment, valueLookup } from "../../src/assessment/index.js"

const scheme = decodeScheme({
  id: "stability",
  name: { zh: "稳定性", en: "Stability" },
  totalPoints: 100,
  dimensions: [
    {
      id: "all",
      name: { zh: "全部", en: "All" },
      indicators: [
        { code: "revenue", weight: 1 },
        { code: "tax_total", weight: 1 },
      ],
    },
  ],
  weighting: { method: "given" },
  normalisation: { method: "minmax" },
  normaliseWithin: "group",
  rewards: { urban_district: 1, county: 1 },
  veto: [],
})
const zones: AssessedCluster[] = ["a", "b", "c"].map((id) => ({ id, name: id, group: "county" }))
const vals: Record<string, [number, number]> = { a: [10, 0], b: [0, 10], c: [20, 20] }
const value = valueLookup(
  Object.entries(vals).flatMap(([id, [r, t]]) => [
    { clusterId: id, indicator: "revenue", period: "2025", value: r },
    { clusterId: id, indicator: "tax_total", period: "2025", value: t },
  ]),
)
// Normalised: revenue a .5, b 0, c 1; tax a 0, b .5, c 1. Scores a = b = 25, c = 100.
const result = runAssessment(scheme, { clusters: zones, value }, "2025")

describe("rankStability", () => {
  it("a zone best on every indicator keeps rank 1 in every draw", () => {
    const s = rankStability(scheme, result, { draws: 400, seed: 3 })
    const c = s.zones.find((z) => z.clusterId === "c")!
    expect(c).toMatchObject({ rank: 1, min: 1, max: 1, p5: 1, p95: 1, rewardShare: 1 })
  })
  it("two zones tied under equal weights split the draws about evenly (symmetric Dirichlet: P(w1 > w2) = 1/2)", () => {
    // With a reward band of 2, a is rewarded exactly when it comes 2nd, i.e. when w_revenue > w_tax.
    const r2 = runAssessment(scheme, { clusters: zones, value }, "2025", undefined, { rewards: { county: 2 } })
    expect(r2.clusters.map((c) => c.rank)).toEqual([2, 2, 1])
    const s = rankStability(scheme, r2, { draws: 4000, seed: 11, concentration: 20 })
    const a = s.zones.find((z) => z.clusterId === "a")!
    const b = s.zones.find((z) => z.clusterId === "b")!
    expect([a.min, a.max, a.p5, a.p95]).toEqual([2, 3, 2, 3])
    // 4000 draws: the share's standard error is 0.008.
    expect(Math.abs(a.rewardShare - 0.5)).toBeLessThan(0.04)
    expect(a.rewardShare + b.rewardShare).toBeCloseTo(1, 12)
  })
  it("log-normal noise as well, and the same seed gives the same answer", () => {
    const one = rankStability(scheme, result, { draws: 300, seed: 5, method: "lognormal", sigma: 0.3 })
    const two = rankStability(scheme, result, { draws: 300, seed: 5, method: "lognormal", sigma: 0.3 })
    expect(one).toEqual(two)
    expect(one.method).toBe("lognormal")
  })
  it("a very high concentration reproduces the scheme's ranks", () => {
    const s = rankStability(scheme, result, { draws: 200, seed: 1, concentration: 1e9 })
    for (const z of s.zones) if (z.clusterId === "c") expect([z.min, z.max]).toEqual([1, 1])
  })
  it("refuses bad options", () => {
    expect(() => rankStability(scheme, result, { draws: 0 })).toThrow(/draws/)
    expect(() => rankStability(scheme, result, { concentration: 0 })).toThrow(/concentration/)
  })
})
