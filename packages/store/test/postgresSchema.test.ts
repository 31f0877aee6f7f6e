import { randomBytes } from "node:crypto"
import pg from "pg"
import { describe, expect, it } from "vitest"
import { openPostgres } from "../src/db/postgres.js"
import { TEST_DATABASE_URL } from "./engines.js"

// Servers of one deployment may start together on a schema nobody has made yet.
describe.skipIf(!TEST_DATABASE_URL)("a new PostgreSQL schema opened from several pools at once", () => {
  it("is made once and every pool opens on it", { timeout: 120_000 }, async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! })
    await admin.connect()
    try {
      for (let round = 0; round < 8; round++) {
        const schema = `jiju_race_${randomBytes(5).toString("hex")}`
        const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openPostgres(TEST_DATABASE_URL!, { schema, max: 1 })))
        try {
          expect(opened.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"])
          for (const o of opened)
            if (o.status === "fulfilled") expect(await o.value.query<{ s: string }>("select current_schema() as s")).toEqual([{ s: schema }])
        } finally {
          for (const o of opened) if (o.status === "fulfilled") await o.value.close()
          await admin.query(`drop schema if exists ${schema} cascade`)
        }
      }
    } finally {
      await admin.end()
    }
  })
})
