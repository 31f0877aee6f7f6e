import type { DecisionEvidence, NewSupervisionDecision, SupervisionDecision, SupervisionMeasure, SupervisionReport } from "@jiju/domain/assessment"
import { InputError } from "@jiju/domain/model"
import { newId } from "../auth/password.js"
import type { Db, Row } from "../db/Db.js"
import { whereClause } from "../db/whereClause.js"
import { isoTime } from "./audit.js"

/** Which decisions to list. */
export interface DecisionFilter {
  readonly period?: string
  readonly cluster?: string
  /** Revoked decisions too (default: only those in force). */
  readonly revoked?: boolean
}

const reportFromRow = (r: Row): SupervisionReport => ({
  id: String(r.id),
  month: String(r.month),
  text: { zh: String(r.text_zh), en: String(r.text_en ?? "") },
  reportedBy: String(r.reported_by),
  reportedAt: isoTime(r.reported_at),
})

const decisionFromRow = (r: Row, reports: ReadonlyArray<SupervisionReport>): SupervisionDecision => ({
  id: String(r.id),
  cluster: String(r.cluster_id),
  period: String(r.period),
  measure: String(r.measure) as SupervisionMeasure,
  reason: { zh: String(r.reason_zh), en: String(r.reason_en ?? "") },
  evidence: (r.evidence ?? null) as DecisionEvidence | null,
  decidedBy: String(r.decided_by),
  decidedAt: isoTime(r.decided_at),
  revokedAt: r.revoked_at == null ? null : isoTime(r.revoked_at),
  reports,
  isDemo: Boolean(r.is_demo),
})

const notFound = (id: string) => {
  const en = `no supervision decision "${id}"`
  const zh = `没有督导决定“${id}”`
  return new InputError({ code: "not_found", message: en, zh, issues: [{ column: "id", value: id, en, zh }] })
}

/** The commission's supervision decisions and their monthly reports. */
export interface SupervisionRepo {
  list(filter?: DecisionFilter): Promise<ReadonlyArray<SupervisionDecision>>
  get(id: string): Promise<SupervisionDecision | undefined>
  decide(d: NewSupervisionDecision, by: string, at: string): Promise<SupervisionDecision>
  /** Revoke a decision (kept, marked revoked). InputError "not_found". */
  revoke(id: string, at: string): Promise<SupervisionDecision>
  /** Add or replace the report of one month. InputError "not_found". */
  report(decisionId: string, month: string, text: { zh: string; en?: string | undefined }, by: string, at: string): Promise<SupervisionDecision>
  /** Insert whole decisions with their reports (demo data, restore). */
  insertMany(decisions: ReadonlyArray<SupervisionDecision>): Promise<number>
}

/** Build the supervision repository over a database handle. */
export const supervisionRepo = (db: Db): SupervisionRepo => {
  const withReports = async (rows: ReadonlyArray<Row>) => {
    if (rows.length === 0) return []
    const reports = await db.query(
      "select id, decision_id, month, text_zh, text_en, reported_by, reported_at from supervision_reports where decision_id = any($1::text[]) order by month, id",
      [rows.map((r) => String(r.id))],
    )
    const by = new Map<string, SupervisionReport[]>()
    for (const r of reports) {
      const k = String(r.decision_id)
      by.set(k, [...(by.get(k) ?? []), reportFromRow(r)])
    }
    return rows.map((r) => decisionFromRow(r, by.get(String(r.id)) ?? []))
  }
  const get = async (id: string) => (await withReports(await db.query("select * from supervision_decisions where id = $1", [id])))[0]
  return {
    list: async (filter = {}) => {
      const where: string[] = []
      const params: unknown[] = []
      if (filter.period !== undefined) where.push(`period = $${params.push(filter.period)}`)
      if (filter.cluster !== undefined) where.push(`cluster_id = $${params.push(filter.cluster)}`)
      if (filter.revoked !== true) where.push("revoked_at is null")
      return withReports(
        await db.query(`select * from supervision_decisions ${whereClause(where)} order by period, measure, cluster_id, decided_at, id`, params),
      )
    },
    get,
    decide: async (d, by, at) => {
      const id = newId("sup")
      await db.query(
        `insert into supervision_decisions (id, cluster_id, period, measure, reason_zh, reason_en, evidence, decided_by, decided_at)
         values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::timestamptz)`,
        [id, d.cluster, d.period, d.measure, d.reasonZh, d.reasonEn ?? "", d.evidence ? JSON.stringify(d.evidence) : null, by, at],
      )
      return (await get(id))!
    },
    revoke: async (id, at) => {
      const rows = await db.query("update supervision_decisions set revoked_at = $2::timestamptz where id = $1 returning id", [id, at])
      if (!rows[0]) throw notFound(id)
      return (await get(id))!
    },
    report: async (decisionId, month, text, by, at) => {
      if (!(await get(decisionId))) throw notFound(decisionId)
      await db.query(
        `insert into supervision_reports (id, decision_id, month, text_zh, text_en, reported_by, reported_at) values ($1, $2, $3, $4, $5, $6, $7::timestamptz)
         on conflict (decision_id, month) do update set text_zh = excluded.text_zh, text_en = excluded.text_en, reported_by = excluded.reported_by,
           reported_at = excluded.reported_at`,
        [newId("rep"), decisionId, month, text.zh, text.en ?? "", by, at],
      )
      return (await get(decisionId))!
    },
    insertMany: async (decisions) => {
      for (const d of decisions) {
        await db.query(
          `insert into supervision_decisions (id, cluster_id, period, measure, reason_zh, reason_en, evidence, decided_by, decided_at, revoked_at, is_demo)
           values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::timestamptz, $10::timestamptz, $11)`,
          [
            d.id,
            d.cluster,
            d.period,
            d.measure,
            d.reason.zh,
            d.reason.en,
            d.evidence ? JSON.stringify(d.evidence) : null,
            d.decidedBy,
            d.decidedAt,
            d.revokedAt,
            d.isDemo,
          ],
        )
        for (const r of d.reports)
          await db.query(
            `insert into supervision_reports (id, decision_id, month, text_zh, text_en, reported_by, reported_at, is_demo)
             values ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8)`,
            [r.id, d.id, r.month, r.text.zh, r.text.en, r.reportedBy, r.reportedAt, d.isDemo],
          )
      }
      return decisions.length
    },
  }
}
