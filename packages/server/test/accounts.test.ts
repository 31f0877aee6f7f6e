import { engines } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildHttpApp, defaultHttpConfig } from "../src/HttpApp.js"
import { type Setup, setup } from "./helpers.js"

const login = (t: Setup, name: string, password: string) => t.call("POST", "/v1/auth/login", { body: { name, password } })
const cookieOf = (r: { headers: Headers }) => r.headers.get("set-cookie")!.split(";")[0]!

describe.each(engines)("accounts, sessions and tokens on %s", (engine) => {
  let t: Setup
  beforeAll(async () => {
    t = await setup(engine)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("logs in with an HttpOnly SameSite=Lax session cookie that identifies the user", async () => {
    const r = await login(t, "zone", "zone-password-1")
    expect(r.status).toBe(200)
    expect((await r.json()).user).toMatchObject({ name: "zone", role: "submitter", cluster_ids: ["hb-qibin"], locked_until: null })
    const set = r.headers.get("set-cookie")!
    expect(set).toMatch(/^jiju_session=jss_/)
    expect(set).toContain("HttpOnly")
    expect(set).toContain("SameSite=Lax")
    expect(set).not.toContain("Secure") // tests run on http://localhost
    const me = await t.call("GET", "/v1/auth/me", { headers: { cookie: cookieOf(r) } })
    expect(await me.json()).toEqual({ kind: "user", name: "zone", role: "submitter", cluster_ids: ["hb-qibin"] })
    const out = await t.call("POST", "/v1/auth/logout", { headers: { cookie: cookieOf(r) } })
    expect(out.status).toBe(204)
    expect(out.headers.get("set-cookie")).toMatch(/^jiju_session=;/)
    expect((await t.call("GET", "/v1/auth/me", { headers: { cookie: cookieOf(r) } })).status).toBe(401)
    const trail = await (await t.call("GET", "/v1/audit?entity=session&id=zone", { as: "admin" })).json()
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(["login", "logout"])
    expect(trail.items[1].actor).toBe("user:zone")
  })

  it("marks the cookie Secure when configured for production", async () => {
    const app = buildHttpApp(t.runtime, defaultHttpConfig({ secureCookies: true }))
    const r = await app.request("/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "view", password: "view-password-1" }),
    })
    expect(r.headers.get("set-cookie")).toContain("Secure")
  })

  it("stores only scrypt hashes of passwords and sha256 hashes of tokens and sessions", async () => {
    const [u] = await t.db.query<{ password_hash: string }>("select password_hash from app_users where name = 'admin'")
    expect(u!.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(u!.password_hash).not.toContain("admin-password-1")
    const tokens = await t.db.query<{ token_hash: string }>("select token_hash from app_tokens")
    expect(tokens.every((x) => /^[0-9a-f]{64}$/.test(x.token_hash))).toBe(true)
    expect(tokens.map((x) => x.token_hash)).not.toContain(t.token.admin)
    const sessions = await t.db.query<{ token_hash: string }>("select token_hash from app_sessions")
    expect(sessions.every((x) => /^[0-9a-f]{64}$/.test(x.token_hash))).toBe(true)
  })

  it("locks an account for 15 minutes after 5 failed logins, even for the right password", async () => {
    for (let i = 0; i < 4; i++) expect((await login(t, "view", "wrong")).status).toBe(401)
    const fifth = await login(t, "view", "wrong")
    expect(fifth.status).toBe(423)
    const retry = Number(fifth.headers.get("retry-after"))
    expect(retry).toBeGreaterThan(14 * 60)
    expect(retry).toBeLessThanOrEqual(15 * 60)
    const right = await login(t, "view", "view-password-1")
    expect(right.status).toBe(423)
    expect((await right.json()).code).toBe("account_locked")
    // Unknown names fail like wrong passwords (no account probing).
    const nobody = await login(t, "nobody", "x")
    expect(nobody.status).toBe(401)
    expect((await nobody.json()).code).toBe("bad_credentials")
    // Every attempt is in the audit trail, with the caller's address.
    const trail = await (await t.call("GET", "/v1/audit?entity=session&id=view", { as: "admin" })).json()
    const actions = trail.items.map((e: { action: string }) => e.action)
    expect(actions.slice(-6)).toEqual(["login_failed", "login_failed", "login_failed", "login_failed", "login_locked", "login_locked"])
    expect(trail.items.at(-1).actor).toMatch(/^ip:/)
    const users = await (await t.call("GET", "/v1/users", { as: "admin" })).json()
    expect(users.items.find((u: { name: string }) => u.name === "view").locked_until).toMatch(/^\d{4}-/)
  })

  it("lets admins mint role tokens (a submitter bound to clusters) and revoke them", async () => {
    expect((await t.call("POST", "/v1/tokens", { as: "viewer", body: { role: "viewer" } })).status).toBe(403)
    const unbound = await t.call("POST", "/v1/tokens", { as: "admin", body: { role: "submitter" } })
    expect(unbound.status).toBe(422)
    expect((await unbound.json()).code).toBe("cluster_binding")
    expect((await t.call("POST", "/v1/tokens", { as: "admin", body: { role: "root" } })).status).toBe(422)
    expect((await t.call("POST", "/v1/tokens", { as: "admin", body: { role: "submitter", cluster_ids: ["hb-nowhere"] } })).status).toBe(404)
    const made = await t.call("POST", "/v1/tokens", { as: "admin", body: { role: "submitter", cluster_ids: ["hb-xunxian"], name: "ci" } })
    expect(made.status).toBe(201)
    const { token, id, name, revoked_at } = await made.json()
    expect(token).toMatch(/^jjt_/)
    expect([name, revoked_at]).toEqual(["ci", null])
    const me = await t.call("GET", "/v1/auth/me", { headers: { authorization: `Bearer ${token}` } })
    expect(await me.json()).toMatchObject({ kind: "token", role: "submitter", cluster_ids: ["hb-xunxian"] })
    expect((await t.call("DELETE", `/v1/tokens/${id}`, { as: "viewer" })).status).toBe(403)
    expect((await t.call("DELETE", `/v1/tokens/${id}`, { as: "admin" })).status).toBe(204)
    // This process forgets the revoked token at once, though it had just read it.
    expect((await t.call("GET", "/v1/auth/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    const again = await t.call("DELETE", `/v1/tokens/${id}`, { as: "admin" })
    expect(again.status).toBe(404)
    expect((await again.json()).code).toBe("unknown_token")
    const trail = await (await t.call("GET", `/v1/audit?entity=token&id=${id}`, { as: "admin" })).json()
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(["create", "revoke"])
    expect(trail.items[0].after).not.toHaveProperty("token")
  })

  it("lets admins create accounts, refusing weak passwords and duplicate names", async () => {
    const body = { name: "li.si", role: "viewer", password: "a-long-password" }
    expect((await t.call("POST", "/v1/users", { as: "submitter", body })).status).toBe(403)
    expect((await t.call("POST", "/v1/users", { as: "admin", body: { ...body, password: "short" } })).status).toBe(422)
    expect((await t.call("POST", "/v1/users", { as: "admin", body: { ...body, name: "a b" } })).status).toBe(422)
    const r = await t.call("POST", "/v1/users", { as: "admin", body })
    expect(r.status).toBe(201)
    const user = await r.json()
    expect(user).not.toHaveProperty("password_hash")
    expect(user).not.toHaveProperty("passwordHash")
    expect(user).toMatchObject({ name: "li.si", role: "viewer", cluster_ids: [], is_demo: false })
    const dup = await t.call("POST", "/v1/users", { as: "admin", body })
    expect(dup.status).toBe(409)
    expect((await dup.json()).code).toBe("duplicate_user")
    expect((await login(t, "li.si", "a-long-password")).status).toBe(200)
    const users = await (await t.call("GET", "/v1/users", { as: "admin" })).json()
    expect(users.items.map((u: { name: string }) => u.name)).toContain("li.si")
    expect((await t.call("GET", "/v1/users", { as: "viewer" })).status).toBe(403)
    expect((await t.call("GET", "/v1/users")).status).toBe(401)
  })

  it("rate-limits per caller with 429 and Retry-After", async () => {
    const app = buildHttpApp(t.runtime, defaultHttpConfig({ rateLimit: { capacity: 3, perSecond: 0.5 } }))
    const statuses: number[] = []
    let retry: string | null = null
    for (let i = 0; i < 5; i++) {
      const r = await app.request("/v1/regions", { headers: { authorization: `Bearer ${t.token.viewer}` } })
      statuses.push(r.status)
      if (r.status === 429) retry = r.headers.get("retry-after")
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    expect(Number(retry)).toBeGreaterThanOrEqual(1)
    // Another caller has its own bucket.
    expect((await app.request("/v1/regions", { headers: { authorization: `Bearer ${t.token.admin}` } })).status).toBe(200)
  })

  it("answers CORS only for the configured web origin", async () => {
    const app = buildHttpApp(t.runtime, defaultHttpConfig({ webOrigin: "https://jiju.example" }))
    const ok = await app.request("/v1/regions", { method: "OPTIONS", headers: { origin: "https://jiju.example", "access-control-request-method": "GET" } })
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://jiju.example")
    const other = await app.request("/v1/regions", { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "GET" } })
    expect(other.headers.get("access-control-allow-origin")).toBeNull()
    const none = await t.call("GET", "/v1/regions", { as: "viewer", headers: { origin: "https://jiju.example" } })
    expect(none.headers.get("access-control-allow-origin")).toBeNull()
  })
})
