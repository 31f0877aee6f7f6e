import { henan2017Scheme, jijuServiceScheme, KindSchemeList, unconfirmedDefaults } from "@jiju/domain/assessment"
import { wireDocument } from "@jiju/domain/contract"
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { App } from "../src/App.js"
import { fakeApi } from "./fakeApi.js"

// Wire documents (snake_case), as the API answers them.
const me = { kind: "user", name: "zone", role: "submitter", cluster_ids: ["hb-qibin"] }
const cluster = { id: "hb-qibin", name: "淇滨产业集聚区", kind: "industrial", group: "urban_district", region: "410611" }
// Last period's values (2024) for the Henan-shaped scheme's ten indicators.
const prev: Record<string, number> = {
  revenue: 300,
  fixed_investment: 80,
  tax_total: 12,
  investment_intensity: 250,
  high_tech_firms: 20,
  patents_granted: 150,
  leading_industry_share: 60,
  local_supply_ratio: 35,
  energy_per_value_added: 0.5,
  sewage_treatment_rate: 95,
}
const obs = (period: string, values: Record<string, number>) =>
  Object.entries(values).map(([indicator, value]) => ({
    target: { kind: "cluster", id: "hb-qibin" },
    period,
    indicator,
    value,
    source: "web form",
    submitter: "user:zone",
    submitted_at: "2026-03-01T08:00:00.000Z",
    note: null,
    is_demo: false,
  }))

// The schemes the server names for each kind: here a commission that kept henan-2017 for its industrial zones, and
// the built-in service scheme for its CBDs (as GET /v1/assessments/kind-schemes answers, snake_case).
const kindSchemes = wireDocument(KindSchemeList, {
  items: [
    { kind: "industrial", scheme: henan2017Scheme, from: "built_in", configured: true, unconfirmedDefaults: [] },
    { kind: "modern_service", scheme: jijuServiceScheme, from: "built_in", configured: false, unconfirmedDefaults: unconfirmedDefaults(jijuServiceScheme) },
  ],
})

const setup = () => {
  let stored: Record<string, number> = {}
  const api = fakeApi({
    "GET /v1/assessments/kind-schemes": kindSchemes,
    "GET /v1/auth/me": me,
    "GET /v1/clusters/hb-qibin": cluster,
    "GET /v1/clusters/hb-qibin/observations": (_: unknown, url: URL) => ({
      body: { items: url.searchParams.get("period") === "2025" ? obs("2025", stored) : obs("2024", prev) },
    }),
    "POST /v1/clusters/hb-qibin/observations": (body: unknown) => {
      stored = (body as { values: Record<string, number> }).values
      return { status: 201, body: { cluster: "hb-qibin", period: "2025", written: Object.keys(stored).length, submitted_at: "2026-03-01T08:00:00.000Z" } }
    },
  })
  location.hash = "#/submit?period=2025"
  const view = render(<App fetcher={api.fetcher} />)
  return { ...api, view }
}

const field = (name: string) => screen.getByLabelText(new RegExp(`^${name}`)) as HTMLInputElement
const rowOf = (el: HTMLElement) => el.closest(".indicator-row") as HTMLElement
const fieldsetOf = (el: HTMLElement) => el.closest("fieldset") as HTMLFieldSetElement
// Last period's value is shown and the fields are open for typing (they stay disabled until the period has loaded).
const ready = () =>
  waitFor(() => {
    expect(within(rowOf(field("主营业务收入"))).getByText("300")).toBeTruthy()
    expect(fieldsetOf(field("主营业务收入")).disabled).toBe(false)
  })
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } })

describe("assessment form", () => {
  it("lists the scheme's indicators by dimension with unit, last period's value and the change", async () => {
    setup()
    await screen.findByRole("heading", { name: "指标数据填报" })
    await ready()
    const legends = [...document.querySelectorAll("legend")].map((l) => l.textContent?.split(" — ")[0])
    expect(legends).toEqual(["经济总量", "质量效益", "集群发展", "绿色发展", "一票否决事项"])
    const revenue = rowOf(field("主营业务收入"))
    expect(within(revenue).getByText("亿元")).toBeTruthy()
    expect(within(revenue).getByText(/正向指标.*满分 12 分/)).toBeTruthy()
    type("主营业务收入", "330")
    expect(within(revenue).getByText("+10.0%")).toBeTruthy()
    expect(within(rowOf(field("单位增加值能耗"))).getByText(/逆向指标/)).toBeTruthy()
  })

  it("shows a CBD's committee the service scheme its kind is assessed with, not the industrial form", async () => {
    const cbd = { id: "cbd-4102", name: "开封中央商务区", kind: "modern_service", group: "urban_district", region: "410202" }
    const api = fakeApi({
      "GET /v1/assessments/kind-schemes": kindSchemes,
      "GET /v1/auth/me": { ...me, cluster_ids: ["cbd-4102"] },
      "GET /v1/clusters/cbd-4102": cbd,
      "GET /v1/clusters/cbd-4102/observations": { items: [] },
    })
    location.hash = "#/submit?period=2025"
    render(<App fetcher={api.fetcher} />)
    await screen.findByRole("heading", { name: "指标数据填报" })
    await waitFor(() => expect(fieldsetOf(field("营业收入")).disabled).toBe(false))
    // The scheme came from the server.
    expect(api.seen.some((x) => x.path === "/v1/assessments/kind-schemes")).toBe(true)
    const legends = [...document.querySelectorAll("legend")].map((l) => l.textContent?.split(" — ")[0])
    expect(legends).toEqual(["规模"])
    for (const name of ["营业收入", "入驻企业数", "从业人员", "建筑面积"]) expect(field(name)).toBeTruthy()
    expect(screen.queryByLabelText(/^主营业务收入/)).toBeNull()
    expect(screen.queryByLabelText(/^专利授权数/)).toBeNull()
    expect(document.querySelector("[data-scheme]")?.getAttribute("data-scheme")).toBe("jiju-service")
    expect(screen.getByText(/现代服务业集聚区综合考核.*未经委员会确认的 Jiju 默认值：指标权重、标准化方法、奖励名次/)).toBeTruthy()
  })

  it("validates as you type: numbers, signs, percentages and whole counts", async () => {
    setup()
    await ready()
    type("主营业务收入", "12x")
    expect(within(rowOf(field("主营业务收入"))).getByText("请输入数字")).toBeTruthy()
    expect(field("主营业务收入").getAttribute("aria-invalid")).toBe("true")
    type("主营业务收入", "1,200.5")
    expect(within(rowOf(field("主营业务收入"))).queryByText("请输入数字")).toBeNull()
    type("固定资产投资", "-3")
    expect(within(rowOf(field("固定资产投资"))).getByText("不能为负数")).toBeTruthy()
    type("本地配套率", "130")
    expect(within(rowOf(field("本地配套率"))).getByText("百分比应在 0–100 之间")).toBeTruthy()
    type("高新技术企业数", "20.5")
    expect(within(rowOf(field("高新技术企业数"))).getByText("应为整数")).toBeTruthy()
  })

  it("flags a value ≥ 10× or ≤ 0.1× last period and refuses to submit until it is confirmed", async () => {
    const { seen } = setup()
    await ready()
    const values: Record<string, string> = {
      主营业务收入: "3000", // 10 × 300
      固定资产投资: "85",
      税收: "1.1", // 0.0917 × 12
      投资强度: "260",
      高新技术企业数: "22",
      专利授权数: "160",
      主导产业占比: "62",
      本地配套率: "36",
      单位增加值能耗: "0.48",
      污水集中处理率: "96",
    }
    for (const [k, v] of Object.entries(values)) type(k, v)
    expect(within(rowOf(field("主营业务收入"))).getByText(/变化异常（10.0 倍）/)).toBeTruthy()
    expect(within(rowOf(field("税收"))).getByText(/变化异常（0.092 倍）/)).toBeTruthy()
    expect(within(rowOf(field("固定资产投资"))).queryByText(/变化异常/)).toBeNull()

    fireEvent.click(screen.getByRole("button", { name: "提交" }))
    expect((await screen.findByText("有 2 处需要修改")).getAttribute("role")).toBe("alert")
    expect(within(rowOf(field("主营业务收入"))).getByText("请确认异常变化的数值")).toBeTruthy()
    expect(document.activeElement).toBe(field("主营业务收入"))
    expect(seen.some((s) => s.method === "POST")).toBe(false)

    for (const k of ["主营业务收入", "税收"]) fireEvent.click(within(rowOf(field(k))).getByLabelText("我已核实此数值无误"))
    fireEvent.click(screen.getByRole("button", { name: "提交" }))
    const table = await screen.findByRole("table")
    const post = seen.find((s) => s.method === "POST")!
    expect(post.path).toBe("/v1/clusters/hb-qibin/observations")
    expect(post.body).toEqual({
      period: "2025",
      source: "web form",
      values: {
        revenue: 3000,
        fixed_investment: 85,
        tax_total: 1.1,
        investment_intensity: 260,
        high_tech_firms: 22,
        patents_granted: 160,
        leading_industry_share: 62,
        local_supply_ratio: 36,
        energy_per_value_added: 0.48,
        sewage_treatment_rate: 96,
      },
    })
    expect(screen.getByText(/已保存 10 项数据/)).toBeTruthy()
    expect(within(table).getByText("3000")).toBeTruthy()
    expect(within(table).getAllByText("user:zone")).toHaveLength(10)
  })

  it("keeps the fields disabled until the period has loaded, so nothing typed is overwritten", async () => {
    let answer: (items: unknown) => void = () => {}
    const api = fakeApi({
      "GET /v1/assessments/kind-schemes": kindSchemes,
      "GET /v1/auth/me": me,
      "GET /v1/clusters/hb-qibin": cluster,
      "GET /v1/clusters/hb-qibin/observations": () => new Promise((done) => (answer = (items) => done({ body: { items } }))),
    })
    location.hash = "#/submit?period=2025"
    render(<App fetcher={api.fetcher} />)
    await waitFor(() => expect(api.seen.some((s) => s.path.startsWith("/v1/clusters/hb-qibin/observations"))).toBe(true))
    expect(fieldsetOf(field("主营业务收入")).disabled).toBe(true)
    expect(fieldsetOf(field("主营业务收入")).getAttribute("aria-busy")).toBe("true")
    answer([...obs("2024", prev), ...obs("2025", { revenue: 305 })])
    await waitFor(() => expect(fieldsetOf(field("主营业务收入")).disabled).toBe(false))
    expect(field("主营业务收入").value).toBe("305")
    expect(fieldsetOf(field("主营业务收入")).getAttribute("aria-busy")).toBe("false")
  })

  it("requires every scored indicator on submit but not the veto counts", async () => {
    const { seen } = setup()
    await ready()
    type("主营业务收入", "310")
    fireEvent.click(screen.getByRole("button", { name: "提交" }))
    expect(await screen.findByText("有 9 处需要修改")).toBeTruthy()
    expect(screen.getAllByText("此项为必填")).toHaveLength(9)
    expect(within(rowOf(field("重大环境污染事件"))).queryByText("此项为必填")).toBeNull()
    expect(seen.some((s) => s.method === "POST")).toBe(false)
  })

  it("keeps a draft in localStorage and restores it", async () => {
    const { view } = setup()
    await ready()
    type("专利授权数", "171")
    const draft = JSON.parse(localStorage.getItem("jiju.draft:hb-qibin:2025") ?? "null")
    expect(draft.raw.patents_granted).toBe("171")
    view.unmount()
    const api = fakeApi({
      "GET /v1/assessments/kind-schemes": kindSchemes,
      "GET /v1/auth/me": me,
      "GET /v1/clusters/hb-qibin": cluster,
      "GET /v1/clusters/hb-qibin/observations": { items: obs("2024", prev) },
    })
    render(<App fetcher={api.fetcher} />)
    await screen.findByText("已恢复本机保存的草稿")
    expect(field("专利授权数").value).toBe("171")
  })
})
