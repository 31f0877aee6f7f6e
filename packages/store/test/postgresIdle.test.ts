import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openPostgres } from "../src/db/postgres.js"
import { TEST_DATABASE_URL } from "./engines.js"

// A server restart, failover or an administrator's pg_terminate_backend ends the connections a pool keeps idle.
describe.skipIf(!TEST_DATABASE_URL)("an idle PostgreSQL connection the server ends", () => {
  let admin: pg.Client
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL! })
    await admin.connect()
  })
  afterAll(() => admin.end())

  const pidOf = async (db: Awaited<ReturnType<typeof openPostgres>>) => (await db.query<{ pid: number }>("select pg_backend_pid() as pid"))[0]!.pid

  it("is reported, dropped from the pool, and the next query reconnects", async () => {
    const lost: Error[] = []
    let told = () => {}
    const reported = new Promise<void>((resolve) => (told = resolve))
    const db = await openPostgres(TEST_DATABASE_URL!, {
      max: 1,
      onIdleError: (e) => {
        lost.push(e)
        told()
      },
    })
    try {
      const before = await pidOf(db)
      const [killed] = (await admin.query<{ ok: boolean }>("select pg_terminate_backend($1) as ok", [before])).rows
      expect(killed!.ok).toBe(true)
      await reported
      expect(lost.map((e) => (e as { code?: string }).code)).toEqual(["57P01"])
      const after = await pidOf(db)
      expect(after).not.toBe(before)
      expect(await db.query<{ n: number }>("select 1 + 1 as n")).toEqual([{ n: 2 }])
    } finally {
      await db.close()
    }
  })

  it("ended while the pool closes is not reported", async () => {
    const lost: Error[] = []
    const db = await openPostgres(TEST_DATABASE_URL!, { max: 2, onIdleError: (e) => lost.push(e) })
    const pids = await Promise.all([pidOf(db), db.transaction((tx) => pidOf(tx))])
    // As a test's `drop database … with (force)` right after closing: the server ends backends the pool is letting go.
    const closed = db.close()
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where pid = any($1::int[])", [pids])
    await closed
    await new Promise((r) => setTimeout(r, 100))
    expect(lost).toEqual([])
  })
})
