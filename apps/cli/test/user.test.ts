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
})
