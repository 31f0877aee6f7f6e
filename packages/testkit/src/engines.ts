import { randomBytes } from "node:crypto"
import { readFileSync } from "node:fs"
import { type Db, openStore, type Store } from "@jiju/store"
import pg from "pg"
import { inject } from "vitest"
import "./provided.js"

/** The PostgreSQL server of the run (scripts/with-postgres.sh sets it), or undefined. */
export const TEST_DATABASE_URL = process.env.JIJU_TEST_DATABASE_URL || undefined

/** A store engine a suite runs against. */
export type TestEngine = "pglite" | "postgres"

/** Embedded PGlite always; PostgreSQL too when the run has a server. */
export const engines: ReadonlyArray<TestEngine> = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]

if (!TEST_DATABASE_URL) console.warn("[tests] JIJU_TEST_DATABASE_URL is not set: the PostgreSQL runs are SKIPPED (run through scripts/with-postgres.sh)")

let template: Blob | undefined

/**
 * A fresh, migrated store on `engine`: PGlite in memory from the run's template, or PostgreSQL in a schema of its
 * own, dropped by `dispose`.
 * @example const { store, dispose } = await openTestStore("pglite")
 */
export const openTestStore = async (engine: TestEngine): Promise<{ readonly store: Store; readonly db: Db; dispose(): Promise<void> }> => {
  if (engine === "pglite") {
    template ??= new Blob([readFileSync(inject("pgliteTemplate"))])
    const store = await openStore({ memory: { template } })
    return { store, db: store.db, dispose: () => store.close() }
  }
  const schema = `jiju_t_${randomBytes(6).toString("hex")}`
  const store = await openStore({ databaseUrl: TEST_DATABASE_URL!, schema })
  return {
    store,
    db: store.db,
    dispose: async () => {
      await store.close()
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL! })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    },
  }
}
