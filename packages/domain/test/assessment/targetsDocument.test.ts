import { describe, expect, it } from "vitest"
import {
  type BuiltInTargetSet,
  regionContains,
  resolveTargetSet,
  shaanxiTargets,
  type TargetSet,
  TargetSetJson,
  targetsDocument,
  targetsPeriodRange,
} from "../../src/assessment/index.js"
import { decodeOrThrow } from "../../src/model/index.js"
import { dataOf, inputErrorOf } from "./documentData.js"

// g1, g2 in county 410621, g3 in county 410622 (both in city 410600): revenue 120, 60, 40 in 2025; county GDP 300.
const zones = [
  { id: "g1", name: "一", group: "county" as const, region: "410621" },
  { id: "g2", name: "二", group: "county" as const, region: "410621" },
  { id: "g3", name: "三", group: "county" as const, region: "410622" },
]
const data = dataOf(
  zones,
  [
    ["g1", "2025", "revenue", 120],
    ["g2", "2025", "revenue", 60],
    ["g3", "2025", "revenue", 40],
    ["g1", "2025", "industrial_value_added", 30],
    ["g2", "2025", "industrial_value_added", 15],
  ],
  { regions: [["410621", "2025", "gdp", 300]] },
)
const own: TargetSet = {
  id: "plan",
  name: { zh: "县规划", en: "County plan" },
  targetYear: 2027,
  targets: [{ id: "sum", kind: "total", indicator: "revenue", min: 200, description: { zh: "营收合计200亿元", en: "revenue 20bn in all" } }],
  notes: [{ zh: "自定义", en: "own set" }],
}

describe("regionContains", () => {
  it("a province holds its cities and counties, a city its counties, a county only itself", () => {
    expect(regionContains("410000", "410621")).toBe(true)
    expect(regionContains("410600", "410621")).toBe(true)
    expect(regionContains("410600", "410700")).toBe(false)
    expect(regionContains("410621", "410621")).toBe(true)
    expect(regionContains("410621", "410622")).toBe(false)
    expect(regionContains("420000", "410621")).toBe(false)
  })
})

describe("resolveTargetSet and targetsPeriodRange", () => {
  it("takes a built-in set's years from the document's date and says so; nothing for years given, 篇10's own year or a set of one's own", () => {
    const hengshui = resolveTargetSet({ set: "hengshui", period: "2025" })
    expect(hengshui.set.targetYear).toBe(2010)
    expect(hengshui.assumptions.map((a) => a.en)).toEqual([expect.stringContaining("2010")])
    expect(hengshui.assumptions[0]!.zh).toContain("据文件日期推定")
    expect(resolveTargetSet({ set: "dalian", period: "2025" }).set.targetYear).toBe(2018)
    const shaanxi = resolveTargetSet({ set: "shaanxi", period: "2025", targetYear: 2028 })
    expect(shaanxi.set.targets.filter((t) => t.kind === "annual_growth").map((t) => t.baseYear)).toEqual([2008, 2008])
    expect(shaanxi.assumptions.map((a) => a.en)).toEqual([expect.stringContaining("2008")])
    expect(resolveTargetSet({ set: "shaanxi", period: "2025" }).set.targetYear).toBe(2015)
    expect(resolveTargetSet({ set: "dalian", period: "2025", targetYear: 2026 }).assumptions).toEqual([])
    // 篇10 dates its goal itself: 到2010年.
    const county = resolveTargetSet({ set: "county_services", period: "2025" })
    expect(county.set.targetYear).toBe(2010)
    expect(county.assumptions).toEqual([])
    expect(resolveTargetSet({ set: own, period: "2025", targetYear: 2040 })).toEqual({ set: own, assumptions: [] })
  })

  it("loads from the earliest growth base year to the period", () => {
    expect(targetsPeriodRange(shaanxiTargets(2019, 2030), "2025")).toEqual({ from: "2019", to: "2025" })
    expect(targetsPeriodRange(own, "2025")).toEqual({ from: "2025", to: "2025" })
    // 衡水's brands a year read the year before.
    expect(targetsPeriodRange(resolveTargetSet({ set: "hengshui", period: "2025" }).set, "2025")).toEqual({ from: "2024", to: "2025" })
  })

  it.each([
    [{ set: "hengshui" as const, period: "2025", region: "41" }, "bad_option", "region"],
    [{ set: "hengshui" as const, period: "2025", targetYear: 2030.5 }, "bad_option", "targetYear"],
    [{ set: "shaanxi" as const, period: "2025", baseYear: 20 }, "bad_option", "baseYear"],
    [{ set: "hengshui" as const, period: "2025-13" }, "bad_option", "period"],
    [{ set: "paris" as BuiltInTargetSet, period: "2025" }, "unknown_target_set", "set"],
  ])("refuses %j with %s naming %s", (options, code, column) => {
    expect(inputErrorOf(() => resolveTargetSet(options))).toMatchObject({ code, issues: [{ column }] })
  })

  it("decodes a set from JSON and names the field that is wrong", () => {
    expect(decodeOrThrow(TargetSetJson, JSON.parse(JSON.stringify(own)))).toEqual(own)
    const bad = inputErrorOf(() => decodeOrThrow(TargetSetJson, { ...own, targets: [{ ...own.targets[0], min: "lots" }] }, "target set"))
    expect(bad.code).toBe("invalid_value")
    expect(bad.issues?.map((i) => i.column)).toContain("targets.0.min")
  })
})

describe("targetsDocument", () => {
  it("tracks every zone, or a region's zones against the region's own figures", () => {
    const all = targetsDocument(data, { set: own, period: "2025" })
    expect(Object.keys(all)).toEqual([
      "setId",
      "name",
      "period",
      "targetYear",
      "yearsLeft",
      "targets",
      "zones",
      "region",
      "assumptions",
      "notes",
      "source",
      "demo",
      "scope",
      "rules",
    ])
    expect(all).toMatchObject({ scope: "all" })
    expect(all.rules.map((r) => r.id)).toEqual(["targets.missing"])
    expect(all).toMatchObject({ setId: "plan", targetYear: 2027, yearsLeft: 2, zones: 3, region: null, assumptions: [], notes: own.notes })
    expect(all.targets[0]).toMatchObject({ actual: 220, attained: true })
    const county = targetsDocument(data, { set: own, period: "2025", region: "410621" })
    expect(county).toMatchObject({ zones: 2, region: "410621" })
    expect(county.targets[0]).toMatchObject({ actual: 180, attained: false, gap: 20 })
    // 衡水's share target: value added 45 of the county's GDP 300 = 15 %, short of 65 %.
    const share = targetsDocument(data, { set: "hengshui", period: "2025", region: "410621", targetYear: 2027 }).targets.find((t) => t.id === "economy_share")!
    expect(share.actual).toBeCloseTo(0.15, 12)
    expect(share.attained).toBe(false)
    expect(targetsDocument(data, { set: own, period: "2025", region: "410600" }).zones).toBe(3)
  })

  it("adds up only industrial clusters for the documents' sets, never a service zone, and says so with its source", () => {
    const withService = dataOf(
      [...zones, { id: "cbd", name: "商务区", group: "urban_district" as const, region: "410621", kind: "modern_service" as const, form: "cbd" as const }],
      [
        ["g1", "2025", "revenue", 120],
        ["g2", "2025", "revenue", 60],
        ["g3", "2025", "revenue", 40],
        ["cbd", "2025", "revenue", 500],
      ],
    )
    const hs = targetsDocument(withService, { set: "hengshui", period: "2025", targetYear: 2027 })
    expect(hs).toMatchObject({ zones: 3, scope: "industrial_clusters" })
    // Above 100亿: g1 only; the CBD's 500 is not counted.
    expect(hs.targets[0]).toMatchObject({ id: "above_100", actual: 1 })
    expect(hs.rules.map((r) => [r.id, r.source.kind])).toEqual([
      ["targets.scope", "document"],
      ["h3.years", "default"],
      ["h3.key_level", "default"],
      ["targets.missing", "default"],
    ])
    // 篇10's goal counts the service zones only.
    const services = targetsDocument(withService, { set: "county_services", period: "2025" })
    expect(services).toMatchObject({ zones: 1, scope: "service_zones" })
    expect(services.rules.map((r) => r.id)).toEqual(["targets.scope.service", "targets.missing"])
    // A set of one's own adds up every zone it is given.
    expect(targetsDocument(withService, { set: own, period: "2025" })).toMatchObject({ zones: 4, scope: "all" })
  })

  it("fails on a period without data and a region without zones", () => {
    expect(inputErrorOf(() => targetsDocument(data, { set: "dalian", period: "2024" })).code).toBe("unknown_period")
    expect(inputErrorOf(() => targetsDocument(data, { set: "dalian", period: "2025", region: "110000" }))).toMatchObject({
      code: "unknown_region",
      issues: [{ column: "region", value: "110000" }],
    })
  })
})
