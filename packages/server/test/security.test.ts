import { type AppRuntime, makeAppRuntime } from "@jiju/app"
import { jijuApi } from "@jiju/domain/contract"
import { makeTokens, makeUsers } from "@jiju/store"
import { openTestStore } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildHttpApp, SESSION_COOKIE } from "../src/HttpApp.js"

describe("HTTP hardening", () => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let runtime: AppRuntime
  let app: ReturnType<typeof buildHttpApp>
  let admin = ""
  let cookie = ""
  beforeAll(async () => {
    t = await openTestStore("pglite")
    await t.store.regions.upsert([{ code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false }] as never)
    admin = (await makeTokens(t.db).create({ role: "admin" })).token
    const users = makeUsers(t.db)
    await users.create({ name: "boss", role: "admin", password: "boss-password-1" })
    const login = await users.login("boss", "boss-password-1")
    if (!login.ok) throw new Error("login failed")
    cookie = `${SESSION_COOKIE}=${login.session}`
    runtime = await makeAppRuntime({ db: t.db })
    app = buildHttpApp(runtime, undefined, { onInternalError: () => undefined })
  })
  afterAll(async () => {
    await runtime?.dispose()
    await t?.dispose()
  })

  const region = { code: "410100", name: "郑州市", level: "prefecture", parent: "410000", macro_zone: "central", is_district: false }

  it("refuses a cross-site cookie write on every write route the contract declares, before any use case", async () => {
    const writes = Object.values(jijuApi).filter((e) => e.method !== "get")
    expect(writes.length).toBeGreaterThan(30)
    const before = await t.db.query<{ n: number }>("select count(*)::int as n from audit_log")
    const answers: string[] = []
    for (const e of writes) {
      const url = `http://jiju.test${e.path.replace(/\{[^}]+\}/g, "x")}`
      const res = await app.request(url, {
        method: e.method.toUpperCase(),
        headers: { cookie, origin: "http://evil.example", "content-type": "application/json", "if-match": '"v1"' },
        body: "{}",
      })
      const code = res.status === 403 ? ((await res.json()) as { code: string }).code : ""
      answers.push(`${e.method} ${e.path} ${res.status} ${code}`)
    }
    expect(answers.filter((a) => !a.endsWith(" 403 cross_site"))).toEqual([])
    expect(await t.db.query<{ n: number }>("select count(*)::int as n from audit_log")).toEqual(before)
  })

  it("refuses cookie-authenticated writes from another site, and allows same-origin ones", async () => {
    const post = (headers: Record<string, string>) =>
      app.request("http://jiju.test/v1/regions", {
        method: "POST",
        headers: { cookie, "content-type": "application/json", ...headers },
        body: JSON.stringify(region),
      })
    const evil = await post({ origin: "http://evil.example" })
    expect(evil.status).toBe(403)
    expect(((await evil.json()) as { code: string }).code).toBe("cross_site")
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403)
    expect((await post({ origin: "null" })).status).toBe(403)
    // The text/plain trick of a cross-site form never reaches a use case either.
    const plain = await app.request("http://jiju.test/v1/regions", {
      method: "POST",
      headers: { cookie, "content-type": "text/plain" },
      body: JSON.stringify(region),
    })
    expect(plain.status).toBe(415)
    const publishLike = await app.request("http://jiju.test/v1/regions/410000/archive", {
      method: "POST",
      headers: { cookie, origin: "http://evil.example", "if-match": '"v1"' },
    })
    expect(publishLike.status).toBe(403)
    expect((await t.store.regions.get("410000"))?.archivedAt).toBeNull()
    const same = await post({ origin: "http://jiju.test", "sec-fetch-site": "same-origin" })
    expect(same.status).toBe(201)
    // A script with a bearer token is no browser: no Origin needed.
    const scripted = await app.request("http://jiju.test/v1/regions/410100", {
      method: "PUT",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json", "if-match": '"v1"' },
      body: JSON.stringify({ ...region, name: "郑州" }),
    })
    expect(scripted.status).toBe(200)
  })

  it("refuses NUL characters and lone surrogates with 422 naming the field, and writes nothing", async () => {
    for (const name of ["郑\u0000州", "郑\uD800州", "\uDC00"]) {
      const r = await app.request("/v1/regions", {
        method: "POST",
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
        body: JSON.stringify({ ...region, code: "410200", name }),
      })
      expect(r.status).toBe(422)
      const p = (await r.json()) as { code: string; errors: Array<{ column: string }> }
      expect(p.code).toBe("bad_text")
      expect(p.errors[0]?.column).toBe("name")
    }
    expect(await t.store.regions.get("410200")).toBeUndefined()
    const q = await app.request(`/v1/regions?q=${encodeURIComponent("a\u0000b")}`, { headers: { authorization: `Bearer ${admin}` } })
    expect(q.status).toBe(422)
  })

  it("sends nosniff everywhere, no-store on authenticated data, and a strict CSP on the reference page", async () => {
    const data = await app.request("/v1/regions", { headers: { authorization: `Bearer ${admin}` } })
    expect(data.headers.get("x-content-type-options")).toBe("nosniff")
    expect(data.headers.get("cache-control")).toBe("no-store")
    const problem = await app.request("/v1/regions")
    expect(problem.status).toBe(401)
    expect(problem.headers.get("x-content-type-options")).toBe("nosniff")
    const docs = await app.request("/v1/docs")
    const csp = docs.headers.get("content-security-policy") ?? ""
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(await docs.text()).not.toMatch(/<script>/)
    expect(docs.headers.get("referrer-policy")).toBe("no-referrer")
  })
})
