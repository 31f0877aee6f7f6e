import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import type { Db } from "./Db.js"

/** One migration file: `0001_init.sql` → version 1. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}

// packages/store/migrations, from src/db (sources) and dist/db (build) alike.
const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url))

/** Read the migration files in version order. */
export const loadMigrations = (dir: string = MIGRATIONS_DIR): ReadonlyArray<Migration> =>
  readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ""), sql: readFileSync(`${dir}/${f}`, "utf8") }))

/**
 * Apply every migration not yet recorded in `schema_migrations`, each in its own transaction, in order.
 * Idempotent: a second run applies nothing. Returns the versions applied now.
 * @example await migrate(db) // [1] on a fresh database, [] afterwards
 */
export const migrate = async (db: Db, migrations: ReadonlyArray<Migration> = loadMigrations()): Promise<number[]> => {
  // Under the same lock as the migrations: two processes creating the table at once collide in PostgreSQL's catalog
  // even with "if not exists".
  await db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(4107241)")
    await tx.exec(
      "create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())",
    )
  })
  const done = new Set((await db.query<{ version: number }>("select version from schema_migrations")).map((r) => Number(r.version)))
  const applied: number[] = []
  for (const m of migrations) {
    if (done.has(m.version)) continue
    const ran = await db.transaction(async (tx) => {
      // Two processes migrating one server at once: the second waits here, then sees the version recorded.
      await tx.query("select pg_advisory_xact_lock(4107241)")
      const again = await tx.query("select 1 from schema_migrations where version = $1", [m.version])
      if (again.length > 0) return false
      await tx.exec(m.sql)
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [m.version, m.name])
      return true
    })
    if (ran) applied.push(m.version)
  }
  return applied
}
