import { describe, expect, it } from "vitest"
import { DEFAULT_PROVINCIAL_SHARE, type IncentiveRule, incentiveDocument, incentivePeriodRange, incentivePolicy } from "../../src/assessment/index.js"
import { dataOf, inputErrorOf, type Value } from "./documentData.js"

// t1's three taxes, split evenly over vat, business tax and corporate income tax: 2009 30 (the base), 2010 36, 2011 27.
const taxes = (id: string, year: number, total: number): Value[] =>
  (["vat", "business_tax", "corporate_income_tax"] as const).map((t) => [id, String(year), t, total / 3])
const zones = [
  { id: "t1", name: "一区", group: "county" as const },
  { id: "t2", name: "二区", group: "county" as const },
]
const data = dataOf(zones, [...taxes("t1", 2009, 30), ...taxes("t1", 2010, 36), ...taxes("t1", 2011, 27)])

const share = DEFAULT_PROVINCIAL_SHARE

describe("incentivePolicy", () => {
  it("is the documents' by default (篇8): base 2009, the provincial part above it returned 2010–2012 (一定三年), no year-on-year rule", () => {
    expect(incentivePolicy({ share })).toEqual({ baseYear: 2009, fullReturn: { from: 2010, to: 2012 }, increaseReturn: null, provincialShare: share })
    expect(incentivePeriodRange({ share })).toEqual({ from: "2009", to: "2012" })
  })

  it("needs the provincial share: the documents give no proportion (按比例上缴省财政部分)", () => {
    for (const options of [{}, { rule: "yoy" as const }, { baseYear: 2015 }]) {
      const e = inputErrorOf(() => incentivePolicy(options))
      expect(e.code).toBe("missing_share")
      expect(e.issues).toEqual([expect.objectContaining({ column: "share", value: null })])
      expect(e.message).toContain("share is required")
      expect(e.zh).toContain("按比例上缴省财政部分")
    }
    expect(inputErrorOf(() => incentivePeriodRange({})).code).toBe("missing_share")
    // 0 and 1 are shares the commission may state.
    expect(incentivePolicy({ share: 0 }).provincialShare).toBe(0)
    expect(incentivePolicy({ share: 1 }).provincialShare).toBe(1)
  })

  it("moves to another base year; the 2013–2015 year-on-year rule only when chosen", () => {
    expect(incentivePolicy({ baseYear: 2015, share: 0.5 })).toEqual({
      baseYear: 2015,
      fullReturn: { from: 2016, to: 2018 },
      increaseReturn: null,
      provincialShare: 0.5,
    })
    expect(incentivePolicy({ rule: "full_refund_then_yoy", share })).toEqual({
      baseYear: 2009,
      fullReturn: { from: 2010, to: 2012 },
      increaseReturn: { from: 2013, to: 2015 },
      provincialShare: share,
    })
    expect(incentivePolicy({ rule: "full_refund_then_yoy", baseYear: 2015, share, to: 2019 })).toMatchObject({
      fullReturn: { from: 2016, to: 2018 },
      increaseReturn: { from: 2019, to: 2019 },
    })
    expect(incentivePeriodRange({ rule: "full_refund_then_yoy", share })).toEqual({ from: "2009", to: "2015" })
    expect(incentivePolicy({ rule: "full_refund", from: 2010, to: 2011, share })).toMatchObject({ fullReturn: { from: 2010, to: 2011 }, increaseReturn: null })
    // yoy alone: the full-return range is empty; by default the three years after the full-return years.
    const yoy = incentivePolicy({ rule: "yoy", share })
    expect(yoy.increaseReturn).toEqual({ from: 2013, to: 2015 })
    expect(yoy.fullReturn.from).toBeGreaterThan(yoy.fullReturn.to)
    expect(incentivePeriodRange({ rule: "full_refund", from: 2010, to: 2011, share })).toEqual({ from: "2009", to: "2011" })
  })

  it.each([
    [{ share: 1.5 }, "share"],
    [{ share: -0.1 }, "share"],
    [{ share, rule: "half" as IncentiveRule }, "rule"],
    [{ share, baseYear: 1800 }, "baseYear"],
    [{ share, baseYear: 2009.5 }, "baseYear"],
    [{ share, to: 2200 }, "to"],
    [{ share, from: 2013, to: 2012 }, "from"],
    [{ share, rule: "full_refund" as const, from: 2009 }, "from"],
    [{ share, rule: "full_refund_then_yoy" as const, from: 2009 }, "from"],
    [{ share, rule: "full_refund_then_yoy" as const, to: 2011 }, "to"],
  ])("refuses %j naming the option %s", (options, option) => {
    const e = inputErrorOf(() => incentivePolicy(options))
    expect(e.code).toBe("bad_option")
    expect(e.issues?.[0]?.column).toBe(option)
    expect(e.message.startsWith(option)).toBe(true)
    expect(e.zh.startsWith(option)).toBe(true)
  })
})

describe("incentiveDocument", () => {
  it("returns the provincial share above the base year by year, with the zone's name", () => {
    const doc = incentiveDocument(data, { rule: "full_refund", from: 2010, to: 2011, share: 0.5, cluster: "t1" })
    expect(Object.keys(doc)).toEqual(["policy", "assumptions", "rules", "source", "demo", "results"])
    expect(doc.assumptions).toEqual([])
    expect(doc.rules.map((r) => r.id)).toEqual(["p8.incentive", "p8.incentive.base", "p8.incentive.years", "p8.incentive.share"])
    expect(doc.rules[1]!.source).toMatchObject({ kind: "document", section: "篇8 二、一是" })
    const [t1] = doc.results
    expect(t1).toMatchObject({ clusterId: "t1", name: "一区", base: { total: 30 } })
    // 0.5 × (36 − 30) = 3; 27 is below the base: nothing returned.
    expect(t1!.years.map((y) => [y.year, y.returned])).toEqual([
      [2010, expect.closeTo(3, 12)],
      [2011, 0],
    ])
  })

  it("never fills a missing year with zero: the year and the zone's total are missing, the known part a floor", () => {
    const doc = incentiveDocument(data, { share: 0.5 })
    const t1 = doc.results.find((r) => r.clusterId === "t1")!
    // 2012 has no taxes: 2010 returns 3, 2011 nothing (below the base), 2012 is missing.
    expect(t1.years.map((y) => [y.year, y.status, y.returned])).toEqual([
      [2010, "ok", expect.closeTo(3, 12)],
      [2011, "ok", 0],
      [2012, "missing", null],
    ])
    expect(t1).toMatchObject({ totalReturned: null, totalStatus: "missing", missingYears: [2012] })
    expect(t1.knownReturned).toBeCloseTo(3, 12)
    const t2 = doc.results.find((r) => r.clusterId === "t2")!
    expect(t2.years.every((y) => y.returned === null)).toBe(true)
    expect(t2).toMatchObject({ totalReturned: null, knownReturned: 0, totalStatus: "missing", missingYears: [2010, 2011, 2012] })
    const complete = incentiveDocument(data, { share: 0.5, rule: "full_refund", from: 2010, to: 2011, cluster: "t1" }).results[0]!
    expect(complete).toMatchObject({ totalStatus: "complete", missingYears: [] })
    expect(complete.totalReturned).toBeCloseTo(3, 12)
  })

  it("labels the year-on-year rule as outside practice when it is chosen", () => {
    const doc = incentiveDocument(data, { share: 0.5, rule: "full_refund_then_yoy", to: 2013 })
    const yoy = doc.rules.find((r) => r.id === "p8.incentive.yoy")
    expect(yoy?.source.kind).toBe("practice")
    expect(incentiveDocument(data, { share: 0.5, rule: "yoy", from: 2010, to: 2011 }).rules.map((r) => r.id)).not.toContain("p8.incentive.years")
  })

  it("fails on an unknown zone and a base year without data", () => {
    expect(inputErrorOf(() => incentiveDocument(data, { share, cluster: "t9" })).code).toBe("unknown_cluster")
    expect(inputErrorOf(() => incentiveDocument(data, { cluster: "t1" })).code).toBe("missing_share")
    const base = inputErrorOf(() => incentiveDocument(data, { share, baseYear: 2001 }))
    expect(base).toMatchObject({ code: "unknown_period", issues: [{ value: "2001" }] })
  })
})
