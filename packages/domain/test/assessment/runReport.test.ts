import { describe, expect, it } from "vitest"
import {
  type AssessedCluster,
  decodeScheme,
  periodLabel,
  runAssessment,
  runReport,
  singleIndicatorPositions,
  type ValueRow,
  valueLookup,
} from "../../src/assessment/index.js"

// Two indicators (revenue 60 points, energy per value added 40 points, less is better), min-max within each
// group, one zone rewarded per group, a pollution veto. The expected figures below are worked by hand.
const scheme = decodeScheme({
  id: "test",
  name: { zh: "测试方案", en: "Test scheme" },
  totalPoints: 100,
  dimensions: [
    {
      id: "all",
      name: { zh: "全部", en: "All" },
      indicators: [
        { code: "revenue", weight: 60 },
        { code: "energy_per_value_added", weight: 40 },
      ],
    },
  ],
  weighting: { method: "given" },
  normalisation: { method: "minmax" },
  normaliseWithin: "group",
  rewards: { urban_district: 1, county: 1 },
  veto: [
    { id: "pollution", kind: "indicator", indicator: "serious_pollution", op: ">", threshold: 0, reason: { zh: "重大环境污染", en: "serious pollution" } },
  ],
})
const zone = (id: string, group: AssessedCluster["group"]): AssessedCluster => ({
  id,
  name: `${id.toUpperCase()}区`,
  group,
  planning: [{ kind: "master_plan", state: "approved" }],
})
const clusters = [zone("a", "urban_district"), zone("b", "urban_district"), zone("c", "county"), zone("d", "county"), zone("e", "county"), zone("f", "county")]
const rows = (period: string, data: Record<string, [number, number]>): ValueRow[] =>
  Object.entries(data).flatMap(([clusterId, [rev, energy]]) => [
    { clusterId, indicator: "revenue", period, value: rev },
    { clusterId, indicator: "energy_per_value_added", period, value: energy },
  ])
const value = valueLookup([
  ...rows("2024", { a: [30, 1], b: [20, 3], c: [10, 2], d: [20, 1], e: [5, 4] }),
  ...rows("2025", { a: [20, 2], b: [40, 1], c: [30, 1], d: [10, 3], e: [5, 4], f: [50, 1] }),
  { clusterId: "f", indicator: "serious_pollution", period: "2025", value: 1 },
])
const previous = runAssessment(scheme, { clusters: clusters.filter((c) => c.id !== "f"), value }, "2024")
const result = runAssessment(scheme, { clusters, value }, "2025", previous)
const run = { id: "run_1", scheme: "test", period: "2025", published: false, createdAt: "2026-01-10T00:00:00.000Z" }

describe("singleIndicatorPositions", () => {
  const [revenue, energy] = singleIndicatorPositions(result, previous)
  it("places every zone with a value, the vetoed one too, highest first on a positive indicator", () => {
    expect(revenue!.positions.map((p) => [p.clusterId, p.position])).toEqual([
      ["f", 1],
      ["b", 2],
      ["c", 3],
      ["a", 4],
      ["d", 5],
      ["e", 6],
    ])
    expect(revenue!.missing).toEqual([])
  })
  it("gives the change against the compared run (2024: a 1, b 2, d 2, c 4, e 5)", () => {
    const change = Object.fromEntries(revenue!.positions.map((p) => [p.clusterId, p.change]))
    expect(change).toEqual({ f: null, b: 0, c: 1, a: -3, d: -3, e: -1 })
  })
  it("puts the lowest first on a negative indicator, ties sharing a position", () => {
    expect(energy!.positions.map((p) => [p.clusterId, p.position])).toEqual([
      ["b", 1],
      ["c", 1],
      ["f", 1],
      ["a", 4],
      ["d", 5],
      ["e", 6],
    ])
  })
  it("has no change without a compared run", () => {
    expect(singleIndicatorPositions(result)[0]!.positions.every((p) => p.change === null && p.previousPosition === null)).toBe(true)
  })
})

describe("runReport", () => {
  const report = runReport({
    run,
    result,
    compared: previous,
    issuer: "测试领导小组办公室",
    date: "2026-01-15",
    yellowCards: [{ clusterId: "d", reason: "工作不主动" }],
  })

  it("ranks each group with changes, rewards and sanctions", () => {
    const [urban, county] = report.rankings
    expect(urban!.rows.map((r) => [r.name, r.rank, r.score, r.rankChange, r.reward])).toEqual([
      ["B区", 1, 100, 1, true],
      ["A区", 2, 0, -1, false],
    ])
    expect(county!.rows.map((r) => [r.name, r.rank, r.rankChange, r.reward])).toEqual([
      ["C区", 1, 1, true],
      ["D区", 2, -1, false],
      ["E区", 3, 0, false],
    ])
    // d = 60 × (10 − 5)/25 + 40 × (4 − 3)/3
    expect(county!.rows[1]!.score).toBeCloseTo(12 + 40 / 3, 12)
    expect(county!.rows[1]!.sanctions.map((s) => [s.kind, s.reason.zh])).toEqual([["yellow_card", "黄牌警告：工作不主动"]])
  })

  it("lists the vetoed zone apart and as a sanction", () => {
    expect(report.unranked.map((u) => [u.clusterId, u.status])).toEqual([["f", "vetoed"]])
    expect(report.sanctions.map((s) => [s.clusterId, s.kind])).toEqual([
      ["f", "veto"],
      ["d", "yellow_card"],
    ])
  })

  it("states the summary's facts and words them", () => {
    const s = report.summary
    expect(s.top.map((z) => z.name)).toEqual(["B区", "A区", "C区", "D区", "E区"])
    expect(s.risers.map((z) => [z.name, z.figure])).toEqual([
      ["B区", 1],
      ["C区", 1],
    ])
    expect(s.fallers.map((z) => [z.name, z.figure])).toEqual([
      ["A区", -1],
      ["D区", -1],
    ])
    expect(s.rewarded.map((z) => z.name)).toEqual(["B区", "C区"])
    expect(s.text.zh).toBe(
      "2025 年考核共有 5 个集聚区参加排名（省辖市区组 2 个，县域组 3 个），另有 1 个未参加排名。" +
        "省辖市区组前三名为B区（100 分）、A区（0 分）。县域组前三名为C区（100 分）、D区（25.33 分）、E区（0 分）。" +
        "名次上升较多的有B区（上升 1 位）、C区（上升 1 位）。名次下降较多的有A区（下降 1 位）、D区（下降 1 位）。" +
        "进入奖励名次的共 2 个（省辖市区组前 1 名、县域组前 1 名）。F区被一票否决。D区被给予黄牌警告。",
    )
    expect(s.text.en).toContain("F区 was vetoed.")
  })

  it("is a draft for an unpublished run, titled from the period and the scheme", () => {
    expect(report.draft).toBe(true)
    expect(report.title.zh).toBe("关于2025年测试方案结果的通报")
    expect(runReport({ run: { ...run, published: true }, result, issuer: null, date: "2026-01-15" }).draft).toBe(false)
  })

  it("gives each zone a page in ranking order, unranked last, with its positions", () => {
    expect(report.zones.map((z) => z.zone.clusterId)).toEqual(["b", "a", "c", "d", "e", "f"])
    const a = report.zones[1]!
    expect(a.positions.map((p) => [p.code, p.position, p.size, p.change])).toEqual([
      ["revenue", 4, 6, -3],
      ["energy_per_value_added", 4, 6, -3],
    ])
  })

  it("names ten sanctioned zones at most in the paragraph, and counts the rest", () => {
    const cards = Array.from({ length: 12 }, (_, i) => ({ clusterId: `z${String(i + 1).padStart(2, "0")}` }))
    const text = runReport({ run, result, issuer: null, date: "2026-01-15", yellowCards: cards }).summary.text
    expect(text.zh).toContain("z01、z02、z03、z04、z05、z06、z07、z08、z09、z10等 12 个集聚区被给予黄牌警告。")
    expect(text.en).toContain("z09, z10 and 2 more were given a yellow card.")
  })

  it("names periods as documents do", () => {
    expect(periodLabel("2025").zh).toBe("2025 年")
    expect(periodLabel("2025Q2")).toEqual({ zh: "2025 年第 2 季度", en: "2025 Q2" })
    expect(periodLabel("2025-03")).toEqual({ zh: "2025 年 3 月", en: "March 2025" })
  })
})
