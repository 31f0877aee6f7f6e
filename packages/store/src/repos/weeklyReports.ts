import type { StoredWeeklyReport } from "@jiju/domain/projects"
import { isLate, reportDeadline } from "@jiju/domain/projects"
import type { Db, Row } from "../db/Db.js"
import { whereClause } from "../db/whereClause.js"
import { isoTime } from "./audit.js"

/** A report to write: the stored report without what follows from it (deadline, lateness). */
export type ReportWrite = Omit<StoredWeeklyReport, "deadline" | "late">

/** Filters of {@link WeeklyReportRepo.list}. */
export interface ReportFilter {
  readonly clusters?: ReadonlyArray<string>
  readonly project?: string
  /** Reports of weeks up to this one (ISO weeks of one year sort as text; across years too, as "YYYY-Www"). */
  readonly toWeek?: string
  readonly fromWeek?: string
}

/** Weekly progress reports. Changes are audited by the use cases that make them. */
export interface WeeklyReportRepo {
  /** Reports by project and week. */
  list(filter?: ReportFilter): Promise<ReadonlyArray<StoredWeeklyReport>>
  get(project: string, week: string): Promise<StoredWeeklyReport | undefined>
  /** Write one report, replacing the week's earlier one. */
  upsert(r: ReportWrite): Promise<StoredWeeklyReport>
  /** Write many reports in batches, replacing the weeks' earlier ones (imports, demo loading, restore). */
  upsertMany(rows: ReadonlyArray<ReportWrite>): Promise<number>
  count(): Promise<number>
}

const COLUMNS = `project_id, week, cluster_id, investment_this_week, investment_to_date, progress_percent, progress, problems, note,
  submitted_by, first_submitted_at, submitted_at, revision, is_demo`

/** A database row to a stored report (the columns are constrained by the table's checks; the deadline follows from the week). */
export const reportFromRow = (r: Row): StoredWeeklyReport => {
  const week = String(r.week)
  const first = isoTime(r.first_submitted_at)
  return {
    project: String(r.project_id),
    cluster: String(r.cluster_id) as StoredWeeklyReport["cluster"],
    week,
    investmentThisWeek: Number(r.investment_this_week),
    investmentToDate: Number(r.investment_to_date),
    progressPercent: Number(r.progress_percent),
    progress: String(r.progress),
    problems: r.problems as StoredWeeklyReport["problems"],
    note: r.note == null ? null : String(r.note),
    submittedBy: String(r.submitted_by),
    firstSubmittedAt: first,
    submittedAt: isoTime(r.submitted_at),
    deadline: reportDeadline(week),
    late: isLate(week, first),
    revision: Number(r.revision),
    isDemo: r.is_demo === true,
  }
}

const record = (r: ReportWrite) => ({
  project_id: r.project,
  week: r.week,
  cluster_id: r.cluster,
  investment_this_week: r.investmentThisWeek,
  investment_to_date: r.investmentToDate,
  progress_percent: r.progressPercent,
  progress: r.progress,
  problems: r.problems,
  note: r.note,
  submitted_by: r.submittedBy,
  first_submitted_at: r.firstSubmittedAt,
  submitted_at: r.submittedAt,
  revision: r.revision,
  is_demo: r.isDemo,
})

const FIELDS = `project_id, week, cluster_id, investment_this_week, investment_to_date, progress_percent, progress, problems, note,
  submitted_by, first_submitted_at, submitted_at, revision, is_demo`

/** Build the weekly report repository over a database handle. */
export const weeklyReportRepo = (db: Db): WeeklyReportRepo => {
  const upsertRows = async (rows: ReadonlyArray<ReportWrite>) => {
    for (let i = 0; i < rows.length; i += 5_000)
      await db.query(
        `insert into weekly_reports (${FIELDS})
         select ${FIELDS} from jsonb_to_recordset($1::jsonb) as x(project_id text, week text, cluster_id text, investment_this_week float8,
           investment_to_date float8, progress_percent float8, progress text, problems jsonb, note text, submitted_by text,
           first_submitted_at timestamptz, submitted_at timestamptz, revision integer, is_demo boolean)
         on conflict (project_id, week) do update set
           cluster_id = excluded.cluster_id, investment_this_week = excluded.investment_this_week,
           investment_to_date = excluded.investment_to_date, progress_percent = excluded.progress_percent,
           progress = excluded.progress, problems = excluded.problems, note = excluded.note, submitted_by = excluded.submitted_by,
           first_submitted_at = excluded.first_submitted_at, submitted_at = excluded.submitted_at, revision = excluded.revision,
           is_demo = excluded.is_demo`,
        [JSON.stringify(rows.slice(i, i + 5_000).map(record))],
      )
  }
  const get = async (project: string, week: string) => {
    const [row] = await db.query(`select ${COLUMNS} from weekly_reports where project_id = $1 and week = $2`, [project, week])
    return row ? reportFromRow(row) : undefined
  }
  return {
    list: async (f = {}) => {
      const where: string[] = []
      const params: unknown[] = []
      const add = (sql: (p: string) => string, v: unknown) => {
        params.push(v)
        where.push(sql(`$${params.length}`))
      }
      if (f.clusters !== undefined) add((p) => `cluster_id = any(${p}::text[])`, [...f.clusters])
      if (f.project !== undefined) add((p) => `project_id = ${p}`, f.project)
      if (f.toWeek !== undefined) add((p) => `week <= ${p}`, f.toWeek)
      if (f.fromWeek !== undefined) add((p) => `week >= ${p}`, f.fromWeek)
      return (await db.query(`select ${COLUMNS} from weekly_reports ${whereClause(where)} order by project_id, week`, params)).map(reportFromRow)
    },
    get,
    upsert: async (r) => {
      await upsertRows([r])
      return (await get(r.project, r.week))!
    },
    upsertMany: async (rows) => {
      await upsertRows(rows)
      return rows.length
    },
    count: async () => Number((await db.query<{ n: number }>("select count(*)::int as n from weekly_reports"))[0]!.n),
  }
}
