import {
  type Actor,
  type AppRuntime,
  assess,
  certification,
  Forbidden,
  makeAppRuntime,
  mayReadDrafts,
  NotFound,
  operator,
  previewAssessment,
  publishAssessment,
  rankingsOf,
  runOnFiles,
  stage,
  storedResult,
  Unauthorized,
} from "@jiju/app"
import { decodeScheme } from "@jiju/domain/assessment"
import { InputError } from "@jiju/domain/model"
import { assessmentRepo, auditRepo, storeChecksum } from "@jiju/store"
import { engines, openTestStore, rejected, testZone } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const viewer: Actor = { kind: "user", id: "u_v", name: "view", role: "viewer", clusterIds: [] }
const submitter: Actor = { kind: "token", id: "tok_s", name: "zone", role: "submitter", clusterIds: ["z-a"] }
const admin = operator("tester")

// Two zones in one county group with two indicators: z-a leads in 2025, z-b in 2024.
const tiny = decodeScheme({
  id: "tiny-app",
  name: { zh: "测试方案", en: "Test scheme" },
  totalPoints: 100,
  dimensions: [{ id: "scale", name: { zh: "规模", en: "Scale" }, indicators: [{ code: "revenue", weight: 1 }] }],
  weighting: { method: "given" },
  normalisation: { method: "minmax" },
  normaliseWithin: "group",
  rewards: { urban_district: 1, county: 1 },
  veto: [],
})

const bytes = (text: string) => new TextEncoder().encode(text)

describe.each(engines)("assessment and judgement use cases on %s", (engine) => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let app: AppRuntime
  beforeAll(async () => {
    t = await openTestStore(engine)
    await t.store.regions.upsert([
      { code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false },
      { code: "410600", name: "鹤壁市", level: "prefecture", parent: "410000", macroZone: "central", isDistrict: false },
      { code: "410621", name: "浚县", level: "county", parent: "410600", macroZone: "central", isDistrict: false },
    ] as never)
    await t.store.clusters.insertMany([testZone("z-a"), testZone("z-b"), testZone("cbd-c", { kind: "modern_service", form: "cbd", level: "city" })] as never)
    const at = (id: string, period: string, value: number) => ({ target: { kind: "cluster" as const, id }, period, indicator: "revenue", value })
    await t.store.observations.upsertMany([at("z-a", "2024", 10), at("z-b", "2024", 20), at("z-a", "2025", 30), at("z-b", "2025", 20)] as never)
    app = await makeAppRuntime({ db: t.db })
  })
  afterAll(async () => {
    await app?.dispose()
    await t?.dispose()
  })

  it("stores a run from the store with one audit entry, and a scheme read from a file with it", async () => {
    const { run, report, result } = await app.run(assess(admin, { scheme: { definition: tiny }, period: "2025" }))
    expect(run).not.toBeNull()
    expect(report).toMatchObject({ stored: true, scheme: { id: "tiny-app", from: "file" }, previous_source: "computed", run: { id: run!.id } })
    expect(result.groups.find((g) => g.group === "county")!.ranking.map((r) => r.clusterId)).toEqual(["z-a", "z-b"])
    expect((await assessmentRepo(t.db).schemes.get("tiny-app"))?.checksum).toBe(run!.schemeChecksum)
    const audit = await auditRepo(t.db).history("assessment", run!.id)
    expect(audit.map((a) => [a.actor, a.action, a.after])).toEqual([["operator:tester", "run", { scheme: "tiny-app", period: "2025", published: false }]])
    // The next run of the period compares with this one's stored predecessor only when there is one: 2024 has none.
    const again = await app.run(assess(admin, { scheme: { id: "tiny-app" }, period: "2025" }))
    expect(again.report.scheme.from).toBe("stored")
  })

  it("neither stores a subset of zones nor a preview, and keeps the store unchanged", async () => {
    const before = await storeChecksum(t.db)
    const runs = (await assessmentRepo(t.db).runs.periods("tiny-app")).length
    const subset = await app.run(assess(admin, { scheme: { id: "tiny-app" }, period: "2025", kind: "industrial" }))
    expect(subset.run).toBeNull()
    const preview = await app.run(previewAssessment(viewer, { scheme: { id: "tiny-app" }, period: "2024" }))
    expect(preview.report).toMatchObject({ stored: false, run: null, period: "2024" })
    expect(await storeChecksum(t.db)).toBe(before)
    expect((await assessmentRepo(t.db).runs.periods("tiny-app")).length).toBe(runs)
  })

  it("lets only admins run and publish, and admins and viewers preview", async () => {
    expect(await rejected(app.run(assess(viewer, { scheme: { id: "tiny-app" }, period: "2025" })), Forbidden)).toMatchObject({ code: "forbidden" })
    expect(await rejected(app.run(assess(undefined, { scheme: { id: "tiny-app" }, period: "2025" })), Unauthorized)).toMatchObject({ code: "unauthorized" })
    await rejected(app.run(previewAssessment(submitter, { scheme: { id: "tiny-app" }, period: "2025" })), Forbidden)
    await rejected(app.run(publishAssessment(viewer, "run_x")), Forbidden)
    expect(await rejected(app.run(publishAssessment(admin, "run_x")), NotFound)).toMatchObject({ code: "not_found" })
    expect(await rejected(app.run(assess(admin, { scheme: { id: "nope" }, period: "2025" })), NotFound)).toMatchObject({ code: "unknown_scheme" })
  })

  it("publishes with an audit entry, and readers see the published state at once", async () => {
    const draft = await app.run(storedResult(viewer, { scheme: "tiny-app", period: "2025" }))
    expect(draft.published).toBe(false)
    // A submitter reads a draft only about its own zone: the rankings of every zone are not that.
    await rejected(app.run(rankingsOf(submitter, { scheme: "tiny-app", period: "2025" })), NotFound)
    await app.run(publishAssessment(admin, draft.id))
    expect((await app.run(rankingsOf(submitter, { scheme: "tiny-app", period: "2025" }))).published).toBe(true)
    expect((await auditRepo(t.db).history("assessment", draft.id)).map((a) => [a.action, a.before, a.after])).toEqual([
      ["run", null, { scheme: "tiny-app", period: "2025", published: false }],
      ["publish", { published: false }, { published: true }],
    ])
  })

  it("answers judgements about a submitter's own zone only, and chooses the certification table once", async () => {
    await rejected(app.run(stage(submitter, { period: "2025" })), Forbidden)
    await rejected(app.run(stage(submitter, { period: "2025", cluster: "z-b" })), Forbidden)
    expect((await app.run(stage(submitter, { period: "2025", cluster: "z-a" }))).results.map((r) => r.id)).toEqual(["z-a"])
    // cbd-c is a city-level zone: the city table unless another is asked for.
    const doc = await app.run(certification(viewer, { period: "2025" }))
    expect(doc.results.map((r) => [r.id, r.table])).toEqual([["cbd-c", "city-service-agglomeration"]])
    const county = await app.run(certification(viewer, { period: "2025", table: "county" }))
    expect(county.results[0]!.table).toBe("county-service-agglomeration")
    expect(await rejected(app.run(stage(viewer, { period: "2025", cluster: "z-none" })), InputError)).toMatchObject({ code: "unknown_cluster" })
  })

  it("judges files without a store, and a files-only use case never reaches one", async () => {
    const data = { name: "data.csv", bytes: bytes("cluster,period,indicator,value\nf1,2025,leading_industry_lq,2\nf1,2025,leading_industry_share,50\n") }
    const clusters = { name: "zones.csv", bytes: bytes("id,name,group\nf1,文件集聚区,county\n") }
    const doc = await runOnFiles(stage(admin, { period: "2025", source: { kind: "file", data, clusters } }))
    expect(doc).toMatchObject({ source: "file", demo: false, results: [{ id: "f1", name: "文件集聚区", stage: "agglomeration" }] })
    // A row about a zone the clusters file lacks is named, with the row as a spreadsheet shows it.
    const bad = { name: "data.csv", bytes: bytes("cluster,period,indicator,value\nf1,2025,revenue,1\nf9,2025,revenue,2\n") }
    const e = await rejected(runOnFiles(stage(admin, { period: "2025", source: { kind: "file", data: bad, clusters } })), InputError)
    expect(e.code).toBe("invalid_rows")
    expect(e.issues).toEqual([expect.objectContaining({ code: "unknown_cluster", row: 3, column: "cluster", value: "f9" })])
    // Without a clusters file the zones are the store's: no store here, so the use case fails, loudly.
    await expect(runOnFiles(stage(admin, { period: "2025", source: { kind: "file", data } }))).rejects.toThrow(/reads files only/)
  })

  it("reads drafts as the access rule says", () => {
    expect(mayReadDrafts(undefined)).toBe(false)
    expect(mayReadDrafts(viewer)).toBe(true)
    expect(mayReadDrafts(submitter)).toBe(false)
    expect(mayReadDrafts(submitter, "z-a")).toBe(true)
    expect(mayReadDrafts(submitter, "z-b")).toBe(false)
  })
})
