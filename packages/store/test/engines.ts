import { randomBytes } from "node:crypto"
import { readFileSync } from "node:fs"
import pg from "pg"
import { inject } from "vitest"
import { openStore, type Store } from "../src/Store.js"

/** The engines every repository test runs against; PostgreSQL only when JIJU_TEST_DATABASE_URL is set. */
export const TEST_DATABASE_URL = process.env.JIJU_TEST_DATABASE_URL

export type TestEngine = "pglite" | "postgres"

export const engines: ReadonlyArray<TestEngine> = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]

if (!TEST_DATABASE_URL) {
  // Visible in the run's output: the server half of the suite did not run.
  console.warn("[store tests] JIJU_TEST_DATABASE_URL is not set: PostgreSQL tests skipped (run via scripts/with-postgres.sh)")
}

let template: Blob | undefined

/**
 * A fresh, migrated store on `engine`: PGlite in memory from the shared template, or PostgreSQL in a schema of
 * its own (dropped by `dispose`).
 */
export const openTestStore = async (engine: TestEngine): Promise<{ store: Store; dispose: () => Promise<void> }> => {
  if (engine === "pglite") {
    template ??= new Blob([readFileSync(inject("pgliteTemplate"))])
    const store = await openStore({ memory: { template } })
    return { store, dispose: () => store.close() }
  }
  const schema = `jiju_test_${randomBytes(6).toString("hex")}`
  const store = await openStore({ databaseUrl: TEST_DATABASE_URL!, schema })
  return {
    store,
    dispose: async () => {
      await store.close()
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL! })
      await client.connect()
      await client.query(`drop schema ${schema} cascade`)
      await client.end()
    },
  }
}
