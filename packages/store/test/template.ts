import { PGlite } from "@electric-sql/pglite"
import type { Db } from "../src/db/Db.js"
import { migrate } from "../src/db/migrate.js"

/**
 * A migrated, empty in-memory PGlite database dumped as tar bytes. Uses PGlite directly (no workspace imports):
 * vitest's global setup does not resolve the workspace's source condition.
 */
export const makePgliteTemplate = async (): Promise<Uint8Array> => {
  const pg = await PGlite.create()
  const db: Db = {
    engine: "pglite",
    location: "memory://",
    query: async (sql, params = []) => (await pg.query<Record<string, unknown>>(sql, [...params])).rows as never,
    exec: async (sql) => {
      await pg.exec(sql)
    },
    transaction: (fn) => fn(db),
    close: () => pg.close(),
  }
  try {
    await migrate(db)
    return new Uint8Array(await (await pg.dumpDataDir("none")).arrayBuffer())
  } finally {
    await pg.close()
  }
}
