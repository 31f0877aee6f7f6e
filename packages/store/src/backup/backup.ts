import { InputError, indicatorCatalogue } from "@jiju/domain/model"
import type { Db } from "../db/Db.js"
import { loadMigrations } from "../db/migrate.js"
import { writeVersion1 } from "./legacyV1.js"

/** The format tag and version of an export document; restore refuses other versions. */
export const BACKUP_FORMAT = "jiju-store"
export const BACKUP_VERSION = 2

/**
 * The whole store as one JSON document: every table, every row, every column (accounts and tokens with their secrets
 * hashed as they are stored, sessions, the audit trail, imports, jobs, assessment schemes and runs, archive states,
 * and whatever later migrations add), keyed by table name, with the schema version it was made at.
 */
export interface StoreBackup {
  readonly format: typeof BACKUP_FORMAT
  readonly version: typeof BACKUP_VERSION
  readonly exportedAt: string
  /** The last migration applied when the export was made: a restore needs a store at least that new. */
  readonly schemaVersion: number
  readonly tables: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>>
}

/** How many rows a restore wrote per table, and how many audit entries of the replaced store it kept aside. */
export interface RestoreResult {
  readonly tables: Readonly<Record<string, number>>
  /** Audit entries of the store that `force` replaced, moved to audit_log_archive (never deleted). */
  readonly archivedAudit: number
}

// Tables filled by triggers from others (assessment_cluster_results from assessment_runs): restored rows that the
// trigger already wrote are the same rows.
const DERIVED = new Set(["assessment_cluster_results"])
// Not data: the migration bookkeeping, and the archive of replaced audit trails (kept across restores).
const NOT_DATA = new Set(["schema_migrations", "audit_log_archive"])

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unexpected table name ${name}`)
  return `"${name}"`
}

/** The data tables of the store, parents before children (by their foreign keys). */
const dataTables = async (db: Db): Promise<string[]> => {
  const tables = (
    await db.query<{ t: string }>(
      "select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
    )
  )
    .map((r) => r.t)
    .filter((t) => !NOT_DATA.has(t))
  const edges = await db.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = current_schema()`,
  )
  const parents = new Map(tables.map((t) => [t, new Set<string>()]))
  for (const e of edges) if (e.child !== e.parent && parents.has(e.child) && parents.has(e.parent)) parents.get(e.child)!.add(e.parent)
  const ordered: string[] = []
  const placed = new Set<string>()
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)))
    if (next === undefined) throw new Error("the store's foreign keys form a cycle")
    ordered.push(next)
    placed.add(next)
  }
  return ordered
}

const schemaVersion = () => Math.max(...loadMigrations().map((m) => m.version))

/**
 * Read every table into one document (in one snapshot: a concurrent write cannot split the export). Values keep
 * their exact form: doubles round-trip, timestamps as ISO text, JSON as JSON.
 * @example writeFileSync("backup.json", JSON.stringify(await exportStore(db)))
 */
export const exportStore = (db: Db): Promise<StoreBackup> =>
  db.transaction(async (tx) => {
    const tables: Record<string, ReadonlyArray<Record<string, unknown>>> = {}
    for (const t of await dataTables(tx)) {
      // to_jsonb gives every column in its JSON form (timestamps as ISO text, float8 with round-trip digits).
      const [row] = await tx.query<{ rows: unknown }>(`select coalesce(jsonb_agg(to_jsonb(x) order by x::text), '[]'::jsonb) as rows from ${ident(t)} x`)
      const rows = typeof row!.rows === "string" ? JSON.parse(row!.rows) : row!.rows
      tables[t] = rows as ReadonlyArray<Record<string, unknown>>
    }
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date().toISOString(), schemaVersion: schemaVersion(), tables }
  })

const invalid = (en: string, zh: string, column?: string) =>
  new InputError({ code: "invalid_backup", message: en, zh, issues: [{ ...(column ? { column } : {}), en, zh }] })

/**
 * What a store holds besides its empty state: the rows of every data table, the built-in indicator catalogue not
 * counted (every store has it).
 */
export const storeContents = async (db: Db): Promise<Readonly<Record<string, number>>> => {
  const out: Record<string, number> = {}
  const builtIn = indicatorCatalogue.map((d) => d.code as string)
  for (const t of await dataTables(db)) {
    const [r] =
      t === "indicators"
        ? await db.query<{ n: number }>("select count(*)::int as n from indicators where not (code = any($1::text[]))", [builtIn])
        : await db.query<{ n: number }>(`select count(*)::int as n from ${ident(t)}`)
    if (Number(r!.n) > 0) out[t] = Number(r!.n)
  }
  return out
}

/**
 * Restore an export document in one transaction into a TRULY empty store (no accounts, no audit entries, no data; the
 * built-in catalogue aside): InputError "store_not_empty" naming what the store holds, unless `force`. With `force`
 * the store is replaced, but its audit trail is never deleted: its entries move to audit_log_archive. The document is
 * checked first ("invalid_backup", "unsupported_version", a table or column this store does not have).
 * @example await restoreStore(db, JSON.parse(readFileSync("backup.json", "utf8")))
 */
export const restoreStore = async (db: Db, doc: unknown, opts: { readonly force?: boolean } = {}): Promise<RestoreResult> => {
  const head = doc as Partial<StoreBackup> | null
  if (head === null || typeof head !== "object" || head.format !== BACKUP_FORMAT)
    throw invalid(`not a Jiju store export (expected "format": "${BACKUP_FORMAT}")`, `不是 Jiju 数据库导出文件（应含 "format": "${BACKUP_FORMAT}"）`)
  const v1 = (head.version as number) === 1
  if (head.version !== BACKUP_VERSION && !v1) {
    const en = `export format version ${String(head.version)} is not supported (this version reads ${BACKUP_VERSION}; export again with this version of jiju)`
    const zh = `不支持导出格式版本 ${String(head.version)}（本程序读取版本 ${BACKUP_VERSION}；请用本版本的 jiju 重新导出）`
    throw new InputError({ code: "unsupported_version", message: en, zh, issues: [{ column: "version", value: head.version, en, zh }] })
  }
  if (!v1 && (typeof head.schemaVersion !== "number" || head.tables === null || typeof head.tables !== "object"))
    throw invalid("the export has no schemaVersion or no tables", "导出文件缺少 schemaVersion 或 tables")
  if (!v1 && head.schemaVersion! > schemaVersion())
    throw invalid(
      `the export was made by a newer Jiju (schema ${head.schemaVersion}; this one has ${schemaVersion()}): update jiju first`,
      `导出文件来自更新版本的 Jiju（结构版本 ${head.schemaVersion}，本程序为 ${schemaVersion()}）：请先升级 jiju`,
      "schemaVersion",
    )
  return db.transaction(async (tx) => {
    const tables = await dataTables(tx)
    for (const [t, rows] of Object.entries(head.tables ?? {})) {
      if (!tables.includes(t)) throw invalid(`the export has a table "${t}" this store does not know`, `导出文件含本数据库没有的表“${t}”`, `tables.${t}`)
      if (!Array.isArray(rows)) throw invalid(`table "${t}" is not a list of rows`, `表“${t}”不是行的列表`, `tables.${t}`)
    }
    const held = await storeContents(tx)
    if (Object.keys(held).length > 0 && opts.force !== true) {
      const what = Object.entries(held)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ")
      const en = `the store at ${db.location} is not empty (${what}); restore only into an empty store, or use --force to replace it (its audit trail is kept in audit_log_archive)`
      const zh = `数据库 ${db.location} 不为空（${what}）；只能恢复到空数据库，或使用 --force 覆盖（原审计记录保存在 audit_log_archive）`
      throw new InputError({
        code: "store_not_empty",
        message: en,
        zh,
        issues: Object.entries(held).map(([t, n]) => ({ column: t, value: n, en: `${t}: ${n} rows`, zh: `${t}：${n} 行` })),
      })
    }
    let archivedAudit = 0
    if (Object.keys(held).length > 0) {
      const moved = await tx.query(
        `insert into audit_log_archive (id, actor, at, entity, entity_id, action, before, after)
         select id, actor, at, entity, entity_id, action, before, after from audit_log returning id`,
      )
      archivedAudit = moved.length
    }
    for (const t of [...tables].reverse()) await tx.query(`delete from ${ident(t)}`)
    if (v1) return { tables: await writeVersion1(tx, doc), archivedAudit }
    const written: Record<string, number> = {}
    for (const t of tables) {
      const rows = (head.tables![t] ?? []) as ReadonlyArray<Record<string, unknown>>
      if (rows.length === 0) {
        written[t] = 0
        continue
      }
      // jsonb_populate_recordset converts each JSON value to the column's type, as the table defines it.
      const identity = await tx.query<{ c: string }>(
        "select column_name as c from information_schema.columns where table_schema = current_schema() and table_name = $1 and is_identity = 'YES'",
        [t],
      )
      let inserted: ReadonlyArray<unknown>
      try {
        inserted = await tx.query(
          `insert into ${ident(t)} ${identity.length > 0 ? "overriding system value" : ""}
           select * from jsonb_populate_recordset(null::${ident(t)}, $1::jsonb)
           ${DERIVED.has(t) ? "on conflict do nothing" : ""} returning 1`,
          [JSON.stringify(rows)],
        )
      } catch (e) {
        // A value of the wrong type, a missing required column, a broken reference: the whole restore is undone.
        const why = e instanceof Error ? e.message : String(e)
        throw invalid(`table "${t}" cannot be restored: ${why}`, `表“${t}”无法恢复：${why}`, `tables.${t}`)
      }
      written[t] = DERIVED.has(t) ? rows.length : inserted.length
      for (const { c } of identity)
        await tx.query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${ident(c)}) from ${ident(t)}), 1), (select count(*) > 0 from ${ident(t)}))`,
          [t, c],
        )
    }
    return { tables: written, archivedAudit }
  })
}
