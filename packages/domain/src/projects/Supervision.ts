/**
 * The supervision view (督导, seed 002 篇5 三: 成立…督导组,每星期…检查工业园区在建项目进度,帮助解决项目建设中的实际困难
 * 和问题。同时实行周汇报制度,每星期定期召开各有关乡镇、县直有关单位项目建设汇报会): for one week, whose reports came,
 * which projects are stalled or slow, which problems wait on which department, and the weekly meeting's agenda.
 */
import * as Schema from "effect/Schema"
import { IsoDate } from "./Dates.js"
import { type ProjectFacts, recoveryReview } from "./Findings.js"
import { ProjectId, type ProjectStatus, projectStatusNames } from "./Project.js"
import { milestonesOf } from "./ProjectStatus.js"
import { IsoWeek, reportDeadline, weekMonday, weekOf, weekSunday } from "./Week.js"
import { type HelpRequest, ReportState, reportSchedule, reportStateNames } from "./WeeklyReport.js"

/** What the view reads of a report. */
export interface SupervisedReport {
  readonly project: string
  readonly week: string
  readonly investmentThisWeek: number
  readonly investmentToDate: number
  readonly progressPercent: number
  readonly problems: ReadonlyArray<HelpRequest>
  readonly firstSubmittedAt: string
}

/** Reported weeks without investment or a gain in physical progress from which a started project counts as slow (Jiju default). */
export const SLOW_WEEKS = 4

/** One project's report of the week. */
export const WeekReportItem = Schema.Struct({
  project: ProjectId,
  cluster: Schema.String,
  name: Schema.String,
  state: ReportState,
  firstSubmittedAt: Schema.NullOr(Schema.String),
})

/** A stalled project. */
export const StalledItem = Schema.Struct({
  project: ProjectId,
  cluster: Schema.String,
  name: Schema.String,
  since: IsoDate,
  /** Its latest report up to the week; null when none. */
  lastReportWeek: Schema.NullOr(IsoWeek),
})

/** A started project whose latest reports show no progress. */
export const SlowItem = Schema.Struct({
  project: ProjectId,
  cluster: Schema.String,
  name: Schema.String,
  /** Consecutive reported weeks, up to the week, with no investment and no gain in physical progress. */
  weeksWithoutProgress: Schema.Int,
})

/** A problem waiting on a department: listed in the project's latest report, and since which week. */
export const WaitingProblem = Schema.Struct({
  project: ProjectId,
  cluster: Schema.String,
  name: Schema.String,
  description: Schema.String,
  /** The first of the consecutive reports that list it. */
  since: IsoWeek,
  /** How many reports in a row list it. */
  weeks: Schema.Int,
})

/** The problems waiting on one department. */
export const DepartmentQueue = Schema.Struct({ department: Schema.String, items: Schema.Array(WaitingProblem) })

/** What an item of the weekly meeting's agenda is about. */
export const AgendaKind = Schema.Literals(["missing_report", "late_report", "waiting_problem", "stalled", "slow", "recovery", "milestone"])
export type AgendaKind = typeof AgendaKind.Type

/** One item of the weekly meeting's agenda (项目建设汇报会). */
export const AgendaItem = Schema.Struct({
  kind: AgendaKind,
  cluster: Schema.String,
  project: Schema.NullOr(ProjectId),
  department: Schema.NullOr(Schema.String),
  zh: Schema.String,
  en: Schema.String,
})
export type AgendaItem = typeof AgendaItem.Type

/** The supervision view of one week. */
export const SupervisionView = Schema.Struct({
  week: IsoWeek,
  /** The day the view was made (Beijing time). */
  asOf: IsoDate,
  deadline: Schema.String,
  reports: Schema.Struct({
    expected: Schema.Int,
    onTime: Schema.Int,
    late: Schema.Int,
    missing: Schema.Int,
    open: Schema.Int,
    items: Schema.Array(WeekReportItem),
  }),
  stalled: Schema.Array(StalledItem),
  slow: Schema.Array(SlowItem),
  waiting: Schema.Array(DepartmentQueue),
  agenda: Schema.Array(AgendaItem),
})
export type SupervisionView = typeof SupervisionView.Type

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The supervision view of `week` at the moment `now` (asOf: today in Beijing time): the week's reports (on time,
 * late, missing, not yet due), stalled projects, started projects with {@link SLOW_WEEKS} or more reported weeks
 * without progress, the problems of each project's latest report grouped by department (longest waiting first),
 * and the agenda of the weekly meeting in this order: missing and late reports, problems per department, stalled
 * and slow projects, land-recovery candidates, milestones reached in the week.
 * @example supervisionView(projects, reports, "2025-W10", new Date("2025-03-10T06:00:00Z"), "2025-03-10").agenda[0].kind
 */
export const supervisionView = (
  projects: ReadonlyArray<ProjectFacts>,
  reports: ReadonlyArray<SupervisedReport>,
  week: string,
  now: Date,
  asOf: string,
): SupervisionView => {
  const sunday = weekSunday(week)
  const reportsOf = new Map<string, SupervisedReport[]>()
  for (const r of reports) {
    if (weekMonday(r.week) > weekMonday(week)) continue
    const list = reportsOf.get(r.project) ?? []
    list.push(r)
    reportsOf.set(r.project, list)
  }
  for (const list of reportsOf.values()) list.sort((a, b) => cmp(weekMonday(a.week), weekMonday(b.week)))
  const sorted = [...projects].sort((a, b) => cmp(a.cluster, b.cluster) || cmp(a.id, b.id))

  const items: Array<typeof WeekReportItem.Type> = []
  const stalled: Array<typeof StalledItem.Type> = []
  const slow: Array<typeof SlowItem.Type> = []
  const queues = new Map<string, Array<typeof WaitingProblem.Type>>()
  const milestones: AgendaItem[] = []
  for (const p of sorted) {
    const history = p.history.filter((h) => h.on <= sunday)
    const m = milestonesOf(history)
    const own = reportsOf.get(p.id) ?? []
    const thisWeek = reportSchedule(m, own, week, now).find((s) => s.week === week)
    if (thisWeek) items.push({ project: p.id, cluster: p.cluster, name: p.name, state: thisWeek.state, firstSubmittedAt: thisWeek.firstSubmittedAt })
    const latest = own.at(-1)
    if (m.stalledSince !== null && m.landRecoveredOn === null)
      stalled.push({ project: p.id, cluster: p.cluster, name: p.name, since: m.stalledSince, lastReportWeek: latest?.week ?? null })
    else if (m.startedOn !== null && m.inProductionOn === null && m.atCapacityOn === null && m.landRecoveredOn === null) {
      let idle = 0
      for (let i = own.length - 1; i >= 0; i--) {
        const r = own[i]!
        const gained = i > 0 && r.progressPercent > own[i - 1]!.progressPercent
        if (r.investmentThisWeek > 0 || gained) break
        idle++
      }
      if (idle >= SLOW_WEEKS) slow.push({ project: p.id, cluster: p.cluster, name: p.name, weeksWithoutProgress: idle })
    }
    if (latest && m.landRecoveredOn === null && m.inProductionOn === null)
      for (const problem of latest.problems) {
        let since = latest.week
        let weeks = 1
        for (let i = own.length - 2; i >= 0; i--) {
          const listed = own[i]!.problems.some((q) => q.department.trim() === problem.department.trim() && q.description.trim() === problem.description.trim())
          if (!listed) break
          since = own[i]!.week
          weeks++
        }
        const dept = problem.department.trim()
        const q = queues.get(dept) ?? []
        q.push({ project: p.id, cluster: p.cluster, name: p.name, description: problem.description, since, weeks })
        queues.set(dept, q)
      }
    for (const h of history)
      if (h.on >= weekMonday(week) && h.on <= sunday && h.status !== "signed" && h.status !== "stalled")
        milestones.push({
          kind: "milestone",
          cluster: p.cluster,
          project: p.id,
          department: null,
          zh: `${p.name}：${h.on} ${projectStatusNames[h.status as ProjectStatus].zh}`,
          en: `${p.name}: ${projectStatusNames[h.status as ProjectStatus].en} on ${h.on}`,
        })
  }
  const waiting = [...queues.entries()]
    .map(([department, list]) => ({ department, items: list.sort((a, b) => b.weeks - a.weeks || cmp(a.project, b.project)) }))
    .sort((a, b) => b.items[0]!.weeks - a.items[0]!.weeks || cmp(a.department, b.department))

  const agenda: AgendaItem[] = []
  for (const state of ["missing", "late"] as const)
    for (const i of items.filter((x) => x.state === state))
      agenda.push({
        kind: state === "missing" ? "missing_report" : "late_report",
        cluster: i.cluster,
        project: i.project,
        department: null,
        zh: `${i.name}：${week} 周报${reportStateNames[state].zh}`,
        en: `${i.name}: the ${week} report is ${reportStateNames[state].en}`,
      })
  for (const q of waiting)
    for (const i of q.items)
      agenda.push({
        kind: "waiting_problem",
        cluster: i.cluster,
        project: i.project,
        department: q.department,
        zh: `${q.department}：${i.name}——${i.description}（自 ${i.since} 起，已 ${i.weeks} 周）`,
        en: `${q.department}: ${i.name} — ${i.description} (since ${i.since}, ${i.weeks} week${i.weeks === 1 ? "" : "s"})`,
      })
  for (const s of stalled)
    agenda.push({
      kind: "stalled",
      cluster: s.cluster,
      project: s.project,
      department: null,
      zh: `${s.name}：自 ${s.since} 起停滞`,
      en: `${s.name}: stalled since ${s.since}`,
    })
  for (const s of slow)
    agenda.push({
      kind: "slow",
      cluster: s.cluster,
      project: s.project,
      department: null,
      zh: `${s.name}：连续 ${s.weeksWithoutProgress} 周无投资、无进度`,
      en: `${s.name}: ${s.weeksWithoutProgress} reported weeks without investment or progress`,
    })
  const recovery = recoveryReview(
    projects,
    reports.filter((r) => weekMonday(r.week) <= weekMonday(week)),
    asOf,
  ).filter((f) => f.state === "candidate")
  for (const f of recovery)
    agenda.push({
      kind: "recovery",
      cluster: f.cluster,
      project: f.project,
      department: null,
      zh: `${f.name}：自 ${f.lastProgressOn} 起两年以上无实质性进展，${f.land} 亩土地应予收回`,
      en: `${f.name}: no substantive progress since ${f.lastProgressOn} (two years or more); its ${f.land} mu of land are due for recovery`,
    })
  agenda.push(...milestones)

  const count = (s: string) => items.filter((i) => i.state === s).length
  return {
    week,
    asOf,
    deadline: reportDeadline(week),
    reports: { expected: items.length, onTime: count("on_time"), late: count("late"), missing: count("missing"), open: count("open"), items },
    stalled,
    slow,
    waiting,
    agenda,
  }
}

/**
 * The week whose meeting is next at the moment `now`: the last complete week (the one before today's, Beijing time).
 * @example meetingWeek(new Date("2025-03-12T02:00:00Z")) // "2025-W10"
 */
export const meetingWeek = (now: Date): string => {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
  const monday = weekMonday(weekOf(today))
  return weekOf(new Date(Date.parse(`${monday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10))
}
