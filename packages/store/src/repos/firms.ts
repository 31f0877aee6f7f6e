import { decodeOrThrow } from "@jiju/domain/model"
import { type Firm, type LeadingMembership, StoredFirm } from "@jiju/domain/projects"
import type { Db, Row } from "../db/Db.js"

/** Filters of {@link FirmRepo.list}. */
export interface FirmFilter {
  /** Firms of these zones only. */
  readonly clusters?: ReadonlyArray<string>
  /** With `clusters`: also the firms of no zone (investors from elsewhere). */
  readonly withoutZone?: boolean
}

/** The enterprise register. Changes are audited by the use cases that make them. */
export interface FirmRepo {
  list(filter?: FirmFilter): Promise<ReadonlyArray<StoredFirm>>
  get(id: string): Promise<StoredFirm | undefined>
  /** Read a firm with its row locked until the transaction ends. */
  lock(id: string): Promise<StoredFirm | undefined>
  /** Add a firm (version 1, no memberships). */
  insert(firm: Firm): Promise<StoredFirm>
  /** Replace a firm's fields; the version goes up by one. */
  update(firm: Firm): Promise<StoredFirm>
  /** Replace a firm's leading-list memberships; the version goes up by one. */
  setMemberships(id: string, memberships: ReadonlyArray<LeadingMembership>): Promise<StoredFirm>
  /** Insert stored firms as they are (demo loading, restore). */
  insertMany(firms: ReadonlyArray<StoredFirm>): Promise<number>
}

const COLUMNS = "id, name, name_en, cluster_id, industry, size, fortune500, memberships, is_demo, version"

/** A database row to a stored firm. */
export const firmFromRow = (r: Row): StoredFirm =>
  decodeOrThrow(
    StoredFirm,
    {
      id: r.id,
      name: r.name,
      ...(r.name_en != null ? { nameEn: r.name_en } : {}),
      cluster: r.cluster_id ?? null,
      industry: r.industry,
      size: r.size ?? null,
      fortune500: r.fortune500 ?? null,
      memberships: r.memberships,
      isDemo: r.is_demo,
      version: r.version,
    },
    "firm",
  )

const values = (f: Firm) => [
  f.id,
  f.name,
  f.nameEn ?? null,
  f.cluster,
  f.industry,
  f.size,
  f.fortune500 === null ? null : JSON.stringify(f.fortune500),
  f.isDemo,
]

/** Build the enterprise register over a database handle. */
export const firmRepo = (db: Db): FirmRepo => {
  const get = async (id: string, lock = false) => {
    const [row] = await db.query(`select ${COLUMNS} from firms where id = $1${lock ? " for update" : ""}`, [id])
    return row ? firmFromRow(row) : undefined
  }
  return {
    list: async (filter = {}) => {
      const params: unknown[] = []
      let where = ""
      if (filter.clusters !== undefined) {
        params.push([...filter.clusters])
        where = `where (cluster_id = any($1::text[])${filter.withoutZone ? " or cluster_id is null" : ""})`
      }
      return (await db.query(`select ${COLUMNS} from firms ${where} order by id`, params)).map(firmFromRow)
    },
    get: (id) => get(id),
    lock: (id) => get(id, true),
    insert: async (f) => {
      await db.query(
        "insert into firms (id, name, name_en, cluster_id, industry, size, fortune500, is_demo) values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)",
        values(f),
      )
      return (await get(f.id))!
    },
    update: async (f) => {
      await db.query(
        `update firms set name = $2, name_en = $3, cluster_id = $4, industry = $5, size = $6, fortune500 = $7::jsonb, is_demo = $8,
           version = version + 1, updated_at = now() where id = $1`,
        values(f),
      )
      return (await get(f.id))!
    },
    setMemberships: async (id, memberships) => {
      await db.query("update firms set memberships = $2::jsonb, version = version + 1, updated_at = now() where id = $1", [id, JSON.stringify(memberships)])
      return (await get(id))!
    },
    insertMany: async (firms) => {
      if (firms.length === 0) return 0
      await db.query(
        `insert into firms (id, name, name_en, cluster_id, industry, size, fortune500, memberships, is_demo, version)
         select x.id, x.name, x.name_en, x.cluster_id, x.industry, x.size, x.fortune500, x.memberships, x.is_demo, x.version
           from jsonb_to_recordset($1::jsonb) as x(id text, name text, name_en text, cluster_id text, industry text, size text,
                fortune500 jsonb, memberships jsonb, is_demo boolean, version integer)`,
        [
          JSON.stringify(
            firms.map((f) => ({
              id: f.id,
              name: f.name,
              name_en: f.nameEn ?? null,
              cluster_id: f.cluster,
              industry: f.industry,
              size: f.size,
              fortune500: f.fortune500,
              memberships: f.memberships,
              is_demo: f.isDemo,
              version: f.version,
            })),
          ),
        ],
      )
      return firms.length
    },
  }
}
