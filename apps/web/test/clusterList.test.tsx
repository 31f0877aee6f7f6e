import { render, screen } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { SessionProvider } from "../src/auth/Session.js"
import { I18nProvider } from "../src/i18n/I18n.js"
import { ClusterList } from "../src/ui/ClusterList.js"
import { fakeApi, signedOut } from "./fakeApi.js"

const show = (routes: Record<string, unknown>) =>
  render(
    <I18nProvider lang="zh">
      <SessionProvider fetcher={fakeApi({ "GET /v1/auth/me": () => signedOut(), ...routes }).fetcher}>
        <ClusterList />
      </SessionProvider>
    </I18nProvider>,
  )

describe("cluster register", () => {
  it("lists the clusters the API returns and labels demo data", async () => {
    show({
      "GET /v1/clusters": {
        items: [
          { id: "hb-baoshan", name: "宝山循环经济产业集聚区", kind: "industrial", group: "urban_district", region: "410602", is_demo: true },
          { id: "xy-pingqiao", name: "平桥产业集聚区", kind: "industrial", group: "urban_district", region: "411503", is_demo: true },
        ],
        next_cursor: null,
        total: 2,
      },
    })
    expect(await screen.findByText("宝山循环经济产业集聚区")).toBeTruthy()
    expect(screen.getByText("平桥产业集聚区")).toBeTruthy()
    expect(screen.getByText("集聚区 2 个（演示数据）")).toBeTruthy()
  })

  it("says so when the API fails, with the problem's detail", async () => {
    show({ "GET /v1/clusters": () => ({ status: 503, body: { status: 503, code: "not_ready", detail: "数据库无响应", errors: [] } }) })
    expect((await screen.findByRole("alert")).textContent).toBe("加载失败：数据库无响应")
  })
})
