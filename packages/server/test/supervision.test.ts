import { fromWire, jijuApi } from "@jiju/domain/contract"
import { engines } from "@jiju/testkit"
import * as Schema from "effect/Schema"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type As, type AssessmentsSetup, assessmentsSetup } from "./assessmentsSetup.js"

type Row = readonly [id: string, period: string, indicator: string, value: number]
// hb-qibin (urban district, the submitter's zone) and hb-xunxian (county).
const rows: Row[] = [
  ["hb-qibin", "2024", "revenue", 100],
  ["hb-qibin", "2025", "revenue", 130],
  ["hb-xunxian", "2024", "revenue", 80],
  ["hb-xunxian", "2025", "revenue", 70],
  ["hb-qibin", "2025", "built_up_area", 2],
  ["hb-xunxian", "2025", "output_intensity", 90],
  // 2009 → 2012: hb-qibin doubled exactly on all three; hb-xunxian's 2012 tax is missing.
  ["hb-qibin", "2009", "revenue", 50],
  ["hb-qibin", "2009", "employment", 1],
  ["hb-qibin", "2009", "tax_total", 3],
  ["hb-qibin", "2012", "revenue", 100],
  ["hb-qibin", "2012", "employment", 2],
  ["hb-qibin", "2012", "tax_total", 6],
  ["hb-xunxian", "2009", "revenue", 20],
  ["hb-xunxian", "2012", "revenue", 60],
]

const decision = {
  cluster: "hb-xunxian",
  period: "2025",
  measure: "on_site_supervision",
  reason_zh: "营业收入下降 12.5%，全省最慢",
  evidence: { ranking: "supervision", period: "2025", run_id: null, note: "候选名单第 1 位" },
}

describe.each(engines)("land quota, promotion and supervision over HTTP on %s", (engine) => {
  let t: AssessmentsSetup
  const as = (method: string, path: string, who?: As, body?: unknown) =>
    t.call(method, path, { ...(who ? { as: who } : {}), ...(body !== undefined ? { body } : {}) })
  beforeAll(async () => {
    t = await assessmentsSetup(engine)
    await t.store.observations.upsertMany(
      rows.map(([id, period, indicator, value]) => ({ target: { kind: "cluster" as const, id }, period, indicator, value })) as never,
    )
    await t.store.zoneFacts.record(
      [{ cluster: "hb-qibin", fact: "weak_base", value: false, asOf: "2009-12-31" }] as never,
      "user:chief",
      "accepted",
      "2025-01-01T00:00:00Z",
    )
  })
  afterAll(async () => {
    await t?.close()
  })

  it("lets each role read and write what the contract says (anonymous, viewer, a zone committee of another zone, admin)", async () => {
    const seed = await as("POST", "/v1/supervision/decisions", "admin", decision)
    expect(seed.status).toBe(201)
    const id = (await seed.json()).id as string
    const card = (
      await (await as("POST", "/v1/supervision/decisions", "admin", { ...decision, measure: "yellow_card", reason_zh: "工作不主动、措施不得力" })).json()
    ).id as string
    // [method, path, body, anonymous, viewer, submitter (hb-qibin's, asking about the other zone or all), admin]
    const table: ReadonlyArray<readonly [string, string, unknown, number, number, number, number]> = [
      ["GET", "/v1/assessments/land-quota?period=2025", undefined, 401, 200, 403, 200],
      ["GET", "/v1/assessments/promotion", undefined, 401, 200, 403, 200],
      ["GET", "/v1/assessments/promotion?cluster=hb-xunxian", undefined, 401, 200, 403, 200],
      ["GET", "/v1/supervision/candidates?period=2025", undefined, 401, 200, 403, 200],
      ["GET", "/v1/supervision/decisions", undefined, 401, 200, 403, 200],
      ["GET", "/v1/supervision/decisions?cluster=hb-xunxian", undefined, 401, 200, 403, 200],
      ["POST", "/v1/supervision/decisions", { ...decision, measure: "model_exchange" }, 401, 403, 403, 201],
      ["POST", `/v1/supervision/decisions/${id}/reports`, { month: "2025-08", text_zh: "新开工项目 2 个" }, 401, 403, 403, 200],
      ["POST", `/v1/supervision/decisions/${card}/revocation`, undefined, 401, 403, 403, 200],
    ]
    for (const [method, path, body, anon, viewer, submitter, admin] of table) {
      expect((await as(method, path, undefined, body)).status, `anonymous ${method} ${path}`).toBe(anon)
      expect((await as(method, path, "viewer", body)).status, `viewer ${method} ${path}`).toBe(viewer)
      expect((await as(method, path, "submitter", body)).status, `submitter ${method} ${path}`).toBe(submitter)
      expect((await as(method, path, "admin", body)).status, `admin ${method} ${path}`).toBe(admin)
    }
    // A zone committee may ask about its own zone.
    expect((await as("GET", "/v1/assessments/promotion?cluster=hb-qibin", "submitter")).status).toBe(200)
    expect((await as("GET", "/v1/supervision/decisions?cluster=hb-qibin", "submitter")).status).toBe(200)
  })

  it("answers the land quota and the promotion in snake_case, with their sources", async () => {
    const lq = await (await as("GET", "/v1/assessments/land-quota?period=2025&count=1&unit=mu&cut=40", "viewer")).json()
    // hb-qibin 130 × 10⁴ / 3 000 亩 = 433.3…; hb-xunxian reported 90.
    expect(lq).toMatchObject({ period: "2025", quota_year: "2026", places: 1, pool: 40, status: "complete" })
    expect(lq.first.map((e: { id: string; position_from_last: number }) => [e.id, e.position_from_last])).toEqual([["hb-qibin", 2]])
    expect(lq.last[0]).toMatchObject({ id: "hb-xunxian", origin: "reported", mu: 40 })
    expect(lq.settings[0]).toMatchObject({ name: "count", value: 1, source: { kind: "commission" } })
    const pr = await (await as("GET", "/v1/assessments/promotion?base_year=2009&target_year=2012&threshold_revenue=30", "admin")).json()
    expect(pr.zones.map((z: { id: string; verdict: string; weak_base: boolean | null }) => [z.id, z.weak_base, z.verdict])).toEqual([
      ["hb-qibin", false, "promoted"],
      ["hb-xunxian", null, "incomplete"],
    ])
    expect(pr.threshold).toEqual({ revenue: 30 })
    expect(pr.counts).toEqual({ promoted: 1, kept: 0, demotion_warning: 0, incomplete: 1 })
    const bad = await as("GET", "/v1/assessments/land-quota?period=2025H1", "admin")
    expect(bad.status).toBe(422)
    expect((await bad.json()).errors[0]).toMatchObject({ code: "bad_option", column: "period" })
    expect((await as("GET", "/v1/assessments/promotion?cluster=hb-none", "admin")).status).toBe(404)
  })

  it("records a decision sent in snake_case, refuses a bad one naming each field, and lists decisions in force", async () => {
    const bad = await as("POST", "/v1/supervision/decisions", "admin", { ...decision, period: "2025x", reason_zh: "慢" })
    expect(bad.status).toBe(422)
    const p = await bad.json()
    expect(p.code).toBe("invalid_decision")
    expect(p.errors.map((e: { column: string }) => e.column)).toEqual(["period", "reason_zh"])
    expect((await as("POST", "/v1/supervision/decisions", "admin", { ...decision, cluster: "hb-none" })).status).toBe(404)
    // A camelCase field is refused, naming the wire's spelling.
    const camel = await as("POST", "/v1/supervision/decisions", "admin", { ...decision, reasonZh: "camel" })
    expect(camel.status).toBe(422)
    expect((await camel.json()).code).toBe("wrong_case")
    const list = await (await as("GET", "/v1/supervision/decisions?period=2025", "viewer")).json()
    const onSite = list.items.find((d: { measure: string }) => d.measure === "on_site_supervision")
    expect(onSite).toMatchObject({ cluster: "hb-xunxian", reason: { zh: decision.reason_zh }, evidence: { run_id: null, note: "候选名单第 1 位" } })
    expect(onSite.reports.map((r: { month: string }) => r.month)).toEqual(["2025-08"])
    // The yellow card was revoked: gone from the list in force, kept with revoked=true.
    expect(list.items.some((d: { measure: string }) => d.measure === "yellow_card")).toBe(false)
    const all = await (await as("GET", "/v1/supervision/decisions?revoked=true", "viewer")).json()
    expect(all.items.some((d: { measure: string; revoked_at: string | null }) => d.measure === "yellow_card" && d.revoked_at !== null)).toBe(true)
    const report = await as("POST", `/v1/supervision/decisions/${onSite.id}/reports`, "admin", { month: "2025-13", text_zh: "x" })
    expect((await report.json()).code).toBe("invalid_report")
  })

  it("answers documents that the contract's Schemas describe", async () => {
    const cases = [
      [jijuApi.landQuota, "/v1/assessments/land-quota?period=2025&unit=mu&cut=10"],
      [jijuApi.promotion, "/v1/assessments/promotion"],
      [jijuApi.supervisionCandidates, "/v1/supervision/candidates?period=2025"],
      [jijuApi.supervisionDecisions, "/v1/supervision/decisions?revoked=true"],
    ] as const
    for (const [e, path] of cases) {
      const body = await (await as("GET", path, "admin")).json()
      expect(
        () => Schema.decodeUnknownSync(e.success.schema as Schema.Codec<unknown, unknown>, { onExcessProperty: "error" })(fromWire(e.success.schema, body)),
        path,
      ).not.toThrow()
    }
  })
})
