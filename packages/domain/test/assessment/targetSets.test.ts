import { describe, expect, it } from "vitest"
import { countyServiceTargets, dalianTargets, hengshuiTargets, shaanxiTargets, type TargetSet, trackTargets, valueLookup } from "../../src/assessment/index.js"
import type { ClusterLevel } from "../../src/model/index.js"

const rows = (indicator: string, period: string, vals: Record<string, number>) =>
  Object.entries(vals).map(([clusterId, value]) => ({ clusterId, indicator, period, value }))
const byId = (set: TargetSet, id: string) => set.targets.find((t) => t.id === id)!

describe("the documents' target sets carry every number they give, with the quote", () => {
  it("every built-in target cites its document", () => {
    for (const set of [hengshuiTargets(), dalianTargets(), shaanxiTargets(), countyServiceTargets()])
      for (const t of set.targets) {
        expect(t.source?.kind, `${set.id}.${t.id}`).toBe("document")
        expect(t.source?.quote?.length ?? 0, `${set.id}.${t.id}`).toBeGreaterThan(4)
      }
  })

  it("大连 (003 大连 一(二)): 8800亿 / 80 % in stage 1, 13000亿 / 85 % in stage 2, 8 ≥ 1000亿 and 8 at 200–500亿; years from the document's date", () => {
    const set = dalianTargets()
    expect(set).toMatchObject({ targetYear: 2018, scope: "industrial_clusters" })
    expect(set.rules).toEqual(["targets.scope", "d3.software", "d3.years"])
    expect(byId(set, "output_total")).toMatchObject({ kind: "total", min: 8800, dueYear: 2015 })
    expect(byId(set, "output_share")).toMatchObject({ kind: "share_of_region", min: 0.8, dueYear: 2015 })
    expect(byId(set, "output_total_2")).toMatchObject({ kind: "total", min: 13000, dueYear: 2018 })
    expect(byId(set, "output_total_2").source?.quote).toContain("13000亿元")
    expect(byId(set, "output_share_2")).toMatchObject({ kind: "share_of_region", min: 0.85, dueYear: 2018 })
    expect(byId(set, "above_1000")).toMatchObject({ kind: "count_above", op: ">=", threshold: 1000, count: 8 })
    expect(byId(set, "between_200_500")).toMatchObject({ kind: "count_between", min: 200, max: 500, count: 8 })
    expect(byId(set, "between_200_500").source?.quote).toContain("200-500亿元")
  })

  it("大连: 1000亿 exactly is “1000亿元以上”; 200 and 500 are inside 200–500, 199.99 and 500.01 outside", () => {
    const ids = Array.from({ length: 16 }, (_, k) => `z${k}`)
    const vals: Record<string, number> = {}
    // Eight at or above 1000 (one exactly 1000), and of the rest: 200, 500, 350, 201, 499, 300 inside, 199.99 and 500.01 outside.
    for (const [k, v] of [1000, 1200, 1500, 2000, 1100, 1300, 1001, 3000, 200, 500, 350, 201, 499, 300, 199.99, 500.01].entries()) vals[`z${k}`] = v
    const t = trackTargets(dalianTargets(), { clusterIds: ids, value: valueLookup(rows("gross_output", "2018", vals)) }, "2018")
    const big = t.targets.find((x) => x.id === "above_1000")!
    expect(big).toMatchObject({ actual: 8, target: 8, attained: true, status: "attained", dueYear: 2018, yearsLeft: 0 })
    const mid = t.targets.find((x) => x.id === "between_200_500")!
    expect(mid).toMatchObject({ actual: 6, target: 8, gap: 2, attained: false, status: "short" })
    // Sum 12,101 + 2,750 = 14,851 of 13000: stage 2 attained.
    expect(t.targets.find((x) => x.id === "output_total_2")).toMatchObject({ attained: true, actual: expect.closeTo(14_851, 9) })
    // The stage-1 total is tracked against its own year: 2015, three years past.
    expect(t.targets.find((x) => x.id === "output_total")).toMatchObject({ dueYear: 2015, yearsLeft: -3 })
  })

  it("大连: a range count with a zone missing is incomplete with its bounds, decided when they agree", () => {
    const vals = { a: 250, b: 300, c: 450, d: 260, e: 270, f: 280, g: 290 }
    const ids = [...Object.keys(vals), "h", "i"]
    const t = trackTargets(dalianTargets(), { clusterIds: ids, value: valueLookup(rows("gross_output", "2016", vals)) }, "2016")
    expect(t.targets.find((x) => x.id === "between_200_500")).toMatchObject({
      status: "incomplete",
      actual: null,
      attained: null,
      bound: { lower: 7, upper: 9 },
      missing: ["h", "i"],
    })
  })

  it("陕西 (003 陕西 二): the growth rates, 20 > 100亿, 9 ≥ 1000亿, 5 more ≥ 500亿, the supply ratio and three staged totals", () => {
    const set = shaanxiTargets()
    expect(set).toMatchObject({ targetYear: 2015, scope: "industrial_clusters" })
    expect(byId(set, "sales_growth")).toMatchObject({ rate: 0.25, baseYear: 2008, dueYear: 2012 })
    expect(byId(set, "va_growth")).toMatchObject({ rate: 0.18, baseYear: 2008, dueYear: 2012 })
    expect(byId(set, "all_above_100")).toMatchObject({ kind: "count_above", op: ">", threshold: 100, count: 20 })
    expect(byId(set, "at_1000")).toMatchObject({ kind: "count_above", op: ">=", threshold: 1000, count: 9 })
    expect(byId(set, "at_500")).toMatchObject({ kind: "count_above", op: ">=", threshold: 500, count: 14 })
    expect(byId(set, "local_supply")).toMatchObject({ kind: "level", min: 50 })
    const totals = set.targets.filter((t) => t.kind === "total").map((t) => [t.id, t.kind === "total" ? t.min : 0, t.dueYear])
    expect(totals).toEqual([
      ["stage1_sales", 10000, 2010],
      ["stage1_va", 3900, 2010],
      ["stage2_sales", 15000, 2012],
      ["stage2_va", 5600, 2012],
      ["stage3_sales", 20000, 2015],
      ["stage3_va", 8000, 2015],
    ])
    expect(byId(set, "stage3_sales").source?.quote).toBe("销售收入达到20000亿元,增加值约8000亿元")
    // A later last stage moves every stage with it.
    expect(
      shaanxiTargets(2008, 2020)
        .targets.filter((t) => t.kind === "total")
        .map((t) => t.dueYear),
    ).toEqual([2015, 2015, 2017, 2017, 2020, 2020])
  })

  it("陕西: 100亿 exactly is not “超过100亿元”; 1000 and 500 exactly are “以上”", () => {
    const vals: Record<string, number> = { a: 100, b: 1000, c: 500, d: 100.01 }
    const t = trackTargets(shaanxiTargets(), { clusterIds: Object.keys(vals), value: valueLookup(rows("revenue", "2012", vals)) }, "2012")
    expect(t.targets.find((x) => x.id === "all_above_100")).toMatchObject({ actual: 3, target: 20, gap: 17 })
    expect(t.targets.find((x) => x.id === "at_1000")).toMatchObject({ actual: 1 })
    expect(t.targets.find((x) => x.id === "at_500")).toMatchObject({ actual: 2 })
    // Stage 1 (2010) sums the revenue: 1700.01 of 10000.
    expect(t.targets.find((x) => x.id === "stage1_sales")).toMatchObject({ actual: expect.closeTo(1700.01, 9), attained: false })
  })

  it("衡水 (003 衡水 二(二)): the counts, the share, 6 city key clusters, brands a year and associations within the document's year", () => {
    const set = hengshuiTargets()
    expect(set.targetYear).toBe(2010)
    expect(set.targets.map((t) => t.id)).toEqual([
      "above_100",
      "above_50",
      "economy_share",
      "city_clusters",
      "brands_provincial",
      "brands_city",
      "associations",
    ])
    expect(byId(set, "city_clusters")).toMatchObject({ kind: "count_level", levels: ["city"], count: 6 })
    expect(byId(set, "brands_provincial")).toMatchObject({ kind: "each_increase", indicator: "brands", min: 4, levels: ["provincial"] })
    expect(byId(set, "brands_city")).toMatchObject({ kind: "each_increase", indicator: "brands", min: 2, levels: ["city"] })
    expect(byId(set, "associations")).toMatchObject({ kind: "each_fact", fact: "industry_association", levels: ["provincial", "city"], dueYear: 2006 })
    expect(byId(set, "associations").source?.quote).toContain("行业协会")
    // Moving the set moves the associations' year with it.
    expect(byId(hengshuiTargets(2012), "associations").dueYear).toBe(2008)
  })

  describe("衡水's brands and associations, zone by zone", () => {
    const levels: Record<string, ClusterLevel> = { p1: "provincial", p2: "provincial", c1: "city", k1: "county" }
    const level = (id: string) => levels[id]
    const ids = ["p1", "p2", "c1", "k1"]
    const track = (value: ReturnType<typeof valueLookup>, fact?: (id: string, f: string, p: string) => boolean | undefined) =>
      trackTargets(hengshuiTargets(), { clusterIds: ids, value, level, ...(fact ? { fact } : {}) }, "2009")

    it("a provincial key cluster adding exactly 4 brands meets it, 3 falls short; a county zone is not asked", () => {
      const value = valueLookup([...rows("brands", "2008", { p1: 10, p2: 5, c1: 3, k1: 0 }), ...rows("brands", "2009", { p1: 14, p2: 8, c1: 5, k1: 0 })])
      const t = track(value)
      expect(t.targets.find((x) => x.id === "brands_provincial")).toMatchObject({
        actual: 1,
        target: 2,
        attained: false,
        status: "short",
        candidates: [{ clusterId: "p2", value: 3, requiredAnnualGrowth: null }],
      })
      expect(t.targets.find((x) => x.id === "brands_city")).toMatchObject({ actual: 1, target: 1, attained: true, status: "attained" })
    })

    it("a zone without last year's count is missing, never a rise from zero; one known short decides it all the same", () => {
      const value = valueLookup([...rows("brands", "2008", { p2: 5 }), ...rows("brands", "2009", { p1: 14, p2: 9, c1: 5 })])
      const t = track(value)
      expect(t.targets.find((x) => x.id === "brands_provincial")).toMatchObject({
        status: "incomplete",
        attained: null,
        missing: ["p1"],
        bound: { lower: 1, upper: 2 },
      })
      expect(t.targets.find((x) => x.id === "brands_city")).toMatchObject({ status: "incomplete", missing: ["c1"] })
      const short = valueLookup([...rows("brands", "2008", { p2: 5 }), ...rows("brands", "2009", { p1: 14, p2: 6 })])
      expect(track(short).targets.find((x) => x.id === "brands_provincial")).toMatchObject({ status: "short", attained: false, missing: ["p1"] })
    })

    it("associations: every provincial and city key cluster; a fact not recorded is missing", () => {
      const value = valueLookup([])
      const facts: Record<string, boolean> = { p1: true, p2: true, c1: false }
      const t = track(value, (id, f) => (f === "industry_association" ? facts[id] : undefined))
      expect(t.targets.find((x) => x.id === "associations")).toMatchObject({ actual: 2, target: 3, attained: false, status: "short" })
      const unknown = track(value, (id, f) => (f === "industry_association" && id !== "c1" ? true : undefined))
      expect(unknown.targets.find((x) => x.id === "associations")).toMatchObject({ status: "incomplete", missing: ["c1"], bound: { lower: 2, upper: 3 } })
    })

    it("counts the city key clusters by level, a zone of unknown level as missing", () => {
      const t = trackTargets(hengshuiTargets(), { clusterIds: [...ids, "x"], value: valueLookup([]), level }, "2009")
      expect(t.targets.find((x) => x.id === "city_clusters")).toMatchObject({ status: "short", attained: false, bound: { lower: 1, upper: 2 }, missing: ["x"] })
    })
  })

  it("篇10 (002 篇10 一): by 2010, 2 or more above 10亿 (10 exactly is not above), 6 at city level or above, 1 or more provincial", () => {
    const set = countyServiceTargets()
    expect(set).toMatchObject({ targetYear: 2010, scope: "service_zones", rules: ["targets.scope.service"] })
    const levels: Record<string, ClusterLevel> = { a: "provincial", b: "city", c: "city", d: "county", e: "city", f: "city", g: "city" }
    const value = valueLookup(rows("operating_revenue", "2010", { a: 12, b: 10, c: 10.01, d: 3, e: 1, f: 2, g: 4 }))
    const t = trackTargets(set, { clusterIds: Object.keys(levels), value, level: (id) => levels[id] }, "2010")
    expect(t.targets.map((x) => [x.id, x.actual, x.target, x.attained])).toEqual([
      ["above_10", 2, 2, true],
      ["city_level", 6, 6, true],
      ["provincial_level", 1, 1, true],
    ])
  })
})
