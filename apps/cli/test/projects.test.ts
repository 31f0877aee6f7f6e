import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeStoreEnv } from "./storeEnv.js"

// Each CLI call opens the on-disk store (PGlite start-up): allow for a busy machine.
const SLOW = { timeout: 240_000 }

describe.each(engines)("jiju projects / progress on %s", (engine) => {
  let env: Record<string, string>
  let dir: string
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ env, dir, dispose } = await makeStoreEnv(engine))
    expect((await runCli(["demo", "--json"], env)).code).toBe(0)
  }, SLOW.timeout)
  afterAll(() => dispose(), SLOW.timeout)

  it("lists the demo register in snake_case JSON and as CSV, and refuses bad flags as usage errors", SLOW, async () => {
    const all = await runCli(["projects", "--json", "--cluster", "hb-liyang"], env)
    expect(all.code).toBe(0)
    const projects = (all.json() as { projects: Array<Record<string, unknown>> }).projects
    expect(projects.length).toBeGreaterThan(0)
    expect(projects.every((p) => p.cluster === "hb-liyang" && p.is_demo === true)).toBe(true)
    expect(projects[0]).toHaveProperty("fixed_investment")
    expect(projects[0]).toHaveProperty("investor_standing")
    const csv = await runCli(["projects", "--cluster", "hb-liyang", "--format", "csv"], env)
    expect(csv.code).toBe(0)
    const lines = csv.stdout
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
    expect(lines[0]).toContain("编号 id")
    expect(lines).toHaveLength(projects.length + 1)
    const bad = await runCli(["projects", "--status", "sleeping"], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--status must be one of")
  })

  it("enters a project from a JSON file at exactly the south area's minimum, and refuses one 万 less", SLOW, async () => {
    const entry = {
      id: "cli-south-1",
      name: "传感器项目",
      cluster: "hb-liyang",
      area: "south",
      investor: "某传感科技有限公司",
      firm: null,
      industry: "电子信息",
      type: "industrial",
      traits: ["high_tech"],
      total_investment: 1_200,
      fixed_investment: 1_000,
      land: 8,
      floor_area: 6_000,
      storeys: 3,
      contract: { investment_intensity: 120, floor_area_ratio: 1.2, start_by: null, complete_by: null },
      location: null,
      special_reason: null,
      note: null,
      is_demo: false,
      history: [
        { status: "signed", on: "2025-03-03" },
        { status: "land_supplied", on: "2025-04-01" },
      ],
    }
    const below = join(dir, "below.json")
    writeFileSync(below, JSON.stringify({ ...entry, id: "cli-south-0", fixed_investment: 999 }))
    const refused = await runCli(["projects", "add", below, "--json"], env)
    expect(refused.code).toBe(1)
    expect((refused.json() as { error: { code: string } }).error.code).toBe("invalid_project")
    const file = join(dir, "at.json")
    writeFileSync(file, JSON.stringify(entry))
    const added = await runCli(["projects", "add", file, "--json"], env)
    expect(added.code).toBe(0)
    expect(added.json()).toMatchObject({ id: "cli-south-1", status: "land_supplied", admission: { admitted: true } })
    const started = await runCli(["projects", "status", "cli-south-1", "--status", "started", "--on", "2025-04-14", "--json"], env)
    expect(started.json()).toMatchObject({ status: "started", milestones: { started_on: "2025-04-14" } })
  })

  it("files a weekly report, reads it back with its calendar, and shows the supervision view", SLOW, async () => {
    const filed = await runCli(
      [
        "progress",
        "report",
        "cli-south-1",
        "--week",
        "2025-W16",
        "--this-week",
        "80",
        "--to-date",
        "80",
        "--percent",
        "4",
        "--problem",
        "供电公司:施工用电未接通",
        "--json",
      ],
      env,
    )
    expect(filed.code).toBe(0)
    // Filed long after its deadline (Monday 21 April 2025, 12:00 Beijing time).
    expect(filed.json()).toMatchObject({ project: "cli-south-1", week: "2025-W16", late: true, revision: 1, deadline: "2025-04-21T04:00:00.000Z" })
    const reports = (await runCli(["progress", "reports", "cli-south-1", "--json"], env)).json() as {
      items: Array<{ week: string }>
      schedule: Array<{ week: string; state: string }>
    }
    expect(reports.items.map((r) => r.week)).toEqual(["2025-W16"])
    expect(reports.schedule.find((s) => s.week === "2025-W16")?.state).toBe("late")
    expect(reports.schedule.find((s) => s.week === "2025-W15")?.state).toBe("missing")
    const view = (await runCli(["progress", "--cluster", "hb-liyang", "--week", "2025-W16", "--json"], env)).json() as {
      week: string
      waiting: Array<{ department: string; items: Array<{ project: string }> }>
    }
    expect(view.week).toBe("2025-W16")
    expect(view.waiting.find((q) => q.department === "供电公司")?.items.map((i) => i.project)).toContain("cli-south-1")
    const badWeek = await runCli(["progress", "--week", "2025-W60"], env)
    expect(badWeek.code).toBe(2)
  })

  it("imports tables of projects and weekly reports, all or nothing with the row report", SLOW, async () => {
    const projects = join(dir, "projects.csv")
    writeFileSync(
      projects,
      "项目编号,项目名称,集聚区,片区,投资方,项目类型,项目特征,总投资（万元）,固定资产投资（万元）,签约日期,供地日期\n" +
        "cli-west-1,服装项目,hb-liyang,west,某服饰公司,工业,劳动密集型,900,600,2025-05-06,2025-06-02\n" +
        "cli-west-2,鞋业项目,hb-liyang,west,某鞋业公司,工业,劳动密集型,600,400,2025-05-06,\n",
    )
    const refused = await runCli(["projects", "import", projects, "--json"], env)
    expect(refused.code).toBe(1)
    expect((refused.json() as { error: { code: string } }).error.code).toBe("invalid_rows")
    expect(refused.stderr).toContain("第 3 行 row 3")
    expect((refused.json() as { error: { issues: Array<{ code: string; row: number }> } }).error.issues).toEqual([
      expect.objectContaining({ code: "below_min_investment", row: 3, column: "固定资产投资（万元）" }),
    ])
    expect((await runCli(["projects", "show", "cli-west-1", "--json"], env)).code).toBe(1)
    writeFileSync(projects, (await import("node:fs")).readFileSync(projects, "utf8").split("\n").slice(0, 2).join("\n"))
    const imported = await runCli(["projects", "import", projects, "--json"], env)
    expect(imported.code).toBe(0)
    expect(imported.json()).toMatchObject({ imported: 1, file: "projects.csv" })
    const weekly = join(dir, "weekly.csv")
    writeFileSync(weekly, "项目编号,周次,本周完成投资,累计完成投资,形象进度\ncli-west-1,2025-W23,60,60,5\ncli-west-1,2025-W24,40,100,9\n")
    const reports = await runCli(["progress", "import", weekly, "--json"], env)
    expect(reports.code).toBe(0)
    expect(reports.json()).toMatchObject({ imported: 2 })
  })

  it("shows findings and derived indicators with their provenance", SLOW, async () => {
    const findings = (await runCli(["projects", "findings", "--as-of", "2025-12-28", "--json"], env)).json() as {
      as_of: string
      recovery: { source: { reference: string }; items: unknown[] }
      half_year: { half: string }
    }
    expect(findings.as_of).toBe("2025-12-28")
    expect(findings.recovery.source.reference).toContain("seed 004")
    expect(findings.half_year.half).toBe("2025H1")
    const derived = (await runCli(["projects", "derived", "--period", "2025", "--cluster", "hb-liyang", "--json"], env)).json() as {
      period: string
      items: Array<{ indicator: string; provenance: string; cluster: string }>
    }
    expect(derived.period).toBe("2025")
    expect(derived.items.length).toBeGreaterThan(0)
    expect(derived.items.every((d) => d.provenance === "derived_from_projects" && d.cluster === "hb-liyang")).toBe(true)
  })

  it("lets jiju assess use the derived indicators (--derived), shown and not stored", SLOW, async () => {
    const r = await runCli(["assess", "--period", "2025", "--derived", "--json"], env)
    expect(r.code).toBe(0)
    const doc = r.json() as {
      stored: boolean
      derived_from_projects: { used: unknown[]; conflicts: Array<{ submitted: number }>; notes: Array<{ zh: string; en: string }> }
    }
    expect(doc.stored).toBe(false)
    expect(Array.isArray(doc.derived_from_projects.used)).toBe(true)
    // One note per conflict (the submitted value kept), besides the notes on the values used.
    const kept = doc.derived_from_projects.notes.filter((n) => n.en.includes("the submitted value is kept"))
    expect(kept.length).toBe(doc.derived_from_projects.conflicts.length)
    const refused = await runCli(["assess", "--period", "2025", "--derived", "--publish"], env)
    expect(refused.code).toBe(2)
  })
})
