import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  concentrationIndices,
  ellisonGlaeser,
  ellisonGlaeserByIndustry,
  herfindahl,
  herfindahlByIndustry,
  krugmanConcentration,
  krugmanSpecialisation,
  locationQuotients,
  plantHerfindahl,
  type RegionIndustryValue,
  regionIndustryTable,
  shiftShare,
  spatialGini,
} from "../../src/econometrics/concentration/index.js"
import { InputError } from "../../src/model/errors.js"

const near = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)))
const codeOf = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return (e as InputError).code
  }
  throw new Error("expected an InputError")
}

// A: x 30, y 70 (100) · B: x 10, y 90 (100) · C: x 60, y 140 (200)
// industry totals x 100, y 300; grand total 400; region shares x_r = 0.25, 0.25, 0.5
const small: RegionIndustryValue[] = [
  { region: "A", industry: "x", value: 30 },
  { region: "A", industry: "y", value: 70 },
  { region: "B", industry: "x", value: 10 },
  { region: "B", industry: "y", value: 90 },
  { region: "C", industry: "x", value: 60 },
  { region: "C", industry: "y", value: 140 },
]

describe("concentration measures (hand-worked)", () => {
  const t = regionIndustryTable(small)
  it("location quotients", () => {
    const lq = Object.fromEntries(locationQuotients(t).map((q) => [`${q.region}/${q.industry}`, q.lq]))
    near(lq["A/x"]!, 0.3 / 0.25) // (30/100)/(100/400) = 1.2
    near(lq["B/x"]!, 0.1 / 0.25) // 0.4
    near(lq["C/x"]!, 0.3 / 0.25) // (60/200)/0.25 = 1.2
    near(lq["A/y"]!, 0.7 / 0.75) // 0.9333…
    near(lq["B/y"]!, 0.9 / 0.75) // 1.2
    // national totals: x 1000 of 2000 → LQ(A, x) = 0.3/0.5 = 0.6
    const ref = locationQuotients(t, { industry: { x: 1000, y: 1000 }, total: 2000 })
    near(ref.find((q) => q.region === "A" && q.industry === "x")!.lq, 0.6)
    // region totals including unlisted industries: A 200 → (30/200)/(100/400) = 0.6
    near(locationQuotients(t, { region: { A: 200, B: 100, C: 200 } })[0]!.lq, 0.6)
  })
  it("Herfindahl", () => {
    near(herfindahl([1, 1, 2]), 0.375)
    const h = herfindahlByIndustry(t)
    near(h.x!, 0.09 + 0.01 + 0.36) // shares 0.3, 0.1, 0.6 → 0.46
    near(h.y!, (49 + 81 + 196) / 900) // shares 7/30, 9/30, 14/30
  })
  it("Ellison–Glaeser", () => {
    // Σx² = 0.0625 + 0.0625 + 0.25 = 0.375, 1 − Σx² = 0.625
    // G_x = (0.3 − 0.25)² + (0.1 − 0.25)² + (0.6 − 0.5)² = 0.0025 + 0.0225 + 0.01 = 0.035; γ_x(H = 0) = 0.035/0.625 = 0.056
    const eg = ellisonGlaeserByIndustry(t)
    near(eg.x!.G, 0.035)
    near(eg.x!.gamma, 0.056)
    // G_y = (−1/60)² + (1/20)² + (−1/30)² = 14/3600; γ_y = (14/3600)/0.625
    near(eg.y!.gamma, 14 / 3600 / 0.625)
    // with plant H = 0.1: (0.035 − 0.625·0.1)/(0.625·0.9) = −0.0275/0.5625
    near(ellisonGlaeserByIndustry(t, { x: 0.1 }).x!.gamma, -0.0275 / 0.5625)
    // H from plants: sizes 10, 10, 20 → 0.375
    near(plantHerfindahl([10, 10, 20]), 0.375)
    near(ellisonGlaeser([0.5, 0.5], [0.8, 0.2], 0).gamma, 0.18 / 0.32)
    expect(codeOf(() => ellisonGlaeser([1], [1], 1))).toBe("bad_herfindahl")
  })
  it("Krugman specialisation and concentration", () => {
    // national shares x 0.25, y 0.75. A: |0.3 − 0.25| + |0.7 − 0.75| = 0.1; B: 0.15 + 0.15 = 0.3; C: 0.1
    const k = krugmanSpecialisation(t)
    near(k.A!, 0.1)
    near(k.B!, 0.3)
    near(k.C!, 0.1)
    // x over regions: |0.3 − 0.25| + |0.1 − 0.25| + |0.6 − 0.5| = 0.3
    near(krugmanConcentration(t).x!, 0.3)
  })
  it("spatial Gini (REAT gini.conc)", () => {
    // LQ_x = 6/5, 2/5, 6/5, mean 14/15; sorted 2/5, 6/5, 6/5; Σ λ(v − mean) = −8/15 + 2·4/15 + 3·4/15 = 4/5
    // G_x = 2/(3²·14/15)·4/5 = 4/21
    const g = spatialGini(t)
    near(g.x!, 4 / 21)
    // LQ_y = 14/15, 6/5, 14/15, mean 46/45; Σ = −4/45·(1 + 2) + 3·8/45 = 4/15; G_y = 2/(9·46/45)·4/15 = 4/69
    near(g.y!, 4 / 69)
  })
  it("rejects bad tables", () => {
    expect(codeOf(() => regionIndustryTable([]))).toBe("empty")
    expect(codeOf(() => regionIndustryTable([...small, { region: "A", industry: "x", value: 1 }]))).toBe("duplicate_pair")
    expect(codeOf(() => regionIndustryTable([{ region: "A", industry: "x", value: -1 }]))).toBe("negative_value")
    expect(codeOf(() => regionIndustryTable([{ region: "A", industry: "x", value: 0 }]))).toBe("zero_total")
    expect(codeOf(() => locationQuotients(regionIndustryTable(small), { industry: { x: 1 } }))).toBe("bad_reference")
    expect(codeOf(() => locationQuotients(regionIndustryTable(small), { industry: { x: 1 }, total: 10 }))).toBe("bad_reference")
  })
})

describe("shift-share (hand-worked)", () => {
  // A: x 100→130, y 200→210; B: x 300→330, y 100→90
  // national x 400→460 (g_x = 0.15), y 300→300 (g_y = 0), total 700→760 (G = 60/700)
  const r = shiftShare([
    { region: "A", industry: "x", base: 100, final: 130 },
    { region: "A", industry: "y", base: 200, final: 210 },
    { region: "B", industry: "x", base: 300, final: 330 },
    { region: "B", industry: "y", base: 100, final: 90 },
  ])
  const G = 60 / 700
  it("cells", () => {
    near(r.nationalRate, G)
    near(r.industryRates.x!, 0.15)
    const ax = r.cells[0]!
    near(ax.nationalGrowth, 100 * G) // 8.571…
    near(ax.industryMix, 100 * (0.15 - G)) // 6.428…
    near(ax.competitiveShift, 130 - 115) // 15
    near(ax.nationalGrowth + ax.industryMix + ax.competitiveShift, 30)
  })
  it("regions", () => {
    const a = r.regions.find((x) => x.region === "A")!
    // NS = 300·G = 25.714…; IM = 100(0.15 − G) + 200(0 − G) = 15 − 300G; CS = 15 + 10 = 25
    near(a.nationalGrowth, 300 * G)
    near(a.industryMix, 15 - 300 * G)
    near(a.competitiveShift, 25)
    near(a.change, 40)
  })
  it("national totals given", () => {
    // national x 1000→1100 (g 0.1), y 1000→1000 (0), G = 100/2000 = 0.05
    const n = shiftShare(
      [
        { region: "A", industry: "x", base: 100, final: 130 },
        { region: "A", industry: "y", base: 200, final: 210 },
      ],
      {
        x: { base: 1000, final: 1100 },
        y: { base: 1000, final: 1000 },
      },
    )
    const a = n.regions[0]!
    near(a.nationalGrowth, 300 * 0.05)
    near(a.industryMix, 100 * 0.05 + 200 * -0.05)
    near(a.competitiveShift, 130 - 110 + 10)
    expect(codeOf(() => shiftShare([{ region: "A", industry: "z", base: 1, final: 1 }], { x: { base: 1, final: 1 } }))).toBe("zero_total")
  })
})

interface Golden {
  long: RegionIndustryValue[]
  lq: { region: string; industry: string; lq: number }[]
  reference: { industry: Record<string, number>; total: number }
  lq_reference: { region: string; industry: string; lq: number }[]
  krugman_reference: Record<string, number>
  hhi: Record<string, number>
  plant_herfindahl: Record<string, number>
  ellison_glaeser: Record<string, { gamma: number; G: number; H: number }>
  krugman: Record<string, number>
  krugman_concentration: Record<string, number>
  gini: Record<string, number>
  gini_specialisation: Record<string, number>
  shift_share: {
    data: { region: string; industry: string; base: number; final: number }[]
    regions: { region: string; change: number; national_share: number; industrial_mix: number; regional_shift: number }[]
  }
}

describe("against base R restatement of REAT (scripts/golden/concentration.R)", () => {
  const g = JSON.parse(readFileSync(new URL("../fixtures/concentration/concentration.json", import.meta.url), "utf8")) as Golden
  const tol = 1e-10
  const byKey = (rows: { region: string; industry: string; lq: number }[]) => new Map(rows.map((q) => [`${q.region}/${q.industry}`, q.lq]))
  it("all indices", () => {
    const r = concentrationIndices(g.long, { plantHerfindahl: g.plant_herfindahl })
    const ref = byKey(g.lq)
    expect(r.lq.length).toBe(g.lq.length)
    for (const q of r.lq) near(q.lq, ref.get(`${q.region}/${q.industry}`)!, tol)
    for (const [k, v] of Object.entries(g.hhi)) near(r.hhi[k]!, v, tol)
    for (const [k, v] of Object.entries(g.ellison_glaeser)) {
      near(r.ellison_glaeser[k]!.gamma, v.gamma, tol)
      near(r.ellison_glaeser[k]!.G, v.G, tol)
      near(r.ellison_glaeser[k]!.H, v.H, tol)
    }
    for (const [k, v] of Object.entries(g.krugman)) near(r.krugman[k]!, v, tol)
    for (const [k, v] of Object.entries(g.krugman_concentration)) near(r.krugman_concentration[k]!, v, tol)
    for (const [k, v] of Object.entries(g.gini)) near(r.gini[k]!, v, tol)
    for (const [k, v] of Object.entries(g.gini_specialisation)) near(r.gini_specialisation[k]!, v, tol)
  })
  it("reference totals", () => {
    const r = concentrationIndices(g.long, { reference: g.reference })
    const ref = byKey(g.lq_reference)
    for (const q of r.lq) near(q.lq, ref.get(`${q.region}/${q.industry}`)!, tol)
    for (const [k, v] of Object.entries(g.krugman_reference)) near(r.krugman[k]!, v, tol)
  })
  it("shift-share (Dunn)", () => {
    const r = shiftShare(g.shift_share.data)
    for (const ref of g.shift_share.regions) {
      const got = r.regions.find((x) => x.region === ref.region)!
      near(got.change, ref.change, tol)
      near(got.nationalGrowth, ref.national_share, tol)
      near(got.industryMix, ref.industrial_mix, tol)
      near(got.competitiveShift, ref.regional_shift, tol)
    }
  })
})
