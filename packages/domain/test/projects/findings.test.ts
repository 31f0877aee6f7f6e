import { describe, expect, it } from "vitest"
import {
  halfYearOf,
  halfYearStarts,
  idleAssets,
  intensityBreaches,
  lastProgressDay,
  type ProjectFacts,
  projectFindings,
  recoveryReview,
} from "../../src/projects/Findings.js"
import { report, steps } from "./fixtures.js"

const facts = (id: string, over: Partial<ProjectFacts> = {}): ProjectFacts => ({
  id,
  name: `项目 ${id}`,
  cluster: "hb-qibin",
  type: "industrial",
  land: 60,
  floorArea: 30_000,
  contract: { investmentIntensity: null, floorAreaRatio: null, startBy: null, completeBy: null },
  specialReason: null,
  history: steps(["signed", "2023-01-05"], ["land_supplied", "2023-03-10"]),
  ...over,
})

describe("the two-year review (seed 004: 两年以上没有实质性进展…已供地的要予以收回)", () => {
  it("makes land supplied on 2023-03-10 with no progress a candidate on 2025-03-10, not a day before", () => {
    const p = [facts("a")]
    expect(recoveryReview(p, [], "2025-03-09")).toEqual([expect.objectContaining({ project: "a", state: "approaching", dueOn: "2025-03-10" })])
    expect(recoveryReview(p, [], "2025-03-10")).toEqual([
      {
        project: "a",
        cluster: "hb-qibin",
        name: "项目 a",
        land: 60,
        landSuppliedOn: "2023-03-10",
        lastProgressOn: "2023-03-10",
        dueOn: "2025-03-10",
        state: "candidate",
        specialReason: null,
      },
    ])
    // Within 90 days of the rule it is "approaching"; earlier, not listed.
    expect(recoveryReview(p, [], "2024-12-10")[0]?.state).toBe("approaching")
    expect(recoveryReview(p, [], "2024-12-09")).toEqual([])
  })

  it("counts from 29 February to 28 February two years on", () => {
    const p = [facts("leap", { history: steps(["signed", "2024-01-05"], ["land_supplied", "2024-02-29"]) })]
    expect(recoveryReview(p, [], "2026-02-27")[0]?.state).toBe("approaching")
    expect(recoveryReview(p, [], "2026-02-28")[0]?.state).toBe("candidate")
  })

  it("restarts the clock at each substantive progress: a milestone, investment in a week, a gain in physical progress", () => {
    const started = facts("s", { history: steps(["signed", "2023-01-05"], ["land_supplied", "2023-03-10"], ["started", "2023-09-01"]) })
    expect(recoveryReview([started], [], "2025-03-10")).toEqual([])
    expect(recoveryReview([started], [], "2025-09-01")[0]?.state).toBe("candidate")
    // A week with investment (2023-W50 ends on Sunday 2023-12-17) restarts the clock from that Sunday.
    const paid = [report("s", "2023-W50", { investmentThisWeek: 10, investmentToDate: 10, progressPercent: 1 })]
    expect(lastProgressDay(started, paid, "2025-09-01")).toBe("2023-12-17")
    expect(recoveryReview([started], paid, "2025-12-16")[0]?.state).toBe("approaching")
    expect(recoveryReview([started], paid, "2025-12-17")[0]?.state).toBe("candidate")
    // Reports of nothing done are no progress; a gain in physical progress is.
    const idle = [report("s", "2024-W10", { investmentToDate: 10, progressPercent: 1 }), report("s", "2024-W11", { investmentToDate: 10, progressPercent: 1 })]
    expect(lastProgressDay(started, [...paid, ...idle], "2025-12-31")).toBe("2023-12-17")
    const gained = [...idle, report("s", "2024-W12", { investmentToDate: 10, progressPercent: 2 })]
    expect(lastProgressDay(started, [...paid, ...gained], "2025-12-31")).toBe("2024-03-24")
  })

  it("does not count a stall as progress, exempts a recorded special reason, and leaves out producing or recovered projects", () => {
    const stalled = facts("st", { history: steps(["signed", "2023-01-05"], ["land_supplied", "2023-03-10"], ["stalled", "2024-01-01"]) })
    expect(recoveryReview([stalled], [], "2025-03-10")[0]?.state).toBe("candidate")
    expect(recoveryReview([facts("x", { specialReason: "等待高压线迁改" })], [], "2025-03-10")[0]?.state).toBe("exempt")
    const producing = facts("pr", { history: steps(["signed", "2023-01-05"], ["land_supplied", "2023-03-10"], ["in_production", "2023-06-01"]) })
    const recovered = facts("rc", { history: steps(["signed", "2023-01-05"], ["land_supplied", "2023-03-10"], ["land_recovered", "2025-04-01"]) })
    const noLand = facts("nl", { history: steps(["signed", "2020-01-05"]) })
    expect(recoveryReview([producing, recovered, noLand], [], "2026-01-01")).toEqual([])
    // Before its recovery the recovered project was a candidate.
    expect(recoveryReview([recovered], [], "2025-03-31")[0]?.state).toBe("candidate")
  })
})

describe("zones with no newly started industrial project in a half year (seed 002 篇8)", () => {
  const zones = [
    { id: "hb-baoshan", name: "宝山", kind: "industrial", archivedAt: null },
    { id: "hb-jinshan", name: "金山", kind: "industrial", archivedAt: null },
    { id: "hb-old", name: "旧区", kind: "industrial", archivedAt: "2020-01-01T00:00:00Z" },
    { id: "cbd-hb", name: "商务中心区", kind: "modern_service", archivedAt: null },
  ]
  it("counts industrial starts inside the half year, and lists active industrial zones with none", () => {
    const projects = [
      facts("j1", { cluster: "hb-jinshan", history: steps(["signed", "2025-01-05"], ["started", "2025-06-30"]) }),
      facts("j2", { cluster: "hb-jinshan", history: steps(["signed", "2025-01-05"], ["started", "2025-07-01"]) }),
      facts("b1", { cluster: "hb-baoshan", type: "infrastructure", history: steps(["signed", "2025-01-05"], ["started", "2025-03-01"]) }),
      facts("b2", { cluster: "hb-baoshan", history: steps(["signed", "2024-01-05"], ["started", "2024-12-31"]) }),
    ]
    const h1 = halfYearStarts(zones, projects, "2025H1", "2025-07-01")
    expect(h1).toMatchObject({ from: "2025-01-01", to: "2025-06-30", complete: true, withoutStarts: ["hb-baoshan"] })
    expect(h1.zones).toEqual([
      { cluster: "hb-baoshan", name: "宝山", started: 0 },
      { cluster: "hb-jinshan", name: "金山", started: 1 },
    ])
    expect(h1.source.quote).toContain("上半年没有新开工工业项目")
    expect(halfYearStarts(zones, projects, "2025H2", "2025-08-01")).toMatchObject({ complete: false, withoutStarts: ["hb-baoshan"] })
    expect(halfYearOf("2025-06-30")).toBe("2025H1")
    // By default the findings take the last complete half year.
    expect(projectFindings({ zones, projects, reports: [], asOf: "2025-07-01" }).halfYear.half).toBe("2025H1")
    expect(projectFindings({ zones, projects, reports: [], asOf: "2025-06-30" }).halfYear.half).toBe("2024H2")
  })
})

describe("idle land and plants, and contract intensity", () => {
  it("lists land not started a year after the start deadline, stalled construction and stopped production", () => {
    const notStarted = facts("ns", {
      contract: { investmentIntensity: null, floorAreaRatio: null, startBy: "2024-01-31", completeBy: null },
    })
    const stalledBuild = facts("sb", {
      history: steps(["signed", "2023-01-05"], ["land_supplied", "2023-03-10"], ["started", "2023-05-01"], ["stalled", "2024-06-01"]),
    })
    const stopped = facts("sp", {
      history: steps(["signed", "2020-01-05"], ["land_supplied", "2020-03-10"], ["in_production", "2021-05-01"], ["stalled", "2024-08-01"]),
    })
    const list = idleAssets([notStarted, stalledBuild, stopped], "2025-01-31")
    expect(list.map((f) => [f.project, f.reason, f.since, f.land, f.floorArea])).toEqual([
      ["sb", "construction_stalled", "2024-06-01", 60, 0],
      ["sp", "production_stopped", "2024-08-01", 60, 30_000],
      ["ns", "not_started", "2025-01-31", 60, 0],
    ])
    expect(idleAssets([notStarted], "2025-01-30")).toEqual([])
    expect(list.find((f) => f.reason === "not_started")!.source.kind).toBe("default")
  })

  it("judges intensity once the works should be done, from the latest report and the floor area", () => {
    const p = facts("in", {
      land: 50,
      floorArea: 40_000,
      contract: { investmentIntensity: 300, floorAreaRatio: 1.5, startBy: null, completeBy: "2025-06-30" },
      history: steps(["signed", "2023-01-05"], ["land_supplied", "2023-03-10"], ["started", "2023-05-01"]),
    })
    const reports = [report("in", "2025-W20", { investmentToDate: 12_000 }), report("in", "2025-W24", { investmentToDate: 14_000 })]
    expect(intensityBreaches([p], reports, "2025-06-30")).toEqual([])
    const found = intensityBreaches([p], reports, "2025-07-01")
    // 14,000万 / 50 亩 = 280 万元/亩 < 300; 40,000 m² / (50 × 666.67 m²) = 1.2 < 1.5.
    expect(found.map((b) => [b.measure, b.contract])).toEqual([
      ["floor_area_ratio", 1.5],
      ["investment_intensity", 300],
    ])
    expect(found[1]!.actual).toBeCloseTo(280, 12)
    expect(found[0]!.actual).toBeCloseTo(1.2, 12)
    expect(found[0]!.share).toBeCloseTo(0.8, 12)
  })
})
