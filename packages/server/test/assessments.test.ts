import { type Endpoint, fromWire, jijuApi } from "@jiju/domain/contract"
import { engines, type TestEngine } from "@jiju/testkit"
import * as Schema from "effect/Schema"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AssessmentsSetup, assessmentsSetup, seedTinyScheme } from "./assessmentsSetup.js"

const seed = (t: AssessmentsSetup) => seedTinyScheme(t, "tiny-test")

const q = "scheme=tiny-test&period=2025"

describe.each(engines)("assessment runs and results on %s (results public)", (engine: TestEngine) => {
  let t: AssessmentsSetup
  let runId = ""
  beforeAll(async () => {
    t = await assessmentsSetup(engine, { publicResults: true })
    await seed(t)
  })
  afterAll(() => t?.close())

  it("lists the built-in and stored schemes to signed-in callers", async () => {
    expect((await t.call("GET", "/v1/assessments/schemes")).status).toBe(401)
    const r = await t.call("GET", "/v1/assessments/schemes", { as: "submitter" })
    expect(r.status).toBe(200)
    const { items } = await r.json()
    expect(items).toContainEqual({ id: "henan-2017", name: expect.any(Object), from: "built_in" })
    expect(items).toContainEqual({ id: "tiny-test", name: { zh: "测试方案", en: "Test scheme" }, from: "stored" })
  })

  it("previews a period for admins and viewers without storing it", async () => {
    expect((await t.call("GET", `/v1/assessments/preview?${q}`)).status).toBe(401)
    expect((await t.call("GET", `/v1/assessments/preview?${q}`, { as: "submitter" })).status).toBe(403)
    const r = await t.call("GET", `/v1/assessments/preview?${q}`, { as: "viewer" })
    expect(r.status).toBe(200)
    const { result, report } = await r.json()
    expect(result).toMatchObject({ scheme_id: "tiny-test", period: "2025", previous_period: "2024" })
    expect(report).toMatchObject({ stored: false, run: null, previous_source: "computed", source: "store", demo: false })
    expect(report.clusters.map((c: { id: string; rank: number }) => [c.id, c.rank])).toEqual([
      ["hb-qibin", 1],
      ["hb-xunxian", 1],
    ])
    // One kind of zone: both zones are industrial; no financial zone has a value in 2025.
    const industrial = await (await t.call("GET", `/v1/assessments/preview?${q}&kind=industrial`, { as: "admin" })).json()
    expect(industrial.result.clusters).toHaveLength(2)
    const financial = await t.call("GET", `/v1/assessments/preview?${q}&kind=financial`, { as: "admin" })
    expect(financial.status).toBe(422)
    expect((await financial.json()).code).toBe("unknown_period")
    // Nothing was stored.
    expect((await t.call("GET", `/v1/assessments/rankings?${q}`, { as: "admin" })).status).toBe(404)
    expect((await t.call("GET", "/v1/assessments/preview?scheme=no-such&period=2025", { as: "admin" })).status).toBe(404)
  })

  it("runs an assessment for admins only, answering the stored run with its report and Location", async () => {
    const body = { scheme: "tiny-test", period: "2025" }
    expect((await t.call("POST", "/v1/assessments/runs", { body })).status).toBe(401)
    expect((await t.call("POST", "/v1/assessments/runs", { as: "viewer", body })).status).toBe(403)
    expect((await t.call("POST", "/v1/assessments/runs", { as: "submitter", body })).status).toBe(403)
    const r = await t.call("POST", "/v1/assessments/runs", { as: "admin", body })
    expect(r.status).toBe(201)
    expect(r.headers.get("location")).toBe(`/v1/assessments/report?${q}`)
    const run = await r.json()
    runId = run.id
    expect(run).toMatchObject({ scheme: "tiny-test", period: "2025", published: false, result: { scheme_id: "tiny-test" } })
    expect(run.report).toMatchObject({ stored: true, run: { id: runId, published: false }, scheme: { id: "tiny-test", from: "stored" } })
    expect(run.report.run.created_at).toMatch(/^20\d\d-/)
    // camelCase in a body is named with its wire spelling.
    const camel = await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { ...body, stability: { draws: 5 }, publishNow: true } })
    expect(camel.status).toBe(422)
  })

  it("shows a draft to admins and viewers, to a submitter only for its own zone, to anonymous readers never", async () => {
    const viewer = await t.call("GET", `/v1/assessments/rankings?${q}`, { as: "viewer" })
    expect(viewer.status).toBe(200)
    expect(viewer.headers.get("cache-control")).toBe("private, max-age=5")
    expect(await viewer.json()).toMatchObject({ id: runId, published: false, groups: [{ group: "urban_district" }, { group: "county" }] })
    expect((await t.call("GET", `/v1/assessments/rankings?${q}`)).status).toBe(404)
    expect((await t.call("GET", `/v1/assessments/report?${q}`)).status).toBe(404)
    expect((await t.call("GET", `/v1/assessments/rankings?${q}`, { as: "submitter" })).status).toBe(404)
    const own = await t.call("GET", `/v1/assessments/clusters/hb-qibin?${q}`, { as: "submitter" })
    expect(own.status).toBe(200)
    expect(await own.json()).toMatchObject({ cluster_id: "hb-qibin", rank: 1, status: "ranked", explanation: { zh: expect.any(String) } })
    expect((await t.call("GET", `/v1/assessments/clusters/hb-xunxian?${q}`, { as: "submitter" })).status).toBe(404)
    const ownHistory = await (await t.call("GET", "/v1/assessments/clusters/hb-qibin/history?scheme=tiny-test", { as: "submitter" })).json()
    expect(ownHistory).toEqual({
      cluster: "hb-qibin",
      scheme: "tiny-test",
      items: [expect.objectContaining({ period: "2025", run_id: runId, published: false, rank: 1 })],
    })
    expect((await (await t.call("GET", "/v1/assessments/clusters/hb-xunxian/history?scheme=tiny-test", { as: "submitter" })).json()).items).toEqual([])
    expect((await (await t.call("GET", "/v1/assessments/clusters/hb-qibin/history?scheme=tiny-test")).json()).items).toEqual([])
  })

  it("publishes for admins only; then anyone reads the results, rankings by group and history", async () => {
    expect((await t.call("POST", `/v1/assessments/runs/${runId}/publish`)).status).toBe(401)
    expect((await t.call("POST", `/v1/assessments/runs/${runId}/publish`, { as: "viewer" })).status).toBe(403)
    expect((await t.call("POST", "/v1/assessments/runs/run_nope/publish", { as: "admin" })).status).toBe(404)
    expect((await t.call("POST", `/v1/assessments/runs/${runId}/publish`, { as: "admin" })).status).toBe(204)
    const rankings = await t.call("GET", `/v1/assessments/rankings?${q}&group=county`)
    expect(rankings.status).toBe(200)
    expect(rankings.headers.get("cache-control")).toBe("public, max-age=5")
    const doc = await rankings.json()
    expect(doc).toMatchObject({ id: runId, published: true, vetoed: [], excluded: [] })
    expect(doc.groups).toEqual([
      { group: "county", name: expect.any(Object), size: 1, reward_band: 1, ranking: [expect.objectContaining({ cluster_id: "hb-xunxian", rank: 1 })] },
    ])
    // The second read is the same document (kept encoded).
    expect(await (await t.call("GET", `/v1/assessments/rankings?${q}&group=county`)).json()).toEqual(doc)
    const result = await (await t.call("GET", `/v1/assessments/results?${q}`)).json()
    expect(result).toMatchObject({ id: runId, published: true, result: { period: "2025" } })
    expect(result.created_at).toMatch(/^20\d\d-/)
    const report = await (await t.call("GET", `/v1/assessments/report?${q}`)).json()
    expect(report).toMatchObject({ run: { id: runId, published: true }, stored: true })
    expect((await (await t.call("GET", "/v1/assessments/clusters/hb-qibin/history?scheme=tiny-test")).json()).items).toHaveLength(1)
    expect((await t.call("GET", `/v1/assessments/clusters/hb-none?${q}`)).status).toBe(404)
    expect((await t.call("GET", "/v1/assessments/rankings?scheme=tiny-test&period=2019")).status).toBe(404)
    const bad = await t.call("GET", "/v1/assessments/rankings?scheme=tiny-test&period=25", { as: "admin", headers: { "accept-language": "en" } })
    expect(bad.status).toBe(422)
    expect(await bad.json()).toMatchObject({ code: "invalid_value", errors: [expect.objectContaining({ column: "period" })] })
  })
})

/** An answer decodes with its operation's success Schema: the contract describes what the server sends. */
const conforms = (e: Endpoint, body: unknown) => {
  expect(() =>
    Schema.decodeUnknownSync(e.success.schema! as Schema.Codec<unknown, unknown>, { onExcessProperty: "error" })(fromWire(e.success.schema!, body)),
  ).not.toThrow()
}

describe.each(engines)("assessment answers on %s", (engine: TestEngine) => {
  let t: AssessmentsSetup
  beforeAll(async () => {
    t = await assessmentsSetup(engine)
    await seed(t)
  })
  afterAll(() => t?.close())

  it("are what the contract's Schemas describe", async () => {
    const read = async (path: string, init: { method?: string; body?: unknown } = {}) => {
      const r = await t.call(init.method ?? "GET", path, { as: "admin", ...(init.body ? { body: init.body } : {}) })
      expect(r.status, path).toBeLessThan(300)
      return r.json()
    }
    const run = await read("/v1/assessments/runs", { method: "POST", body: { scheme: "tiny-test", period: "2025", stability: { draws: 10, seed: 2 } } })
    conforms(jijuApi.runAssessment, run)
    conforms(jijuApi.previewAssessment, await read(`/v1/assessments/preview?${q}`))
    conforms(jijuApi.assessmentResult, await read(`/v1/assessments/results?${q}`))
    conforms(jijuApi.assessmentReport, await read(`/v1/assessments/report?${q}`))
    conforms(jijuApi.rankings, await read(`/v1/assessments/rankings?${q}`))
    conforms(jijuApi.clusterAssessment, await read(`/v1/assessments/clusters/hb-qibin?${q}`))
    conforms(jijuApi.clusterAssessmentHistory, await read("/v1/assessments/clusters/hb-qibin/history?scheme=tiny-test"))
    conforms(jijuApi.listSchemes, await read("/v1/assessments/schemes"))
  })
})

describe.each(engines)("assessment results on %s (results not public)", (engine: TestEngine) => {
  let t: AssessmentsSetup
  beforeAll(async () => {
    t = await assessmentsSetup(engine)
    await seed(t)
    const run = await (await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { scheme: "tiny-test", period: "2025", publish: true } })).json()
    expect(run.published).toBe(true)
  })
  afterAll(() => t?.close())

  it("asks anonymous readers to sign in, even for published results", async () => {
    for (const path of [`rankings?${q}`, `results?${q}`, `report?${q}`, `clusters/hb-qibin?${q}`, "clusters/hb-qibin/history?scheme=tiny-test"]) {
      const r = await t.call("GET", `/v1/assessments/${path}`)
      expect(r.status, path).toBe(401)
      expect((await r.json()).code).toBe("unauthorized")
    }
    // Any signed-in role reads what is published.
    expect((await t.call("GET", `/v1/assessments/rankings?${q}`, { as: "submitter" })).status).toBe(200)
  })
})
