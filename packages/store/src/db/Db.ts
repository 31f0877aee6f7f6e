/**
 * The one database interface the store speaks: PostgreSQL SQL with `$1` placeholders, run either by
 * PGlite (embedded, PostgreSQL in WebAssembly) or by a PostgreSQL server through `pg`.
 */

/** A row as the driver returns it: column name → value. */
export type Row = Record<string, unknown>

/** Which engine runs the SQL. */
export type Engine = "pglite" | "postgres"

/** The minimal database surface the repositories use. */
export interface Db {
  readonly engine: Engine
  /** Run one parameterised statement (`$1`, `$2` …) and return its rows. */
  query<R extends Row = Row>(sql: string, params?: ReadonlyArray<unknown>): Promise<ReadonlyArray<R>>
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /**
   * Run `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside `fn`, use the `tx` handed in; a nested call joins the outer transaction.
   * @example await db.transaction(async (tx) => { await tx.query("delete from t"); await tx.query("insert …") })
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
  /** Release the connection(s) and, for PGlite, the data-directory lock. */
  close(): Promise<void>
  /** Where the data live, for messages: a directory or a URL without its password. */
  readonly location: string
}
