import { describe, expect, it } from "vitest"
import { positionsDocument, positionsPeriods } from "../../src/assessment/index.js"
import { dataOf, inputErrorOf } from "./documentData.js"

// Five zones in both groups; fixed-asset investment (总投资) at the previous year-end (2024) and in 2025H1.
const zones = [
  { id: "a", name: "甲", group: "urban_district" as const },
  { id: "b", name: "乙", group: "county" as const },
  { id: "c", name: "丙", group: "county" as const },
  { id: "d", name: "丁", group: "urban_district" as const },
  { id: "e", name: "戊", group: "county" as const },
]
const data = dataOf(zones, [
  ["a", "2024", "fixed_investment", 50],
  ["b", "2024", "fixed_investment", 40],
  ["c", "2024", "fixed_investment", 30],
  ["d", "2024", "fixed_investment", 20],
  ["a", "2025H1", "fixed_investment", 20],
  ["b", "2025H1", "fixed_investment", 45],
  ["c", "2025H1", "fixed_investment", 20],
  ["d", "2025H1", "fixed_investment", 25],
  ["a", "2025H1", "new_projects", 3],
  ["b", "2025H1", "new_projects", 0],
  ["c", "2025H1", "new_projects", 0],
  ["d", "2025H1", "new_projects", 1],
])

describe("positionsDocument (篇8: province-wide positions on one indicator, the zones with no new project)", () => {
  it("places both groups together, ties sharing a place, with the change against the previous year-end", () => {
    const doc = positionsDocument(data, { indicator: "fixed_investment", period: "2025H1", against: "2024" })
    expect(doc).toMatchObject({ indicator: "fixed_investment", indicatorName: { zh: "固定资产投资" }, period: "2025H1", against: "2024" })
    expect(doc.positions.map((p) => [p.id, p.group, p.position, p.previousPosition, p.change])).toEqual([
      ["b", "county", 1, 2, 1],
      ["d", "urban_district", 2, 4, 2],
      // a and c tie at 20: both third, and a slipped two places (下滑), c none.
      ["a", "urban_district", 3, 1, -2],
      ["c", "county", 3, 3, 0],
    ])
    // e has no value: listed apart, never placed as zero.
    expect(doc.missing).toEqual([{ id: "e", name: "戊" }])
    expect(doc.noNewProjects).toEqual({
      zones: [
        { id: "b", name: "乙" },
        { id: "c", name: "丙" },
      ],
      missing: ["e"],
    })
    expect(doc.rules.map((r) => [r.id, r.source.kind])).toEqual([
      ["p8.positions", "document"],
      ["p8.no_new_projects", "document"],
    ])
    expect(doc.rules[1]!.source.quote).toContain("上半年没有新开工工业项目")
  })

  it("compares with the period before by default (the previous half year), and an indicator where lower is better ranks ascending", () => {
    expect(positionsPeriods({ indicator: "x", period: "2025H1" })).toEqual(["2024H2", "2025H1"])
    const doc = positionsDocument(data, { indicator: "fixed_investment", period: "2025H1" })
    expect(doc.against).toBe("2024H2")
    expect(doc.positions.every((p) => p.previousPosition === null && p.change === null)).toBe(true)
    const energy = dataOf(zones.slice(0, 2), [
      ["a", "2025", "energy_per_value_added", 0.4],
      ["b", "2025", "energy_per_value_added", 0.9],
    ])
    expect(positionsDocument(energy, { indicator: "energy_per_value_added", period: "2025" }).positions.map((p) => p.id)).toEqual(["a", "b"])
  })

  it("fails precisely: a bad period, an unknown indicator, a period without data", () => {
    expect(inputErrorOf(() => positionsDocument(data, { indicator: "fixed_investment", period: "2025H3" }))).toMatchObject({
      code: "bad_option",
      issues: [{ column: "period", value: "2025H3" }],
    })
    expect(inputErrorOf(() => positionsDocument(data, { indicator: "nope", period: "2025H1" }))).toMatchObject({ code: "unknown_indicator" })
    expect(inputErrorOf(() => positionsDocument(data, { indicator: "fixed_investment", period: "2026H1" })).code).toBe("unknown_period")
  })
})
