import { engines } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Setup, setup } from "./helpers.js"

// A client that lost the connection resends its write with the same Idempotency-Key: it gets the first answer, and
// nothing is written twice.
describe.each(engines)("Idempotency-Key on submissions and imports on %s", (engine) => {
  let t: Setup
  const rows = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: number }>(sql, params))[0]!.n)
  beforeAll(async () => {
    t = await setup(engine)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("answers a resent submission with the first receipt and writes it once", async () => {
    const send = (key: string, body: unknown) =>
      t.call("POST", "/v1/clusters/hb-qibin/observations", { as: "submitter", body, headers: { "idempotency-key": key } })
    const body = { period: "2023", values: { revenue: 700.25 } }
    const first = await send("k-submit-1", body)
    expect(first.status).toBe(201)
    expect(first.headers.get("idempotent-replayed")).toBeNull()
    const receipt = await first.json()
    const again = await send("k-submit-1", body)
    expect(again.status).toBe(201)
    expect(again.headers.get("idempotent-replayed")).toBe("true")
    expect(await again.json()).toEqual(receipt)
    expect(await rows("select count(*)::int as n from audit_log where entity = 'observations' and entity_id = 'hb-qibin/2023'")).toBe(1)
    // Without the key the same body is a duplicate (409), as before.
    expect((await t.call("POST", "/v1/clusters/hb-qibin/observations", { as: "submitter", body })).status).toBe(409)
    // The same key with another request is refused, and changes nothing.
    const other = await send("k-submit-1", { period: "2022", values: { revenue: 1 } })
    expect(other.status).toBe(422)
    expect((await other.json()).code).toBe("idempotency_key_reused")
    expect(await rows("select count(*)::int as n from observations where target_id = 'hb-qibin' and period = '2022'")).toBe(0)
    // Keys are per caller: another caller's same key is its own.
    const admin = await t.call("POST", "/v1/clusters/hb-qibin/observations", {
      as: "admin",
      body: { period: "2021", values: { revenue: 5 } },
      headers: { "idempotency-key": "k-submit-1" },
    })
    expect(admin.status).toBe(201)
  })

  it("lets exactly one of two concurrent requests with one key write; both get the same receipt", async () => {
    const body = { period: "2020", values: { revenue: 9.5 } }
    const send = () => t.call("POST", "/v1/clusters/hb-qibin/observations", { as: "submitter", body, headers: { "idempotency-key": "k-race" } })
    const [a, b] = await Promise.all([send(), send()])
    expect([a.status, b.status]).toEqual([201, 201])
    expect(await a.json()).toEqual(await b.json())
    expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].filter((x) => x === "true")).toHaveLength(1)
    expect(await rows("select count(*)::int as n from audit_log where entity_id = 'hb-qibin/2020'")).toBe(1)
  })

  it("answers a resent correction once", async () => {
    const body = { period: "2023", values: { revenue: 701 } }
    const send = () => t.call("PUT", "/v1/clusters/hb-qibin/observations/2023", { as: "submitter", body, headers: { "idempotency-key": "k-fix" } })
    expect((await send()).status).toBe(200)
    const again = await send()
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([200, "true"])
    expect(await rows("select count(*)::int as n from audit_log where entity_id = 'hb-qibin/2023' and action = 'replace'")).toBe(1)
  })

  it("answers a resent import with the first receipt and records one import", async () => {
    const csv = "cluster,period,indicator,value\nhb-xunxian,2019,revenue,44\n"
    const send = (key: string, text = csv) =>
      t.app.request("/v1/observations/import?file_name=resend.csv", {
        method: "POST",
        headers: { authorization: `Bearer ${t.token.admin}`, "content-type": "text/csv", "idempotency-key": key },
        body: text,
      })
    const first = await send("k-import")
    expect(first.status).toBe(201)
    const again = await send("k-import")
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([201, "true"])
    expect(await again.json()).toEqual(await first.json())
    expect(await rows("select count(*)::int as n from imports where file_name = 'resend.csv'")).toBe(1)
    const changed = await send("k-import", "cluster,period,indicator,value\nhb-xunxian,2019,revenue,45\n")
    expect(changed.status).toBe(422)
    expect(((await changed.json()) as { code: string }).code).toBe("idempotency_key_reused")
    expect(await rows("select count(*)::int as n from observations where target_id = 'hb-xunxian' and period = '2019' and value = 45")).toBe(0)
  })

  it("refuses a malformed key before anything is written", async () => {
    const r = await t.call("POST", "/v1/clusters/hb-qibin/observations", {
      as: "submitter",
      body: { period: "2018", values: { revenue: 1 } },
      headers: { "idempotency-key": "has space" },
    })
    expect(r.status).toBe(422)
    expect((await r.json()).code).toBe("bad_idempotency_key")
    expect(await rows("select count(*)::int as n from observations where target_id = 'hb-qibin' and period = '2018'")).toBe(0)
  })
})
