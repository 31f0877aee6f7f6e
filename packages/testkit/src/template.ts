import { PGlite } from "@electric-sql/pglite"
import { type Db, migrate } from "@jiju/store"

/**
 * A migrated, empty in-memory PGlite database dumped as tar bytes: every test file starts from it instead of
 * running initdb (seconds) itself.
 * @example writeFileSync(file, await makePgliteTemplate())
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
