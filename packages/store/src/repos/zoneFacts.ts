import type { FactStatus, FactValue, NewZoneFact, ZoneFactRecord } from "@jiju/domain/assessment"
import { InputError } from "@jiju/domain/model"
import { newId } from "../auth/password.js"
import type { Db, Row } from "../db/Db.js"
import { jsonRows } from "../db/jsonRows.js"
import { whereClause } from "../db/whereClause.js"
import { isoTime } from "./audit.js"

/** Which fact records to list. */
export interface ZoneFactFilter {
  readonly cluster?: string
  readonly status?: FactStatus
  readonly fact?: string
}

/** A fact to write about a zone. */
export interface ZoneFactInput extends NewZoneFact {
  readonly cluster: string
}

/** What a write did: the record written, and the accepted record of the same zone, fact and day it replaced. */
export interface FactWrite {
  readonly record: ZoneFactRecord
  readonly replaced: ZoneFactRecord | null
}

const COLUMNS =
  "id, cluster_id, fact, value, to_char(as_of, 'YYYY-MM-DD') as as_of, evidence, status, recorded_by, recorded_at, decided_by, decided_at, decision_note, is_demo"

/** A database row as a fact record. */
export const factFromRow = (r: Row): ZoneFactRecord => ({
  id: String(r.id),
  cluster: String(r.cluster_id),
  fact: String(r.fact),
  // jsonb comes back parsed from both drivers.
  value: r.value as FactValue,
  asOf: String(r.as_of),
  evidence: r.evidence == null ? null : String(r.evidence),
  status: String(r.status) as FactStatus,
  recordedBy: String(r.recorded_by),
  recordedAt: isoTime(r.recorded_at),
  decidedBy: r.decided_by == null ? null : String(r.decided_by),
  decidedAt: r.decided_at == null ? null : isoTime(r.decided_at),
  decisionNote: r.decision_note == null ? null : String(r.decision_note),
  isDemo: Boolean(r.is_demo),
})

/** The dated facts about zones. */
export interface ZoneFactRepo {
  /** Records, by zone, fact, day and time of recording. */
  list(filter?: ZoneFactFilter): Promise<ReadonlyArray<ZoneFactRecord>>
  get(id: string): Promise<ZoneFactRecord | undefined>
  /**
   * Write facts as accepted (an admin's record: an accepted record of the same zone, fact and day is replaced) or as
   * proposals (a zone committee's). Returns each write with the record it replaced.
   */
  record(facts: ReadonlyArray<ZoneFactInput>, by: string, status: "accepted" | "proposed", at: string): Promise<ReadonlyArray<FactWrite>>
  /**
   * Accept or reject a proposal: accepting it replaces the accepted record of the same zone, fact and day.
   * InputError "not_found" for an unknown id, "not_proposed" for a record that is not waiting.
   */
  decide(id: string, accept: boolean, by: string, note: string | null, at: string): Promise<FactWrite>
  /** Insert whole records (demo data, restore), as they are. */
  insertMany(records: ReadonlyArray<ZoneFactRecord>): Promise<number>
}

/** Build the fact repository over a database handle. */
export const zoneFactRepo = (db: Db): ZoneFactRepo => {
  const get = async (id: string) => {
    const [row] = await db.query(`select ${COLUMNS} from zone_facts where id = $1`, [id])
    return row ? factFromRow(row) : undefined
  }
  const acceptedOf = async (cluster: string, fact: string, asOf: string) => {
    const [row] = await db.query(`select ${COLUMNS} from zone_facts where cluster_id = $1 and fact = $2 and as_of = $3::date and status = 'accepted'`, [
      cluster,
      fact,
      asOf,
    ])
    return row ? factFromRow(row) : null
  }
  return {
    list: async (filter = {}) => {
      const where: string[] = []
      const params: unknown[] = []
      if (filter.cluster !== undefined) where.push(`cluster_id = $${params.push(filter.cluster)}`)
      if (filter.status !== undefined) where.push(`status = $${params.push(filter.status)}`)
      if (filter.fact !== undefined) where.push(`fact = $${params.push(filter.fact)}`)
      // As one JSON array: a register of facts is hundreds of rows, read by every judgement.
      const rows = await jsonRows(db, `select ${COLUMNS} from zone_facts ${whereClause(where)}`, params, "cluster_id, fact, as_of, recorded_at, id")
      return rows.map(factFromRow)
    },
    get,
    record: async (facts, by, status, at) => {
      const out: FactWrite[] = []
      for (const f of facts) {
        const replaced = status === "accepted" ? await acceptedOf(f.cluster, f.fact, f.asOf) : null
        if (replaced) await db.query("delete from zone_facts where id = $1", [replaced.id])
        const id = newId("fact")
        await db.query(
          `insert into zone_facts (id, cluster_id, fact, value, as_of, evidence, status, recorded_by, recorded_at)
           values ($1, $2, $3, $4::jsonb, $5::date, $6, $7, $8, $9::timestamptz)`,
          [id, f.cluster, f.fact, JSON.stringify(f.value), f.asOf, f.evidence ?? null, status, by, at],
        )
        out.push({ record: (await get(id))!, replaced })
      }
      return out
    },
    decide: async (id, accept, by, note, at) => {
      const r = await get(id)
      if (!r) {
        const en = `no fact record "${id}"`
        const zh = `没有事实记录“${id}”`
        throw new InputError({ code: "not_found", message: en, zh, issues: [{ column: "id", value: id, en, zh }] })
      }
      if (r.status !== "proposed") {
        const en = `fact record "${id}" is ${r.status}, not a proposal waiting for a decision`
        const zh = `事实记录“${id}”的状态为 ${r.status}，不是待决定的提议`
        throw new InputError({ code: "not_proposed", message: en, zh, issues: [{ column: "id", value: id, en, zh }] })
      }
      const replaced = accept ? await acceptedOf(r.cluster, r.fact, r.asOf) : null
      if (replaced) await db.query("delete from zone_facts where id = $1", [replaced.id])
      await db.query("update zone_facts set status = $2, decided_by = $3, decided_at = $4::timestamptz, decision_note = $5 where id = $1", [
        id,
        accept ? "accepted" : "rejected",
        by,
        at,
        note,
      ])
      return { record: (await get(id))!, replaced }
    },
    insertMany: async (records) => {
      for (let s = 0; s < records.length; s += 2000) {
        const b = records.slice(s, s + 2000)
        await db.query(
          `insert into zone_facts (id, cluster_id, fact, value, as_of, evidence, status, recorded_by, recorded_at, decided_by, decided_at, decision_note, is_demo)
           select id, c, f, v::jsonb, a::date, e, s, rb, ra::timestamptz, db, da::timestamptz, dn, d
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::text[], $11::text[], $12::text[], $13::boolean[]) as u(id, c, f, v, a, e, s, rb, ra, db, da, dn, d)`,
          [
            b.map((r) => r.id),
            b.map((r) => r.cluster),
            b.map((r) => r.fact),
            b.map((r) => JSON.stringify(r.value)),
            b.map((r) => r.asOf),
            b.map((r) => r.evidence),
            b.map((r) => r.status),
            b.map((r) => r.recordedBy),
            b.map((r) => r.recordedAt),
            b.map((r) => r.decidedBy),
            b.map((r) => r.decidedAt),
            b.map((r) => r.decisionNote),
            b.map((r) => r.isDemo),
          ],
        )
      }
      return records.length
    },
  }
}
