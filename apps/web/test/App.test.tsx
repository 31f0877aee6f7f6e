import { render, screen } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { App } from "../src/App.js"

describe("App", () => {
  it("lists the clusters the API returns and labels demo data", async () => {
    const fetcher = (async () =>
      new Response(
        JSON.stringify({
          items: [
            { id: "hb-baoshan", name: "宝山循环经济产业集聚区", kind: "industrial", group: "urban_district", region: "410602", isDemo: true },
            { id: "xy-pingqiao", name: "平桥产业集聚区", kind: "industrial", group: "urban_district", region: "411503", isDemo: true },
          ],
        }),
        { headers: { "content-type": "application/json" } },
      )) as typeof fetch
    render(<App fetcher={fetcher} />)
    expect(await screen.findByText("宝山循环经济产业集聚区")).toBeTruthy()
    expect(screen.getByText("平桥产业集聚区")).toBeTruthy()
    expect(screen.getByText(/集聚区 2 个（演示数据 demo data）/)).toBeTruthy()
  })

  it("says so when the API fails", async () => {
    const fetcher = (async () => new Response("no", { status: 503 })) as typeof fetch
    render(<App fetcher={fetcher} />)
    expect((await screen.findByRole("alert")).textContent).toContain("HTTP 503")
  })
})
