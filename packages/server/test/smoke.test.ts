import { makeAppRuntime } from "@jiju/app"
import { makeTokens } from "@jiju/store"
import { engines, openTestStore } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildHttpApp } from "../src/HttpApp.js"

describe.each(engines)("smoke on %s", (engine) => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let app: ReturnType<typeof buildHttpApp>
  let admin = ""
  beforeAll(async () => {
    t = await openTestStore(engine)
    await t.store.regions.upsert([
      { code: "410000", name: "河南省", nameEn: "Henan", level: "province", parent: null, macroZone: "central", isDistrict: false },
    ] as never)
    admin = (await makeTokens(t.db).create({ role: "admin" })).token
    app = buildHttpApp(await makeAppRuntime({ db: t.db }))
  })
  afterAll(() => t.dispose())
  it("serves regions in snake_case with ETags, and archives under If-Match", async () => {
    const h = { authorization: `Bearer ${admin}` }
    const list = await app.request("/v1/regions?limit=5", { headers: h })
    expect(list.status).toBe(200)
    const page = await list.json()
    expect(page).toMatchObject({
      items: [{ code: "410000", name_en: "Henan", macro_zone: "central", is_district: false, version: 1, archived_at: null }],
      next_cursor: null,
      total: 1,
    })
    const one = await app.request("/v1/regions/410000", { headers: h })
    expect(one.headers.get("etag")).toBe('"v1"')
    const stale = await app.request("/v1/regions/410000/archive", { method: "POST", headers: { ...h, "if-match": '"v7"' } })
    expect(stale.status).toBe(412)
    expect(stale.headers.get("etag")).toBe('"v1"')
    const ok = await app.request("/v1/regions/410000/archive", { method: "POST", headers: { ...h, "if-match": '"v1"' } })
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { archived_at: string }).archived_at).toMatch(/^20/)
    const bad = await app.request("/v1/regions", {
      method: "POST",
      headers: { ...h, "content-type": "application/json" },
      body: JSON.stringify({ code: "410100", name: "郑州", level: "prefecture", parent: "410000", macroZone: "central", is_district: false }),
    })
    expect(bad.status).toBe(422)
    const doc = await bad.json()
    console.log(JSON.stringify(doc))
    const anon = await app.request("/v1/regions")
    expect(anon.status).toBe(401)
    // biome-ignore lint/suspicious/noExplicitAny: the test walks the OpenAPI document
    const oas: any = await (await app.request("/v1/openapi.json")).json()
    expect(oas.paths["/v1/regions/{code}"].put.requestBody.content["application/json"].schema.properties.macro_zone).toBeDefined()
  })
})
