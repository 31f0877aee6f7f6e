import * as Schema from "effect/Schema"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type AdmissionRule, admissionCheck, southAreaExample, westAreaExample, type ZoneArea } from "../../src/projects/Admission.js"
import { ProjectRuleSource, projectCommissionSource, projectDefault } from "../../src/projects/ProjectRuleSource.js"
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
    // The model's RuleSource: seed 002 is 集聚区范文10篇, section 篇5 一; the one-line reference is kept beside it.
    expect(short.breaches[0]!.source).toEqual({
      kind: "document",
      document: "002_5346310891de6d1c.txt",
      section: "篇5 一",
      quote: "我县工业园区南区主要安排固定资产投资1000万元的高新技术项目",
      note: null,
      reference: "seed 002 篇5 一",
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
          source: projectCommissionSource("某县园区管理办法 第八条", null),
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
          source: projectDefault("test"),
        }
        return admissionCheck({ ...entry({ area: "a", fixedInvestment: fixed }) }, { code: "a", rules: [rule] }).admitted === fixed >= min
      }),
    )
  })
})

describe("a rule's source (the model's RuleSource)", () => {
  const decode = Schema.decodeUnknownSync(ProjectRuleSource)
  it("reads the register's first shape: a zone's own regulation is the commission's configuration", () => {
    expect(decode({ kind: "local", reference: "某县工业园区管理办法 第八条", quote: "南区只安排高新技术项目" })).toEqual({
      kind: "commission",
      document: null,
      section: null,
      quote: "南区只安排高新技术项目",
      note: { zh: "某县工业园区管理办法 第八条", en: "某县工业园区管理办法 第八条" },
      reference: "某县工业园区管理办法 第八条",
    })
    expect(decode({ kind: "document", reference: "seed 004 二 四是", quote: "予以收回" })).toMatchObject({
      kind: "document",
      document: "004_b718be197b9f8d5d.txt",
      section: "二 四是",
      reference: "seed 004 二 四是",
    })
    expect(decode({ kind: "default", reference: "Jiju default: reports are due on Monday", quote: null })).toMatchObject({
      kind: "default",
      note: { zh: "reports are due on Monday", en: "reports are due on Monday" },
      reference: "Jiju default: reports are due on Monday",
    })
  })

  it("takes a RuleSource as it is and names it in one line when the reference is left out", () => {
    const own = {
      kind: "commission",
      document: null,
      section: null,
      quote: null,
      note: { zh: "鹤壁市园区准入办法 第五条", en: "Hebi park admission rules, art. 5" },
    }
    expect(decode(own)).toEqual({ ...own, reference: "鹤壁市园区准入办法 第五条" })
    const doc = { kind: "document", document: "002_5346310891de6d1c.txt", section: "篇5 一", quote: "西区…", note: null }
    expect(decode(doc).reference).toBe("seed 002 篇5 一")
    expect(() => decode({ kind: "local", quote: null })).toThrow()
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
