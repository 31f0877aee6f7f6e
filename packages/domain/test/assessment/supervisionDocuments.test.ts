import { describe, expect, it } from "vitest"
import { supervisionCandidatesDocument, supervisionCandidatesRanges } from "../../src/assessment/index.js"
import { dataOf, inputErrorOf } from "./documentData.js"

// 篇8: "对发展速度慢的10多家产业集聚区要进行现场督导 … 选择10个经济基础差、发展速度快的县域集聚区作为典型交流".
const zones = [
  { id: "u1", name: "市一", group: "urban_district" as const },
  { id: "c1", name: "县一", group: "county" as const },
  { id: "c2", name: "县二", group: "county" as const },
  { id: "c3", name: "县三", group: "county" as const },
  { id: "c4", name: "县四", group: "county" as const },
  { id: "c5", name: "县五", group: "county" as const },
  { id: "cbd", name: "商务区", group: "county" as const, kind: "modern_service" as const },
]
const data = dataOf(zones, [
  // revenue 2024 → 2025: growth u1 −10 %, c1 +50 %, c2 +5 %, c3 +100 %, c4 +5 %, c5 no 2024 value.
  ["u1", "2024", "revenue", 100],
  ["u1", "2025", "revenue", 90],
  ["c1", "2024", "revenue", 10],
  ["c1", "2025", "revenue", 15],
  ["c2", "2024", "revenue", 40],
  ["c2", "2025", "revenue", 42],
  ["c3", "2024", "revenue", 20],
  ["c3", "2025", "revenue", 40],
  ["c4", "2024", "revenue", 60],
  ["c4", "2025", "revenue", 63],
  ["c5", "2025", "revenue", 5],
  ["cbd", "2024", "revenue", 1],
  ["cbd", "2025", "revenue", 0.1],
])

describe("supervisionCandidatesDocument (篇8 督导)", () => {
  it("lists the slowest industrial zones, ties sharing the last place, and the fastest weak-base county zones", () => {
    const doc = supervisionCandidatesDocument(data, { period: "2025", count: 2 })
    expect(doc).toMatchObject({ period: "2025", against: "2024", indicator: "revenue" })
    const [onSite, yellow, model, exchange] = doc.lists
    // u1 slowest; c2 and c4 tie at +5 % for the second place: both listed. The CBD is no industrial zone.
    expect(onSite!.candidates.map((c) => [c.clusterId, c.position])).toEqual([
      ["u1", 1],
      ["c2", 2],
      ["c4", 2],
    ])
    expect(yellow!.candidates).toEqual([])
    expect(model!.candidates).toEqual([])
    // County bases 10, 20, 40, 60: median 30; weak base c1 (10) and c3 (20), fastest first.
    expect(exchange!.candidates.map((c) => c.clusterId)).toEqual(["c3", "c1"])
    expect(doc.missing).toEqual([{ id: "c5", name: "县五" }])
    expect(doc.settings.map((s) => [s.name, s.value, s.source.kind])).toEqual([
      ["indicator", "revenue", "default"],
      ["count", 2, "commission"],
    ])
    expect(onSite!.rule.source.quote).toContain("发展速度慢的10多家产业集聚区要进行现场督导")
  })

  it("measures a half year against the one before, and refuses bad options", () => {
    expect(supervisionCandidatesRanges({ period: "2025H1" })).toEqual([
      { from: "2024H2", to: "2024H2" },
      { from: "2025H1", to: "2025H1" },
    ])
    expect(inputErrorOf(() => supervisionCandidatesDocument(data, { period: "2025", indicator: "nope" })).code).toBe("unknown_indicator")
    expect(inputErrorOf(() => supervisionCandidatesDocument(data, { period: "2025", count: 0 })).issues?.[0]?.column).toBe("count")
    expect(inputErrorOf(() => supervisionCandidatesDocument(data, { period: "25" })).code).toBe("bad_option")
    expect(inputErrorOf(() => supervisionCandidatesDocument(data, { period: "2031" })).code).toBe("unknown_period")
  })
})
