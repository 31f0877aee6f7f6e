import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "../src/app.js"
import { backends, type Setup, setup } from "./helpers.js"

const login = (t: Setup, name: string, password: string) => t.call("POST", "/v1/auth/login", { body: { name, password } })
const cookieOf = (r: { headers: Headers }) => r.headers.get("set-cookie")!.split(";")[0]!

describe.each(backends)("accounts, sessions and tokens on $name", (backend) => {
  let t: Setup
  beforeAll(async () => {
    t = await setup(backend)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("logs in with an HttpOnly SameSite=Lax session cookie that identifies the user", async () => {
    const r = await login(t, "zone", "zone-password-1")
    expect(r.status).toBe(200)
    expect((await r.json()).user).toMatchObject({ name: "zone", role: "submitter", clusterIds: ["hb-qibin"] })
    const set = r.headers.get("set-cookie")!
    expect(set).toMatch(/^jiju_session=jss_/)
    expect(set).toContain("HttpOnly")
    expect(set).toContain("SameSite=Lax")
    expect(set).not.toContain("Secure") // tests run on http://localhost
    const me = await t.call("GET", "/v1/auth/me", { headers: { cookie: cookieOf(r) } })
    expect(await me.json()).toMatchObject({ kind: "user", name: "zone", role: "submitter" })
    const out = await t.call("POST", "/v1/auth/logout", { headers: { cookie: cookieOf(r) } })
    expect(out.status).toBe(204)
    expect((await t.call("GET", "/v1/auth/me", { headers: { cookie: cookieOf(r) } })).status).toBe(401)
  })

  it("marks the cookie Secure when configured for production", async () => {
    const app = makeApp({ db: t.store.db, config: { secureCookies: true } })
    const r = await app.request("/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "view", password: "view-password-1" }),
    })
    expect(r.headers.get("set-cookie")).toContain("Secure")
  })

  it("stores only scrypt hashes of passwords and sha256 hashes of tokens and sessions", async () => {
    const [u] = await t.store.db.query<{ password_hash: string }>("select password_hash from app_users where name = 'admin'")
    expect(u!.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(u!.password_hash).not.toContain("admin-password-1")
    const tokens = await t.store.db.query<{ token_hash: string }>("select token_hash from app_tokens")
    expect(tokens.every((x) => /^[0-9a-f]{64}$/.test(x.token_hash))).toBe(true)
    expect(tokens.map((x) => x.token_hash)).not.toContain(t.token.admin)
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
    expect((await login(t, "nobody", "x")).status).toBe(401)
    // Every attempt is in the audit trail, with the caller's address.
    const trail = await (await t.call("GET", "/v1/audit?entity=session&id=view", { as: "admin" })).json()
    const actions = trail.items.map((e: { action: string }) => e.action)
    expect(actions.slice(-6)).toEqual(["login_failed", "login_failed", "login_failed", "login_failed", "login_locked", "login_locked"])
    expect(trail.items.at(-1).actor).toMatch(/^ip:/)
  })

  it("lets admins mint role tokens (a submitter bound to clusters) and revoke them", async () => {
    expect((await t.call("POST", "/v1/tokens", { as: "viewer", body: { role: "viewer" } })).status).toBe(403)
    expect((await t.call("POST", "/v1/tokens", { as: "admin", body: { role: "submitter" } })).status).toBe(422)
    expect((await t.call("POST", "/v1/tokens", { as: "admin", body: { role: "root" } })).status).toBe(422)
    const made = await t.call("POST", "/v1/tokens", { as: "admin", body: { role: "submitter", clusterIds: ["hb-xunxian"] } })
    expect(made.status).toBe(201)
    const { token, id } = await made.json()
    expect(token).toMatch(/^jjt_/)
    const me = await t.call("GET", "/v1/auth/me", { headers: { authorization: `Bearer ${token}` } })
    expect(await me.json()).toMatchObject({ kind: "token", role: "submitter", clusterIds: ["hb-xunxian"] })
    expect((await t.call("DELETE", `/v1/tokens/${id}`, { as: "admin" })).status).toBe(204)
    expect((await t.call("GET", "/v1/auth/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    expect((await t.call("DELETE", `/v1/tokens/${id}`, { as: "admin" })).status).toBe(404)
  })

  it("lets admins create accounts, refusing weak passwords and duplicate names", async () => {
    const body = { name: "li.si", role: "viewer", password: "a-long-password" }
    expect((await t.call("POST", "/v1/users", { as: "submitter", body })).status).toBe(403)
    expect((await t.call("POST", "/v1/users", { as: "admin", body: { ...body, password: "short" } })).status).toBe(422)
    const r = await t.call("POST", "/v1/users", { as: "admin", body })
    expect(r.status).toBe(201)
    expect(await r.json()).not.toHaveProperty("passwordHash")
    expect((await t.call("POST", "/v1/users", { as: "admin", body })).status).toBe(409)
    expect((await login(t, "li.si", "a-long-password")).status).toBe(200)
    const users = await (await t.call("GET", "/v1/users", { as: "admin" })).json()
    expect(users.items.map((u: { name: string }) => u.name)).toContain("li.si")
  })

  it("rate-limits per caller with 429 and Retry-After", async () => {
    const app = makeApp({ db: t.store.db, config: { rateLimit: { capacity: 3, perSecond: 0.5 } } })
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
    const app = makeApp({ db: t.store.db, config: { webOrigin: "https://jiju.example" } })
    const ok = await app.request("/v1/regions", { method: "OPTIONS", headers: { origin: "https://jiju.example", "access-control-request-method": "GET" } })
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://jiju.example")
    const other = await app.request("/v1/regions", { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "GET" } })
    expect(other.headers.get("access-control-allow-origin")).toBeNull()
    const none = await t.call("GET", "/v1/regions", { as: "viewer", headers: { origin: "https://jiju.example" } })
    expect(none.headers.get("access-control-allow-origin")).toBeNull()
  })
})
