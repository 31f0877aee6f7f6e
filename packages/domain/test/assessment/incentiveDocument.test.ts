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

describe("incentivePolicy", () => {
  it("is Henan's (豫政办〔2010〕30号) by default: base 2009, full return 2010–2012, year-on-year return 2013–2015", () => {
    expect(incentivePolicy({})).toEqual({
      baseYear: 2009,
      fullReturn: { from: 2010, to: 2012 },
      increaseReturn: { from: 2013, to: 2015 },
      provincialShare: DEFAULT_PROVINCIAL_SHARE,
    })
    expect(incentivePeriodRange({})).toEqual({ from: "2009", to: "2015" })
  })

  it("moves Henan's policy to another base year, and applies one rule over a chosen range", () => {
    expect(incentivePolicy({ baseYear: 2015, share: 0.5 })).toMatchObject({
      baseYear: 2015,
      fullReturn: { from: 2016, to: 2018 },
      increaseReturn: { from: 2019, to: 2021 },
      provincialShare: 0.5,
    })
    expect(incentivePolicy({ rule: "full_refund", from: 2010, to: 2011 })).toMatchObject({ fullReturn: { from: 2010, to: 2011 }, increaseReturn: null })
    // yoy alone: the full-return range is empty; by default the three years after Henan's full-return years.
    const yoy = incentivePolicy({ rule: "yoy" })
    expect(yoy.increaseReturn).toEqual({ from: 2013, to: 2015 })
    expect(yoy.fullReturn.from).toBeGreaterThan(yoy.fullReturn.to)
    expect(incentivePeriodRange({ rule: "full_refund", from: 2010, to: 2011 })).toEqual({ from: "2009", to: "2011" })
  })

  it.each([
    [{ share: 1.5 }, "share"],
    [{ share: -0.1 }, "share"],
    [{ rule: "half" as IncentiveRule }, "rule"],
    [{ baseYear: 1800 }, "baseYear"],
    [{ baseYear: 2009.5 }, "baseYear"],
    [{ to: 2200 }, "to"],
    [{ from: 2013, to: 2012 }, "from"],
    [{ rule: "full_refund" as const, from: 2009 }, "from"],
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
    expect(Object.keys(doc)).toEqual(["policy", "assumptions", "source", "demo", "results"])
    expect(doc.assumptions).toEqual([])
    const [t1] = doc.results
    expect(t1).toMatchObject({ clusterId: "t1", name: "一区", base: { total: 30 } })
    // 0.5 × (36 − 30) = 3; 27 is below the base: nothing returned.
    expect(t1!.years.map((y) => [y.year, y.returned])).toEqual([
      [2010, expect.closeTo(3, 12)],
      [2011, 0],
    ])
  })

  it("states the default share as an assumption and never fills missing years with zero", () => {
    const doc = incentiveDocument(data, {})
    expect(doc.assumptions).toHaveLength(1)
    expect(doc.assumptions[0]!.en).toContain(String(DEFAULT_PROVINCIAL_SHARE))
    expect(doc.assumptions[0]!.zh).toContain(String(DEFAULT_PROVINCIAL_SHARE))
    const t2 = doc.results.find((r) => r.clusterId === "t2")!
    expect(t2.years.every((y) => y.returned === null)).toBe(true)
  })

  it("fails on an unknown zone and a base year without data", () => {
    expect(inputErrorOf(() => incentiveDocument(data, { cluster: "t9" })).code).toBe("unknown_cluster")
    const base = inputErrorOf(() => incentiveDocument(data, { baseYear: 2001 }))
    expect(base).toMatchObject({ code: "unknown_period", issues: [{ value: "2001" }] })
  })
})
