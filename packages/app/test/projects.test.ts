import {
  type Actor,
  type AppRuntime,
  assess,
  Conflict,
  createProject,
  derivedIndicators,
  Forbidden,
  findings,
  getProject,
  importProjectFile,
  importReportFile,
  listProjects,
  makeAppRuntime,
  NotFound,
  operator,
  projectHistory,
  projectReports,
  recordProjectStatus,
  submitWeeklyReport,
  supervision,
  Unauthorized,
  updateProjectDocument,
} from "@jiju/app"
import { decodeScheme } from "@jiju/domain/assessment"
import { InputError } from "@jiju/domain/model"
import { type ProjectEntry, southAreaExample, type WeeklyReport } from "@jiju/domain/projects"
import { auditRepo, projectRepo, storeChecksum, weeklyReportRepo, zoneAreaRepo } from "@jiju/store"
import { engines, openTestStore, rejected, testZone } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const viewer: Actor = { kind: "user", id: "u_v", name: "view", role: "viewer", clusterIds: [] }
const committeeA: Actor = { kind: "user", id: "u_a", name: "committee-a", role: "submitter", clusterIds: ["z-a"] }
const committeeB: Actor = { kind: "user", id: "u_b", name: "committee-b", role: "submitter", clusterIds: ["z-b"] }
const admin = operator("tester")

const entry = (over: Partial<ProjectEntry> = {}): ProjectEntry => ({
  id: "pa-1",
  name: "电子元件项目",
  cluster: "z-a" as ProjectEntry["cluster"],
  area: "south",
  investor: "某电子有限公司",
  firm: null,
  industry: "电子信息",
  type: "industrial",
  traits: ["high_tech"],
  totalInvestment: 1_200,
  // Exactly the south area's minimum (seed 002 篇5 一: 固定资产投资1000万元的高新技术项目).
  fixedInvestment: 1_000,
  land: 10,
  floorArea: 8_000,
  storeys: 3,
  contract: { investmentIntensity: 100, floorAreaRatio: 1.2, startBy: null, completeBy: null },
  location: null,
  specialReason: null,
  note: null,
  isDemo: false,
  history: [
    { status: "signed", on: "2025-01-06" },
    { status: "land_supplied", on: "2025-02-03" },
  ],
  ...over,
})

const report = (week: string, over: Partial<WeeklyReport> = {}): WeeklyReport => ({
  week,
  investmentThisWeek: 50,
  investmentToDate: 50,
  progressPercent: 5,
  progress: "场地平整",
  problems: [],
  note: null,
  ...over,
})

describe.each(engines)("project and weekly report use cases on %s", (engine) => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let app: AppRuntime
  // The clock the use cases read: moved by the tests.
  let clock = new Date("2025-03-05T02:00:00Z")
  beforeAll(async () => {
    t = await openTestStore(engine)
    await t.store.regions.upsert([
      { code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false },
      { code: "410600", name: "鹤壁市", level: "prefecture", parent: "410000", macroZone: "central", isDistrict: false },
      { code: "410621", name: "浚县", level: "county", parent: "410600", macroZone: "central", isDistrict: false },
    ] as never)
    await t.store.clusters.insertMany([testZone("z-a"), testZone("z-b")] as never)
    await zoneAreaRepo(t.db).insert("z-a", southAreaExample)
    app = await makeAppRuntime({ db: t.db, config: { now: () => clock } })
  })
  afterAll(async () => {
    await app?.dispose()
    await t?.dispose()
  })

  it("refuses a project below the south area's minimum by one 万, naming the rule's source, and writes nothing", async () => {
    const before = await storeChecksum(t.db)
    const audit = (await auditRepo(t.db).history("project", "pa-1")).length
    const e = await rejected(app.run(createProject(committeeA, entry({ fixedInvestment: 999 }))), InputError)
    expect(e.code).toBe("invalid_project")
    expect(e.issues?.map((i) => [i.code, i.column])).toEqual([["below_min_investment", "fixed_investment"]])
    expect(e.issues?.[0]?.zh).toContain("1000")
    expect(await storeChecksum(t.db)).toBe(before)
    expect(await projectRepo(t.db).count()).toBe(0)
    expect((await auditRepo(t.db).history("project", "pa-1")).length).toBe(audit)
    // Not high-tech: refused by the same rule.
    const trait = await rejected(app.run(createProject(committeeA, entry({ traits: [] }))), InputError)
    expect(trait.issues?.map((i) => i.code)).toEqual(["trait_missing"])
  })

  it("admits exactly 1,000万 in the south area, with an empty file and an audit entry", async () => {
    const p = await app.run(createProject(committeeA, entry()))
    expect(p).toMatchObject({ id: "pa-1", status: "land_supplied", version: 1, admission: { admitted: true } })
    expect(p.documents.map((d) => [d.kind, d.state])).toEqual([
      ["project_approval", "missing"],
      ["environmental_assessment", "missing"],
      ["land_use", "missing"],
      ["planning_permit", "missing"],
      ["construction_permit", "missing"],
    ])
    expect(p.history.map((h) => h.recordedBy)).toEqual(["user:committee-a", "user:committee-a"])
    expect(p.milestones).toMatchObject({ signedOn: "2025-01-06", landSuppliedOn: "2025-02-03", startedOn: null })
    const audit = await auditRepo(t.db).history("project", "pa-1")
    expect(audit.map((a) => [a.actor, a.action])).toEqual([["user:committee-a", "create"]])
    expect(await rejected(app.run(createProject(admin, entry())), Conflict)).toMatchObject({ code: "duplicate_id" })
  })

  it("lets only the zone's committee and admins enter, change and report; reads by role and zone", async () => {
    const other = entry({ id: "pb-1", cluster: "z-b" as ProjectEntry["cluster"], area: null })
    expect(await rejected(app.run(createProject(committeeA, other)), Forbidden)).toMatchObject({ code: "other_cluster" })
    expect(await rejected(app.run(createProject(viewer, other)), Forbidden)).toMatchObject({ code: "forbidden" })
    expect(await rejected(app.run(createProject(undefined, other)), Unauthorized)).toMatchObject({ code: "unauthorized" })
    await app.run(createProject(committeeB, other))

    // Reads: anonymous refused; a viewer sees every zone; a committee its own only (another zone's project is not found).
    await rejected(app.run(listProjects(undefined, {})), Unauthorized)
    expect((await app.run(listProjects(viewer, {}))).items.map((p) => p.id)).toEqual(["pa-1", "pb-1"])
    expect((await app.run(listProjects(committeeA, {}))).items.map((p) => p.id)).toEqual(["pa-1"])
    expect((await app.run(listProjects(committeeA, { cluster: "z-b" }))).items).toEqual([])
    expect((await app.run(getProject(viewer, "pb-1"))).cluster).toBe("z-b")
    await rejected(app.run(getProject(committeeA, "pb-1")), NotFound)
    await rejected(app.run(projectHistory(committeeA, "pb-1")), NotFound)
    await rejected(app.run(projectReports(committeeA, "pb-1")), NotFound)

    // Writes on another zone's project: not found for a committee, forbidden for a viewer.
    await rejected(app.run(recordProjectStatus(committeeA, "pb-1", { status: "started", on: "2025-03-01" })), NotFound)
    await rejected(app.run(recordProjectStatus(viewer, "pb-1", { status: "started", on: "2025-03-01" })), Forbidden)
    await rejected(app.run(updateProjectDocument(committeeA, "pb-1", "land_use", { state: "approved" })), NotFound)
    await rejected(app.run(submitWeeklyReport(committeeA, "pb-1", report("2025-W09"))), NotFound)
    await rejected(app.run(submitWeeklyReport(viewer, "pa-1", report("2025-W09"))), Forbidden)
    await rejected(app.run(submitWeeklyReport(undefined, "pa-1", report("2025-W09"))), Unauthorized)

    // The register views: a committee only for its own zone, named.
    await rejected(app.run(supervision(committeeA, {})), Forbidden)
    await rejected(app.run(supervision(committeeA, { cluster: "z-b" })), Forbidden)
    await rejected(app.run(findings(undefined, {})), Unauthorized)
    await rejected(app.run(derivedIndicators(committeeB, { period: "2025" })), Forbidden)
    expect((await app.run(supervision(committeeA, { cluster: "z-a", week: "2025-W09" }))).reports.items.map((i) => i.project)).toEqual(["pa-1"])
  })

  it("records status steps and file approvals checked by the domain, audited", async () => {
    const bad = await rejected(app.run(recordProjectStatus(committeeA, "pa-1", { status: "started", on: "2025-01-31" })), InputError)
    expect(bad.issues?.map((i) => [i.code, i.column])).toEqual([["date_order", "on"]])
    const future = await rejected(app.run(recordProjectStatus(committeeA, "pa-1", { status: "started", on: "2025-03-06" })), InputError)
    expect(future.issues?.map((i) => i.code)).toEqual(["date_in_future"])
    const started = await app.run(recordProjectStatus(committeeA, "pa-1", { status: "started", on: "2025-02-24" }))
    expect(started).toMatchObject({ status: "started", version: 2, milestones: { startedOn: "2025-02-24" } })
    const filed = await app.run(
      updateProjectDocument(admin, "pa-1", "environmental_assessment", { state: "approved", on: "2025-02-20", reference: "浚环审〔2025〕3号" }),
    )
    expect(filed.documents.find((d) => d.kind === "environmental_assessment")).toMatchObject({
      state: "approved",
      on: "2025-02-20",
      reference: "浚环审〔2025〕3号",
    })
    const audit = await auditRepo(t.db).history("project", "pa-1")
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ["user:committee-a", "create"],
      ["user:committee-a", "status"],
      ["operator:tester", "document:environmental_assessment"],
    ])
  })

  it("files weekly reports: on time, late by the deadline, corrected with the first filing kept, checked against neighbours", async () => {
    // 2025-W09 (24 Feb – 2 Mar) is due on Monday 3 March 12:00 Beijing time (04:00Z); now is 5 March: late.
    const late = await app.run(submitWeeklyReport(committeeA, "pa-1", report("2025-W09")))
    expect(late).toMatchObject({ week: "2025-W09", late: true, revision: 1, submittedBy: "user:committee-a", deadline: "2025-03-03T04:00:00.000Z" })
    clock = new Date("2025-03-10T03:59:59Z")
    const onTime = await app.run(
      submitWeeklyReport(committeeA, "pa-1", report("2025-W10", { investmentThisWeek: 30, investmentToDate: 80, progressPercent: 9 })),
    )
    expect(onTime.late).toBe(false)
    // A correction keeps the first filing time (still late) and raises the revision.
    const corrected = await app.run(submitWeeklyReport(admin, "pa-1", report("2025-W09", { progress: "场地平整完成" })))
    expect(corrected).toMatchObject({ late: true, revision: 2, firstSubmittedAt: late.firstSubmittedAt, progress: "场地平整完成" })
    // Investment to date may not fall below the previous week's.
    const down = await rejected(app.run(submitWeeklyReport(committeeA, "pa-1", report("2025-W11", { investmentToDate: 70 }))), InputError)
    expect(down.issues?.map((i) => i.code)).toContain("to_date_decreased")
    expect((await rejected(app.run(submitWeeklyReport(committeeA, "pa-1", report("2025-W12"))), InputError)).issues?.map((i) => i.code)).toContain(
      "week_not_begun",
    )
    expect(await weeklyReportRepo(t.db).count()).toBe(2)
    const audit = await auditRepo(t.db).history("weekly_report", "pa-1/2025-W09")
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ["user:committee-a", "submit"],
      ["operator:tester", "correct"],
    ])
    // The calendar: W06 (land supplied on 3 Feb) to W10 are owed; W06–W08 missing, W09 late, W10 on time, W11 open.
    clock = new Date("2025-03-12T02:00:00Z")
    const { items, schedule } = await app.run(projectReports(viewer, "pa-1"))
    expect(items.map((r) => r.week)).toEqual(["2025-W10", "2025-W09"])
    expect(schedule.map((s) => [s.week, s.state])).toEqual([
      ["2025-W11", "open"],
      ["2025-W10", "on_time"],
      ["2025-W09", "late"],
      ["2025-W08", "missing"],
      ["2025-W07", "missing"],
      ["2025-W06", "missing"],
    ])
    // The weekly meeting looks at W10: pa-1 on time; pb-1 (land supplied too) missing, first on the agenda.
    const view = await app.run(supervision(viewer, { week: "2025-W10" }))
    expect(view.reports).toMatchObject({ expected: 2, onTime: 1, missing: 1 })
    expect(view.agenda[0]).toMatchObject({ kind: "missing_report", project: "pb-1" })
  })

  it("imports tables of projects and reports all or nothing, with the row report, and a committee its own zone's rows only", async () => {
    const bytes = (text: string) => new TextEncoder().encode(text)
    const header = "项目编号,项目名称,集聚区,片区,投资方,项目类型,项目特征,总投资（万元）,固定资产投资（万元）,签约日期,供地日期\n"
    const good = "pa-2,新材料项目,z-a,south,某材料公司,工业,高新技术,3000,2500,2025-01-20,2025-02-10\n"
    const bad = "pa-3,包装项目,z-a,south,某包装公司,工业,高新技术,1500,999,2025-01-20,\n"
    const before = await projectRepo(t.db).count()
    const refused = await rejected(app.run(importProjectFile(admin, { bytes: bytes(header + good + bad), fileName: "projects.csv" })), InputError)
    expect(refused.code).toBe("invalid_rows")
    // The header is row 1: the bad project is row 3, at the file's own column name.
    expect(refused.issues?.map((i) => [i.code, i.row, i.column])).toEqual([["below_min_investment", 3, "固定资产投资（万元）"]])
    expect(await projectRepo(t.db).count()).toBe(before)
    await rejected(app.run(importProjectFile(committeeB, { bytes: bytes(header + good), fileName: "projects.csv" })), Forbidden)
    await rejected(app.run(importProjectFile(viewer, { bytes: bytes(header + good), fileName: "projects.csv" })), Forbidden)
    expect(await app.run(importProjectFile(committeeA, { bytes: bytes(header + good), fileName: "projects.csv" }))).toMatchObject({ imported: 1 })
    expect((await app.run(getProject(viewer, "pa-2"))).status).toBe("land_supplied")

    const reports = "项目编号,周次,本周完成投资,累计完成投资,形象进度,存在问题\npa-2,2025-W09,100,100,4,国土资源局：土地证办理滞后\npa-1,2025-W11,20,100,12,\n"
    const down = "项目编号,周次,本周完成投资,累计完成投资,形象进度\npa-1,2025-W11,0,10,12\n"
    const wrong = await rejected(app.run(importReportFile(committeeA, { bytes: bytes(down), fileName: "weekly.csv" })), InputError)
    expect(wrong.issues?.map((i) => [i.code, i.row])).toContainEqual(["to_date_decreased", 2])
    await rejected(app.run(importReportFile(committeeB, { bytes: bytes(reports), fileName: "weekly.csv" })), Forbidden)
    const count = await weeklyReportRepo(t.db).count()
    expect(await app.run(importReportFile(committeeA, { bytes: bytes(reports), fileName: "weekly.csv" }))).toMatchObject({ imported: 2 })
    expect(await weeklyReportRepo(t.db).count()).toBe(count + 2)
    expect((await weeklyReportRepo(t.db).get("pa-2", "2025-W09"))?.problems).toEqual([{ department: "国土资源局", description: "土地证办理滞后" }])
  })

  it("derives the register's indicators beside a submitted value: a conflict shown, the submitted value kept", async () => {
    await t.store.observations.upsertMany([
      { target: { kind: "cluster", id: "z-a" }, period: "2025", indicator: "new_projects", value: 3, source: "统计报表", submitter: "zone" },
    ] as never)
    const { items } = await app.run(derivedIndicators(viewer, { period: "2025", cluster: "z-a" }))
    const started = items.find((i) => i.indicator === "new_projects")!
    // pa-1 started on 2025-02-24: one project, against the 3 submitted.
    expect(started).toMatchObject({ cluster: "z-a", value: 1, provenance: "derived_from_projects", basis: ["pa-1"], conflict: true, difference: -2 })
    expect(started.submitted).toMatchObject({ value: 3, source: "统计报表" })
    const stored = await t.store.observations.query({ clusters: ["z-a"], indicators: ["new_projects"], period: "2025" })
    expect(stored.map((o) => o.value)).toEqual([3])
  })

  it("lets an assessment use the derived values where none was submitted, listing conflicts, without storing the run", async () => {
    const starts = decodeScheme({
      id: "starts-app",
      name: { zh: "新开工测试方案", en: "Starts test scheme" },
      totalPoints: 100,
      dimensions: [{ id: "projects", name: { zh: "项目", en: "Projects" }, indicators: [{ code: "new_projects", weight: 1 }] }],
      weighting: { method: "given" },
      normalisation: { method: "minmax" },
      normaliseWithin: "group",
      rewards: { urban_district: 1, county: 1 },
      veto: [],
    })
    const before = await storeChecksum(t.db)
    const { run, result, derived } = await app.run(assess(admin, { scheme: { definition: starts }, period: "2025", derived: true }))
    expect(run).toBeNull()
    // z-b submitted nothing: its derived 0 (no project of it started in 2025) is used; z-a keeps its submitted 3.
    expect(derived?.used.filter((u) => u.indicator === "new_projects" && u.period === "2025").map((u) => [u.cluster, u.value])).toEqual([["z-b", 0]])
    expect(derived?.conflicts.map((c) => [c.derived.cluster, c.derived.indicator, c.derived.value, c.submitted])).toContainEqual(["z-a", "new_projects", 1, 3])
    expect(derived?.notes.some((n) => n.en.includes("the submitted value is kept"))).toBe(true)
    expect(result.groups.find((g) => g.group === "county")!.ranking.map((r) => r.clusterId)).toEqual(["z-a", "z-b"])
    expect(await storeChecksum(t.db)).toBe(before)
    const file = await rejected(
      app.run(
        assess(admin, {
          scheme: { definition: starts },
          period: "2025",
          derived: true,
          source: { kind: "file", data: { name: "x.csv", bytes: new Uint8Array() } },
        }),
      ),
      InputError,
    )
    expect(file.code).toBe("derived_needs_store")
  })
})
