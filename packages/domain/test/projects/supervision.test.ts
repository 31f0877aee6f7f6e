import { describe, expect, it } from "vitest"
import type { ProjectFacts } from "../../src/projects/Findings.js"
import { meetingWeek, supervisionView } from "../../src/projects/Supervision.js"
import { steps } from "./fixtures.js"

const facts = (id: string, history: ReturnType<typeof steps>): ProjectFacts => ({
  id,
  name: `项目${id}`,
  cluster: "hb-qibin",
  type: "industrial",
  land: 30,
  floorArea: 0,
  contract: { investmentIntensity: null, floorAreaRatio: null, startBy: null, completeBy: null },
  specialReason: null,
  history,
})
const r = (project: string, week: string, invest: number, percent: number, problems: Array<[string, string]> = [], at = "2025-03-02T10:00:00Z") => ({
  project,
  week,
  investmentThisWeek: invest,
  investmentToDate: 0,
  progressPercent: percent,
  problems: problems.map(([department, description]) => ({ department, description })),
  firstSubmittedAt: at,
})

describe("the supervision view (督导) and the weekly meeting's agenda", () => {
  const projects = [
    facts("a", steps(["signed", "2024-10-01"], ["land_supplied", "2024-12-02"], ["started", "2025-01-06"])),
    facts("b", steps(["signed", "2024-10-01"], ["land_supplied", "2024-12-02"], ["started", "2024-12-09"], ["stalled", "2025-02-03"])),
    facts("c", steps(["signed", "2024-10-01"], ["land_supplied", "2025-03-04"])),
  ]
  const reports = [
    // a: problems with the land bureau for three weeks running, the power company since W10; nothing built for 4 weeks.
    r("a", "2025-W06", 100, 10),
    r("a", "2025-W07", 0, 10),
    r("a", "2025-W08", 0, 10, [["国土局", "用地指标未落实"]]),
    r("a", "2025-W09", 0, 10, [["国土局", "用地指标未落实"]]),
    r(
      "a",
      "2025-W10",
      0,
      10,
      [
        ["国土局", "用地指标未落实"],
        ["供电公司", "专线未接通"],
      ],
      "2025-03-10T05:00:00Z",
    ),
    r("b", "2025-W10", 0, 30, [], "2025-03-09T05:00:00Z"),
  ]
  const view = supervisionView(projects, reports, "2025-W10", new Date("2025-03-11T02:00:00Z"), "2025-03-11")

  it("sorts the week's reports into on time, late and missing", () => {
    expect(view.reports).toMatchObject({ expected: 3, onTime: 1, late: 1, missing: 1, open: 0 })
    expect(view.reports.items.map((i) => [i.project, i.state])).toEqual([
      ["a", "late"],
      ["b", "on_time"],
      ["c", "missing"],
    ])
  })

  it("lists stalled and slow projects and the problems waiting on each department, longest first", () => {
    expect(view.stalled).toEqual([{ project: "b", cluster: "hb-qibin", name: "项目b", since: "2025-02-03", lastReportWeek: "2025-W10" }])
    expect(view.slow).toEqual([{ project: "a", cluster: "hb-qibin", name: "项目a", weeksWithoutProgress: 4 }])
    expect(view.waiting).toEqual([
      { department: "国土局", items: [{ project: "a", cluster: "hb-qibin", name: "项目a", description: "用地指标未落实", since: "2025-W08", weeks: 3 }] },
      { department: "供电公司", items: [{ project: "a", cluster: "hb-qibin", name: "项目a", description: "专线未接通", since: "2025-W10", weeks: 1 }] },
    ])
  })

  it("orders the agenda: missing and late reports, departments, stalled and slow projects, milestones", () => {
    expect(view.agenda.map((a) => [a.kind, a.project, a.department])).toEqual([
      ["missing_report", "c", null],
      ["late_report", "a", null],
      ["waiting_problem", "a", "国土局"],
      ["waiting_problem", "a", "供电公司"],
      ["stalled", "b", null],
      ["slow", "a", null],
      ["milestone", "c", null],
    ])
    expect(view.agenda[2]!.zh).toBe("国土局：项目a——用地指标未落实（自 2025-W08 起，已 3 周）")
  })

  it("puts the next meeting on the last complete week", () => {
    expect(meetingWeek(new Date("2025-03-10T02:00:00Z"))).toBe("2025-W10")
    expect(meetingWeek(new Date("2025-03-09T15:00:00Z"))).toBe("2025-W09")
  })
})
