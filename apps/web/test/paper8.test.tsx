import {
  type AssessmentData,
  assessmentInputFromRegister,
  LandQuotaDocument,
  landQuotaDocument,
  PromotionDocument,
  promotionDocument,
  SupervisionCandidatesDocument,
  SupervisionDecisionsDocument,
  supervisionCandidatesDocument,
  TargetsDocument,
  targetsDocument,
} from "@jiju/domain/assessment"
import { wireDocument } from "@jiju/domain/contract"
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { App } from "../src/App.js"
import { fakeApi } from "./fakeApi.js"

const viewer = { kind: "user", name: "reader", role: "viewer", cluster_ids: [] }
const submitter = { kind: "user", name: "zone-a", role: "submitter", cluster_ids: ["a"] }

type Row = readonly [id: string, period: string, indicator: string, value: number]
const dataOf = (zones: ReadonlyArray<{ id: string; name: string; group: "county" | "urban_district" }>, rows: ReadonlyArray<Row>, facts = [] as never[]) => {
  const input = assessmentInputFromRegister(
    zones,
    rows.map(([id, period, indicator, value]) => ({ target: { kind: "cluster" as const, id }, period, indicator, value })),
    facts,
  )
  return { input, source: "store", hasDemo: false, periods: input.periods } as AssessmentData
}

// Six industrial zones; 甲 first, 乙 and 丙 tied second, 戊 last; 己 reports no intensity (never placed as 0).
const zones = [
  { id: "a", name: "甲区", group: "county" as const },
  { id: "b", name: "乙区", group: "county" as const },
  { id: "c", name: "丙区", group: "county" as const },
  { id: "d", name: "丁区", group: "urban_district" as const },
  { id: "e", name: "戊区", group: "urban_district" as const },
  { id: "f", name: "己区", group: "county" as const },
]
const intensity: Row[] = [
  ["a", "2025", "output_intensity", 50],
  ["b", "2025", "output_intensity", 40],
  ["c", "2025", "output_intensity", 40],
  ["d", "2025", "output_intensity", 20],
  ["e", "2025", "output_intensity", 10],
]
// Revenue, employment and tax of 2009 and 2012: 甲 doubles all three, 乙 grows too little, 丙 lacks 2012 tax.
const promotionRows: Row[] = [
  ...["a", "b", "c"].flatMap((id): Row[] => [
    [id, "2009", "revenue", 10],
    [id, "2009", "employment", 1000],
    [id, "2009", "tax_total", 1],
  ]),
  ["a", "2012", "revenue", 25],
  ["a", "2012", "employment", 2000],
  ["a", "2012", "tax_total", 2.5],
  ["b", "2012", "revenue", 15],
  ["b", "2012", "employment", 1200],
  ["b", "2012", "tax_total", 1.5],
  ["c", "2012", "revenue", 30],
  ["c", "2012", "employment", 2500],
  // 丁, found weak-based by the commission, doubles everything but stays at 20 of revenue.
  ["d", "2009", "revenue", 10],
  ["d", "2009", "employment", 1000],
  ["d", "2009", "tax_total", 1],
  ["d", "2012", "revenue", 20],
  ["d", "2012", "employment", 2000],
  ["d", "2012", "tax_total", 2],
  // Revenue of 2024 and 2025 for the supervision lists: 丁 grew slowest.
  ["a", "2024", "revenue", 100],
  ["a", "2025", "revenue", 120],
  ["d", "2024", "revenue", 100],
  ["d", "2025", "revenue", 90],
  ["e", "2024", "revenue", 100],
  ["e", "2025", "revenue", 110],
]
const data = dataOf(zones, [...intensity, ...promotionRows], [
  { clusterId: "a", fact: "weak_base", period: "2012", value: false },
  { clusterId: "b", fact: "weak_base", period: "2012", value: false },
  { clusterId: "d", fact: "weak_base", period: "2012", value: true },
] as never[])

const num = (url: URL, k: string) => (url.searchParams.get(k) === null ? undefined : Number(url.searchParams.get(k)))

// The server's answers: the domain's documents for the query asked, in wire form (what the API computes).
const routes = (me: unknown) => ({
  "GET /v1/auth/me": me,
  "GET /v1/assessments/land-quota": (_: unknown, url: URL) => ({
    body: wireDocument(
      LandQuotaDocument,
      landQuotaDocument(data, {
        period: url.searchParams.get("period") ?? "",
        count: num(url, "count"),
        cut: num(url, "cut"),
        unit: (url.searchParams.get("unit") ?? undefined) as "mu" | undefined,
      }),
    ),
  }),
  "GET /v1/assessments/promotion": (_: unknown, url: URL) => ({
    body: wireDocument(
      PromotionDocument,
      promotionDocument(data, num(url, "threshold_revenue") === undefined ? {} : { threshold: { revenue: num(url, "threshold_revenue")! } }),
    ),
  }),
  "GET /v1/supervision/candidates": (_: unknown, url: URL) => ({
    body: wireDocument(
      SupervisionCandidatesDocument,
      supervisionCandidatesDocument(data, { period: url.searchParams.get("period") ?? "", count: num(url, "count") }),
    ),
  }),
  "GET /v1/supervision/decisions": wireDocument(SupervisionDecisionsDocument, {
    period: null,
    cluster: null,
    items: [
      {
        id: "dec_1",
        cluster: "d",
        period: "2025",
        measure: "on_site_supervision",
        reason: { zh: "营业收入连续下降，进行现场督导", en: "revenue fell; on-site supervision" },
        evidence: null,
        decidedBy: "chief",
        decidedAt: "2026-02-01T08:00:00.000Z",
        revokedAt: null,
        reports: [],
        isDemo: false,
      },
    ],
  }),
  "GET /v1/assessments/targets": (_: unknown, url: URL) => ({
    body: wireDocument(TargetsDocument, targetsDocument(data, { set: "hengshui", period: url.searchParams.get("period") ?? "" })),
  }),
})

describe("篇8 judgements in the browser", () => {
  it("shows the land quota lists with the tie explained, the zone not placed and each setting's 依据 line", async () => {
    const api = fakeApi(routes(viewer))
    location.hash = "#/p8?period=2025"
    render(<App fetcher={api.fetcher} />)
    const section = within((await screen.findByRole("heading", { name: /用地指标奖惩/ })).closest("section")!)
    // By default the document's 20 places, quoted; five zones placed make two lists of 2 places.
    expect(await section.findByText(/依据：文件规定 002 篇8 二、二是「对投入产出强度排后20位的将适度扣减下一年年度用地指标/)).toBeTruthy()
    expect(section.getByText(/参与排位的集聚区只有 5 个，少于 40 个/)).toBeTruthy()
    fireEvent.change(section.getByLabelText("名单名次数"), { target: { value: "2" } })
    fireEvent.change(section.getByLabelText("扣减数量"), { target: { value: "30" } })
    fireEvent.click(section.getByRole("button", { name: "查询" }))
    await section.findByText(/前列名单第 2 位并列：名单为 2 个名次、3 个集聚区/)
    expect(api.seen.some((x) => x.path === "/v1/assessments/land-quota?period=2025&count=2&cut=30&unit=mu")).toBe(true)

    const first = section.getByRole("table", { name: "前 2 名（奖励）" })
    const firstRows = within(first).getAllByRole("row").slice(1)
    expect(firstRows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(["1", "2", "2"])
    expect(within(firstRows[1]!).getByRole("rowheader").textContent).toBe("乙区")
    // 60 亩 cut from the two last zones, shared by the three on the first list.
    expect(within(firstRows[2]!).getByText("+20 亩")).toBeTruthy()
    const last = section.getByRole("table", { name: /后 2 名/ })
    const lastRows = within(last).getAllByRole("row").slice(1)
    expect(within(lastRows[0]!).getByRole("rowheader").textContent).toBe("戊区")
    expect(within(lastRows[0]!).getByText("−30 亩")).toBeTruthy()
    expect(section.getByText(/己区: 缺/)).toBeTruthy()
    // The places and the amount given are the commission's; the equal sharing is labelled a Jiju default.
    expect(section.getAllByText(/依据：委员会设定/).length).toBe(2)
    expect(section.getByText(/依据：Jiju 默认（待确认）：文件说“奖励给排名前20位”，未说如何分配/)).toBeTruthy()
  })

  it("shows each zone's promotion verdict, its ratios and what an incomplete one lacks", async () => {
    const api = fakeApi(routes(viewer))
    location.hash = "#/p8?period=2025"
    render(<App fetcher={api.fetcher} />)
    const section = within((await screen.findByRole("heading", { name: /考核晋级/ })).closest("section")!)
    const row = async (name: string) => (await section.findByRole("rowheader", { name })).closest("tr")!
    expect(within(await row("甲区")).getByText("晋级")).toBeTruthy()
    // Revenue 10 → 25, employment 1 000 → 2 000, tax 1 → 2.5.
    expect(
      within(await row("甲区"))
        .getAllByRole("cell")
        .slice(1, 4)
        .map((c) => c.textContent),
    ).toEqual(["2.5×", "2×", "2.5×"])
    // A zone with a good base that did not double keeps its standing (篇8 threatens demotion only for weak bases).
    expect(within(await row("乙区")).getByText("保持")).toBeTruthy()
    expect(within(await row("丙区")).getByText("不完整")).toBeTruthy()
    expect(within(await row("丙区")).getByText("缺少：tax_total 2012")).toBeTruthy()
    expect(section.getByText(/依据：文件规定 002 篇8 二、二是「要求到2012年主要指标/)).toBeTruthy()
    expect(api.seen.some((x) => x.path === "/v1/assessments/promotion")).toBe(true)
    // The weak-based zone is judged only against the commission's threshold: below 25 of revenue, a warning.
    expect(within(await row("丁区")).getByText("不完整")).toBeTruthy()
    fireEvent.change(section.getByLabelText("营业收入门槛"), { target: { value: "25" } })
    fireEvent.click(section.getByRole("button", { name: "查询" }))
    await waitFor(() => expect(within(section.getByRole("rowheader", { name: "丁区" }).closest("tr")!).getByText("降级摘牌警示")).toBeTruthy())
    expect(api.seen.some((x) => x.path === "/v1/assessments/promotion?threshold_revenue=25")).toBe(true)
    expect(section.getByText(/依据：委员会设定：基本门槛由委员会设定/)).toBeTruthy()
  })

  it("shows the supervision candidates and the recorded decisions, read only", async () => {
    const api = fakeApi(routes(viewer))
    location.hash = "#/p8?period=2025"
    render(<App fetcher={api.fetcher} />)
    const candidates = within((await screen.findByRole("heading", { name: "督导候选名单" })).closest("section")!)
    expect((await candidates.findByText(/丁区 — 增速 -10%/)).closest("li")!.getAttribute("value")).toBe("1")
    expect(candidates.getAllByText(/依据：/).length).toBeGreaterThan(0)
    const decisions = within(screen.getByRole("heading", { name: /委员会督导决定/ }).closest("section")!)
    expect(await decisions.findByText(/营业收入连续下降，进行现场督导/)).toBeTruthy()
    expect(decisions.queryByRole("button")).toBeNull()
    expect(api.seen.every((x) => x.method === "GET")).toBe(true)
  })

  it("shows each target with its due year and 依据 line", async () => {
    const api = fakeApi(routes(viewer))
    location.hash = "#/targets?period=2025"
    render(<App fetcher={api.fetcher} />)
    const item = (await screen.findByText("年营业收入超100亿元的产业集群3个")).closest("li")!
    expect(within(item).getByText(/2010 年到期/)).toBeTruthy()
    expect(within(item).getByText("依据：文件规定 003 衡水 二(二)「年营业收入超100亿元的产业集群3个」")).toBeTruthy()
    expect(api.seen.some((x) => x.path === "/v1/assessments/targets?set=hengshui&period=2025")).toBe(true)
  })

  it("speaks English when asked, the verdicts and 依据 lines included", async () => {
    const api = fakeApi(routes(viewer))
    location.hash = "#/p8?period=2025"
    render(<App fetcher={api.fetcher} lang="en" />)
    const section = within((await screen.findByRole("heading", { name: /Promotion/ })).closest("section")!)
    expect(within((await section.findByRole("rowheader", { name: "甲区" })).closest("tr")!).getByText("Promoted")).toBeTruthy()
    expect(section.getAllByText(/^Source: stated by the documents 002 篇8/).length).toBeGreaterThan(0)
    expect(screen.getByRole("link", { name: "篇8 judgements" })).toBeTruthy()
  })

  it("is in the navigation of viewers, not of submitters", async () => {
    const api = fakeApi(routes(submitter))
    location.hash = "#/p8"
    render(<App fetcher={api.fetcher} />)
    expect(await screen.findByRole("alert")).toBeTruthy()
    expect(screen.queryByRole("link", { name: "篇8 考核" })).toBeNull()
    await waitFor(() => expect(api.seen.some((x) => x.path.startsWith("/v1/assessments/land-quota"))).toBe(false))
  })
})
