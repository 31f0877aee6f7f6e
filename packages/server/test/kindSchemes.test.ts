import { engines, type TestEngine } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AssessmentsSetup, assessmentsSetup, cluster } from "./assessmentsSetup.js"

const industrial = ["revenue", "employment", "tax_total", "fixed_investment", "infrastructure_investment", "new_projects", "output_intensity"]
const service = ["operating_revenue", "firms", "employment", "floor_area"]

// hb-qibin (the submitter's zone) and hb-xunxian are industrial; cbd-hb and cbd-xx are CBDs, one in each group.
const seed = async (t: AssessmentsSetup) => {
  await t.store.clusters.insertMany([
    cluster("cbd-hb", "410611", { kind: "modern_service", form: "cbd", level: "city" }),
    cluster("cbd-xx", "410621", { kind: "modern_service", form: "cbd", level: "city" }),
  ] as never)
  const at = (id: string, indicator: string, value: number) => ({ target: { kind: "cluster" as const, id }, period: "2025", indicator, value })
  await t.store.observations.upsertMany([
    ...industrial.flatMap((c) => [at("hb-qibin", c, 20), at("hb-xunxian", c, 10)]),
    ...service.flatMap((c) => [at("cbd-hb", c, 5), at("cbd-xx", c, 15)]),
  ] as never)
}

describe.each(engines)("each kind its scheme over HTTP on %s", (engine: TestEngine) => {
  let t: AssessmentsSetup
  beforeAll(async () => {
    t = await assessmentsSetup(engine)
    await seed(t)
  })
  afterAll(() => t?.close())

  it("names each kind's scheme to signed-in callers (what the web form shows a zone's committee)", async () => {
    expect((await t.call("GET", "/v1/assessments/kind-schemes")).status).toBe(401)
    for (const as of ["submitter", "viewer", "admin"] as const) expect((await t.call("GET", "/v1/assessments/kind-schemes", { as })).status).toBe(200)
    const { items } = await (await t.call("GET", "/v1/assessments/kind-schemes", { as: "submitter" })).json()
    const cbd = items.find((i: { kind: string }) => i.kind === "modern_service")
    expect(cbd.scheme.id).toBe("jiju-service")
    expect(cbd.scheme.dimensions[0].indicators.map((i: { code: string }) => i.code)).toEqual(service)
    expect(cbd.scheme.dimensions[0].indicators[0].source).toMatchObject({ kind: "document", section: "篇10 二(一)4⑴" })
    expect(cbd.unconfirmed_defaults.map((u: { item: string }) => u.item)).toEqual(["weights", "normalisation", "rewards"])
    expect(cbd).toMatchObject({ from: "built_in", configured: false })
  })

  it("runs every kind without a scheme, for admins only; drafts stay hidden from anonymous readers", async () => {
    const body = { period: "2025" }
    expect((await t.call("POST", "/v1/assessments/runs", { body })).status).toBe(401)
    expect((await t.call("POST", "/v1/assessments/runs", { as: "viewer", body })).status).toBe(403)
    expect((await t.call("POST", "/v1/assessments/runs", { as: "submitter", body })).status).toBe(403)
    const r = await t.call("POST", "/v1/assessments/runs", { as: "admin", body })
    expect(r.status).toBe(201)
    const doc = await r.json()
    expect(doc).toMatchObject({ scheme: "jiju-industrial", published: false, report: { kind: "industrial", confirmation: null } })
    expect(doc.runs.map((x: { kind: string; scheme: string; ranked: number }) => [x.kind, x.scheme, x.ranked])).toEqual([
      ["industrial", "jiju-industrial", 2],
      ["modern_service", "jiju-service", 2],
    ])
    expect(doc.report.runs).toEqual(doc.runs)
    expect((await t.call("GET", "/v1/assessments/report?scheme=jiju-service&period=2025")).status).toBe(401)
    expect((await t.call("GET", "/v1/assessments/rankings?scheme=jiju-service&period=2025", { as: "submitter" })).status).toBe(404)
    const draft = await (await t.call("GET", "/v1/assessments/report?scheme=jiju-service&period=2025", { as: "viewer" })).json()
    expect(draft).toMatchObject({ kind: "modern_service", run: { published: false }, confirmation: null })
  })

  it("refuses to publish on unconfirmed defaults without confirm_defaults, and writes nothing", async () => {
    const before = await (await t.call("GET", "/v1/assessments/results?scheme=jiju-service&period=2025", { as: "admin" })).json()
    const r = await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { period: "2025", publish: true } })
    expect(r.status).toBe(422)
    const problem = await r.json()
    expect(problem.code).toBe("defaults_unconfirmed")
    expect(problem.errors.map((e: { column: string }) => e.column)).toEqual(["weights", "normalisation"])
    const after = await (await t.call("GET", "/v1/assessments/results?scheme=jiju-service&period=2025", { as: "admin" })).json()
    expect(after.id).toBe(before.id)
    // Publishing the stored draft asks the same.
    expect((await t.call("POST", `/v1/assessments/runs/${before.id}/publish`, { as: "admin" })).status).toBe(422)
    expect((await t.call("POST", `/v1/assessments/runs/${before.id}/publish?confirm_defaults=true`, { as: "viewer" })).status).toBe(403)
    expect((await t.call("POST", `/v1/assessments/runs/${before.id}/publish?confirm_defaults=true`, { as: "submitter" })).status).toBe(403)
    expect((await t.call("POST", `/v1/assessments/runs/${before.id}/publish?confirm_defaults=true`)).status).toBe(401)
    expect((await (await t.call("GET", "/v1/assessments/results?scheme=jiju-service&period=2025", { as: "admin" })).json()).published).toBe(false)
  })

  it("publishes with confirm_defaults, the published report saying who confirmed what and when", async () => {
    const r = await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { period: "2025", publish: true, confirm_defaults: true } })
    expect(r.status).toBe(201)
    const doc = await r.json()
    expect(doc.runs.map((x: { published: boolean }) => x.published)).toEqual([true, true])
    expect(doc.report.confirmation).toMatchObject({ by: expect.stringMatching(/^token:/), items: [{ item: "weights" }, { item: "normalisation" }] })
    // A draft published later records its own confirmation.
    const draft = await (await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { scheme: "jiju-service", period: "2025" } })).json()
    expect((await t.call("POST", `/v1/assessments/runs/${draft.id}/publish?confirm_defaults=true`, { as: "admin" })).status).toBe(204)
    const report = await (await t.call("GET", "/v1/assessments/report?scheme=jiju-service&period=2025", { as: "submitter" })).json()
    expect(report).toMatchObject({
      run: { id: draft.id, published: true },
      confirmation: { items: [{ item: "weights" }, { item: "normalisation" }, { item: "rewards" }] },
    })
    // One kind on its own scheme is that kind's run; on another scheme it is a partial ranking, not stored.
    const one = await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { kind: "modern_service", period: "2025" } })
    expect(one.status).toBe(201)
    const oneDoc = await one.json()
    expect(oneDoc).toMatchObject({ scheme: "jiju-service", report: { kind: "modern_service" } })
    const other = await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { scheme: "jiju-industrial", kind: "modern_service", period: "2025" } })
    expect(other.status).toBe(422)
    expect((await other.json()).code).toBe("not_stored")
    // The results of one kind: its own latest run.
    const ofKind = await (await t.call("GET", "/v1/assessments/results?scheme=jiju-service&period=2025&kind=modern_service", { as: "viewer" })).json()
    expect(ofKind.id).toBe(oneDoc.id)
    // For another kind, only a run over every kind covers it: the jiju-service run over all zones above.
    const financial = await (await t.call("GET", "/v1/assessments/results?scheme=jiju-service&period=2025&kind=financial", { as: "viewer" })).json()
    expect(financial.id).toBe(draft.id)
    // A camelCase field is refused with its wire spelling.
    expect((await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { period: "2025", confirmDefaults: true } })).status).toBe(422)
  })
})
