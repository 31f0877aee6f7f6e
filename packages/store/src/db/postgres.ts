import type pg from "pg"
import type { Db, Row } from "./Db.js"

/** Options for {@link openPostgres}. */
export interface PostgresOptions {
  /** Use this schema (created when absent) instead of `public`: tests give each suite its own. */
  readonly schema?: string
  /** Most connections in the pool (default 5). */
  readonly max?: number
  /** Told when the server closes an idle connection (default: one line on stderr); the pool reconnects by itself. */
  readonly onIdleError?: (e: Error) => void
}

// The driver is loaded only when a server is used: the embedded store (and the dashboard's start) never needs it.
let driver: Promise<typeof pg> | undefined
const loadDriver = () =>
  (driver ??= import("pg").then((m) => {
    const d = m.default
    // Return numeric/bigint counts as JS numbers (our counts stay far below 2^53), like PGlite does for int8.
    d.types.setTypeParser(20, (v) => Number(v))
    return d
  }))

type Client = Pick<pg.PoolClient, "query">

const redact = (url: string): string => {
  try {
    const u = new URL(url)
    if (u.password) u.password = "***"
    return u.toString()
  } catch {
    return "postgres"
  }
}

const reportIdleError = (e: Error) => {
  const code = (e as { code?: unknown }).code
  process.stderr.write(
    `jiju: 数据库关闭了一个空闲连接，下次查询将重新连接 the database closed an idle connection; the next query reconnects (${code ?? e.message})\n`,
  )
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

// Two processes opening one new schema at once both pass "if not exists" and the second insert into pg_namespace
// fails (unique_violation, or duplicate_schema): the schema is there, made by the other, which is what was asked.
const createSchema = async (pool: { query(sql: string): Promise<unknown> }, schema: string) => {
  try {
    await pool.query(`create schema if not exists ${schema}`)
  } catch (e) {
    const code = (e as { code?: unknown }).code
    if (code !== "23505" && code !== "42P06") throw e
  }
}

/**
 * Connect to a PostgreSQL server (`DATABASE_URL`), optionally inside a dedicated schema.
 * @example const db = await openPostgres("postgres://postgres@127.0.0.1:54329/postgres")
 */
export const openPostgres = async (url: string, opts: PostgresOptions = {}): Promise<Db> => {
  if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) throw new Error(`bad schema name ${opts.schema}`)
  const pg = await loadDriver()
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 5,
    ...(opts.schema !== undefined ? { options: `-c search_path=${opts.schema}` } : {}),
  })
  // A server restart, failover or `pg_terminate_backend` ends idle connections; pg reports that as an "error" event
  // on the pool, which without a listener throws and ends the whole process. The pool has already dropped the client.
  let closing = false
  pool.on("error", (e) => {
    if (!closing) (opts.onIdleError ?? reportIdleError)(e)
  })
  if (opts.schema !== undefined) await createSchema(pool, opts.schema)
  else await pool.query("select 1")
  const location = redact(url)
  const wrap = (c: Client, inTx: boolean): Db => {
    const db: Db = {
      engine: "postgres",
      location,
      query: async <R extends Row>(sql: string, params: ReadonlyArray<unknown> = []) => (await c.query(sql, [...params])).rows as R[],
      exec: async (sql) => {
        await c.query(sql)
      },
      transaction: async (fn) => {
        if (inTx) return fn(db)
        const client = await pool.connect()
        try {
          await client.query("begin")
          const out = await fn(wrap(client, true))
          await client.query("commit")
          return out
        } catch (e) {
          await client.query("rollback").catch(() => undefined)
          throw e
        } finally {
          client.release()
        }
      },
      close: () => {
        closing = true
        return pool.end()
      },
    }
    return db
  }
  return wrap(pool, false)
}
