import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type AdmissionRule, admissionCheck, southAreaExample, westAreaExample, type ZoneArea } from "../../src/projects/Admission.js"
import { checkProjectEntry } from "../../src/projects/ProjectRules.js"
import { entry } from "./fixtures.js"

const south = { ...entry({ area: "south", traits: ["high_tech"] }) }
const west = { ...entry({ area: "west", traits: ["labour_intensive"] }) }

describe("admission rules of a zone's sub-areas (seed 002 篇5 一)", () => {
  it("admits exactly 1,000万 fixed investment in the south area, refuses a yuan less", () => {
    expect(admissionCheck({ ...south, fixedInvestment: 1000 }, southAreaExample)).toEqual({ area: "south", admitted: true, breaches: [] })
    // 999.9999万 is 1 yuan short.
    const short = admissionCheck({ ...south, fixedInvestment: 999.9999 }, southAreaExample)
    expect(short.admitted).toBe(false)
    expect(short.breaches).toHaveLength(1)
    expect(short.breaches[0]).toMatchObject({ code: "below_min_investment", column: "fixed_investment", value: 999.9999, mode: "required", rule: 0 })
    // The rule's source is shown with the refusal, in both languages.
    expect(short.breaches[0]!.source).toEqual({
      kind: "document",
      reference: "seed 002 篇5 一",
      quote: "我县工业园区南区主要安排固定资产投资1000万元的高新技术项目",
    })
    expect(short.breaches[0]!.zh).toContain("我县工业园区南区主要安排固定资产投资1000万元的高新技术项目")
    expect(short.breaches[0]!.en).toContain("seed 002 篇5 一")
  })

  it("admits exactly 500万 in the west area (以上 includes the number)", () => {
    expect(admissionCheck({ ...west, fixedInvestment: 500 }, westAreaExample).admitted).toBe(true)
    expect(admissionCheck({ ...west, fixedInvestment: 499.99 }, westAreaExample).admitted).toBe(false)
  })

  it("asks the area's trait: a labour-intensive project is not admitted to the south area however large", () => {
    const c = admissionCheck({ ...west, area: "south", fixedInvestment: 50_000 }, southAreaExample)
    expect(c.admitted).toBe(false)
    expect(c.breaches.map((b) => b.code)).toEqual(["trait_missing"])
  })

  it("reports every broken rule, and lets advisory rules through", () => {
    const area: ZoneArea = {
      code: "east",
      name: "东区",
      nameEn: null,
      rules: [
        {
          minFixedInvestment: 2000,
          types: ["industrial"],
          traits: [],
          mode: "advisory",
          source: { kind: "local", reference: "某县园区管理办法 第八条", quote: null },
        },
      ],
    }
    const c = admissionCheck({ ...entry({ area: "east", type: "service", fixedInvestment: 100 }) }, area)
    expect(c.admitted).toBe(true)
    expect(c.breaches.map((b) => [b.code, b.mode])).toEqual([
      ["below_min_investment", "advisory"],
      ["type_not_admitted", "advisory"],
    ])
  })

  it("checks nothing for a project placed in no sub-area", () => {
    expect(admissionCheck(entry({ area: null }), southAreaExample)).toEqual({ area: null, admitted: true, breaches: [] })
  })

  it("admits a project exactly when its fixed investment reaches the floor (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (min, fixed) => {
        const rule: AdmissionRule = {
          minFixedInvestment: min,
          types: [],
          traits: [],
          mode: "required",
          source: { kind: "default", reference: "test", quote: null },
        }
        return admissionCheck({ ...entry({ area: "a", fixedInvestment: fixed }) }, { code: "a", rules: [rule] }).admitted === fixed >= min
      }),
    )
  })
})

describe("the project check", () => {
  const register = {
    zone: (id: string) => (id === "hb-qibin" ? { id, archivedAt: null } : id === "hb-old" ? { id, archivedAt: "2024-01-01T00:00:00Z" } : undefined),
    areas: (c: string) => (c === "hb-qibin" ? [southAreaExample, westAreaExample] : []),
    hasFirm: (id: string) => id === "f-known",
  }

  it("refuses a required breach as an issue at the field, naming the rule's source", () => {
    const c = checkProjectEntry({ ...south, fixedInvestment: 900 }, register, "2025-06-30")
    expect(c.issues.map((i) => [i.code, i.column])).toEqual([["below_min_investment", "fixed_investment"]])
    expect(c.issues[0]!.zh).toContain("依据：seed 002 篇5 一")
  })

  it("names an unknown or archived zone, an unknown area and firm, and fixed above total", () => {
    const codes = (e: Parameters<typeof checkProjectEntry>[0]) => checkProjectEntry(e, register, "2025-06-30").issues.map((i) => i.code)
    expect(codes(entry({ cluster: "hb-none" as never }))).toEqual(["unknown_cluster"])
    expect(codes(entry({ cluster: "hb-old" as never }))).toEqual(["cluster_archived"])
    expect(codes(entry({ area: "north" }))).toEqual(["unknown_area"])
    expect(codes(entry({ firm: "f-unknown" }))).toEqual(["unknown_firm"])
    expect(codes(entry({ firm: "f-known" }))).toEqual([])
    expect(codes(entry({ fixedInvestment: 30_000, totalInvestment: 20_000 }))).toEqual(["fixed_above_total"])
  })
})
