import { fireEvent, render, screen } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { App } from "../src/App.js"
import { fakeApi, signedOut } from "./fakeApi.js"

describe("language toggle", () => {
  it("starts in Chinese and switches every label of the sign-in page to English and back", async () => {
    const { fetcher } = fakeApi({ "GET /v1/auth/me": () => signedOut() })
    render(<App fetcher={fetcher} />)
    expect(await screen.findByRole("heading", { name: "登录集聚区评估系统" })).toBeTruthy()
    expect(screen.getByLabelText("用户名")).toBeTruthy()
    expect(screen.getByLabelText("密码")).toBeTruthy()
    expect(document.documentElement.lang).toBe("zh-CN")

    fireEvent.click(screen.getByRole("button", { name: "English" }))
    expect(screen.getByRole("heading", { name: "Sign in to the cluster-zone assessment" })).toBeTruthy()
    expect(screen.getByLabelText("User name")).toBeTruthy()
    expect(screen.getByLabelText("Password")).toBeTruthy()
    expect(screen.getByRole("navigation", { name: "Main navigation" })).toBeTruthy()
    expect(document.documentElement.lang).toBe("en")
    expect(localStorage.getItem("jiju.lang")).toBe("en")

    expect(screen.getByRole("button", { name: "中文" }).getAttribute("title")).toBe("Switch the interface to Chinese")
    fireEvent.click(screen.getByRole("button", { name: "中文" }))
    expect(screen.getByRole("heading", { name: "登录集聚区评估系统" })).toBeTruthy()
  })

  it("remembers the chosen language on the next visit", async () => {
    localStorage.setItem("jiju.lang", "en")
    const { fetcher } = fakeApi({ "GET /v1/auth/me": () => signedOut() })
    render(<App fetcher={fetcher} />)
    expect(await screen.findByRole("heading", { name: "Sign in to the cluster-zone assessment" })).toBeTruthy()
  })

  it("announces the API's sign-in problem and shows role-aware navigation after signing in", async () => {
    let signedIn = false
    const { fetcher, seen } = fakeApi({
      "GET /v1/auth/me": () => (signedIn ? { body: { kind: "user", name: "zone", role: "submitter", cluster_ids: ["hb-qibin"] } } : signedOut()),
      "POST /v1/auth/login": (body: unknown) => {
        const b = body as { password: string }
        if (b.password !== "right-password") return { status: 401, body: { status: 401, code: "bad_credentials", detail: "用户名或密码错误", errors: [] } }
        signedIn = true
        return {
          body: {
            user: {
              id: "usr_1",
              name: "zone",
              role: "submitter",
              cluster_ids: ["hb-qibin"],
              is_demo: false,
              created_at: "2026-01-01T00:00:00Z",
              locked_until: null,
            },
          },
        }
      },
      "GET /v1/clusters/hb-qibin": { id: "hb-qibin", name: "淇滨产业集聚区", kind: "industrial", group: "urban_district", region: "410611" },
      "GET /v1/clusters/hb-qibin/observations": { items: [] },
    })
    render(<App fetcher={fetcher} />)
    fireEvent.change(await screen.findByLabelText("用户名"), { target: { value: "zone" } })
    fireEvent.change(screen.getByLabelText("密码"), { target: { value: "wrong" } })
    fireEvent.click(screen.getByRole("button", { name: "登录" }))
    expect((await screen.findByText("用户名或密码错误")).getAttribute("role")).toBe("alert")

    fireEvent.change(screen.getByLabelText("密码"), { target: { value: "right-password" } })
    fireEvent.click(screen.getByRole("button", { name: "登录" }))
    const nav = await screen.findByRole("navigation", { name: "主导航" })
    await screen.findByText("zone（填报员）")
    const links = [...nav.querySelectorAll("a")].map((a) => a.textContent)
    expect(links).toEqual(["数据填报", "项目库", "考核结果"])
    expect(seen.findLast((s) => s.path === "/v1/auth/login")?.body).toEqual({ name: "zone", password: "right-password" })
  })
})
