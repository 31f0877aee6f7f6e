/**
 * The weekly progress report of a project (周汇报, seed 002 篇5 三: 实行周检查、周汇报制度 … 掌握各入园项目的进展情况):
 * investment completed in the week and to date, physical progress, and the problems that need help from a
 * department. The zone committee files it for its own zone's projects; it is due by a deadline, and weeks without
 * one are flagged.
 */
import * as Schema from "effect/Schema"
import type { Issue } from "../model/errors.js"
import { ClusterId } from "../model/ids.js"
import { type Milestones, ProjectId } from "./Project.js"
import { IsoWeek, reportDeadline, weekMonday, weekOf, weekSunday, weeksBetween } from "./Week.js"

const NonNegative = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))

/** A problem that needs help, and the department asked (发改、国土、环保、住建、供电 …). */
export const HelpRequest = Schema.Struct({
  department: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
  description: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(1000)),
})
export type HelpRequest = typeof HelpRequest.Type

/** One week's report of one project, as the committee files it. */
export const WeeklyReport = Schema.Struct({
  week: IsoWeek,
  /** Investment completed this week (万元). */
  investmentThisWeek: NonNegative,
  /** Investment completed since the project began, this week included (万元). */
  investmentToDate: NonNegative,
  /** Physical progress (形象进度) as a share of the whole works, 0–100. */
  progressPercent: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 100 })),
  /** What was built this week, in words. */
  progress: Schema.String.check(Schema.isMaxLength(2000)),
  problems: Schema.Array(HelpRequest).check(Schema.isMaxLength(20)),
  note: Schema.NullOr(Schema.String.check(Schema.isMaxLength(2000))),
})
export type WeeklyReport = typeof WeeklyReport.Type

/** A filed report: its project and zone, who filed it and when, its deadline, whether it came late, its revision. */
export const StoredWeeklyReport = Schema.Struct({
  project: ProjectId,
  cluster: ClusterId,
  ...WeeklyReport.fields,
  /** Who filed the latest revision. */
  submittedBy: Schema.String,
  /** When the report was first filed (lateness is judged on it). */
  firstSubmittedAt: Schema.String,
  /** When the latest revision was filed. */
  submittedAt: Schema.String,
  deadline: Schema.String,
  /** First filed after the deadline. */
  late: Schema.Boolean,
  /** 1 for the first filing, +1 for each correction. */
  revision: Schema.Int,
  isDemo: Schema.Boolean,
})
export type StoredWeeklyReport = typeof StoredWeeklyReport.Type

/** Where a week's report of a project stands: filed on time, filed late, missing (deadline passed), or not yet due. */
export const ReportState = Schema.Literals(["on_time", "late", "missing", "open"])
export type ReportState = typeof ReportState.Type

/** Names of the report states. */
export const reportStateNames: Record<ReportState, { readonly zh: string; readonly en: string }> = {
  on_time: { zh: "按时报送", en: "on time" },
  late: { zh: "逾期报送", en: "late" },
  missing: { zh: "未报送", en: "missing" },
  open: { zh: "待报送", en: "not yet due" },
}

/**
 * Whether a report first filed at `firstSubmittedAt` (ISO time) came after its week's deadline.
 * @example isLate("2025-W10", "2025-03-10T04:00:00.001Z") // true
 */
export const isLate = (week: string, firstSubmittedAt: string): boolean => Date.parse(firstSubmittedAt) > Date.parse(reportDeadline(week))

/** The neighbours of a report in its project's series: the latest before its week and the earliest after. */
export interface ReportNeighbours {
  readonly previous?: Pick<WeeklyReport, "week" | "investmentToDate" | "progressPercent"> | undefined
  readonly next?: Pick<WeeklyReport, "week" | "investmentToDate" | "progressPercent"> | undefined
}

/**
 * Every problem of one week's report, in the one issue shape (column: the field in snake_case; row null): a week not
 * begun (`week_not_begun`, Beijing time), before the project was signed (`before_signing`), after its land was
 * recovered (`project_closed`); investment to date below the week's (`to_date_below_week`), below the previous
 * report's or above the next one's (`to_date_decreased`), physical progress going back (`progress_decreased`); one
 * problem listed twice (`duplicate_problem`).
 * @example weeklyReportProblems(report, { signedOn: "2025-01-06", landRecoveredOn: null }, "2025-03-12", {})
 */
export const weeklyReportProblems = (
  r: WeeklyReport,
  project: Pick<Milestones, "signedOn" | "landRecoveredOn">,
  today: string,
  around: ReportNeighbours,
): ReadonlyArray<Issue> => {
  const issues: Issue[] = []
  const add = (code: string, column: string, value: unknown, en: string, zh: string) => issues.push({ code, row: null, column, value, en, zh })
  if (weekMonday(r.week) > today)
    add("week_not_begun", "week", r.week, `week ${r.week} has not begun (today is ${today})`, `${r.week} 周尚未开始（今天是 ${today}）`)
  if (project.signedOn !== null && weekSunday(r.week) < project.signedOn)
    add(
      "before_signing",
      "week",
      r.week,
      `week ${r.week} ends before the project was signed (${project.signedOn})`,
      `${r.week} 周早于项目签约日期（${project.signedOn}）`,
    )
  if (project.landRecoveredOn !== null && weekMonday(r.week) > project.landRecoveredOn)
    add(
      "project_closed",
      "week",
      r.week,
      `the project's land was recovered on ${project.landRecoveredOn}; it takes no reports for later weeks`,
      `项目土地已于 ${project.landRecoveredOn} 收回，不再报送此后的周报`,
    )
  if (r.investmentToDate < r.investmentThisWeek)
    add(
      "to_date_below_week",
      "investment_to_date",
      r.investmentToDate,
      `investment to date (${r.investmentToDate}万) is less than this week's (${r.investmentThisWeek}万)`,
      `累计完成投资（${r.investmentToDate}万元）小于本周完成投资（${r.investmentThisWeek}万元）`,
    )
  const { previous, next } = around
  if (previous && r.investmentToDate < previous.investmentToDate)
    add(
      "to_date_decreased",
      "investment_to_date",
      r.investmentToDate,
      `investment to date (${r.investmentToDate}万) is less than the ${previous.week} report's (${previous.investmentToDate}万)`,
      `累计完成投资（${r.investmentToDate}万元）小于 ${previous.week} 周报的累计（${previous.investmentToDate}万元）`,
    )
  if (next && r.investmentToDate > next.investmentToDate)
    add(
      "to_date_decreased",
      "investment_to_date",
      r.investmentToDate,
      `investment to date (${r.investmentToDate}万) is more than the later ${next.week} report's (${next.investmentToDate}万)`,
      `累计完成投资（${r.investmentToDate}万元）大于其后 ${next.week} 周报的累计（${next.investmentToDate}万元）`,
    )
  if (previous && r.progressPercent < previous.progressPercent)
    add(
      "progress_decreased",
      "progress_percent",
      r.progressPercent,
      `physical progress (${r.progressPercent}%) is below the ${previous.week} report's (${previous.progressPercent}%)`,
      `形象进度（${r.progressPercent}%）低于 ${previous.week} 周报（${previous.progressPercent}%）`,
    )
  if (next && r.progressPercent > next.progressPercent)
    add(
      "progress_decreased",
      "progress_percent",
      r.progressPercent,
      `physical progress (${r.progressPercent}%) is above the later ${next.week} report's (${next.progressPercent}%)`,
      `形象进度（${r.progressPercent}%）高于其后 ${next.week} 周报（${next.progressPercent}%）`,
    )
  const seen = new Set<string>()
  r.problems.forEach((p, i) => {
    const k = `${p.department.trim()}\u0000${p.description.trim()}`
    if (seen.has(k))
      add(
        "duplicate_problem",
        `problems.${i}`,
        p.description,
        `the problem "${p.description}" is listed twice for ${p.department}`,
        `问题“${p.description}”对${p.department}重复列出`,
      )
    seen.add(k)
  })
  return issues
}

/**
 * The neighbours of `week` among a project's reports (any order).
 * @example reportNeighbours(reports, "2025-W10").previous?.week // "2025-W09"
 */
export const reportNeighbours = <R extends Pick<WeeklyReport, "week" | "investmentToDate" | "progressPercent">>(
  reports: ReadonlyArray<R>,
  week: string,
): { readonly previous?: R | undefined; readonly next?: R | undefined } => {
  let previous: R | undefined
  let next: R | undefined
  const at = weekMonday(week)
  for (const r of reports) {
    const m = weekMonday(r.week)
    if (m < at && (!previous || m > weekMonday(previous.week))) previous = r
    if (m > at && (!next || m < weekMonday(next.week))) next = r
  }
  return { previous, next }
}

/**
 * The weeks a project owes a report for, up to `untilWeek`: from the week it got its land or started (whichever
 * came first) to the week before it went into production or lost its land (Jiju default: the in-construction weeks
 * the weekly inspection covers, seed 002 篇5 三 检查工业园区在建项目进度; a stalled project keeps reporting).
 * @example expectedWeeks({ landSuppliedOn: "2025-03-03", startedOn: null, inProductionOn: null, landRecoveredOn: null }, "2025-W12").length // 3
 */
export const expectedWeeks = (
  m: Pick<Milestones, "landSuppliedOn" | "startedOn" | "inProductionOn" | "landRecoveredOn">,
  untilWeek: string,
): ReadonlyArray<string> => {
  const begin = [m.landSuppliedOn, m.startedOn].filter((d): d is string => d !== null).sort()[0]
  if (begin === undefined) return []
  const end = [m.inProductionOn, m.landRecoveredOn].filter((d): d is string => d !== null).sort()[0]
  const last = end === undefined ? untilWeek : weekMonday(weekOf(end)) <= weekMonday(untilWeek) ? weekOf(end) : untilWeek
  const weeks = weeksBetween(weekOf(begin), last)
  // The week the project went into production or lost its land is not owed.
  return end !== undefined && last === weekOf(end) ? weeks.slice(0, -1) : weeks
}

/** One week of a project's reporting calendar. */
export const ScheduledReport = Schema.Struct({
  week: IsoWeek,
  deadline: Schema.String,
  state: ReportState,
  /** When the report was first filed; null when it was not. */
  firstSubmittedAt: Schema.NullOr(Schema.String),
})
export type ScheduledReport = typeof ScheduledReport.Type

/**
 * A project's reporting calendar up to `untilWeek` at the moment `now`: every week it owes a report for, with its
 * deadline and whether the report came on time, late, is missing (deadline passed) or is not yet due.
 * @example reportSchedule(milestones, reports, "2025-W12", new Date())
 */
export const reportSchedule = (
  m: Pick<Milestones, "landSuppliedOn" | "startedOn" | "inProductionOn" | "landRecoveredOn">,
  reports: ReadonlyArray<Pick<StoredWeeklyReport, "week" | "firstSubmittedAt">>,
  untilWeek: string,
  now: Date,
): ReadonlyArray<ScheduledReport> => {
  const byWeek = new Map(reports.map((r) => [r.week, r]))
  return expectedWeeks(m, untilWeek).map((week) => {
    const deadline = reportDeadline(week)
    const r = byWeek.get(week)
    const state: ReportState = r ? (isLate(week, r.firstSubmittedAt) ? "late" : "on_time") : now.getTime() > Date.parse(deadline) ? "missing" : "open"
    return { week, deadline, state, firstSubmittedAt: r?.firstSubmittedAt ?? null }
  })
}
