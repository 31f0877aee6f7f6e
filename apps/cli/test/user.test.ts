import { makeUsers } from "@jiju/store"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeRestoredStoreEnv, type makeStoreEnv } from "./storeEnv.js"

// Each CLI call opens the on-disk store: allow for a busy machine.
const SLOW = { timeout: 240_000 }

describe.each(engines)("jiju user on %s", (engine) => {
  let env: Record<string, string>
  let open: Awaited<ReturnType<typeof makeStoreEnv>>["open"]
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ env, open, dispose } = await makeRestoredStoreEnv(engine))
  }, SLOW.timeout)
  afterAll(() => dispose(), SLOW.timeout)

  it("creates a submitter bound to a cluster whose password then logs in", SLOW, async () => {
    const r = await runCli(["user", "create", "wang.wu", "--role", "submitter", "--cluster", "hb-jinshan", "--password", "correct-horse-1", "--json"], env)
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const doc = r.json() as { user: { name: string; role: string; clusterIds: string[] }; password?: string }
    expect(doc.user).toMatchObject({ name: "wang.wu", role: "submitter", clusterIds: ["hb-jinshan"] })
    expect(doc).not.toHaveProperty("password")
    const store = await open()
    try {
      const users = makeUsers(store.db)
      expect((await users.login("wang.wu", "correct-horse-1")).ok).toBe(true)
      expect((await users.login("wang.wu", "wrong")).ok).toBe(false)
    } finally {
      await store.close()
    }
  })

  it("generates and prints a password when none is given", SLOW, async () => {
    const r = await runCli(["user", "create", "zhao", "--role", "viewer", "--json"], env)
    expect(r.code).toBe(0)
    const doc = r.json() as { password: string }
    expect(doc.password.length).toBeGreaterThanOrEqual(12)
    const list = await runCli(["user", "list", "--json"], env)
    expect((list.json() as { users: Array<{ name: string }> }).users.map((u) => u.name)).toEqual(["wang.wu", "zhao"])
  })

  it("refuses bad roles, missing or stray clusters, unknown clusters, short passwords and duplicates", SLOW, async () => {
    expect((await runCli(["user", "create", "x1", "--role", "root"], env)).code).toBe(2)
    expect((await runCli(["user", "create", "x1", "--role", "submitter"], env)).code).toBe(2)
    expect((await runCli(["user", "create", "x1", "--role", "viewer", "--cluster", "hb-jinshan"], env)).code).toBe(2)
    expect((await runCli(["user", "create", "x1", "--role", "viewer", "--password", "short"], env)).code).toBe(2)
    const unknown = await runCli(["user", "create", "x1", "--role", "submitter", "--cluster", "hb-nowhere", "--json"], env)
    expect(unknown.code).toBe(1)
    expect((unknown.json() as { error: { code: string } }).error.code).toBe("unknown_cluster")
    const dup = await runCli(["user", "create", "zhao", "--role", "viewer", "--json"], env)
    expect(dup.code).toBe(1)
    expect((dup.json() as { error: { code: string } }).error.code).toBe("duplicate_user")
    expect((await runCli(["user", "frobnicate"], env)).code).toBe(2)
  })
  it("unlocks a name, lists and ends sessions, sets a password and disables an account", SLOW, async () => {
    const store = await open()
    try {
      const users = makeUsers(store.db)
      for (let i = 0; i < 5; i++) await users.login("zhao", "wrong-password", "203.0.113.5")
      expect(await users.login("zhao", "anything", "203.0.113.5")).toMatchObject({ ok: false, reason: "throttled" })
      expect((await users.login("wang.wu", "correct-horse-1", "198.51.100.1")).ok).toBe(true)
      expect((await users.login("wang.wu", "correct-horse-1", "198.51.100.1")).ok).toBe(true)
    } finally {
      await store.close()
    }
    expect((await runCli(["user", "unlock", "zhao", "--json"], env)).json()).toEqual({ name: "zhao", addresses: 1 })
    expect((await runCli(["user", "unlock", "nobody", "--json"], env)).json()).toMatchObject({ error: { code: "unknown_user" } })

    const listed = (await runCli(["user", "sessions", "wang.wu", "--json"], env)).json() as { sessions: Array<{ id: string }> }
    // Two sessions opened here, one by the first test.
    expect(listed.sessions).toHaveLength(3)
    expect((await runCli(["user", "sessions", "wang.wu", "--end", listed.sessions[0]!.id, "--json"], env)).json()).toEqual({ ended: 1 })
    expect(((await runCli(["user", "sessions", "wang.wu", "--json"], env)).json() as { sessions: unknown[] }).sessions).toHaveLength(2)

    expect((await runCli(["user", "passwd", "wang.wu", "--password", "short"], env)).code).toBe(2)
    expect((await runCli(["user", "passwd", "wang.wu", "--password", "battery-staple-2", "--json"], env)).json()).toEqual({ name: "wang.wu" })
    expect(((await runCli(["user", "sessions", "wang.wu", "--json"], env)).json() as { sessions: unknown[] }).sessions).toHaveLength(0)
    const again = await open()
    try {
      const users = makeUsers(again.db)
      expect((await users.login("wang.wu", "correct-horse-1")).ok).toBe(false)
      expect((await users.login("wang.wu", "battery-staple-2")).ok).toBe(true)
      expect((await users.login("zhao", "wrong-password", "203.0.113.5")).ok).toBe(false)
    } finally {
      await again.close()
    }
    expect((await runCli(["user", "disable", "wang.wu", "--json"], env)).json()).toEqual({ disabled: "wang.wu" })
    const after = await open()
    try {
      expect((await makeUsers(after.db).login("wang.wu", "battery-staple-2")).ok).toBe(false)
      expect(await after.db.query("select 1 from app_sessions s join app_users u on u.id = s.user_id where u.name = 'wang.wu'")).toEqual([])
    } finally {
      await after.close()
    }
    const list = (await runCli(["user", "list", "--json"], env)).json() as { users: Array<{ name: string }> }
    expect(list.users.map((u) => u.name)).not.toContain("wang.wu")
  })
})
