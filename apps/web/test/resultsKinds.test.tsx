import {
  type AssessedCluster,
  AssessmentResult,
  type AssessmentScheme,
  jijuIndustrialScheme,
  jijuServiceScheme,
  KindSchemeList,
  runAssessment,
  unconfirmedDefaults,
  valueLookup,
} from "@jiju/domain/assessment"
import { wireDocument } from "@jiju/domain/contract"
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { App } from "../src/App.js"
import { fakeApi } from "./fakeApi.js"

const admin = { kind: "user", name: "chief", role: "admin", cluster_ids: [] }

const kindSchemes = wireDocument(KindSchemeList, {
  items: [jijuIndustrialScheme, jijuServiceScheme].map((scheme, i) => ({
    kind: i === 0 ? ("industrial" as const) : ("modern_service" as const),
    scheme,
    from: "built_in" as const,
    configured: false,
    unconfirmedDefaults: unconfirmedDefaults(scheme),
  })),
})

// Each kind's stored draft run, as the server would hold it: two zones of the kind scored on the kind's own scheme.
const zone = (id: string, name: string): AssessedCluster => ({ id, name, group: "county", planning: [] })
const draftOf = (scheme: AssessmentScheme, zones: ReadonlyArray<AssessedCluster>) => {
  const codes = scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.code as string))
  const rows = zones.flatMap((z, k) => codes.map((indicator) => ({ clusterId: z.id, period: "2025", indicator, value: 10 + 10 * k })))
  const result = runAssessment(scheme, { clusters: zones, value: valueLookup(rows) }, "2025")
  return { id: `run_${scheme.id}`, published: false, created_at: "2026-03-01T08:00:00.000Z", result: wireDocument(AssessmentResult, result) }
}
const runs: Record<string, unknown> = {
  "jiju-industrial": draftOf(jijuIndustrialScheme, [zone("ic-1", "甲产业集聚区"), zone("ic-2", "乙产业集聚区")]),
  "jiju-service": draftOf(jijuServiceScheme, [zone("cbd-1", "甲中央商务区"), zone("cbd-2", "乙中央商务区")]),
}

describe("results of each kind", () => {
  it("picks the kind's run, and publishes a run on Jiju defaults only after the admin confirms them", async () => {
    const api = fakeApi({
      "GET /v1/auth/me": admin,
      "GET /v1/assessments/kind-schemes": kindSchemes,
      "GET /v1/assessments/results": (_: unknown, url: URL) => ({ body: runs[url.searchParams.get("scheme") ?? ""] }),
      "POST /v1/assessments/runs/run_jiju-service/publish": () => ({ status: 204 }),
    })
    location.hash = "#/results?period=2025"
    render(<App fetcher={api.fetcher} />)
    await screen.findByText("甲产业集聚区")
    expect(api.seen.some((x) => x.path === "/v1/assessments/results?scheme=jiju-industrial&period=2025&kind=industrial")).toBe(true)

    fireEvent.change(screen.getByLabelText(/集聚区类型/), { target: { value: "modern_service" } })
    await screen.findByText("乙中央商务区")
    expect(screen.queryByText("甲产业集聚区")).toBeNull()
    expect(api.seen.some((x) => x.path === "/v1/assessments/results?scheme=jiju-service&period=2025&kind=modern_service")).toBe(true)
    // The zone's page reads the same run.
    expect(screen.getByRole("link", { name: "乙中央商务区" }).getAttribute("href")).toBe("#/cluster/cbd-2?period=2025&scheme=jiju-service")

    // Publishing first asks for the confirmation of the defaults; nothing is sent until it is given.
    fireEvent.click(screen.getByRole("button", { name: "发布" }))
    const dialog = await screen.findByRole("alertdialog")
    expect(within(dialog).getByText(/指标权重、标准化方法、奖励名次 是 Jiju 默认值/)).toBeTruthy()
    expect(api.seen.some((x) => x.method === "POST")).toBe(false)
    fireEvent.click(within(dialog).getByRole("button", { name: "取消" }))
    expect(screen.queryByRole("alertdialog")).toBeNull()
    fireEvent.click(screen.getByRole("button", { name: "发布" }))
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "确认并发布" }))
    await waitFor(() =>
      expect(api.seen.filter((x) => x.method === "POST").map((x) => x.path)).toEqual(["/v1/assessments/runs/run_jiju-service/publish?confirm_defaults=true"]),
    )
  })
})
