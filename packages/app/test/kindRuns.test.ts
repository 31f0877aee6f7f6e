import {
  type Actor,
  type AppRuntime,
  assess,
  assessEachKind,
  eachKindReport,
  Forbidden,
  kindSchemes,
  makeAppRuntime,
  operator,
  publishAssessment,
  storedReport,
  Unauthorized,
} from "@jiju/app"
import { defaultKindSchemes } from "@jiju/domain/assessment"
import { InputError } from "@jiju/domain/model"
import { assessmentRepo, auditRepo, storeChecksum } from "@jiju/store"
import { engines, openTestStore, rejected, testZone } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const viewer: Actor = { kind: "user", id: "u_v", name: "view", role: "viewer", clusterIds: [] }
const editor: Actor = { kind: "token", id: "tok_s", name: "zone", role: "submitter", clusterIds: ["cbd-c"] }
const admin = operator("tester")

const industrialCodes = ["revenue", "employment", "tax_total", "fixed_investment", "infrastructure_investment", "new_projects", "output_intensity"]
const serviceCodes = ["operating_revenue", "firms", "employment", "floor_area"]

describe.each(engines)("each kind its scheme on %s", (engine) => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let app: AppRuntime
  beforeAll(async () => {
    t = await openTestStore(engine)
    await t.store.regions.upsert([
      { code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false },
      { code: "410600", name: "鹤壁市", level: "prefecture", parent: "410000", macroZone: "central", isDistrict: false },
      { code: "410621", name: "浚县", level: "county", parent: "410600", macroZone: "central", isDistrict: false },
    ] as never)
    await t.store.clusters.insertMany([
      testZone("z-a"),
      testZone("z-b"),
      testZone("cbd-c", { kind: "modern_service", form: "cbd", level: "city" }),
      testZone("cbd-d", { kind: "modern_service", form: "cbd", level: "city" }),
    ] as never)
    // z-a leads every industrial indicator and cbd-d every service one.
    const at = (id: string, indicator: string, value: number) => ({ target: { kind: "cluster" as const, id }, period: "2025", indicator, value })
    await t.store.observations.upsertMany([
      ...industrialCodes.flatMap((c) => [at("z-a", c, 20), at("z-b", c, 10)]),
      ...serviceCodes.flatMap((c) => [at("cbd-c", c, 5), at("cbd-d", c, 15)]),
    ] as never)
    app = await makeAppRuntime({ db: t.db })
  })
  afterAll(async () => {
    await app?.dispose()
    await t?.dispose()
  })

  it("runs every kind with its own scheme and stores one run per kind", async () => {
    const all = await app.run(assessEachKind(admin, { period: "2025" }))
    expect(all.runs.map((r) => [r.kind, r.scheme, r.zones, r.ranked, r.published])).toEqual([
      ["industrial", "jiju-industrial", 2, 2, false],
      ["modern_service", "jiju-service", 2, 2, false],
    ])
    const service = all.items.find((a) => a.kind === "modern_service")!
    expect(service.result.groups.find((g) => g.group === "county")!.ranking.map((r) => r.clusterId)).toEqual(["cbd-d", "cbd-c"])
    expect(service.run?.provenance).toMatchObject({ kind: "modern_service", schemeFrom: "built_in" })
    expect(all.runs[1]!.unconfirmed_defaults.map((u) => u.item)).toEqual(["weights", "normalisation", "rewards"])
    // The document of the run: the industrial kind's report with every kind in runs.
    const { report } = eachKindReport(all)
    expect(report).toMatchObject({ scheme: { id: "jiju-industrial" }, kind: "industrial", confirmation: null, stored: true })
    expect(report.runs?.map((r) => r.run_id)).toEqual(all.items.map((a) => a.run!.id))
  })

  it("refuses to publish on unconfirmed defaults without confirmation, and writes nothing", async () => {
    const before = await storeChecksum(t.db)
    const e = await rejected(app.run(assessEachKind(admin, { period: "2025", publish: true })), InputError)
    expect(e).toMatchObject({ code: "defaults_unconfirmed" })
    expect(e.message).toContain('"jiju-industrial"')
    await rejected(app.run(assess(admin, { scheme: { ofKind: "modern_service" }, kind: "modern_service", period: "2025", publish: true })), InputError)
    expect(await storeChecksum(t.db)).toBe(before)
  })

  it("only an admin runs, publishes and confirms", async () => {
    await rejected(app.run(assessEachKind(viewer, { period: "2025", publish: true, confirmDefaults: true })), Forbidden)
    await rejected(app.run(assessEachKind(editor, { period: "2025", publish: true, confirmDefaults: true })), Forbidden)
    await rejected(app.run(assessEachKind(undefined, { period: "2025" })), Unauthorized)
    const draft = (await assessmentRepo(t.db).runs.latest("jiju-service", "2025"))!
    await rejected(app.run(publishAssessment(viewer, draft.id, { confirmDefaults: true })), Forbidden)
    await rejected(app.run(publishAssessment(editor, draft.id, { confirmDefaults: true })), Forbidden)
  })

  it("publishes with confirmation and records who confirmed what and when, in the run, its report and the audit", async () => {
    const all = await app.run(assessEachKind(admin, { period: "2025", publish: true, confirmDefaults: true }))
    for (const a of all.items) {
      expect(a.run?.published).toBe(true)
      expect(a.run?.provenance?.confirmation).toMatchObject({ by: "operator:tester", source: { kind: "default" } })
      expect(a.report.confirmation?.items.map((i) => i.item)).toEqual(a.report.unconfirmed_defaults?.map((i) => i.item))
    }
    const service = all.items.find((a) => a.kind === "modern_service")!
    const audit = await auditRepo(t.db).history("assessment", service.run!.id)
    expect(audit.map((a) => a.after)).toEqual([
      { scheme: "jiju-service", period: "2025", published: true, kind: "modern_service", confirmed_defaults: ["weights", "normalisation", "rewards"] },
    ])
    // Read back: the stored report says so.
    const report = await app.run(storedReport(viewer, { scheme: "jiju-service", period: "2025" }))
    expect(report).toMatchObject({ kind: "modern_service", run: { id: service.run!.id, published: true }, confirmation: { by: "operator:tester" } })
  })

  it("publishes a stored draft on defaults only with confirmation", async () => {
    const { run } = await app.run(assess(admin, { scheme: { ofKind: "modern_service" }, kind: "modern_service", period: "2025" }))
    expect(run?.provenance?.kind).toBe("modern_service")
    const before = await storeChecksum(t.db)
    expect(await rejected(app.run(publishAssessment(admin, run!.id)), InputError)).toMatchObject({ code: "defaults_unconfirmed" })
    expect(await storeChecksum(t.db)).toBe(before)
    await app.run(publishAssessment(admin, run!.id, { confirmDefaults: true }))
    const after = (await assessmentRepo(t.db).runs.get(run!.id))!
    expect(after.published).toBe(true)
    expect(after.provenance?.confirmation?.items.map((i) => i.item)).toEqual(["weights", "normalisation", "rewards"])
  })

  it("names each kind's scheme to any signed-in caller, the commission's choice marked", async () => {
    const { items } = await app.run(kindSchemes(editor))
    expect(items.map((i) => [i.kind, i.scheme.id, i.configured])).toEqual([
      ["industrial", "jiju-industrial", false],
      ["modern_service", "jiju-service", false],
      ["financial", "jiju-financial", false],
      ["shipping_logistics", "jiju-shipping", false],
    ])
    await rejected(app.run(kindSchemes(undefined)), Unauthorized)
    const configured = await makeAppRuntime({ db: t.db, config: { kindSchemes: { ...defaultKindSchemes, industrial: "henan-2017" } } })
    try {
      const first = (await configured.run(kindSchemes(viewer))).items[0]!
      expect([first.scheme.id, first.configured, first.unconfirmedDefaults]).toEqual(["henan-2017", true, []])
    } finally {
      await configured.dispose()
    }
  })
})
