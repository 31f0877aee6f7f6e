import { describe, expect, it } from "vitest"
import { expectedWeeks, isLate, reportNeighbours, reportSchedule, type WeeklyReport, weeklyReportProblems } from "../../src/projects/WeeklyReport.js"

const base: WeeklyReport = {
  week: "2025-W10",
  investmentThisWeek: 120,
  investmentToDate: 3400,
  progressPercent: 45,
  progress: "主体结构施工",
  problems: [],
  note: null,
}
const project = { signedOn: "2024-06-01", landRecoveredOn: null }

describe("late and missing weekly reports", () => {
  it("is on time up to the deadline itself, late a millisecond after", () => {
    expect(isLate("2025-W10", "2025-03-10T04:00:00.000Z")).toBe(false)
    expect(isLate("2025-W10", "2025-03-10T04:00:00.001Z")).toBe(true)
    expect(isLate("2025-W10", "2025-03-08T09:00:00Z")).toBe(false)
  })

  it("owes reports from the week land was supplied to the week before production", () => {
    const m = { landSuppliedOn: "2025-01-08", startedOn: "2025-02-03", inProductionOn: "2025-03-19", landRecoveredOn: null }
    const weeks = expectedWeeks(m, "2025-W20")
    expect(weeks[0]).toBe("2025-W02")
    expect(weeks.at(-1)).toBe("2025-W11") // production began in W12 (2025-03-19)
    expect(weeks).toHaveLength(10)
    expect(expectedWeeks({ landSuppliedOn: null, startedOn: null, inProductionOn: null, landRecoveredOn: null }, "2025-W20")).toEqual([])
    expect(expectedWeeks({ ...m, inProductionOn: null }, "2025-W05")).toEqual(["2025-W02", "2025-W03", "2025-W04", "2025-W05"])
  })

  it("flags each owed week on time, late, missing (deadline passed) or not yet due", () => {
    const m = { landSuppliedOn: "2025-02-24", startedOn: null, inProductionOn: null, landRecoveredOn: null }
    const reports = [
      { week: "2025-W09", firstSubmittedAt: "2025-03-03T01:00:00Z" },
      { week: "2025-W10", firstSubmittedAt: "2025-03-10T04:30:00Z" },
    ]
    // Monday 2025-03-17, 12:30 Beijing: W11's deadline (12:00) has just passed; W12 is not due.
    const now = new Date("2025-03-17T04:30:00Z")
    expect(reportSchedule(m, reports, "2025-W12", now).map((s) => [s.week, s.state])).toEqual([
      ["2025-W09", "on_time"],
      ["2025-W10", "late"],
      ["2025-W11", "missing"],
      ["2025-W12", "open"],
    ])
    expect(reportSchedule(m, reports, "2025-W11", new Date("2025-03-17T03:59:59Z")).at(-1)?.state).toBe("open")
  })
})

describe("the weekly report rule", () => {
  const codes = (r: WeeklyReport, around = {}, today = "2025-03-12", p: typeof project | { signedOn: string; landRecoveredOn: string | null } = project) =>
    weeklyReportProblems(r, p, today, around).map((i) => [i.code, i.column])

  it("accepts a plain report", () => {
    expect(codes(base)).toEqual([])
  })

  it("refuses weeks not begun, before signing, after land recovery", () => {
    expect(codes({ ...base, week: "2025-W12" })).toEqual([["week_not_begun", "week"]])
    expect(codes({ ...base, week: "2024-W20" })).toEqual([["before_signing", "week"]])
    expect(codes(base, {}, "2025-03-12", { signedOn: "2024-06-01", landRecoveredOn: "2025-02-28" })).toEqual([["project_closed", "week"]])
  })

  it("keeps investment to date and progress from going back against the neighbours", () => {
    const reports = [
      { week: "2025-W08", investmentToDate: 3000, progressPercent: 40 },
      { week: "2025-W09", investmentToDate: 3500, progressPercent: 50 },
      { week: "2025-W12", investmentToDate: 3300, progressPercent: 44 },
    ]
    const around = reportNeighbours(reports, "2025-W10")
    expect(around.previous?.week).toBe("2025-W09")
    expect(around.next?.week).toBe("2025-W12")
    expect(codes(base, around)).toEqual([
      ["to_date_decreased", "investment_to_date"],
      ["to_date_decreased", "investment_to_date"],
      ["progress_decreased", "progress_percent"],
      ["progress_decreased", "progress_percent"],
    ])
    expect(codes({ ...base, investmentThisWeek: 5000 })).toEqual([["to_date_below_week", "investment_to_date"]])
    const twice = { department: "国土局", description: "用地指标未落实" }
    expect(codes({ ...base, problems: [twice, twice] })).toEqual([["duplicate_problem", "problems.1"]])
  })
})
