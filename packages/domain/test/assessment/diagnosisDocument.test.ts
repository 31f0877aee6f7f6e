import { describe, expect, it } from "vitest"
import { diagnosisDocument, diagnosisPeriodRange } from "../../src/assessment/index.js"
import { dataOf, inputErrorOf } from "./documentData.js"

const zones = ["a", "b", "c"].map((id) => ({ id, name: `区${id}`, group: "county" as const }))
// Investment intensity 100, 200, 300: the group median is 200, and "land" fires below 0.7 × 200 = 140, for a only.
const data = dataOf(zones, [
  ["a", "2025", "investment_intensity", 100],
  ["b", "2025", "investment_intensity", 200],
  ["c", "2025", "investment_intensity", 300],
])

describe("diagnosisDocument", () => {
  it("lists every zone's problems; names the zone asked about only when one was", () => {
    const all = diagnosisDocument(data, { period: "2025" })
    expect(Object.keys(all)).toEqual(["period", "source", "demo", "results"])
    expect(all.results.map((d) => d.clusterId)).toEqual(["a", "b", "c"])
    const one = diagnosisDocument(data, { period: "2025", cluster: "a" })
    expect(Object.keys(one)).toEqual(["period", "source", "demo", "cluster", "results"])
    expect(one.cluster).toBe("a")
  })

  it("takes the group median over the whole group even when one zone is asked about", () => {
    const [a] = diagnosisDocument(data, { period: "2025", cluster: "a" }).results
    const land = a!.problems.find((p) => p.id === "land")!
    expect(land.evidence[0]).toMatchObject({ indicator: "investment_intensity", value: 100, groupMedian: 200 })
    expect(land.evidence[0]!.reference).toBeCloseTo(140, 12)
    expect(land.measures.length).toBeGreaterThan(0)
    // b sits at the median: no land problem.
    expect(diagnosisDocument(data, { period: "2025", cluster: "b" }).results[0]!.problems.some((p) => p.id === "land")).toBe(false)
  })

  it("fails on a bad period option, an unknown zone and a period without data", () => {
    expect(inputErrorOf(() => diagnosisPeriodRange({ period: "last year" })).code).toBe("bad_option")
    expect(inputErrorOf(() => diagnosisDocument(data, { period: "2025", cluster: "x" })).code).toBe("unknown_cluster")
    expect(inputErrorOf(() => diagnosisDocument(data, { period: "2024" })).code).toBe("unknown_period")
  })
})
