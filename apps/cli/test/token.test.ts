import { makeAppRuntime } from "@jiju/app"
import { buildHttpApp } from "@jiju/server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeRestoredStoreEnv, type makeStoreEnv } from "./storeEnv.js"

const SLOW = { timeout: 240_000 }

describe.each(engines)("jiju token on %s", (engine) => {
  let env: Record<string, string>
  let open: Awaited<ReturnType<typeof makeStoreEnv>>["open"]
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ env, open, dispose } = await makeRestoredStoreEnv(engine))
  }, SLOW.timeout)
  afterAll(() => dispose(), SLOW.timeout)

  it('prints {"token"} that the API accepts with the token\'s role and cluster', SLOW, async () => {
    const sub = await runCli(["token", "create", "--role", "submitter", "--cluster", "hb-jinshan", "--json"], env)
    expect(sub.code).toBe(0)
    const doc = sub.json() as Record<string, string>
    expect(Object.keys(doc)).toEqual(["token"])
    expect(doc.token).toMatch(/^jjt_[A-Za-z0-9_-]{43}$/)
    const viewer = (await runCli(["token", "create", "--role", "viewer", "--json"], env)).json() as { token: string }
    const store = await open()
    const runtime = await makeAppRuntime({ db: store.db })
    try {
      const app = buildHttpApp(runtime)
      const me = await app.request("/v1/auth/me", { headers: { authorization: `Bearer ${doc.token}` } })
      expect(await me.json()).toMatchObject({ role: "submitter", cluster_ids: ["hb-jinshan"] })
      const submit = (token: string, cluster: string) =>
        app.request(`/v1/clusters/${cluster}/observations`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ period: "2020", values: { revenue: 12 } }),
        })
      expect((await submit(doc.token!, "hb-jinshan")).status).toBe(201)
      expect((await submit(doc.token!, "hb-liyang")).status).toBe(403)
      expect((await submit(viewer.token, "hb-liyang")).status).toBe(403)
      // Only the hash is stored.
      const rows = await store.db.query<{ token_hash: string }>("select token_hash from app_tokens")
      expect(rows.some((r) => r.token_hash === doc.token)).toBe(false)
    } finally {
      await runtime.dispose()
      await store.close()
    }
  })

  it("refuses a submitter token without a cluster and unknown roles", SLOW, async () => {
    expect((await runCli(["token", "create", "--role", "submitter", "--json"], env)).code).toBe(2)
    expect((await runCli(["token", "create", "--role", "god", "--json"], env)).code).toBe(2)
    expect((await runCli(["token", "create", "--json"], env)).code).toBe(2)
    const unknown = await runCli(["token", "create", "--role", "submitter", "--cluster", "nope", "--json"], env)
    expect(unknown.code).toBe(1)
    expect((await runCli(["token", "revoke", "tok_nothing"], env)).code).toBe(1)
  })
})
