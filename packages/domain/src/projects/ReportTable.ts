/**
 * Validation of a weekly-report table (CSV / XLSX read into a DataTable) against the register: every row is read into
 * a report and judged by the one report rule ({@link weeklyReportProblems}), against the project's other reports —
 * those stored and those of the file — so that investment to date and physical progress never go back. Every problem
 * of every row is reported; a table with any bad row yields no reports. A report for a week already stored replaces
 * it (a correction).
 *
 * Columns: project, week ("2025-W10", or a day of the week), investment this week and to date (万元), physical
 * progress (%), required; progress in words, problems ("国土局：用地指标未落实；供电公司：专线未接通"), note and the
 * time it was first filed (submitted_at; default: the import's time), optional.
 */
import type { DataTable } from "../io/DataTable.js"
import type { Milestones } from "./Project.js"
import { type CellIssue, cellDate, cellNumber, cellText, matchColumns, missingColumn, numberedRows } from "./TableCells.js"
import { isIsoWeek, weekMonday, weekOf } from "./Week.js"
import { type HelpRequest, reportNeighbours, type WeeklyReport, weeklyReportProblems } from "./WeeklyReport.js"

/** The headers a report table accepts for each field. */
export const REPORT_COLUMNS = {
  project: ["project", "project_id", "项目编号", "项目"],
  week: ["week", "周次", "报告周", "周"],
  investmentThisWeek: ["investment_this_week", "本周完成投资", "本周投资"],
  investmentToDate: ["investment_to_date", "累计完成投资", "累计投资"],
  progressPercent: ["progress_percent", "形象进度", "进度百分比"],
  progress: ["progress", "本周进展", "进展情况"],
  problems: ["problems", "需协调解决的问题", "存在问题", "问题"],
  note: ["note", "备注"],
  submittedAt: ["submitted_at", "报送时间"],
} as const

const REQUIRED = ["project", "week", "investmentThisWeek", "investmentToDate", "progressPercent"] as const

/** A project as the report table is checked against: its zone, milestones and stored reports. */
export interface ReportTableProject {
  readonly id: string
  readonly cluster: string
  readonly milestones: Pick<Milestones, "signedOn" | "landRecoveredOn">
  readonly reports: ReadonlyArray<Pick<WeeklyReport, "week" | "investmentToDate" | "progressPercent">>
}

/** One valid row. */
export interface ImportedReport {
  readonly row: number
  readonly project: string
  readonly cluster: string
  readonly report: WeeklyReport
  /** When it was first filed, as the file says; null: the import's time. */
  readonly submittedAt: string | null
}

/** The outcome of {@link validateReportTable}. */
export type ReportTableValidation =
  | { readonly ok: true; readonly reports: ReadonlyArray<ImportedReport> }
  | { readonly ok: false; readonly issues: ReadonlyArray<CellIssue> }

/**
 * Read a cell of problems: items separated by "；", ";" or line breaks, each "department：description".
 * @example parseProblems("国土局：用地指标未落实；供电公司：专线未接通").length // 2
 */
export const parseProblems = (text: string): ReadonlyArray<HelpRequest> | undefined => {
  const out: HelpRequest[] = []
  for (const item of text
    .split(/[；;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([^：:]+)[：:](.+)$/.exec(item)
    if (!m) return undefined
    out.push({ department: m[1]!.trim(), description: m[2]!.trim() })
  }
  return out
}

// "2025-03-10 14:30" (Beijing), "2025-03-10" (its first moment, Beijing), or ISO with a zone.
const submittedTime = (t: string): string | undefined => {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const ms = Date.parse(t)
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
  }
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t)
  if (!m) return undefined
  const ms = Date.parse(`${m[1]}T${(m[2] ?? "0").padStart(2, "0")}:${m[3] ?? "00"}:${m[4] ?? "00"}+08:00`)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/**
 * Check every row of a report table against the register on `now` and return the reports to store, or every problem
 * found (unknown project, bad week, numbers, the report rule against the project's series, duplicates in the file).
 * @example validateReportTable(readTable(bytes, "weekly.csv"), projects, new Date(), "2025-03-12")
 */
export const validateReportTable = (table: DataTable, projects: ReadonlyArray<ReportTableProject>, now: Date, today: string): ReportTableValidation => {
  const col = matchColumns(table.columns, REPORT_COLUMNS)
  const issues: CellIssue[] = []
  for (const role of REQUIRED) if (col[role] === undefined) issues.push(missingColumn(REPORT_COLUMNS[role][0], REPORT_COLUMNS[role]))
  if (issues.length > 0) return { ok: false, issues }
  const byId = new Map(projects.map((p) => [p.id, p]))
  const parsed: Array<ImportedReport & { readonly columns: Record<string, string> }> = []
  const seen = new Map<string, number>()
  for (const { row, cells } of numberedRows(table)) {
    const before = issues.length
    const bad = (code: string, column: string, value: unknown, en: string, zh: string) => issues.push({ code, row, column, value, en, zh })
    const cell = (role: keyof typeof REPORT_COLUMNS) => (col[role] === undefined ? null : (cells[col[role]!] ?? null))
    const projectId = cellText(cell("project"))
    const project = projectId === null ? undefined : byId.get(projectId)
    if (projectId === null) bad("missing_value", col.project!, null, "missing project", "缺少项目编号")
    else if (!project) bad("unknown_project", col.project!, projectId, `no project "${projectId}" in the register`, `项目库中没有“${projectId}”`)
    const weekText = cellText(cell("week"))
    let week: string | undefined
    if (weekText !== null && isIsoWeek(weekText)) week = weekText
    else {
      const day = cellDate(cell("week"))
      if (typeof day === "string") week = weekOf(day)
      else
        bad(
          "bad_week",
          col.week!,
          cell("week"),
          `${String(cell("week"))} is not a week (write 2025-W10, or a day of the week)`,
          `${String(cell("week"))} 不是周次（应写作 2025-W10 或该周内某日）`,
        )
    }
    const amount = (role: "investmentThisWeek" | "investmentToDate" | "progressPercent"): number => {
      const v = cellNumber(cell(role))
      if (v === undefined || v === null)
        bad(v === null ? "missing_value" : "not_numeric", col[role]!, cell(role), `${String(cell(role))} is not a number`, `${String(cell(role))} 不是数字`)
      else if (v < 0) bad("negative_value", col[role]!, v, `${v} is negative`, `${v} 为负数`)
      else if (role === "progressPercent" && v > 100) bad("percent_range", col[role]!, v, `${v}% is above 100%`, `${v}% 超过 100%`)
      else return v
      return 0
    }
    const thisWeek = amount("investmentThisWeek")
    const toDate = amount("investmentToDate")
    const percent = amount("progressPercent")
    const problemsText = cellText(cell("problems"))
    const problems = problemsText === null ? [] : parseProblems(problemsText)
    if (problems === undefined)
      bad("bad_problem", col.problems!, problemsText, "write each problem as 部门：问题, separated by ；", "每个问题应写作“部门：问题”，以“；”分隔")
    const submittedText = cellText(cell("submittedAt"))
    const submittedAt = submittedText === null ? null : (submittedTime(submittedText) ?? null)
    if (submittedText !== null && submittedAt === null)
      bad(
        "bad_time",
        col.submittedAt!,
        submittedText,
        `${submittedText} is not a time (write 2025-03-10 14:30, Beijing time)`,
        `${submittedText} 不是时间（应写作 2025-03-10 14:30，北京时间）`,
      )
    else if (submittedAt !== null && Date.parse(submittedAt) > now.getTime())
      bad("submitted_in_future", col.submittedAt!, submittedText, `${submittedText} is later than now`, `${submittedText} 晚于当前时间`)
    else if (submittedAt !== null && week !== undefined && Date.parse(submittedAt) < Date.parse(`${weekMonday(week)}T00:00:00+08:00`))
      bad(
        "submitted_before_week",
        col.submittedAt!,
        submittedText,
        `a report cannot be filed before its week ${week} began`,
        `周报不能早于 ${week} 周开始前报送`,
      )
    if (project && week) {
      const key = `${project.id}\u0000${week}`
      const first = seen.get(key)
      if (first !== undefined)
        bad(
          "duplicate_key",
          col.week!,
          week,
          `${project.id} ${week} is given twice (first in row ${first})`,
          `${project.id} ${week} 重复出现（首次在第 ${first} 行）`,
        )
      else seen.set(key, row)
    }
    if (issues.length > before || !project || !week) continue
    const report: WeeklyReport = {
      week,
      investmentThisWeek: thisWeek,
      investmentToDate: toDate,
      progressPercent: percent,
      progress: cellText(cell("progress")) ?? "",
      problems: problems ?? [],
      note: cellText(cell("note")),
    }
    parsed.push({ row, project: project.id, cluster: project.cluster, report, submittedAt, columns: col as Record<string, string> })
  }
  // The report rule against each project's whole series: the stored reports, with the file's replacing its weeks.
  for (const r of parsed) {
    const project = byId.get(r.project)!
    const fileWeeks = parsed.filter((x) => x.project === r.project)
    const series = [...project.reports.filter((s) => !fileWeeks.some((f) => f.report.week === s.week)), ...fileWeeks.map((f) => f.report)]
    const column = (c: string | null) =>
      c === "investment_to_date"
        ? col.investmentToDate!
        : c === "progress_percent"
          ? col.progressPercent!
          : c === "week"
            ? col.week!
            : c?.startsWith("problems")
              ? (col.problems ?? c)
              : (c ?? "")
    for (const i of weeklyReportProblems(r.report, project.milestones, today, reportNeighbours(series, r.report.week)))
      issues.push({ ...i, row: r.row, column: column(i.column) })
  }
  return issues.length > 0 ? { ok: false, issues: issues.sort((a, b) => a.row - b.row) } : { ok: true, reports: parsed.map(({ columns: _c, ...r }) => r) }
}
