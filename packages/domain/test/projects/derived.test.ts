import { describe, expect, it } from "vitest"
import { valueLookup } from "../../src/assessment/AssessmentInput.js"
import { compareWithSubmitted, conflicts, derivedNotes, deriveIndicators, periodDays, withDerivedValues } from "../../src/projects/DerivedIndicators.js"
import type { ProjectFacts } from "../../src/projects/Findings.js"
import { report, steps } from "./fixtures.js"

const project = (
  id: string,
  cluster: string,
  totalInvestment: number,
  history: ReturnType<typeof steps>,
  land = 40,
): ProjectFacts & { totalInvestment: number } => ({
  id,
  name: id,
  cluster,
  type: "industrial",
  land,
  floorArea: 0,
  contract: { investmentIntensity: null, floorAreaRatio: null, startBy: null, completeBy: null },
  specialReason: null,
  history,
  totalInvestment,
})

// Zone A: three projects, zone B: one signed after 2025 (not covered in 2025).
const projects = [
  project("a1", "zone-a", 25_000, steps(["signed", "2024-05-01"], ["land_supplied", "2024-08-01"], ["started", "2025-02-10"])),
  project(
    "a2",
    "zone-a",
    8_000,
    steps(["signed", "2024-02-01"], ["land_supplied", "2024-03-01"], ["started", "2024-04-01"], ["in_production", "2025-01-20"]),
    20,
  ),
  project("a3", "zone-a", 12_000, steps(["signed", "2023-02-01"], ["started", "2023-04-01"], ["in_production", "2024-10-01"]), 0),
  project("b1", "zone-b", 50_000, steps(["signed", "2026-01-05"])),
]
const reports = [
  // a1: 0 before 2025; 900 by the week of 2025-06-30 (W27 begins in 2025); 1,500 in 2025-W52.
  report("a1", "2025-W08", { investmentThisWeek: 300, investmentToDate: 300 }),
  report("a1", "2025-W26", { investmentThisWeek: 600, investmentToDate: 900 }),
  report("a1", "2025-W52", { investmentThisWeek: 600, investmentToDate: 1500 }),
  // a2: 2,000 by the end of 2024 (W52 begins 2024-12-23), 2,600 in January 2025.
  report("a2", "2024-W52", { investmentThisWeek: 200, investmentToDate: 2000 }),
  report("a2", "2025-W03", { investmentThisWeek: 600, investmentToDate: 2600 }),
]

describe("indicators derived from projects", () => {
  it("gives the period's days", () => {
    expect(periodDays("2024")).toEqual({ from: "2024-01-01", to: "2024-12-31" })
    expect(periodDays("2024Q1")).toEqual({ from: "2024-01-01", to: "2024-03-31" })
    expect(periodDays("2024H1")).toEqual({ from: "2024-01-01", to: "2024-06-30" })
    expect(periodDays("2024H2")).toEqual({ from: "2024-07-01", to: "2024-12-31" })
    expect(periodDays("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" })
  })

  it("counts starts, 亿元以上 projects under construction, investment in the period and intensity, by hand", () => {
    const d = deriveIndicators(projects, reports, "2025")
    expect(d.map((v) => [v.cluster, v.indicator, v.value, v.basis])).toEqual([
      ["zone-a", "new_projects", 1, ["a1"]],
      // a1 (2.5亿, started 2025) builds in 2025; a3 (1.2亿) went into production in 2024; a2 is under 1亿.
      ["zone-a", "major_projects", 1, ["a1"]],
      // a1: 1,500 − 0; a2: 2,600 − 2,000 → 2,100万 = 0.21亿.
      ["zone-a", "fixed_investment", 0.21, ["a1", "a2"]],
      // (1,500 + 2,600) / (40 + 20) 亩.
      ["zone-a", "investment_intensity", 4100 / 60, ["a1", "a2"]],
    ])
    expect(d.every((v) => v.provenance === "derived_from_projects" && v.period === "2025")).toBe(true)
    const q1 = deriveIndicators(projects, reports, "2025Q1")
    expect(q1.find((v) => v.indicator === "fixed_investment")?.value).toBeCloseTo((300 + 600) / 10_000, 15)
    const y2024 = deriveIndicators(projects, reports, "2024")
    expect(y2024.filter((v) => v.indicator === "new_projects").map((v) => v.value)).toEqual([1]) // a2
    expect(y2024.find((v) => v.indicator === "major_projects")?.basis).toEqual(["a3"])
  })

  it("flags a conflict with a submitted value, keeping the submitted one", () => {
    expect(conflicts("new_projects", 3, 3)).toBe(false)
    expect(conflicts("new_projects", 3, 4)).toBe(true)
    expect(conflicts("fixed_investment", 10.09, 10)).toBe(false)
    expect(conflicts("fixed_investment", 10.11, 10)).toBe(true)
    expect(conflicts("fixed_investment", 0.1, 0)).toBe(true)
    const d = deriveIndicators(projects, reports, "2025")
    const stored = new Map([["zone-a|new_projects|2025", { value: 4, source: "管委会报表", submitter: "user:zone", submittedAt: "2026-01-10T00:00:00Z" }]])
    const compared = compareWithSubmitted(d, (c, i, p) => stored.get(`${c}|${i}|${p}`))
    expect(compared[0]).toMatchObject({ indicator: "new_projects", value: 1, submitted: { value: 4 }, conflict: true, difference: -3 })
    expect(compared[1]).toMatchObject({ indicator: "major_projects", submitted: null, conflict: false, difference: null })
  })

  it("lets an assessment read derived values only where none was submitted, and says so", () => {
    const d = deriveIndicators(projects, reports, "2025")
    const submitted = valueLookup([
      { clusterId: "zone-a", indicator: "new_projects", period: "2025", value: 4 },
      { clusterId: "zone-a", indicator: "fixed_investment", period: "2025", value: 0.21 },
    ])
    const use = withDerivedValues(submitted, d)
    expect(use.value("zone-a", "new_projects", "2025")).toBe(4)
    expect(use.value("zone-a", "major_projects", "2025")).toBe(1)
    expect(use.value("zone-a", "investment_intensity", "2025")).toBeCloseTo(4100 / 60, 12)
    expect(use.value("zone-b", "new_projects", "2025")).toBeUndefined()
    expect(use.used.map((u) => u.indicator)).toEqual(["major_projects", "investment_intensity"])
    expect(use.conflicts.map((c) => [c.derived.indicator, c.submitted])).toEqual([["new_projects", 4]])
    const notes = derivedNotes(use, "2025")
    expect(notes.map((n) => n.en)).toEqual([
      "2025: 2 values derived from projects were used where none was submitted (major_projects 1, investment_intensity 1)",
      "zone-a new_projects 2025: the submitted 4 differs from the 1 derived from projects; the submitted value is kept",
    ])
  })
})
