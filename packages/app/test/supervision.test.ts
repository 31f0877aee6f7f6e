import {
  type Actor,
  type AppRuntime,
  Conflict,
  decideSupervision,
  Forbidden,
  landQuota,
  makeAppRuntime,
  NotFound,
  operator,
  promotion,
  reportSupervision,
  revokeSupervision,
  supervisionCandidateLists,
  supervisionDecisions,
  Unauthorized,
} from "@jiju/app"
import { InputError } from "@jiju/domain/model"
import { auditRepo, storeChecksum } from "@jiju/store"
import { engines, openTestStore, rejected, testZone } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const viewer: Actor = { kind: "user", id: "u_v", name: "view", role: "viewer", clusterIds: [] }
const committeeA: Actor = { kind: "user", id: "u_a", name: "committee-a", role: "submitter", clusterIds: ["z-a"] }
const admin = operator("tester")

const zone = (id: string, group: "county" | "urban_district", kind = "industrial") => testZone(id, { kind, form: kind === "industrial" ? null : "cbd", group })

type Row = readonly [string, string, string, number]
const rows: Row[] = [
  // Revenue 2024 → 2025: z-a +0 %, z-b +50 %, z-c +100 %.
  ["z-a", "2024", "revenue", 40],
  ["z-a", "2025", "revenue", 40],
  ["z-b", "2024", "revenue", 10],
  ["z-b", "2025", "revenue", 15],
  ["z-c", "2024", "revenue", 20],
  ["z-c", "2025", "revenue", 40],
  ["z-a", "2025", "built_up_area", 2],
  ["z-b", "2025", "built_up_area", 1],
  ["z-c", "2025", "output_intensity", 500],
  // 2009 → 2012 for the promotion: z-a exactly doubled, z-b short on tax.
  ...(["z-a", "z-b"] as const).flatMap((id): Row[] => [
    [id, "2009", "revenue", 5],
    [id, "2009", "employment", 0.5],
    [id, "2009", "tax_total", 1],
    [id, "2012", "revenue", 10],
    [id, "2012", "employment", 1],
    [id, "2012", "tax_total", id === "z-a" ? 2 : 1.5],
  ]),
]

describe.each(engines)("land quota, promotion and supervision use cases on %s", (engine) => {
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
      zone("z-a", "county"),
      zone("z-b", "county"),
      zone("z-c", "urban_district"),
      zone("z-s", "county", "modern_service"),
    ] as never)
    await t.store.observations.upsertMany(
      rows.map(([id, period, indicator, value]) => ({ target: { kind: "cluster" as const, id }, period, indicator, value })) as never,
    )
    app = await makeAppRuntime({ db: t.db, config: { now: () => new Date("2025-08-31T02:00:00Z") } })
  })
  afterAll(async () => {
    await app?.dispose()
    await t?.dispose()
  })

  it("draws the land-quota lists from the store for admins and viewers only", async () => {
    const doc = await app.run(landQuota(viewer, { period: "2025", count: 1, cut: 30 }))
    // z-a 40 × 10⁴ / 3 000 亩 = 133.3…; z-b 15 × 10⁴ / 1 500 = 100; z-c reported 500.
    expect(doc.first.map((e) => [e.id, e.mu])).toEqual([["z-c", 30]])
    expect(doc.last.map((e) => [e.id, e.value, e.mu])).toEqual([["z-b", 100, 30]])
    expect(doc.placed).toBe(3)
    await rejected(app.run(landQuota(committeeA, { period: "2025" })), Forbidden)
    await rejected(app.run(landQuota(undefined, { period: "2025" })), Unauthorized)
    expect((await rejected(app.run(landQuota(admin, { period: "2025", count: -1 })), InputError)).code).toBe("bad_option")
  })

  it("judges the promotion, a zone committee only about its own zone", async () => {
    const doc = await app.run(promotion(admin, {}))
    // Neither zone's base is classified (no weak_base fact): z-a doubled but no threshold → incomplete; z-b short →
    // incomplete; z-c has no 2009 or 2012 figure → incomplete, never judged from zeros. The service zone is not judged.
    expect(doc.zones.map((z) => [z.id, z.verdict])).toEqual([
      ["z-a", "incomplete"],
      ["z-b", "incomplete"],
      ["z-c", "incomplete"],
    ])
    expect(doc.zones[2]!.missing).toHaveLength(6)
    const withThreshold = await app.run(promotion(committeeA, { cluster: "z-a", threshold: { revenue: 10 } }))
    expect(withThreshold.zones.map((z) => [z.id, z.verdict])).toEqual([["z-a", "promoted"]])
    await rejected(app.run(promotion(committeeA, { cluster: "z-b" })), Forbidden)
    await rejected(app.run(promotion(committeeA, {})), Forbidden)
  })

  it("lists the slowest zones as candidates", async () => {
    const doc = await app.run(supervisionCandidateLists(viewer, { period: "2025", count: 1 }))
    expect(doc.lists[0]!.candidates.map((c) => c.clusterId)).toEqual(["z-a"])
    await rejected(app.run(supervisionCandidateLists(committeeA, { period: "2025" })), Forbidden)
  })

  it("records an admin's decision with reason, evidence and audit; refuses others and bad input, writing nothing", async () => {
    const before = await storeChecksum(t.db)
    await rejected(
      app.run(decideSupervision(viewer, { cluster: "z-a", period: "2025", measure: "on_site_supervision", reasonZh: "营业收入零增长" })),
      Forbidden,
    )
    await rejected(
      app.run(decideSupervision(committeeA, { cluster: "z-a", period: "2025", measure: "on_site_supervision", reasonZh: "营业收入零增长" })),
      Forbidden,
    )
    await rejected(
      app.run(decideSupervision(undefined, { cluster: "z-a", period: "2025", measure: "on_site_supervision", reasonZh: "营业收入零增长" })),
      Unauthorized,
    )
    const bad = await rejected(
      app.run(decideSupervision(admin, { cluster: "z-a", period: "2025x", measure: "on_site_supervision", reasonZh: "慢" })),
      InputError,
    )
    expect(bad.code).toBe("invalid_decision")
    expect(bad.issues?.map((i) => i.column)).toEqual(["period", "reason_zh"])
    const measure = await rejected(
      app.run(decideSupervision(admin, { cluster: "z-a", period: "2025", measure: "red_card" as never, reasonZh: "营业收入零增长" })),
      InputError,
    )
    expect(measure.issues?.[0]?.column).toBe("measure")
    await rejected(app.run(decideSupervision(admin, { cluster: "z-none", period: "2025", measure: "yellow_card", reasonZh: "工作不主动" })), NotFound)
    expect(await storeChecksum(t.db)).toBe(before)

    const d = await app.run(
      decideSupervision(admin, {
        cluster: "z-a",
        period: "2025",
        measure: "on_site_supervision",
        reasonZh: "营业收入零增长，全省最慢",
        reasonEn: "zero revenue growth, the slowest",
        evidence: { ranking: "supervision", period: "2025", runId: null, note: "候选名单第 1 位" },
      }),
    )
    expect(d).toMatchObject({ cluster: "z-a", measure: "on_site_supervision", decidedBy: "operator:tester", reason: { zh: "营业收入零增长，全省最慢" } })
    expect(d.evidence?.note).toBe("候选名单第 1 位")
    expect((await auditRepo(t.db).history("supervision_decision", d.id)).map((a) => a.action)).toEqual(["decide"])

    // The monthly report: a bad month or an empty text writes nothing.
    expect((await rejected(app.run(reportSupervision(admin, d.id, { month: "2025-13", textZh: "进展" })), InputError)).code).toBe("invalid_report")
    expect((await rejected(app.run(reportSupervision(admin, d.id, { month: "2025-08", textZh: " " })), InputError)).code).toBe("invalid_report")
    await rejected(app.run(reportSupervision(viewer, d.id, { month: "2025-08", textZh: "进展" })), Forbidden)
    await rejected(app.run(reportSupervision(admin, "sup_none", { month: "2025-08", textZh: "进展" })), NotFound)
    const reported = await app.run(reportSupervision(admin, d.id, { month: "2025-08", textZh: "新开工项目 2 个" }))
    expect(reported.reports.map((r) => [r.month, r.text.zh])).toEqual([["2025-08", "新开工项目 2 个"]])

    // A yellow card takes no monthly report.
    const card = await app.run(decideSupervision(admin, { cluster: "z-b", period: "2025", measure: "yellow_card", reasonZh: "工作不主动、措施不得力" }))
    expect((await rejected(app.run(reportSupervision(admin, card.id, { month: "2025-08", textZh: "x" })), Conflict)).code).toBe("not_on_site")

    // Listing: a zone committee sees its own zone's decisions only.
    expect((await app.run(supervisionDecisions(viewer, { period: "2025" }))).items.map((x) => x.cluster)).toEqual(["z-a", "z-b"])
    expect((await app.run(supervisionDecisions(committeeA, { cluster: "z-a" }))).items.map((x) => x.id)).toEqual([d.id])
    await rejected(app.run(supervisionDecisions(committeeA, {})), Forbidden)
    await rejected(app.run(supervisionDecisions(committeeA, { cluster: "z-b" })), Forbidden)

    // Revoked: kept on record, no longer in force, takes no report.
    await app.run(revokeSupervision(admin, card.id))
    expect((await app.run(supervisionDecisions(viewer, {}))).items.map((x) => x.id)).toEqual([d.id])
    expect((await app.run(supervisionDecisions(viewer, { revoked: true }))).items).toHaveLength(2)
    expect((await rejected(app.run(revokeSupervision(admin, card.id)), Conflict)).code).toBe("decision_revoked")
    expect((await auditRepo(t.db).history("supervision_decision", card.id)).map((a) => a.action)).toEqual(["decide", "revoke"])
  })
})
