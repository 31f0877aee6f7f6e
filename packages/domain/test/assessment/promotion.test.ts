import { describe, expect, it } from "vitest"
import { promotionDocument, promotionOptions, promotionRange, promotionVerdict } from "../../src/assessment/index.js"
import { dataOf, inputErrorOf, type Value } from "./documentData.js"

// 篇8: "对于现在基础较好的集聚区,要求到2012年主要指标(企业营业收、从业人员、税收)要实现翻番;对于现在基础单薄的集聚区,
// 除了翻番以外,还要达到一个基本门槛,否则就会面临降级摘牌".
const base = { revenue: 10, employment: 0.35, tax_total: 2 }
const doubled = { revenue: 20, employment: 0.7, tax_total: 4 }

describe("promotionVerdict (考核晋级)", () => {
  it("promotes a good-base zone exactly doubled on all three, keeps one just short", () => {
    const r = promotionVerdict({ base, target: doubled, weakBase: false }, null)
    expect(r.verdict).toBe("promoted")
    expect(r.checks.map((c) => [c.indicator, c.ratio, c.doubled])).toEqual([
      ["revenue", 2, true],
      ["employment", 2, true],
      ["tax_total", 2, true],
    ])
    const short = promotionVerdict({ base, target: { ...doubled, tax_total: 3.99 }, weakBase: false }, null)
    expect(short.verdict).toBe("kept")
    expect(short.reason.zh).toBe("基础较好，税收未翻番")
    // A good-base zone is not held to the threshold.
    expect(promotionVerdict({ base, target: doubled, weakBase: false }, { revenue: 1000 }).verdict).toBe("promoted")
  })

  it("promotes a weak-base zone that doubled and reached the threshold exactly; warns one just below or not doubled", () => {
    const threshold = { revenue: 20, employment: 0.5 }
    const r = promotionVerdict({ base, target: doubled, weakBase: true }, threshold)
    expect(r.verdict).toBe("promoted")
    expect(r.checks.map((c) => [c.indicator, c.threshold, c.reached])).toEqual([
      ["revenue", 20, true],
      ["employment", 0.5, true],
      ["tax_total", null, null],
    ])
    const below = promotionVerdict({ base: { ...base, revenue: 9.99 }, target: { ...doubled, revenue: 19.99 }, weakBase: true }, threshold)
    expect(below.verdict).toBe("demotion_warning")
    expect(below.reason.zh).toBe("基础单薄，已翻番，但营业收入未达基本门槛，面临降级摘牌")
    const notDoubled = promotionVerdict({ base, target: { ...doubled, employment: 0.69 }, weakBase: true }, null)
    expect(notDoubled.verdict).toBe("demotion_warning")
  })

  it("gives no verdict for a weak-base zone that doubled when the commission set no threshold", () => {
    const r = promotionVerdict({ base, target: doubled, weakBase: true }, null)
    expect(r.verdict).toBe("incomplete")
    expect(r.reason.en).toContain("no basic threshold")
  })

  it("is incomplete, never judged from zeros, when a value is missing or a base is zero", () => {
    const gap = promotionVerdict({ base, target: { revenue: 50, employment: 2 }, weakBase: false }, null)
    expect(gap.verdict).toBe("incomplete")
    expect(gap.missing).toEqual([{ indicator: "tax_total", which: "target" }])
    expect(gap.checks[2]).toMatchObject({ base: 2, target: null, ratio: null, doubled: null })
    const zero = promotionVerdict({ base: { ...base, tax_total: 0 }, target: doubled, weakBase: false }, null)
    expect(zero.verdict).toBe("incomplete")
    expect(zero.reason.zh).toBe("税收基期为 0，无法判断翻番")
  })

  it("decides a zone the commission has not classified only when it meets the weak-base requirement", () => {
    expect(promotionVerdict({ base, target: doubled, weakBase: undefined }, { revenue: 20 }).verdict).toBe("promoted")
    expect(promotionVerdict({ base, target: doubled, weakBase: undefined }, null).verdict).toBe("incomplete")
    expect(promotionVerdict({ base, target: { ...doubled, revenue: 15 }, weakBase: undefined }, { revenue: 1 }).verdict).toBe("incomplete")
  })
})

describe("promotionDocument", () => {
  const zones = [
    { id: "good", name: "好", group: "county" as const },
    { id: "weak", name: "弱", group: "county" as const },
    { id: "gap", name: "缺", group: "urban_district" as const },
    { id: "cbd", name: "商务区", group: "county" as const, kind: "modern_service" as const },
  ]
  const year = (id: string, y: string, v: { revenue: number; employment: number; tax_total: number }): Value[] =>
    Object.entries(v).map(([k, x]) => [id, y, k, x] as Value)
  const data = dataOf(
    zones,
    [
      ...year("good", "2009", base),
      ...year("good", "2012", doubled),
      ...year("weak", "2009", base),
      ...year("weak", "2012", doubled),
      ...year("gap", "2009", base),
      ["gap", "2012", "revenue", 30],
      ...year("cbd", "2009", base),
      ...year("cbd", "2012", doubled),
    ],
    {
      facts: [
        { clusterId: "good", fact: "weak_base", period: "2012", value: false },
        { clusterId: "weak", fact: "weak_base", period: "2012", value: true },
      ],
    },
  )

  it("judges the industrial zones from 2009 to 2012 by default, with the document's sources", () => {
    const doc = promotionDocument(data, {})
    expect(doc).toMatchObject({ baseYear: 2009, targetYear: 2012, threshold: null })
    expect(doc.zones.map((z) => [z.id, z.weakBase, z.verdict])).toEqual([
      ["good", false, "promoted"],
      ["weak", true, "incomplete"],
      ["gap", null, "incomplete"],
    ])
    expect(doc.zones[2]!.missing).toEqual([
      { indicator: "employment", year: "2012" },
      { indicator: "tax_total", year: "2012" },
    ])
    expect(doc.counts).toEqual({ promoted: 1, kept: 0, demotionWarning: 0, incomplete: 2 })
    expect(doc.settings.map((s) => [s.name, s.value, s.source.kind])).toEqual([
      ["base_year", 2009, "default"],
      ["target_year", 2012, "document"],
      ["threshold", null, "document"],
    ])
    expect(doc.settings[1]!.source.quote).toContain("到2012年")
    expect(doc.rules.find((r) => r.id === "p8.promotion.threshold")!.source.quote).toContain("降级摘牌")
  })

  it("applies the commission's threshold to the weak-base zone and labels it the commission's", () => {
    const doc = promotionDocument(data, { threshold: { revenue: 25 } })
    expect(doc.zones.find((z) => z.id === "weak")).toMatchObject({ verdict: "demotion_warning", verdictName: { zh: "降级摘牌警示" } })
    expect(doc.settings[2]).toMatchObject({ value: "revenue=25", source: { kind: "commission" } })
    expect(promotionDocument(data, { threshold: { revenue: 20 }, cluster: "weak" }).zones.map((z) => z.verdict)).toEqual(["promoted"])
  })

  it("refuses bad options and years without data", () => {
    expect(promotionOptions({ baseYear: 2015, targetYear: 2020 })).toEqual({ baseYear: 2015, targetYear: 2020, threshold: null })
    expect(promotionRange({})).toEqual({ from: "2009", to: "2012" })
    for (const [o, column] of [
      [{ baseYear: 2012, targetYear: 2012 }, "target"],
      [{ baseYear: 1800 }, "base"],
      [{ threshold: { gdp: 1 } }, "threshold.gdp"],
      [{ threshold: { revenue: -1 } }, "threshold.revenue"],
    ] as const) {
      const e = inputErrorOf(() => promotionOptions(o as never))
      expect(e.code).toBe("bad_option")
      expect(e.issues?.[0]?.column).toBe(column)
    }
    expect(inputErrorOf(() => promotionDocument(data, { targetYear: 2013 })).code).toBe("unknown_period")
    expect(inputErrorOf(() => promotionDocument(data, { cluster: "none" })).code).toBe("unknown_cluster")
  })
})
