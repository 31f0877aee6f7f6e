import { projectsApi } from "@jiju/domain/contract"
import { southAreaExample } from "@jiju/domain/projects"
import { auditRepo, zoneAreaRepo } from "@jiju/store"
import { engines } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Setup, setup } from "./helpers.js"

// A project as the wire carries it (snake_case).
const project = (id: string, cluster: string, over: Record<string, unknown> = {}) => ({
  id,
  name: `项目 ${id}`,
  cluster,
  area: null,
  investor: "某新材料有限公司",
  firm: null,
  industry: "新材料",
  type: "industrial",
  traits: [],
  total_investment: 12_000,
  fixed_investment: 10_000,
  land: 40,
  floor_area: 30_000,
  storeys: 3,
  contract: { investment_intensity: 250, floor_area_ratio: 1.1, start_by: null, complete_by: null },
  location: { lon: 114.3, lat: 35.75 },
  special_reason: null,
  note: null,
  is_demo: false,
  history: [
    { status: "signed", on: "2025-01-06" },
    { status: "land_supplied", on: "2025-02-03" },
  ],
  ...over,
})

const report = (week: string, over: Record<string, unknown> = {}) => ({
  week,
  investment_this_week: 120,
  investment_to_date: 120,
  progress_percent: 3,
  progress: "土方开挖",
  problems: [{ department: "供电公司", description: "施工用电未接通" }],
  note: null,
  ...over,
})

describe.each(engines)("project register API on %s", (engine) => {
  let t: Setup
  beforeAll(async () => {
    t = await setup(engine, { config: { now: () => new Date("2025-03-12T02:00:00Z") } })
    await zoneAreaRepo(t.db).insert("hb-qibin", southAreaExample)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("enters projects in snake_case, refusing one below the south area's minimum with the rule's source", async () => {
    // The zone's committee (token bound to hb-qibin) enters its own project in the south area at exactly 1,000万.
    const atMinimum = project("q-1", "hb-qibin", { area: "south", traits: ["high_tech"], total_investment: 1_500, fixed_investment: 1_000 })
    const created = await t.call("POST", "/v1/projects", { as: "submitter", body: atMinimum })
    expect(created.status).toBe(201)
    expect(created.headers.get("location")).toBe("/v1/projects/q-1")
    const body = await created.json()
    expect(body).toMatchObject({ id: "q-1", status: "land_supplied", admission: { admitted: true }, milestones: { land_supplied_on: "2025-02-03" } })
    expect(body.documents).toHaveLength(5)
    const below = await t.call("POST", "/v1/projects", { as: "submitter", body: { ...atMinimum, id: "q-2", fixed_investment: 999.99 } })
    expect(below.status).toBe(422)
    const problem = await below.json()
    expect(problem.code).toBe("invalid_project")
    expect(problem.errors.map((e: { code: string; column: string }) => [e.code, e.column])).toEqual([["below_min_investment", "fixed_investment"]])
    expect(problem.errors[0].zh).toContain("1000")
    expect((await t.call("GET", "/v1/projects/q-2", { as: "admin" })).status).toBe(404)
    // camelCase is refused by the wire rule.
    const camel = await t.call("POST", "/v1/projects", { as: "admin", body: { ...project("x-9", "hb-xunxian"), fixedInvestment: 1 } })
    expect(camel.status).toBe(422)
    expect((await camel.json()).code).toBe("wrong_case")
    expect((await t.call("POST", "/v1/projects", { as: "admin", body: project("x-1", "hb-xunxian") })).status).toBe(201)
    expect((await t.call("POST", "/v1/projects", { as: "admin", body: project("x-1", "hb-xunxian") })).status).toBe(409)
  })

  it("answers every rule source as the model's RuleSource with its reference, taking either shape on input", async () => {
    // The register's first shape: a zone's own regulation ("local") is read as the commission's configuration.
    const legacy = await t.call("PUT", "/v1/clusters/hb-qibin/areas/north", {
      as: "admin",
      body: {
        code: "north",
        name: "北区",
        name_en: null,
        rules: [
          { min_fixed_investment: 800, types: [], traits: [], mode: "advisory", source: { kind: "local", reference: "某县园区管理办法 第八条", quote: null } },
        ],
      },
    })
    expect(legacy.status).toBe(200)
    expect((await legacy.json()).rules[0].source).toEqual({
      kind: "commission",
      document: null,
      section: null,
      quote: null,
      note: { zh: "某县园区管理办法 第八条", en: "某县园区管理办法 第八条" },
      reference: "某县园区管理办法 第八条",
    })
    // The RuleSource itself, its reference left to the server.
    const own = { kind: "commission", document: null, section: null, quote: null, note: { zh: "淇滨区准入办法 第三条", en: "Qibin admission rules, art. 3" } }
    const current = await t.call("PUT", "/v1/clusters/hb-qibin/areas/north", {
      as: "admin",
      body: { code: "north", name: "北区", name_en: null, rules: [{ min_fixed_investment: 800, types: [], traits: [], mode: "advisory", source: own }] },
    })
    expect(current.status).toBe(200)
    const areas = await (await t.call("GET", "/v1/clusters/hb-qibin/areas", { as: "viewer" })).json()
    const south = areas.items.find((a: { code: string }) => a.code === "south")
    expect(south.rules[0].source).toEqual({
      kind: "document",
      document: "002_5346310891de6d1c.txt",
      section: "篇5 一",
      quote: "我县工业园区南区主要安排固定资产投资1000万元的高新技术项目",
      note: null,
      reference: "seed 002 篇5 一",
    })
    expect(areas.items.find((a: { code: string }) => a.code === "north").rules[0].source).toEqual({ ...own, reference: "淇滨区准入办法 第三条" })
    // A kind the model does not know is refused.
    const bad = await t.call("PUT", "/v1/clusters/hb-qibin/areas/north", {
      as: "admin",
      body: {
        code: "north",
        name: "北区",
        name_en: null,
        rules: [{ min_fixed_investment: 800, types: [], traits: [], mode: "advisory", source: { kind: "rumour", reference: "x", quote: null } }],
      },
    })
    expect(bad.status).toBe(422)
  })

  it("lets each route be called by exactly the roles its contract names: anonymous, viewer, another zone's committee, admin", async () => {
    // x-1 belongs to hb-xunxian; the submitter token is hb-qibin's committee.
    const cases: ReadonlyArray<readonly [string, string, unknown, Record<"anon" | "viewer" | "submitter" | "admin", number>]> = [
      ["GET", "/v1/projects", undefined, { anon: 401, viewer: 200, submitter: 200, admin: 200 }],
      ["GET", "/v1/projects/x-1", undefined, { anon: 401, viewer: 200, submitter: 404, admin: 200 }],
      ["GET", "/v1/projects/x-1/history", undefined, { anon: 401, viewer: 200, submitter: 404, admin: 200 }],
      ["GET", "/v1/projects/x-1/reports", undefined, { anon: 401, viewer: 200, submitter: 404, admin: 200 }],
      ["POST", "/v1/projects", project("x-2", "hb-xunxian"), { anon: 401, viewer: 403, submitter: 403, admin: 201 }],
      ["POST", "/v1/projects/x-1/status", { status: "started", on: "2025-02-24" }, { anon: 401, viewer: 403, submitter: 404, admin: 200 }],
      [
        "PUT",
        "/v1/projects/x-1/documents/land_use",
        { state: "approved", on: "2025-02-01", reference: "浚国土〔2025〕1号" },
        { anon: 401, viewer: 403, submitter: 404, admin: 200 },
      ],
      ["PUT", "/v1/projects/x-1/reports/2025-W10", report("2025-W10"), { anon: 401, viewer: 403, submitter: 404, admin: 200 }],
      ["GET", "/v1/supervision?cluster=hb-xunxian&week=2025-W10", undefined, { anon: 401, viewer: 200, submitter: 403, admin: 200 }],
      ["GET", "/v1/supervision", undefined, { anon: 401, viewer: 200, submitter: 403, admin: 200 }],
      ["GET", "/v1/project-findings?cluster=hb-xunxian&as_of=2025-03-12", undefined, { anon: 401, viewer: 200, submitter: 403, admin: 200 }],
      ["GET", "/v1/derived-indicators?period=2025&cluster=hb-xunxian", undefined, { anon: 401, viewer: 200, submitter: 403, admin: 200 }],
      [
        "POST",
        "/v1/projects/import?file_name=projects.csv",
        { csv: "id,name,cluster,investor,type,total_investment,fixed_investment,signed_on\nx-3,仓储项目,hb-xunxian,某物流公司,service,800,600,2025-01-10\n" },
        { anon: 401, viewer: 403, submitter: 403, admin: 201 },
      ],
      [
        "POST",
        "/v1/weekly-reports/import?file_name=weekly.csv",
        { csv: "project,week,investment_this_week,investment_to_date,progress_percent\nx-1,2025-W09,50,50,2\n" },
        { anon: 401, viewer: 403, submitter: 403, admin: 201 },
      ],
      ["GET", "/v1/clusters/hb-xunxian/areas", undefined, { anon: 401, viewer: 200, submitter: 200, admin: 200 }],
      [
        "PUT",
        "/v1/clusters/hb-xunxian/areas/east",
        {
          code: "east",
          name: "东区",
          name_en: null,
          rules: [
            {
              min_fixed_investment: 2000,
              types: ["industrial"],
              traits: [],
              mode: "advisory",
              source: { kind: "local", reference: "县管委会文件（测试）", quote: null },
            },
          ],
        },
        { anon: 401, viewer: 403, submitter: 403, admin: 200 },
      ],
      ["GET", "/v1/firms", undefined, { anon: 401, viewer: 200, submitter: 200, admin: 200 }],
      [
        "POST",
        "/v1/firms",
        { id: "f-test", name: "测试企业", cluster: null, industry: "新材料", size: "large", fortune500: null, is_demo: false },
        { anon: 401, viewer: 403, submitter: 403, admin: 201 },
      ],
      [
        "PUT",
        "/v1/firms/f-test/lists",
        {
          memberships: [
            {
              list: "dragon",
              year: 2025,
              criteria: ["六好"],
              source: { kind: "document", reference: "seed 003 四(四)", quote: "遵照“六好”原则筛选出100家“龙鹰”企业" },
            },
          ],
        },
        { anon: 401, viewer: 403, submitter: 403, admin: 200 },
      ],
    ]
    const covered = new Set<string>()
    for (const [method, path, body, expected] of cases) {
      for (const who of ["anon", "viewer", "submitter", "admin"] as const) {
        const file = body !== null && typeof body === "object" && "csv" in body ? String(body.csv) : undefined
        const r = await t.call(method, path, {
          ...(who === "anon" ? {} : { as: who }),
          ...(file !== undefined ? { raw: file, headers: { "content-type": "text/csv" } } : body === undefined ? {} : { body }),
        })
        expect(r.status, `${who} ${method} ${path}`).toBe(expected[who])
      }
      const route = Object.values(projectsApi).find(
        (e) => e.method === method.toLowerCase() && new RegExp(`^${e.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path.split("?")[0]!),
      )
      covered.add(route!.id)
    }
    // Every operation of the register is in the table above.
    expect([...covered].sort()).toEqual(Object.keys(projectsApi).sort())
    // An advisory rule keeps the project and shows the breach; the firm's 龙/鹰 standing is read with the project.
    const advised = await t.call("POST", "/v1/projects", {
      as: "admin",
      body: project("x-4", "hb-xunxian", { area: "east", firm: "f-test", total_investment: 1_500, fixed_investment: 1_200 }),
    })
    expect(advised.status).toBe(201)
    expect(await advised.json()).toMatchObject({
      admission: { admitted: true, breaches: [expect.objectContaining({ code: "below_min_investment", mode: "advisory" })] },
      investor_standing: { firm: "f-test", leading: ["dragon"], leading_year: 2025 },
    })
    expect((await auditRepo(t.db).history("zone_area", "hb-xunxian/east")).map((a) => a.action)).toEqual(["create"])
    expect((await auditRepo(t.db).history("firm", "f-test")).map((a) => a.action)).toEqual(["create", "lists"])
    // The committee reads and writes its own zone's project.
    expect((await t.call("GET", "/v1/projects/q-1", { as: "submitter" })).status).toBe(200)
    expect((await t.call("GET", "/v1/supervision?cluster=hb-qibin", { as: "submitter" })).status).toBe(200)
    const own = await t.call("PUT", "/v1/projects/q-1/reports/2025-W10", { as: "submitter", body: report("2025-W10") })
    expect(own.status).toBe(200)
    // The committee's list holds its own zone only.
    expect((await (await t.call("GET", "/v1/projects", { as: "submitter" })).json()).items.map((p: { id: string }) => p.id)).toEqual(["q-1"])
  })

  it("files a weekly report that the supervision view then shows, late reports flagged, and audits it", async () => {
    const mismatch = await t.call("PUT", "/v1/projects/q-1/reports/2025-W09", { as: "submitter", body: report("2025-W10") })
    expect(mismatch.status).toBe(422)
    expect((await mismatch.json()).code).toBe("week_mismatch")
    // W09 was due on Monday 3 March 12:00 Beijing time; filed on 12 March: late.
    const late = await (
      await t.call("PUT", "/v1/projects/q-1/reports/2025-W09", {
        as: "submitter",
        body: report("2025-W09", { investment_this_week: 100, investment_to_date: 100 }),
      })
    ).json()
    expect(late).toMatchObject({ week: "2025-W09", late: true, revision: 1, deadline: "2025-03-03T04:00:00.000Z" })
    const view = await (await t.call("GET", "/v1/supervision?cluster=hb-qibin&week=2025-W10", { as: "viewer" })).json()
    // The W10 report came on 12 March, after its deadline (10 March 12:00 Beijing time).
    expect(view.reports.items).toEqual([expect.objectContaining({ project: "q-1", state: "late" })])
    expect(view.waiting).toEqual([{ department: "供电公司", items: [expect.objectContaining({ project: "q-1", since: "2025-W09", weeks: 2 })] }])
    expect(view.agenda.map((a: { kind: string }) => a.kind)).toEqual(["late_report", "waiting_problem"])
    const reports = await (await t.call("GET", "/v1/projects/q-1/reports", { as: "viewer" })).json()
    expect(reports.schedule.filter((s: { state: string }) => s.state === "missing").map((s: { week: string }) => s.week)).toEqual([
      "2025-W08",
      "2025-W07",
      "2025-W06",
    ])
    const audit = await auditRepo(t.db).history("weekly_report", "q-1/2025-W09")
    expect(audit.map((a) => [a.actor, a.action])).toEqual([[expect.stringMatching(/^token:/), "submit"]])
  })
})
