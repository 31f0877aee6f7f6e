import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { App } from "../src/App.js"
import { fakeApi } from "./fakeApi.js"

// Wire documents (snake_case), as the API answers them.
const committee = { kind: "user", name: "zone", role: "submitter", cluster_ids: ["hb-qibin"] }
const supervisor = { kind: "user", name: "chief", role: "viewer", cluster_ids: [] }
const zone = { id: "hb-qibin", name: "淇滨产业集聚区", kind: "industrial", group: "urban_district", region: "410611" }
const doc = (kind: string, state: string, reference: string | null = null) => ({ kind, state, reference, authority: null, on: null, note: null })
const project = {
  id: "qb-2025-001",
  name: "淇滨电子元件项目",
  cluster: "hb-qibin",
  area: "south",
  investor: "鹤壁某电子公司",
  firm: null,
  industry: "电子信息",
  type: "industrial",
  traits: [],
  total_investment: 1500,
  fixed_investment: 900,
  land: 30,
  floor_area: 20000,
  storeys: 3,
  contract: { investment_intensity: 50, floor_area_ratio: 1.2, start_by: "2025-06-30", complete_by: "2026-12-31" },
  location: null,
  special_reason: null,
  note: null,
  is_demo: false,
  status: "started",
  history: [
    { status: "signed", on: "2025-01-06", note: null, recorded_by: "user:admin", recorded_at: "2025-01-06T02:00:00.000Z" },
    { status: "land_supplied", on: "2025-02-03", note: null, recorded_by: "user:admin", recorded_at: "2025-02-03T02:00:00.000Z" },
    { status: "started", on: "2025-03-03", note: null, recorded_by: "user:zone", recorded_at: "2025-03-03T02:00:00.000Z" },
  ],
  milestones: {
    signed_on: "2025-01-06",
    land_supplied_on: "2025-02-03",
    started_on: "2025-03-03",
    in_production_on: null,
    at_capacity_on: null,
    stalled_since: null,
    land_recovered_on: null,
  },
  documents: [
    doc("project_approval", "approved", "鹤发改备〔2025〕3号"),
    doc("environmental_assessment", "submitted"),
    doc("land_use", "approved"),
    doc("planning_permit", "missing"),
    doc("construction_permit", "not_required"),
  ],
  admission: {
    area: "south",
    admitted: false,
    breaches: [
      {
        code: "below_min_investment",
        rule: 0,
        mode: "required",
        column: "fixed_investment",
        value: 900,
        en: "area south admits projects of at least 1,000万 (seed 002 篇5 一)",
        zh: "south 区只安排固定资产投资 1,000万元及以上的项目；本项目为 900万元（依据：seed 002 篇5 一）",
        source: {
          kind: "document",
          document: "002_5346310891de6d1c.txt",
          section: "篇5 一",
          quote: "南区主要安排固定资产投资1000万元的高新技术项目",
          note: null,
          reference: "seed 002 篇5 一",
        },
      },
    ],
  },
  investor_standing: { firm: null, leading: [], leading_year: null, fortune500: null },
  version: 3,
  created_at: "2025-01-06T02:00:00.000Z",
  updated_at: "2025-03-03T02:00:00.000Z",
}
const filed = {
  project: "qb-2025-001",
  cluster: "hb-qibin",
  week: "2025-W10",
  investment_this_week: 40,
  investment_to_date: 140,
  progress_percent: 12,
  progress: "基础施工",
  problems: [{ department: "供电公司", description: "专用线路未接通" }],
  note: null,
  submitted_by: "user:zone",
  first_submitted_at: "2025-03-11T06:00:00.000Z",
  submitted_at: "2025-03-11T06:00:00.000Z",
  deadline: "2025-03-10T04:00:00.000Z",
  late: true,
  revision: 1,
  is_demo: false,
}
const reports = {
  project: "qb-2025-001",
  items: [filed],
  schedule: [
    { week: "2025-W10", deadline: "2025-03-10T04:00:00.000Z", state: "late", first_submitted_at: "2025-03-11T06:00:00.000Z" },
    { week: "2025-W11", deadline: "2025-03-17T04:00:00.000Z", state: "missing", first_submitted_at: null },
    { week: "2025-W12", deadline: "2025-03-24T04:00:00.000Z", state: "open", first_submitted_at: null },
  ],
}

const open = (hash: string, routes: Record<string, unknown>) => {
  const api = fakeApi(routes)
  location.hash = hash
  render(<App fetcher={api.fetcher} />)
  return api
}

describe("project register pages", () => {
  it("lists the server's projects, asks it again for each filter, and links each project", async () => {
    const api = open("#/projects", {
      "GET /v1/auth/me": committee,
      "GET /v1/clusters/hb-qibin": zone,
      "GET /v1/projects": { items: [project], next_cursor: null, total: 1 },
    })
    const link = await screen.findByRole("link", { name: "淇滨电子元件项目" })
    expect(link.getAttribute("href")).toBe("#/project/qb-2025-001")
    expect(screen.getByText("项目 1 个")).toBeTruthy()
    expect(screen.getByRole("link", { name: "项目库" }).getAttribute("aria-current")).toBe("page")
    // A committee does not see the supervision view in its navigation.
    expect(screen.queryByRole("link", { name: "项目督导" })).toBeNull()
    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "industrial" } })
    fireEvent.click(screen.getByLabelText("只看停滞项目"))
    await waitFor(() => expect(api.seen.some((s) => s.path.includes("status=stalled") && s.path.includes("type=industrial"))).toBe(true))
    expect((screen.getByLabelText("状态") as HTMLSelectElement).disabled).toBe(true)
    fireEvent.change(screen.getByLabelText("集聚区"), { target: { value: "hb-qibin" } })
    await waitFor(() => expect(api.seen.some((s) => s.path.includes("cluster=hb-qibin"))).toBe(true))
  })

  it("shows the project's file, the admission breach with its source and the weekly history as the server states them", async () => {
    open("#/project/qb-2025-001", {
      "GET /v1/auth/me": supervisor,
      "GET /v1/clusters/hb-qibin": zone,
      "GET /v1/projects/qb-2025-001": project,
      "GET /v1/projects/qb-2025-001/reports": reports,
    })
    await screen.findByRole("heading", { name: /淇滨电子元件项目/ })
    expect((await screen.findByRole("link", { name: "淇滨产业集聚区" })).getAttribute("href")).toBe("#/cluster/hb-qibin")
    const file = screen.getByRole("heading", { name: "项目档案（审批手续）" }).closest("section") as HTMLElement
    const row = (name: string) => within(file).getByRole("row", { name: new RegExp(`^${name}`) })
    expect(within(row("立项/备案")).getByText("已批复")).toBeTruthy()
    expect(within(row("立项/备案")).getByText("鹤发改备〔2025〕3号")).toBeTruthy()
    expect(within(row("环评")).getByText("审批中")).toBeTruthy()
    expect(within(row("规划")).getByText("未办理")).toBeTruthy()
    expect(within(row("施工许可")).getByText("无需办理")).toBeTruthy()
    expect(screen.getByText("不符合以下必备条件：")).toBeTruthy()
    expect(screen.getByText(/依据：seed 002 篇5 一/)).toBeTruthy()
    await screen.findByText("应报 3 周，其中逾期报送 1 周、未报送 1 周。")
    const history = screen.getByRole("row", { name: /^2025-W10/ })
    expect(within(history).getByText("供电公司：专用线路未接通")).toBeTruthy()
    expect(within(history).getByText(/逾期报送/)).toBeTruthy()
    // A viewer reads, and is offered no form.
    expect(screen.queryByRole("heading", { name: "报送项目周报" })).toBeNull()
  })

  it("lets the committee file a week with its deadline shown, and shows the server's issues at the fields they name", async () => {
    let answer: { status: number; body: unknown } = {
      status: 422,
      body: {
        status: 422,
        code: "invalid_report",
        detail: "周报有 1 处问题",
        errors: [
          {
            code: "to_date_decreased",
            row: null,
            column: "investment_to_date",
            value: 100,
            en: "investment to date (100万) is less than the 2025-W10 report's (140万)",
            zh: "累计完成投资（100万元）小于 2025-W10 周报的累计（140万元）",
          },
        ],
      },
    }
    const api = open("#/project/qb-2025-001", {
      "GET /v1/auth/me": committee,
      "GET /v1/projects/qb-2025-001": project,
      "GET /v1/projects/qb-2025-001/reports": reports,
      "PUT /v1/projects/qb-2025-001/reports/2025-W12": () => answer,
    })
    const form = (await screen.findByRole("heading", { name: "报送项目周报" })).closest("form") as HTMLFormElement
    const week = within(form).getByLabelText("周次") as HTMLSelectElement
    // The newest week owed comes first; its deadline is the server's, in Beijing time.
    expect(week.value).toBe("2025-W12")
    expect(within(form).getByText(/报送截止：2025\/03\/24 12:00（北京时间）· 待报送/)).toBeTruthy()
    const type = (label: string, value: string) => fireEvent.change(within(form).getByLabelText(label), { target: { value } })
    type("本周完成投资（万元）", "20")
    type("累计完成投资（万元）", "100")
    type("形象进度（%）", "x")
    fireEvent.click(within(form).getByRole("button", { name: "报送周报" }))
    // A number that is no number is caught before anything is sent.
    expect(await within(form).findByText("请输入数字")).toBeTruthy()
    expect(api.seen.some((s) => s.method === "PUT")).toBe(false)
    type("形象进度（%）", "15")
    fireEvent.click(within(form).getByRole("button", { name: "添加问题" }))
    type("部门", "国土资源局")
    type("问题", "土地证办理滞后")
    fireEvent.click(within(form).getByRole("button", { name: "报送周报" }))
    const toDate = within(form).getByLabelText("累计完成投资（万元）")
    await waitFor(() => expect(toDate.getAttribute("aria-invalid")).toBe("true"))
    const err = document.getElementById(toDate.getAttribute("aria-describedby")!)!
    expect(err.textContent).toBe("累计完成投资（100万元）小于 2025-W10 周报的累计（140万元）")
    expect(within(form).getByRole("alert").textContent).toContain("未能报送：周报有 1 处问题")
    const put = api.seen.find((s) => s.method === "PUT")!
    expect(put.body).toEqual({
      week: "2025-W12",
      investment_this_week: 20,
      investment_to_date: 100,
      progress_percent: 15,
      progress: "",
      problems: [{ department: "国土资源局", description: "土地证办理滞后" }],
      note: null,
    })
    answer = { status: 200, body: { ...filed, week: "2025-W12", investment_this_week: 20, investment_to_date: 160, late: false } }
    type("累计完成投资（万元）", "160")
    expect(toDate.getAttribute("aria-invalid")).toBe("false")
    fireEvent.click(within(form).getByRole("button", { name: "报送周报" }))
    expect((await within(form).findByRole("status")).textContent).toBe("2025-W12 周报已报送。")
    // The history is read again from the server after filing.
    // (The read starts in an effect after the notice is drawn, so it is waited for.)
    await waitFor(() => expect(api.seen.filter((s) => s.path === "/v1/projects/qb-2025-001/reports").length).toBe(2))
    expect(within(form).getByRole("status").textContent).toBe("2025-W12 周报已报送。")
  })

  it("shows the supervision view and the findings the server computed", async () => {
    const api = open("#/supervision", {
      "GET /v1/auth/me": supervisor,
      "GET /v1/clusters": { items: [zone], next_cursor: null, total: 1 },
      "GET /v1/supervision": {
        week: "2025-W11",
        as_of: "2025-03-19",
        deadline: "2025-03-17T04:00:00.000Z",
        reports: {
          expected: 2,
          on_time: 0,
          late: 1,
          missing: 1,
          open: 0,
          items: [{ project: "qb-2025-001", cluster: "hb-qibin", name: "淇滨电子元件项目", state: "missing", first_submitted_at: null }],
        },
        stalled: [{ project: "qb-2024-007", cluster: "hb-qibin", name: "淇滨食品项目", since: "2024-11-04", last_report_week: "2024-W44" }],
        slow: [],
        waiting: [
          {
            department: "供电公司",
            items: [{ project: "qb-2025-001", cluster: "hb-qibin", name: "淇滨电子元件项目", description: "专用线路未接通", since: "2025-W08", weeks: 3 }],
          },
        ],
        agenda: [
          { kind: "missing_report", cluster: "hb-qibin", project: "qb-2025-001", department: null, zh: "淇滨电子元件项目：2025-W11 周报未报送", en: "x" },
          { kind: "stalled", cluster: "hb-qibin", project: "qb-2024-007", department: null, zh: "淇滨食品项目：自 2024-11-04 起停滞", en: "y" },
        ],
      },
      "GET /v1/project-findings": {
        as_of: "2025-03-19",
        recovery: {
          source: {
            kind: "document",
            document: "004_b718be197b9f8d5d.txt",
            section: "二 四是",
            quote: "两年以上没有实质性进展",
            note: null,
            reference: "seed 004 二 四是",
          },
          items: [
            {
              project: "qb-2022-002",
              cluster: "hb-qibin",
              name: "淇滨旧项目",
              land: 45,
              land_supplied_on: "2022-05-09",
              last_progress_on: "2022-08-14",
              due_on: "2024-08-14",
              state: "candidate",
              special_reason: null,
            },
            {
              project: "qb-2023-004",
              cluster: "hb-qibin",
              name: "淇滨待查项目",
              land: 12,
              land_supplied_on: "2023-03-06",
              last_progress_on: "2023-04-16",
              due_on: "2025-04-16",
              state: "approaching",
              special_reason: null,
            },
          ],
        },
        half_year: {
          half: "2024H2",
          from: "2024-07-01",
          to: "2024-12-31",
          complete: true,
          zones: [{ cluster: "hb-qibin", name: "淇滨产业集聚区", started: 0 }],
          without_starts: ["hb-qibin"],
          source: {
            kind: "document",
            document: "002_5346310891de6d1c.txt",
            section: "篇8 二",
            quote: "上半年没有新开工工业项目",
            note: null,
            reference: "seed 002 篇8 二",
          },
        },
        idle: [],
        intensity: [],
      },
    })
    await screen.findByText("2025-W11 周（截至 2025-03-19）")
    expect(screen.getByText("应报 2 个项目：按时 0、逾期 1、未报 1、待报 0")).toBeTruthy()
    const agenda = screen.getByRole("heading", { name: "周例会议程" }).closest("section") as HTMLElement
    expect(
      within(agenda)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["淇滨电子元件项目：2025-W11 周报未报送", "淇滨食品项目：自 2024-11-04 起停滞"])
    expect(screen.getByRole("heading", { name: "供电公司" })).toBeTruthy()
    expect(screen.getByText(/自 2024-11-04 起停滞，最近周报 2024-W44/)).toBeTruthy()
    await screen.findByText("2024H2 无新开工工业项目的集聚区")
    expect(screen.getByText("共 1 个：淇滨产业集聚区")).toBeTruthy()
    expect(screen.getByText("依据：文件规定 002 篇8 二「上半年没有新开工工业项目」")).toBeTruthy()
    expect(screen.getByText("依据：文件规定 004 二 四是「两年以上没有实质性进展」")).toBeTruthy()
    const findings = screen.getByRole("heading", { name: /自动发现/ }).closest("section") as HTMLElement
    // The candidate is listed; the project only approaching two years is not.
    expect(within(findings).getByRole("link", { name: "淇滨旧项目" })).toBeTruthy()
    expect(within(findings).queryByText("淇滨待查项目")).toBeNull()
    fireEvent.change(screen.getByLabelText("周次"), { target: { value: "2025-W10" } })
    fireEvent.click(screen.getByRole("button", { name: "显示" }))
    await waitFor(() => expect(api.seen.some((s) => s.path === "/v1/supervision?week=2025-W10")).toBe(true))
  })

  it("keeps the supervision view from a committee", async () => {
    open("#/supervision", { "GET /v1/auth/me": committee, "GET /v1/clusters/hb-qibin": zone })
    expect((await screen.findByRole("alert")).textContent).toBeTruthy()
  })
})
