import { decodeOrThrow } from "@jiju/domain/model"
import { milestonesOf, type ProjectStatus, type ProjectType, StoredProject } from "@jiju/domain/projects"
import * as Schema from "effect/Schema"
import type { Db, Row } from "../db/Db.js"
import { whereClause } from "../db/whereClause.js"
import { isoTime } from "./audit.js"

const { investorStanding: _standing, ...rowFields } = StoredProject.fields

/** A project as the store keeps it: the stored project without its investor's standing (read from the firm). */
export const ProjectRow = Schema.Struct(rowFields)
export type ProjectRow = typeof ProjectRow.Type

/** A project to write: its row without the fields the store keeps (version, times) or computes (milestones). */
export type ProjectWrite = Omit<ProjectRow, "version" | "createdAt" | "updatedAt" | "milestones">

/** Filters of {@link ProjectRepo.list}. */
export interface ProjectFilter {
  readonly clusters?: ReadonlyArray<string>
  readonly area?: string
  readonly status?: ProjectStatus
  readonly type?: ProjectType
  readonly firm?: string
}

/** Projects entering the zones. Changes are audited by the use cases that make them. */
export interface ProjectRepo {
  list(filter?: ProjectFilter): Promise<ReadonlyArray<ProjectRow>>
  get(id: string): Promise<ProjectRow | undefined>
  /** Read a project with its row locked until the transaction ends. */
  lock(id: string): Promise<ProjectRow | undefined>
  /** Add a project (version 1). */
  insert(p: ProjectWrite): Promise<ProjectRow>
  /** Write a project's every field; the version goes up by one. */
  save(p: ProjectWrite): Promise<ProjectRow>
  /** Insert stored projects as they are (demo loading, restore, imports). */
  insertMany(rows: ReadonlyArray<ProjectWrite & Partial<Pick<ProjectRow, "version" | "createdAt" | "updatedAt">>>): Promise<number>
  count(): Promise<number>
}

const COLUMNS = `id, name, name_en, cluster_id, area, investor, firm_id, industry, type, traits, total_investment, fixed_investment, land,
  floor_area, storeys, contract, location, special_reason, note, status, history, documents, admission, is_demo, version, created_at, updated_at`

/** A database row to a stored project row. */
export const projectFromRow = (r: Row): ProjectRow =>
  decodeOrThrow(
    ProjectRow,
    {
      id: r.id,
      name: r.name,
      ...(r.name_en != null ? { nameEn: r.name_en } : {}),
      cluster: r.cluster_id,
      area: r.area ?? null,
      investor: r.investor,
      firm: r.firm_id ?? null,
      industry: r.industry,
      type: r.type,
      traits: r.traits,
      totalInvestment: r.total_investment,
      fixedInvestment: r.fixed_investment,
      land: r.land,
      floorArea: r.floor_area,
      storeys: r.storeys ?? null,
      contract: r.contract,
      location: r.location ?? null,
      specialReason: r.special_reason ?? null,
      note: r.note ?? null,
      status: r.status,
      history: r.history,
      // The milestones follow from the history: computed, not stored.
      milestones: milestonesOf(r.history as ReadonlyArray<{ status: ProjectStatus; on: string }>),
      documents: r.documents,
      admission: r.admission,
      isDemo: r.is_demo,
      version: r.version,
      createdAt: isoTime(r.created_at),
      updatedAt: isoTime(r.updated_at),
    },
    "project",
  )

const record = (p: ProjectWrite) => ({
  id: p.id,
  name: p.name,
  name_en: p.nameEn ?? null,
  cluster_id: p.cluster,
  area: p.area,
  investor: p.investor,
  firm_id: p.firm,
  industry: p.industry,
  type: p.type,
  traits: p.traits,
  total_investment: p.totalInvestment,
  fixed_investment: p.fixedInvestment,
  land: p.land,
  floor_area: p.floorArea,
  storeys: p.storeys,
  contract: p.contract,
  location: p.location,
  special_reason: p.specialReason,
  note: p.note,
  status: p.status,
  history: p.history,
  documents: p.documents,
  admission: p.admission,
  is_demo: p.isDemo,
})

const RECORDSET = `x(id text, name text, name_en text, cluster_id text, area text, investor text, firm_id text, industry text, type text,
  traits jsonb, total_investment float8, fixed_investment float8, land float8, floor_area float8, storeys integer, contract jsonb,
  location jsonb, special_reason text, note text, status text, history jsonb, documents jsonb, admission jsonb, is_demo boolean,
  version integer, created_at timestamptz, updated_at timestamptz)`
const FIELDS = `id, name, name_en, cluster_id, area, investor, firm_id, industry, type, traits, total_investment, fixed_investment, land,
  floor_area, storeys, contract, location, special_reason, note, status, history, documents, admission, is_demo, version`
const SELECTED = `${FIELDS.replace("version", "coalesce(version, 1)")}, coalesce(created_at, now()), coalesce(updated_at, now())`

/** Build the project repository over a database handle. */
export const projectRepo = (db: Db): ProjectRepo => {
  const get = async (id: string, lock = false) => {
    const [row] = await db.query(`select ${COLUMNS} from projects where id = $1${lock ? " for update" : ""}`, [id])
    return row ? projectFromRow(row) : undefined
  }
  const insertRows = async (rows: ReadonlyArray<Record<string, unknown>>) => {
    for (let i = 0; i < rows.length; i += 2_000)
      await db.query(`insert into projects (${FIELDS}, created_at, updated_at) select ${SELECTED} from jsonb_to_recordset($1::jsonb) as ${RECORDSET}`, [
        JSON.stringify(rows.slice(i, i + 2_000)),
      ])
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
      if (f.area !== undefined) add((p) => `area = ${p}`, f.area)
      if (f.status !== undefined) add((p) => `status = ${p}`, f.status)
      if (f.type !== undefined) add((p) => `type = ${p}`, f.type)
      if (f.firm !== undefined) add((p) => `firm_id = ${p}`, f.firm)
      return (await db.query(`select ${COLUMNS} from projects ${whereClause(where)} order by cluster_id, id`, params)).map(projectFromRow)
    },
    get: (id) => get(id),
    lock: (id) => get(id, true),
    insert: async (p) => {
      await insertRows([{ ...record(p), version: 1 }])
      return (await get(p.id))!
    },
    save: async (p) => {
      const r = record(p)
      await db.query(
        `update projects set name = $2, name_en = $3, cluster_id = $4, area = $5, investor = $6, firm_id = $7, industry = $8, type = $9,
           traits = $10::jsonb, total_investment = $11, fixed_investment = $12, land = $13, floor_area = $14, storeys = $15,
           contract = $16::jsonb, location = $17::jsonb, special_reason = $18, note = $19, status = $20, history = $21::jsonb,
           documents = $22::jsonb, admission = $23::jsonb, is_demo = $24, version = version + 1, updated_at = now()
         where id = $1`,
        [
          r.id,
          r.name,
          r.name_en,
          r.cluster_id,
          r.area,
          r.investor,
          r.firm_id,
          r.industry,
          r.type,
          JSON.stringify(r.traits),
          r.total_investment,
          r.fixed_investment,
          r.land,
          r.floor_area,
          r.storeys,
          JSON.stringify(r.contract),
          r.location === null ? null : JSON.stringify(r.location),
          r.special_reason,
          r.note,
          r.status,
          JSON.stringify(r.history),
          JSON.stringify(r.documents),
          JSON.stringify(r.admission),
          r.is_demo,
        ],
      )
      return (await get(p.id))!
    },
    insertMany: async (rows) => {
      await insertRows(rows.map((p) => ({ ...record(p), version: p.version ?? 1, created_at: p.createdAt ?? null, updated_at: p.updatedAt ?? null })))
      return rows.length
    },
    count: async () => Number((await db.query<{ n: number }>("select count(*)::int as n from projects"))[0]!.n),
  }
}
