import { randomBytes } from "node:crypto"
import { openStore } from "@jiju/store"
import { TEST_DATABASE_URL } from "@jiju/testkit"
import { describe, expect, it } from "vitest"
import { type RunningServer, startServer } from "../src/Server.js"

// Two servers started together on one empty PostgreSQL: the migrations and the demo load are serialised, so both
// start and the demo is loaded once.
describe.skipIf(!TEST_DATABASE_URL)("two servers starting at once on an empty PostgreSQL", () => {
  it("both start; the schema is migrated once and the demo loaded once", { timeout: 300_000 }, async () => {
    const schema = `jiju_t_${randomBytes(6).toString("hex")}`
    const open = () => openStore({ databaseUrl: TEST_DATABASE_URL!, schema })
    const stores = await Promise.all([open(), open()])
    const servers: RunningServer[] = []
    try {
      const lines: string[][] = [[], []]
      const started = await Promise.allSettled(
        stores.map((s, i) =>
          startServer({ db: s.db, port: 0, env: { JIJU_DEMO: "1", JIJU_JOB_POLL_MS: "0" }, webDist: "/nonexistent", log: (l) => lines[i]!.push(l) }),
        ),
      )
      for (const r of started) if (r.status === "fulfilled") servers.push(r.value)
      expect(started.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"])
      const loads = lines.filter((l) => l.some((x) => x.includes("demo data loaded")))
      expect(loads).toHaveLength(1)
      const db = stores[0]!.db
      expect((await db.query<{ n: number }>("select count(*)::int as n from app_users where is_demo"))[0]!.n).toBe(3)
      expect((await db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'load_demo'"))[0]!.n).toBe(1)
      const versions = await db.query<{ version: number }>("select version from schema_migrations order by version")
      expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length)
      for (const s of servers) expect((await fetch(`${s.url}/health`)).status).toBe(200)
    } finally {
      for (const s of servers) await s.close()
      await stores[0]!.db.query(`drop schema ${schema} cascade`)
      for (const s of stores) await s.close()
    }
  })
})
