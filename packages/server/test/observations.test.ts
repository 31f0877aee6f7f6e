import { engines } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cluster, type JsonResponse, type Setup, setup } from "./helpers.js"

describe.each(engines)("observations and bad input on %s", (engine) => {
  let t: Setup
  const count = async () => Number((await t.db.query<{ n: number }>("select count(*)::int as n from observations"))[0]!.n)
  beforeAll(async () => {
    t = await setup(engine)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("accepts one period's values for the submitter's own cluster, atomically and audited", async () => {
    const r = await t.call("POST", "/v1/clusters/hb-qibin/observations", {
      as: "submitter",
      body: { period: "2024", values: { revenue: 812.5, employment: 6.2 }, source: "管委会报表" },
    })
    expect(r.status).toBe(201)
    const receipt = await r.json()
    expect(receipt).toMatchObject({ cluster: "hb-qibin", period: "2024", written: 2 })
    expect(receipt.submitted_at).toMatch(/^\d{4}-\d\d-\d\dT/)
    const series = await (await t.call("GET", "/v1/clusters/hb-qibin/observations?indicators=revenue", { as: "viewer" })).json()
    expect(series.items).toHaveLength(1)
    expect(series.items[0]).toMatchObject({ period: "2024", indicator: "revenue", value: 812.5, source: "管委会报表", is_demo: false })
    expect(series.items[0].submitter).toMatch(/^token:/)
    const audit = await (await t.call("GET", "/v1/audit?entity=observations&id=hb-qibin/2024", { as: "admin" })).json()
    expect(audit.items).toHaveLength(1)
    expect(audit.items[0]).toMatchObject({ action: "submit", before: null, after: { revenue: 812.5, employment: 6.2 } })
  })

  it("refuses another zone's cluster (403), viewers (403) and anonymous callers (401)", async () => {
    const body = { period: "2024", values: { revenue: 1 } }
    expect((await t.call("POST", "/v1/clusters/hb-xunxian/observations", { as: "submitter", body })).status).toBe(403)
    expect((await t.call("POST", "/v1/clusters/hb-qibin/observations", { as: "viewer", body })).status).toBe(403)
    expect((await t.call("POST", "/v1/clusters/hb-qibin/observations", { body })).status).toBe(401)
    expect((await t.call("GET", "/v1/clusters/hb-xunxian/observations", { as: "submitter" })).status).toBe(403)
    expect((await t.call("GET", "/v1/observations?clusters=hb-xunxian", { as: "submitter" })).status).toBe(403)
    expect((await t.call("GET", "/v1/clusters/hb-qibin/observations")).status).toBe(401)
    expect((await t.call("PUT", "/v1/clusters/hb-xunxian/observations/2024", { as: "submitter", body })).status).toBe(403)
  })

  it("answers each kind of bad input with the right status and leaves the data unchanged", async () => {
    const before = await count()
    const post = (raw: string, as: "admin" | "submitter" = "admin") => t.call("POST", "/v1/clusters/hb-xunxian/observations", { as, raw })
    const malformed = await post('{"period": "2023", "values": {')
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).code).toBe("malformed_json")
    const wrongType = await post(JSON.stringify({ period: 2023, values: { revenue: "lots" } }))
    expect(wrongType.status).toBe(422)
    const fields = (await wrongType.json()).errors.map((e: { column: string }) => e.column)
    expect(fields).toEqual(expect.arrayContaining(["period", "values.revenue"]))
    // 1e999 parses to Infinity: not a finite number
    expect((await post('{"period": "2023", "values": {"revenue": 1e999}}')).status).toBe(422)
    expect((await post('{"period": "2023", "values": {"revenue": "NaN"}}')).status).toBe(422)
    expect((await post('{"period": "2023", "values": {"revenue": NaN}}')).status).toBe(400)
    const unknown = await post(JSON.stringify({ period: "2023", values: { revenue: 1, moonbeams: 3 } }))
    expect(unknown.status).toBe(422)
    const unknownDoc = await unknown.json()
    expect(unknownDoc.code).toBe("invalid_submission")
    expect(unknownDoc.errors).toEqual([
      {
        code: "unknown_indicator",
        row: null,
        column: "values.moonbeams",
        value: "moonbeams",
        en: 'unknown indicator "moonbeams"',
        zh: '未知的指标 "moonbeams"',
      },
    ])
    const negative = await post(JSON.stringify({ period: "2023", values: { revenue: -5 } }))
    expect(negative.status).toBe(422)
    expect((await negative.json()).errors[0]).toMatchObject({ code: "negative_value", column: "values.revenue", value: -5 })
    // The rule of the web form: a percentage within 0–100, a whole number of firms.
    const percent = await post(JSON.stringify({ period: "2023", values: { local_supply_ratio: 130, firms: 20.5, gdp_growth: 130 } }))
    expect(percent.status).toBe(422)
    expect((await percent.json()).errors.map((e: { code: string; column: string }) => [e.code, e.column])).toEqual([
      ["percent_range", "values.local_supply_ratio"],
      ["not_integer", "values.firms"],
    ])
    const future = await post(JSON.stringify({ period: `${new Date().getUTCFullYear() + 1}`, values: { revenue: 1 } }))
    expect(future.status).toBe(422)
    expect((await future.json()).errors[0]).toMatchObject({ code: "period_not_begun", column: "period" })
    const empty = await post(JSON.stringify({ period: "2023", values: {} }))
    expect(empty.status).toBe(422)
    expect((await empty.json()).errors[0]).toMatchObject({ code: "no_values", column: "values" })
    expect((await post(JSON.stringify({ period: "2023", values: { revenue: 1 }, extra: true }))).status).toBe(422)
    const noCluster = await t.call("POST", "/v1/clusters/hb-none/observations", { as: "admin", body: { period: "2023", values: { revenue: 1 } } })
    expect(noCluster.status).toBe(404)
    const wrongMedia = await t.app.request("/v1/clusters/hb-xunxian/observations", {
      method: "POST",
      headers: { authorization: `Bearer ${t.token.admin}`, "content-type": "text/plain" },
      body: "period=2023",
    })
    expect(wrongMedia.status).toBe(415)
    const mismatch = await t.call("PUT", "/v1/clusters/hb-xunxian/observations/2022", { as: "admin", body: { period: "2023", values: { revenue: 1 } } })
    expect(mismatch.status).toBe(422)
    expect((await mismatch.json()).code).toBe("period_mismatch")
    expect(await count()).toBe(before)
  })

  it("refuses a duplicate submission (409) but accepts a correction by PUT, keeping one row per value", async () => {
    const body = { period: "2023", values: { revenue: 500, firms: 120 } }
    expect((await t.call("POST", "/v1/clusters/hb-xunxian/observations", { as: "admin", body })).status).toBe(201)
    const n = await count()
    const dup = await t.call("POST", "/v1/clusters/hb-xunxian/observations", { as: "admin", body: { period: "2023", values: { revenue: 501 } } })
    expect(dup.status).toBe(409)
    const dupDoc = await dup.json()
    expect(dupDoc.code).toBe("duplicate_submission")
    expect(dupDoc.errors).toEqual([expect.objectContaining({ code: "duplicate_value", column: "values.revenue", value: 501 })])
    const fix = await t.call("PUT", "/v1/clusters/hb-xunxian/observations/2023", { as: "admin", body: { period: "2023", values: { revenue: 505 } } })
    expect(fix.status).toBe(200)
    expect(await count()).toBe(n)
    const q = await (await t.call("GET", "/v1/observations?clusters=hb-xunxian&indicators=revenue,firms&period=2023", { as: "viewer" })).json()
    expect(Object.fromEntries(q.items.map((o: { indicator: string; value: number }) => [o.indicator, o.value]))).toEqual({ revenue: 505, firms: 120 })
    const trail = await (await t.call("GET", "/v1/audit?entity=observations&id=hb-xunxian/2023", { as: "admin" })).json()
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(["submit", "replace"])
    expect(trail.items[1].before).toEqual({ revenue: 500 })
  })

  it("lets exactly one of two concurrent submissions of one period through", async () => {
    const body = { period: "2022", values: { revenue: 100, employment: 1 } }
    const [a, b] = await Promise.all([
      t.call("POST", "/v1/clusters/hb-qibin/observations", { as: "submitter", body }),
      t.call("POST", "/v1/clusters/hb-qibin/observations", { as: "admin", body: { period: "2022", values: { revenue: 200, employment: 2 } } }),
    ])
    expect([a.status, b.status].sort()).toEqual([201, 409])
    const q = await (await t.call("GET", "/v1/observations?clusters=hb-qibin&period=2022", { as: "viewer" })).json()
    expect(q.items).toHaveLength(2)
    // Both values come from the same submission: never a mix of the two.
    const rev = q.items.find((o: { indicator: string }) => o.indicator === "revenue").value
    const emp = q.items.find((o: { indicator: string }) => o.indicator === "employment").value
    expect(rev / 100).toBe(emp)
  })

  it("gives one of two concurrent cluster updates a 412 and keeps the winner's data", async () => {
    const cur = await t.call("GET", "/v1/clusters/hb-xunxian", { as: "viewer" })
    const etag = cur.headers.get("etag")!
    const [a, b] = (await Promise.all(
      [30, 40].map((area) =>
        t.call("PUT", "/v1/clusters/hb-xunxian", { as: "admin", body: cluster("hb-xunxian", "410621", { planned_area: area }), headers: { "if-match": etag } }),
      ),
    )) as [JsonResponse, JsonResponse]
    expect([a.status, b.status].sort()).toEqual([200, 412])
    const winner = a.status === 200 ? 30 : 40
    const now = await (await t.call("GET", "/v1/clusters/hb-xunxian", { as: "viewer" })).json()
    expect(now.planned_area).toBe(winner)
    expect(now.version).toBe(Number(etag.replace(/\D/g, "")) + 1)
  })

  it("pages observations across zones; a submitter reads its own zones by default", async () => {
    const all = await (await t.call("GET", "/v1/observations", { as: "viewer" })).json()
    expect(all.total).toBe(all.items.length)
    const seen: Array<{ target: { id: string }; indicator: string; period: string }> = []
    let cursor: string | null = null
    do {
      const page: { items: typeof seen; next_cursor: string | null; total: number } = await (
        await t.call("GET", `/v1/observations?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { as: "viewer" })
      ).json()
      expect(page.items.length).toBeLessThanOrEqual(2)
      expect(page.total).toBe(all.total)
      seen.push(...page.items)
      cursor = page.next_cursor
    } while (cursor)
    expect(seen).toEqual(all.items)
    const own = await (await t.call("GET", "/v1/observations", { as: "submitter" })).json()
    expect(own.items.length).toBeGreaterThan(0)
    expect(own.items.every((o: { target: { id: string } }) => o.target.id === "hb-qibin")).toBe(true)
    expect((await t.call("GET", "/v1/observations?cursor=nope", { as: "viewer" })).status).toBe(422)
    expect((await t.call("GET", "/v1/observations?limit=0", { as: "viewer" })).status).toBe(422)
    expect((await t.call("GET", "/v1/observations?limit=10001", { as: "viewer" })).status).toBe(422)
  })

  it("imports a CSV file all-or-nothing, reporting every bad row", async () => {
    const before = await count()
    const post = (csv: string, as: "admin" | "submitter" = "admin") =>
      t.app.request("/v1/observations/import?file_name=yearbook.csv", {
        method: "POST",
        headers: { authorization: `Bearer ${t.token[as]}`, "content-type": "text/csv" },
        body: csv,
      })
    const bad = await post(
      "cluster,period,indicator,value\nhb-qibin,2021,revenue,10\nhb-nowhere,2021,revenue,5\nhb-qibin,2021,moonbeams,3\nhb-qibin,2021,firms,abc\n",
    )
    expect(bad.status).toBe(422)
    const p = (await bad.json()) as { code: string; errors: Array<{ code: string; row: number; column: string; value: unknown }> }
    expect(p.code).toBe("invalid_rows")
    expect(p.errors.map((e) => e.column)).toEqual(["cluster", "indicator", "value"])
    expect(p.errors.map((e) => e.value)).toEqual(["hb-nowhere", "moonbeams", "abc"])
    expect(p.errors.map((e) => e.code)).toEqual(["unknown_cluster", "unknown_indicator", "not_numeric"])
    expect(new Set(p.errors.map((e) => e.row)).size).toBe(3)
    expect(await count()).toBe(before)
    expect((await post("cluster,period,indicator,value\nhb-qibin,2021,revenue,10\n", "submitter")).status).toBe(403)
    const ok = await post("cluster,period,indicator,value\nhb-qibin,2021,revenue,10\nhb-xunxian,2021,revenue,5\n")
    expect(ok.status).toBe(201)
    const receipt = (await ok.json()) as { import_id: number }
    expect(receipt).toMatchObject({ imported: 2, format: "long", file: "yearbook.csv" })
    expect(await count()).toBe(before + 2)
    const trail = await (await t.call("GET", `/v1/audit?entity=import&id=${receipt.import_id}`, { as: "admin" })).json()
    expect(trail.items[0]).toMatchObject({ action: "import", after: { imported: 2, file: "yearbook.csv" } })
    const noName = await t.app.request("/v1/observations/import", { method: "POST", headers: { authorization: `Bearer ${t.token.admin}` }, body: "x" })
    expect(noName.status).toBe(422)
    const empty = await t.app.request("/v1/observations/import?file_name=a.csv", {
      method: "POST",
      headers: { authorization: `Bearer ${t.token.admin}`, "content-type": "text/csv" },
      body: "",
    })
    expect(empty.status).toBe(400)
  })

  it("limits the body size (413)", async () => {
    const big = JSON.stringify({ period: "2023", values: { revenue: 1 }, note: "x".repeat(1_100_000) })
    const r = await t.call("POST", "/v1/clusters/hb-xunxian/observations", { as: "admin", raw: big })
    expect(r.status).toBe(413)
    expect((await r.json()).code).toBe("payload_too_large")
  })
})
