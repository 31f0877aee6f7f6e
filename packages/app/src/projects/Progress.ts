/**
 * Use cases of weekly progress (周汇报, seed 002 篇5 三: 实行周检查、周汇报制度) and what is read from the register: a
 * committee files a project's weekly report; anyone who may read the project reads its reports with their calendar
 * (on time, late, missing); the supervision view of a week (督导) and the automatic findings; the indicators derived
 * from projects beside the submitted values.
 */

import { InputError, type Issue, inputError } from "@jiju/domain/model"
import {
  beijingDate,
  compareWithSubmitted,
  deriveIndicators,
  meetingWeek,
  projectFindings,
  reportNeighbours,
  reportSchedule,
  type SubmittedValue,
  supervisionView,
  type WeeklyReport,
  weeklyReportProblems,
  weekOf,
} from "@jiju/domain/projects"
import { Audit, Clusters, Observations, Projects, transaction, WeeklyReports } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, mayReadZone, requireRole, requireZoneQuery, requireZoneWrite } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { notFound } from "../Failure.js"
import { readableZones } from "./Projects.js"

const invalid = (issues: ReadonlyArray<Issue>) =>
  new InputError({
    code: "invalid_report",
    message: issues.map((i) => i.en).join("; "),
    zh: issues.map((i) => i.zh).join("；"),
    issues: issues.map((i) => ({ ...(i.code ? { code: i.code } : {}), ...(i.column ? { column: i.column } : {}), value: i.value, en: i.en, zh: i.zh })),
  })

/**
 * File (or correct) one week's report of a project: admins, or a submitter of the project's zone. Checked by the
 * domain's report rule against the project's dates and its neighbouring weeks; a correction keeps the first filing
 * time (lateness is judged on it) and raises the revision; audited with both images, in one transaction.
 * `week` is the week the caller addresses (a path); the report must name the same ("week_mismatch").
 * @example const r = yield* submitWeeklyReport(caller, "hb-liyang-2025-001", report)
 */
export const submitWeeklyReport = (caller: Caller, projectId: string, report: WeeklyReport, week: string = report.week) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin", "submitter")
    if (report.week !== week)
      return yield* Effect.fail(
        inputError("week_mismatch", `the body's week ${report.week} is not ${week}`, `请求体中的周次 ${report.week} 与路径 ${week} 不一致`, {
          column: "week",
          value: report.week,
        }),
      )
    const now = (yield* AppConfig).now()
    return yield* transaction(
      Effect.gen(function* () {
        const project = yield* Projects.lock(projectId)
        if (!project || !mayReadZone(who, project.cluster)) return yield* Effect.fail(notFound("project", projectId))
        yield* requireZoneWrite(who, project.cluster)
        const others = (yield* WeeklyReports.list({ project: projectId })).filter((r) => r.week !== report.week)
        const issues = weeklyReportProblems(report, project.milestones, beijingDate(now), reportNeighbours(others, report.week))
        if (issues.length > 0) return yield* Effect.fail(invalid(issues))
        const before = yield* WeeklyReports.get(projectId, report.week)
        const at = now.toISOString()
        const saved = yield* WeeklyReports.upsert({
          ...report,
          project: projectId,
          cluster: project.cluster,
          submittedBy: auditName(who),
          firstSubmittedAt: before?.firstSubmittedAt ?? at,
          submittedAt: at,
          revision: (before?.revision ?? 0) + 1,
          isDemo: false,
        })
        yield* Audit.record({
          actor: auditName(who),
          entity: "weekly_report",
          entityId: `${projectId}/${report.week}`,
          action: before ? "correct" : "submit",
          before: before ?? null,
          after: saved,
        })
        return saved
      }),
    )
  })

/**
 * A project's weekly reports, newest first, with its reporting calendar up to this week (any role that may read the
 * project: NotFound otherwise).
 * @example const { items, schedule } = yield* projectReports(caller, "hb-liyang-2025-001")
 */
export const projectReports = (caller: Caller, projectId: string) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller)
    const now = (yield* AppConfig).now()
    const project = yield* Projects.get(projectId)
    if (!project || !mayReadZone(who, project.cluster)) return yield* Effect.fail(notFound("project", projectId))
    const items = yield* WeeklyReports.list({ project: projectId })
    const schedule = reportSchedule(project.milestones, items, weekOf(beijingDate(now)), now)
    return { project: projectId, items: [...items].reverse(), schedule: [...schedule].reverse() }
  })

/** What the register views are asked: a zone (all the caller may read when absent) and a day or week. */
export interface RegisterQuery {
  readonly cluster?: string | undefined
}

const registerOf = (caller: Caller, cluster: string | undefined) =>
  Effect.gen(function* () {
    const who = yield* requireZoneQuery(caller, cluster)
    const clusters = readableZones(who, cluster)
    const projects = yield* Projects.list(clusters ? { clusters } : {})
    const reports = yield* WeeklyReports.list(clusters ? { clusters } : {})
    return { who, clusters, projects, reports }
  })

/**
 * The supervision view of a week (default: the last complete week, the one the weekly meeting looks at): its
 * reports, stalled and slow projects, problems waiting on departments, the meeting's agenda. Any signed-in role; a
 * submitter only for one of its own zones, named.
 * @example const view = yield* supervision(caller, { cluster: "hb-liyang", week: "2025-W10" })
 */
export const supervision = (caller: Caller, q: RegisterQuery & { readonly week?: string | undefined }) =>
  Effect.gen(function* () {
    const now = (yield* AppConfig).now()
    const { projects, reports } = yield* registerOf(caller, q.cluster)
    return supervisionView(projects, reports, q.week ?? meetingWeek(now), now, beijingDate(now))
  })

/**
 * The automatic findings on a day (default today, Beijing time): land-recovery candidates of the two-year review
 * (seed 004), zones without a newly started industrial project in the half year (seed 002 篇8), idle land and
 * plants, contract intensity breaches. Same access as {@link supervision}.
 * @example const f = yield* findings(caller, { asOf: "2025-12-31" })
 */
export const findings = (caller: Caller, q: RegisterQuery & { readonly asOf?: string | undefined; readonly half?: string | undefined }) =>
  Effect.gen(function* () {
    const now = (yield* AppConfig).now()
    const { clusters, projects, reports } = yield* registerOf(caller, q.cluster)
    const zones = (yield* Clusters.list({ archived: "include" })).filter((z) => clusters === undefined || clusters.includes(z.id))
    return projectFindings({ zones, projects, reports, asOf: q.asOf ?? beijingDate(now), half: q.half })
  })

/**
 * The indicators derived from projects for a period (新开工项目数, 亿元以上项目数, fixed investment, investment
 * intensity), each marked "derived_from_projects" and put beside the value submitted for the same zone and period:
 * a conflict is flagged, the submitted value is never replaced. Same access as {@link supervision}.
 * @example const rows = yield* derivedIndicators(caller, { period: "2025" })
 */
export const derivedIndicators = (caller: Caller, q: RegisterQuery & { readonly period: string }) =>
  Effect.gen(function* () {
    const { clusters, projects, reports } = yield* registerOf(caller, q.cluster)
    const derived = deriveIndicators(projects, reports, q.period)
    const submitted = new Map<string, SubmittedValue>()
    const codes = [...new Set(derived.map((d) => d.indicator))]
    if (codes.length > 0)
      for (const o of yield* Observations.query({ indicators: codes, period: q.period, ...(clusters ? { clusters } : {}) }))
        if (o.target.kind === "cluster")
          submitted.set(`${o.target.id}|${o.indicator}`, { value: o.value, source: o.source, submitter: o.submitter, submittedAt: o.submittedAt })
    return { period: q.period, items: compareWithSubmitted(derived, (c, i) => submitted.get(`${c}|${i}`)) }
  })
