import { engines } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cluster, type Setup, setup } from "./helpers.js"

describe.each(engines)("register on %s", (engine) => {
  let t: Setup
  beforeAll(async () => {
    t = await setup(engine)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("answers /health and /ready without credentials", async () => {
    expect(await (await t.call("GET", "/health")).json()).toEqual({ status: "ok" })
    const ready = await t.call("GET", "/ready")
    expect(ready.status).toBe(200)
    expect((await ready.json()).status).toBe("ready")
  })

  it("refuses anonymous reads with a 401 problem in Chinese by default, English on request", async () => {
    const zh = await t.call("GET", "/v1/clusters")
    expect(zh.status).toBe(401)
    expect(zh.headers.get("content-type")).toContain("application/problem+json")
    const p = await zh.json()
    expect(p).toMatchObject({ status: 401, code: "unauthorized", title: "需要登录" })
    const en = await t.call("GET", "/v1/clusters", { headers: { "accept-language": "en-US,en;q=0.9" } })
    expect((await en.json()).title).toBe("Authentication required")
  })

  it("rejects an unknown bearer token", async () => {
    const r = await t.call("GET", "/v1/regions", { headers: { authorization: "Bearer jjt_nope" } })
    expect(r.status).toBe(401)
    expect((await r.json()).code).toBe("bad_token")
  })

  it("lists regions with filters, sorting and cursor pages", async () => {
    const all = await (await t.call("GET", "/v1/regions?level=county", { as: "viewer" })).json()
    expect(all.items.map((r: { code: string }) => r.code)).toEqual(["410611", "410621"])
    const p1 = await (await t.call("GET", "/v1/regions?sort=-code&limit=3", { as: "viewer" })).json()
    expect(p1.items.map((r: { code: string }) => r.code)).toEqual(["410621", "410611", "410600"])
    expect(p1.total).toBe(4)
    const p2 = await (await t.call("GET", `/v1/regions?sort=-code&limit=3&cursor=${p1.next_cursor}`, { as: "viewer" })).json()
    expect(p2.items.map((r: { code: string }) => r.code)).toEqual(["410000"])
    expect(p2.next_cursor).toBeNull()
    const q = await (await t.call("GET", `/v1/regions?q=${encodeURIComponent("浚")}`, { as: "viewer" })).json()
    expect(q.items.map((r: { code: string }) => r.code)).toEqual(["410621"])
    expect((await t.call("GET", "/v1/regions?sort=colour", { as: "viewer" })).status).toBe(422)
    expect((await t.call("GET", "/v1/regions?cursor=xyz", { as: "viewer" })).status).toBe(422)
    expect((await t.call("GET", "/v1/regions?level=galaxy", { as: "viewer" })).status).toBe(422)
  })

  it("reads a region with an ETag and replaces it only with the matching If-Match", async () => {
    const r = await t.call("GET", "/v1/regions/410621", { as: "viewer" })
    const etag = r.headers.get("etag")!
    expect(etag).toMatch(/^"v\d+"$/)
    const region = await r.json()
    const changed = { ...region, name_en: "Xun County" }
    expect((await t.call("PUT", "/v1/regions/410621", { as: "viewer", body: changed, headers: { "if-match": etag } })).status).toBe(403)
    expect((await t.call("PUT", "/v1/regions/410621", { as: "admin", body: changed })).status).toBe(428)
    expect((await t.call("PUT", "/v1/regions/410621", { as: "admin", body: changed, headers: { "if-match": '"hstale"' } })).status).toBe(412)
    expect((await t.call("PUT", "/v1/regions/410621", { as: "admin", body: changed, headers: { "if-match": '"v99"' } })).status).toBe(412)
    const ok = await t.call("PUT", "/v1/regions/410621", { as: "admin", body: changed, headers: { "if-match": etag } })
    expect(ok.status).toBe(200)
    expect((await (await t.call("GET", "/v1/regions/410621", { as: "viewer" })).json()).name_en).toBe("Xun County")
    expect((await t.call("GET", "/v1/regions/999999", { as: "viewer" })).status).toBe(404)
  })

  it("creates regions (admin only), refusing duplicates and unknown parents", async () => {
    const body = { code: "410622", name: "淇县", level: "county", parent: "410600", macro_zone: "central", is_district: false }
    expect((await t.call("POST", "/v1/regions", { as: "submitter", body })).status).toBe(403)
    const r = await t.call("POST", "/v1/regions", { as: "admin", body })
    expect(r.status).toBe(201)
    expect(r.headers.get("location")).toBe("/v1/regions/410622")
    expect((await t.call("POST", "/v1/regions", { as: "admin", body })).status).toBe(409)
    const orphan = await t.call("POST", "/v1/regions", { as: "admin", body: { ...body, code: "410623", parent: "419900" } })
    expect(orphan.status).toBe(422)
    const bad = await t.call("POST", "/v1/regions", { as: "admin", body: { ...body, code: "12" } })
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors[0].column).toBe("code")
  })

  it("lists, reads, creates, updates and archives clusters with optimistic concurrency and an audit trail", async () => {
    const list = await (await t.call("GET", "/v1/clusters?group=county", { as: "viewer" })).json()
    expect(list.items.map((c: { id: string }) => c.id)).toEqual(["hb-xunxian"])
    const byRegion = await (await t.call("GET", "/v1/clusters?region=410600", { as: "viewer" })).json()
    expect(byRegion.total).toBe(2)

    const created = await t.call("POST", "/v1/clusters", { as: "admin", body: cluster("hb-new", "410621") })
    expect(created.status).toBe(201)
    expect(created.headers.get("etag")).toBe('"v1"')
    expect(created.headers.get("location")).toBe("/v1/clusters/hb-new")
    expect((await t.call("POST", "/v1/clusters", { as: "admin", body: cluster("hb-new", "410621") })).status).toBe(409)
    expect((await t.call("POST", "/v1/clusters", { as: "admin", body: cluster("hb-x2", "419999") })).status).toBe(422)

    const upd = { ...cluster("hb-new", "410621"), planned_area: 20 }
    const u = await t.call("PUT", "/v1/clusters/hb-new", { as: "admin", body: upd, headers: { "if-match": '"v1"' } })
    expect(u.status).toBe(200)
    expect(u.headers.get("etag")).toBe('"v2"')
    expect((await u.json()).planned_area).toBe(20)
    const stale = await t.call("PUT", "/v1/clusters/hb-new", { as: "admin", body: upd, headers: { "if-match": '"v1"' } })
    expect(stale.status).toBe(412)
    expect(stale.headers.get("etag")).toBe('"v2"')
    expect((await t.call("PUT", "/v1/clusters/hb-new", { as: "admin", body: upd })).status).toBe(428)
    expect((await t.call("PUT", "/v1/clusters/hb-other", { as: "admin", body: upd, headers: { "if-match": '"v1"' } })).status).toBe(422)

    const a = await t.call("POST", "/v1/clusters/hb-new/archive", { as: "admin", headers: { "if-match": '"v2"' } })
    expect(a.status).toBe(200)
    expect((await a.json()).archived_at).not.toBeNull()
    const after = await (await t.call("GET", "/v1/clusters", { as: "viewer" })).json()
    expect(after.items.map((c: { id: string }) => c.id)).not.toContain("hb-new")
    const archived = await (await t.call("GET", "/v1/clusters?archived=only", { as: "viewer" })).json()
    expect(archived.items.map((c: { id: string }) => c.id)).toEqual(["hb-new"])
    const sorted = await (await t.call("GET", "/v1/clusters?sort=-planned_area&archived=include", { as: "viewer" })).json()
    expect(sorted.items[0].id).toBe("hb-new")

    const hist = await (await t.call("GET", "/v1/clusters/hb-new/history", { as: "admin" })).json()
    expect(hist.items.map((e: { action: string }) => e.action)).toEqual(["create", "update", "archive"])
    expect(hist.items[1].before.plannedArea).toBe(12.5)
    expect(hist.items[1].after.plannedArea).toBe(20)
    expect(hist.items[0].actor).toMatch(/^token:/)
    expect(hist.items[0].entity_id).toBe("hb-new")
    expect((await t.call("GET", "/v1/clusters/hb-new/history", { as: "viewer" })).status).toBe(403)
  })

  it("serves the indicator catalogue and lets admins add indicators", async () => {
    const p = await (await t.call("GET", "/v1/indicators?subsystem=finance&limit=500", { as: "viewer" })).json()
    expect(p.items.length).toBeGreaterThan(0)
    expect(p.items.every((i: { subsystem: string }) => i.subsystem === "finance")).toBe(true)
    const def = {
      code: "zz_test",
      zh: "测试",
      en: "Test",
      unit: "个",
      unit_en: "items",
      direction: "positive",
      subsystem: "scale",
      frequency: "year",
      allow_negative: false,
    }
    expect((await t.call("POST", "/v1/indicators", { as: "viewer", body: def })).status).toBe(403)
    const made = await t.call("POST", "/v1/indicators", { as: "admin", body: def })
    expect(made.status).toBe(201)
    expect(made.headers.get("location")).toBe("/v1/indicators/zz_test")
    expect((await t.call("POST", "/v1/indicators", { as: "admin", body: def })).status).toBe(409)
    const r = await t.call("GET", "/v1/indicators/zz_test", { as: "viewer" })
    const etag = r.headers.get("etag")!
    expect((await t.call("PUT", "/v1/indicators/zz_test", { as: "admin", body: { ...def, zh: "测试二" }, headers: { "if-match": etag } })).status).toBe(200)
    expect((await t.call("PUT", "/v1/indicators/zz_test", { as: "admin", body: def, headers: { "if-match": etag } })).status).toBe(412)
    expect((await t.call("GET", "/v1/indicators/zz_nothing", { as: "viewer" })).status).toBe(404)
    // A camelCase field is named with its wire spelling.
    const camel = await t.call("POST", "/v1/indicators", { as: "admin", body: { ...def, code: "zz_camel", unitEn: "items", unit_en: undefined } })
    expect(camel.status).toBe(422)
    expect((await camel.json()).code).toBe("wrong_case")
  })

  it("archives a region (If-Match, admins only, audited): kept, readable, left out of lists unless asked", async () => {
    const r = await t.call("GET", "/v1/regions/410621", { as: "viewer" })
    const etag = r.headers.get("etag")!
    expect((await r.json()).archived_at).toBeNull()
    expect((await t.call("POST", "/v1/regions/410621/archive", { as: "viewer", headers: { "if-match": etag } })).status).toBe(403)
    expect((await t.call("POST", "/v1/regions/410621/archive", { as: "admin" })).status).toBe(428)
    expect((await t.call("POST", "/v1/regions/410621/archive", { as: "admin", headers: { "if-match": '"hstale"' } })).status).toBe(412)
    const a = await t.call("POST", "/v1/regions/410621/archive", { as: "admin", headers: { "if-match": etag } })
    expect(a.status).toBe(200)
    const archived = await a.json()
    expect(archived.archived_at).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(a.headers.get("etag")).not.toBe(etag)
    const codes = async (q: string) =>
      ((await (await t.call("GET", `/v1/regions${q}`, { as: "viewer" })).json()).items as Array<{ code: string }>).map((x) => x.code)
    const counties = await codes("?level=county&archived=include")
    expect(counties).toContain("410621")
    expect(await codes("?level=county")).toEqual(counties.filter((c) => c !== "410621"))
    expect(await codes("?archived=only")).toEqual(["410621"])
    // The entry is still there, and the cluster in it is untouched.
    expect((await t.call("GET", "/v1/regions/410621", { as: "viewer" })).status).toBe(200)
    expect((await t.call("GET", "/v1/clusters/hb-xunxian", { as: "viewer" })).status).toBe(200)
    // A client may send back what it read, version and archived_at included: they are ignored.
    const edited = await t.call("PUT", "/v1/regions/410621", {
      as: "admin",
      body: { ...archived, name_en: "Xun" },
      headers: { "if-match": a.headers.get("etag")! },
    })
    expect(edited.status).toBe(200)
    expect((await edited.json()).archived_at).toBe(archived.archived_at)
    const back = await t.call("POST", "/v1/regions/410621/unarchive", { as: "admin", headers: { "if-match": edited.headers.get("etag")! } })
    expect((await back.json()).archived_at).toBeNull()
    expect(await codes("?level=county")).toEqual(counties)
    const history = await (await t.call("GET", "/v1/audit?entity=region&id=410621", { as: "admin" })).json()
    expect(history.items.map((h: { action: string }) => h.action).slice(-3)).toEqual(["archive", "update", "unarchive"])
    expect((await t.call("GET", "/v1/audit?entity=region&id=410621", { as: "viewer" })).status).toBe(403)
    expect((await t.call("GET", "/v1/audit?entity=region", { as: "admin" })).status).toBe(422)
    expect((await t.call("POST", "/v1/regions/999999/archive", { as: "admin", headers: { "if-match": '"v1"' } })).status).toBe(404)
  })

  it("archives an indicator: kept with its data, closed to new submissions, open again when brought back", async () => {
    const r = await t.call("GET", "/v1/indicators/patents_granted", { as: "viewer" })
    const a = await t.call("POST", "/v1/indicators/patents_granted/archive", { as: "admin", headers: { "if-match": r.headers.get("etag")! } })
    expect(a.status).toBe(200)
    const listed = await (await t.call("GET", "/v1/indicators?limit=500", { as: "viewer" })).json()
    expect(listed.items.some((i: { code: string }) => i.code === "patents_granted")).toBe(false)
    const refused = await t.call("POST", "/v1/clusters/hb-qibin/observations", {
      as: "submitter",
      body: { period: "2019", values: { patents_granted: 3, revenue: 1 } },
    })
    expect(refused.status).toBe(422)
    const problem = await refused.json()
    expect(problem.errors.map((e: { column: string }) => e.column)).toEqual(["values.patents_granted"])
    expect(problem.errors[0].code).toBe("indicator_archived")
    expect(problem.detail).toContain("已归档")
    // Nothing of the refused submission was written.
    expect((await (await t.call("GET", "/v1/clusters/hb-qibin/observations?period=2019", { as: "viewer" })).json()).items).toEqual([])
    await t.call("POST", "/v1/indicators/patents_granted/unarchive", { as: "admin", headers: { "if-match": a.headers.get("etag")! } })
    const ok = await t.call("POST", "/v1/clusters/hb-qibin/observations", { as: "submitter", body: { period: "2019", values: { patents_granted: 3 } } })
    expect(ok.status).toBe(201)
  })
})
