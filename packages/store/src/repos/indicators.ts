import { decodeOrThrow, type IndicatorDefinition, InputError, indicatorCatalogue, StoredIndicator, type Subsystem } from "@jiju/domain/model"
import type { Db, Row } from "../db/Db.js"
import { auditRepo, isoTime } from "./audit.js"
import { archivedClause, setArchived, type VersionedTable, versionedChange } from "./versioned.js"

/** Filters for {@link IndicatorRepo.list}. */
export interface IndicatorFilter {
  readonly subsystem?: Subsystem
  /** "exclude" (default), "include" or "only" archived indicators. */
  readonly archived?: "exclude" | "include" | "only"
}

/** The indicator definitions known to this store (the built-in catalogue plus any added). */
export interface IndicatorRepo {
  list(filter?: IndicatorFilter): Promise<ReadonlyArray<StoredIndicator>>
  get(code: string): Promise<StoredIndicator | undefined>
  /** Add a definition (version 1) with its audit entry. InputError "duplicate_id". */
  create(def: IndicatorDefinition, actor: string): Promise<StoredIndicator>
  /** Replace a definition whose stored version is `expectedVersion`. InputError "not_found" or "version_conflict". */
  update(def: IndicatorDefinition, expectedVersion: number, actor: string): Promise<StoredIndicator>
  /** Archive (true: it takes no new values) or bring back (false) under the same version rule. */
  setArchived(code: string, archived: boolean, expectedVersion: number, actor: string): Promise<StoredIndicator>
  /** Insert or replace definitions without audit entries (restore). Returns how many were written. */
  upsert(defs: ReadonlyArray<IndicatorDefinition | StoredIndicator>): Promise<number>
  /** Add the built-in catalogue's indicators that are missing (existing definitions are kept). */
  ensureCatalogue(): Promise<number>
}

const COLUMNS = "code, zh, en, unit, unit_en, direction, subsystem, frequency, allow_negative, description, version, archived_at"

/** A database row to a domain StoredIndicator. */
export const indicatorFromRow = (r: Row): StoredIndicator =>
  decodeOrThrow(
    StoredIndicator,
    {
      code: r.code,
      zh: r.zh,
      en: r.en,
      unit: r.unit,
      unitEn: r.unit_en,
      direction: r.direction,
      subsystem: r.subsystem,
      frequency: r.frequency,
      allowNegative: r.allow_negative,
      ...(r.description != null ? { description: r.description } : {}),
      version: r.version,
      archivedAt: r.archived_at == null ? null : isoTime(r.archived_at),
    },
    "indicator",
  )

const getIn = async (db: Db, code: string): Promise<StoredIndicator | undefined> => {
  const [row] = await db.query(`select ${COLUMNS} from indicators where code = $1`, [code])
  return row ? indicatorFromRow(row) : undefined
}

/** The indicators table as a versioned register table. */
export const indicatorTable: VersionedTable<StoredIndicator> = { table: "indicators", key: "code", entity: "indicator", zh: "指标", get: getIn }

const write = async (db: Db, defs: ReadonlyArray<IndicatorDefinition | StoredIndicator>, replace: boolean): Promise<number> => {
  if (defs.length === 0) return 0
  const stored = (d: IndicatorDefinition | StoredIndicator) => ("version" in d ? (d as StoredIndicator) : undefined)
  const rows = await db.query(
    `insert into indicators (code, zh, en, unit, unit_en, direction, subsystem, frequency, allow_negative, description, version, archived_at)
     select u.code, u.zh, u.en, u.unit, u.unit_en, u.direction, u.subsystem, u.frequency, u.allow_negative, u.description, u.version,
            u.archived::timestamptz
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                 $8::text[], $9::boolean[], $10::text[], $11::int[], $12::text[])
       as u(code, zh, en, unit, unit_en, direction, subsystem, frequency, allow_negative, description, version, archived)
     ${
       replace
         ? `on conflict (code) do update set zh = excluded.zh, en = excluded.en, unit = excluded.unit,
              unit_en = excluded.unit_en, direction = excluded.direction, subsystem = excluded.subsystem,
              frequency = excluded.frequency, allow_negative = excluded.allow_negative, description = excluded.description,
              version = excluded.version, archived_at = excluded.archived_at`
         : "on conflict (code) do nothing"
     }
     returning code`,
    [
      defs.map((d) => d.code),
      defs.map((d) => d.zh),
      defs.map((d) => d.en),
      defs.map((d) => d.unit),
      defs.map((d) => d.unitEn),
      defs.map((d) => d.direction),
      defs.map((d) => d.subsystem),
      defs.map((d) => d.frequency),
      defs.map((d) => d.allowNegative),
      defs.map((d) => d.description ?? null),
      defs.map((d) => stored(d)?.version ?? 1),
      defs.map((d) => stored(d)?.archivedAt ?? null),
    ],
  )
  return rows.length
}

/** Build the indicator repository over a database handle. */
export const indicatorRepo = (db: Db): IndicatorRepo => ({
  list: async (filter = {}) => {
    const params: unknown[] = []
    const where = [archivedClause(filter.archived)]
    if (filter.subsystem !== undefined) {
      params.push(filter.subsystem)
      where.push(`subsystem = $${params.length}`)
    }
    return (await db.query(`select ${COLUMNS} from indicators where ${where.join(" and ")} order by code`, params)).map(indicatorFromRow)
  },
  get: (code) => getIn(db, code),
  create: (def, actor) =>
    db.transaction(async (tx) => {
      if ((await write(tx, [def], false)) === 0) {
        const en = `indicator ${def.code} exists`
        const zh = `指标 ${def.code} 已存在`
        throw new InputError({ code: "duplicate_id", message: en, zh, issues: [{ column: "code", value: def.code, en, zh }] })
      }
      const after = (await getIn(tx, def.code))!
      await auditRepo(tx).record({ actor, entity: "indicator", entityId: def.code, action: "create", before: null, after })
      return after
    }),
  update: (def, expectedVersion, actor) =>
    versionedChange(db, indicatorTable, def.code, expectedVersion, actor, "update", async (tx) => {
      await tx.query(
        `update indicators set zh = $2, en = $3, unit = $4, unit_en = $5, direction = $6, subsystem = $7, frequency = $8,
           allow_negative = $9, description = $10 where code = $1`,
        [def.code, def.zh, def.en, def.unit, def.unitEn, def.direction, def.subsystem, def.frequency, def.allowNegative, def.description ?? null],
      )
    }),
  setArchived: (code, archived, expectedVersion, actor) => setArchived(db, indicatorTable, code, expectedVersion, archived, actor),
  upsert: (defs) => write(db, defs, true),
  // Every open calls this: a read finds the usual case (all present) without the insert's conflict checks.
  ensureCatalogue: async () => {
    const present = new Set(
      (await db.query<{ code: string }>("select code from indicators where code = any($1::text[])", [indicatorCatalogue.map((d) => d.code)])).map(
        (r) => r.code,
      ),
    )
    return write(
      db,
      indicatorCatalogue.filter((d) => !present.has(d.code)),
      false,
    )
  },
})
