import { describe, expect, it } from "vitest"
import {
  type AssessedCluster,
  builtInSchemes,
  confirmDefaults,
  defaultKindSchemes,
  defaultsUnconfirmed,
  henan2017Scheme,
  jijuFinancialScheme,
  jijuIndustrialScheme,
  jijuServiceScheme,
  jijuShippingScheme,
  parseKindSchemes,
  runAssessment,
  unconfirmedDefaults,
  valueLookup,
} from "../../src/assessment/index.js"
import { findIndicator } from "../../src/model/catalogue.js"
import { InputError } from "../../src/model/errors.js"

const errorOf = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}

const codes = (s: typeof jijuIndustrialScheme) => s.dimensions.flatMap((d) => d.indicators.map((i) => i.code))

describe("the default schemes hold the indicators the documents name", () => {
  it("industrial: 营业收入, 从业人员, 税收 (篇8 翻番), 总投资, 基础设施投资, 新开工工业项目, 投入产出强度", () => {
    expect(codes(jijuIndustrialScheme)).toEqual([
      "revenue",
      "employment",
      "tax_total",
      "fixed_investment",
      "infrastructure_investment",
      "new_projects",
      "output_intensity",
    ])
    // 篇8: top 10 urban-district and top 30 county zones rewarded; the documents state no veto.
    expect(jijuIndustrialScheme.rewards).toEqual({ urban_district: 10, county: 30 })
    expect(jijuIndustrialScheme.veto).toEqual([])
    expect(jijuIndustrialScheme.provenance?.rewards?.kind).toBe("document")
  })

  it("service: 年营业收入 (篇10), 入区企业, 从业人员, 建筑面积 (篇9); no reward band", () => {
    expect(codes(jijuServiceScheme)).toEqual(["operating_revenue", "firms", "employment", "floor_area"])
    const sections = jijuServiceScheme.dimensions[0]!.indicators.map((i) => i.source?.section)
    expect(sections).toEqual(["篇10 二(一)4⑴", "篇9 二、2", "篇9 二、2", "篇9 二、2"])
    expect(jijuServiceScheme.rewards).toEqual({ urban_district: 0, county: 0 })
  })

  it("every indicator is in the catalogue and carries its source; the document ones cite a section and a quote", () => {
    for (const s of [jijuIndustrialScheme, jijuServiceScheme, jijuFinancialScheme, jijuShippingScheme])
      for (const d of s.dimensions)
        for (const i of d.indicators) {
          expect(findIndicator(i.code), i.code).toBeDefined()
          expect(i.source, `${s.id} ${i.code}`).toBeDefined()
          if (i.source!.kind === "document") expect(i.source!.quote?.length ?? 0).toBeGreaterThan(2)
        }
    // 篇1 gives the shipping zones no indicators: borrowing 篇8's is itself a default.
    expect(jijuShippingScheme.dimensions[0]!.indicators.every((i) => i.source?.kind === "default")).toBe(true)
    expect(findIndicator("output_intensity")?.unit).toBe("万元/亩")
  })

  it("the built-in mapping gives every kind its own scheme, all built in", () => {
    expect(defaultKindSchemes).toEqual({
      industrial: "jiju-industrial",
      modern_service: "jiju-service",
      financial: "jiju-financial",
      shipping_logistics: "jiju-shipping",
    })
    for (const id of Object.values(defaultKindSchemes)) expect(builtInSchemes[id]?.id).toBe(id)
  })
})

describe("unconfirmed defaults", () => {
  it("the industrial scheme's weights and normalisation; the service scheme's reward bands too; henan-2017 none", () => {
    expect(unconfirmedDefaults(jijuIndustrialScheme).map((u) => u.item)).toEqual(["weights", "normalisation"])
    expect(unconfirmedDefaults(jijuServiceScheme).map((u) => u.item)).toEqual(["weights", "normalisation", "rewards"])
    expect(unconfirmedDefaults(jijuShippingScheme).map((u) => u.item)).toEqual([
      "scheme",
      "weights",
      "normalisation",
      "rewards",
      "indicator:operating_revenue",
      "indicator:employment",
      "indicator:tax_total",
    ])
    expect(unconfirmedDefaults(henan2017Scheme)).toEqual([])
    for (const u of unconfirmedDefaults(jijuIndustrialScheme)) expect(u.source.kind).toBe("default")
  })

  it("the refusal names every part; a confirmation records who, when and what", () => {
    const e = defaultsUnconfirmed(jijuServiceScheme)
    expect(e.code).toBe("defaults_unconfirmed")
    expect(e.issues!.map((i) => i.column)).toEqual(["weights", "normalisation", "rewards"])
    expect(e.message).toContain("--confirm-defaults")
    expect(e.zh).toContain("委员会尚未确认")
    const c = confirmDefaults(jijuIndustrialScheme, "admin:li", "2026-03-01T08:00:00.000Z")!
    expect(c).toMatchObject({ by: "admin:li", at: "2026-03-01T08:00:00.000Z", source: { kind: "default" } })
    expect(c.items.map((i) => i.item)).toEqual(["weights", "normalisation"])
    expect(confirmDefaults(henan2017Scheme, "admin:li", "2026-03-01T08:00:00.000Z")).toBeNull()
  })
})

describe("the commission's mapping (JIJU_KIND_SCHEMES)", () => {
  it("keeps the built-in scheme of every kind it does not name", () => {
    expect(parseKindSchemes(undefined)).toEqual(defaultKindSchemes)
    expect(parseKindSchemes("")).toEqual(defaultKindSchemes)
    expect(parseKindSchemes(" industrial = henan-2017 , ")).toEqual({ ...defaultKindSchemes, industrial: "henan-2017" })
    expect(parseKindSchemes("modern_service=my-scheme,financial=jiju-service")).toMatchObject({
      industrial: "jiju-industrial",
      modern_service: "my-scheme",
      financial: "jiju-service",
    })
  })

  it.each([
    ["industrial", "is not kind=scheme"],
    ["industrial=a=b", "is not kind=scheme"],
    ["cbd=jiju-service", 'unknown kind "cbd"'],
    ["industrial=Henan_2017", "is not a scheme id"],
    ["industrial=henan-2017,industrial=jiju-industrial", "named twice"],
  ])("refuses %s", (setting, message) => {
    const e = errorOf(() => parseKindSchemes(setting))
    expect(e.code).toBe("invalid_kind_schemes")
    expect(e.message).toContain(message)
    expect(e.issues![0]!.column).toBe("JIJU_KIND_SCHEMES")
  })
})

describe("a run on the service default scheme", () => {
  it("equal weights over min-max within the group: by hand", () => {
    // Three county CBDs. Each indicator's min-max values: revenue (10, 20, 30) → 0, 0.5, 1; firms (40, 30, 20) → 1, 0.5, 0;
    // employment (1, 2, 2) → 0, 1, 1; floor area (5, 5, 10) → 0, 0, 1. Points = 100 · ¼ · Σ:
    // a = 25 · (0 + 1 + 0 + 0) = 25; b = 25 · (0.5 + 0.5 + 1 + 0) = 50; c = 25 · (1 + 0 + 1 + 1) = 75.
    const zone = (id: string): AssessedCluster => ({ id, name: id, group: "county", planning: [] })
    const v = { a: [10, 40, 1, 5], b: [20, 30, 2, 5], c: [30, 20, 2, 10] } as const
    const rows = Object.entries(v).flatMap(([clusterId, xs]) =>
      ["operating_revenue", "firms", "employment", "floor_area"].map((indicator, k) => ({ clusterId, period: "2025", indicator, value: xs[k]! })),
    )
    const r = runAssessment(jijuServiceScheme, { clusters: [zone("a"), zone("b"), zone("c")], value: valueLookup(rows) }, "2025")
    const score = (id: string) => r.clusters.find((c) => c.clusterId === id)!.score
    expect(score("a")).toBeCloseTo(25, 10)
    expect(score("b")).toBeCloseTo(50, 10)
    expect(score("c")).toBeCloseTo(75, 10)
    // No reward band: nobody is rewarded.
    expect(r.clusters.some((c) => c.reward)).toBe(false)
  })
})
