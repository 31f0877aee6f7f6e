// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { demoData, makeUsers, openStore, type Store, storeOn } from "@jiju/store"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

/**
 * End to end in a real browser: Debian's Chromium drives the BUILT web app (apps/web/dist) served with the API
 * by the API's own server factory (apps/api/dist), over a fresh embedded store in a temporary JIJU_DATA_DIR with
 * the demo register and its last three years of data.
 */
const here = fileURLToPath(new URL(".", import.meta.url))
const CHROMIUM = "/usr/bin/chromium"
const apiServer = resolve(here, "../../../api/dist/server.js")
const webDist = resolve(here, "../../dist")
const artifacts = resolve(here, "../../test-artifacts")
const missing = [
  existsSync(CHROMIUM) ? null : `${CHROMIUM} is absent`,
  existsSync(apiServer) ? null : "apps/api/dist is missing (build the API first: pnpm build)",
  existsSync(join(webDist, "index.html")) ? null : "apps/web/dist is missing (build the web app first: pnpm build)",
].filter(Boolean)
if (missing.length > 0) console.warn(`[web e2e] SKIPPED: ${missing.join("; ")}`)

const SCORED = [
  "revenue",
  "fixed_investment",
  "tax_total",
  "investment_intensity",
  "high_tech_firms",
  "patents_granted",
  "leading_industry_share",
  "local_supply_ratio",
  "energy_per_value_added",
  "sewage_treatment_rate",
]
const COUNTS = new Set(["high_tech_firms", "patents_granted"])
const PERCENT = new Set(["leading_industry_share", "local_supply_ratio", "sewage_treatment_rate"])

describe.skipIf(missing.length > 0)("web app in Chromium against the real API", () => {
  let dataDir: string
  let store: Store
  let server: { url: string; close(): Promise<void> }
  let browser: Browser
  let page: Page
  let own: string
  let other: string
  const t0 = Date.now()
  const step = (s: string) => process.env.JIJU_E2E_TRACE && console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`)
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    dataDir = mkdtempSync(join(tmpdir(), "jiju-web-e2e-"))
    const env = { JIJU_DATA_DIR: dataDir, JIJU_PUBLIC_RESULTS: "1", JIJU_RATE_BURST: "100000", JIJU_RATE_PER_SECOND: "100000" }
    store = await openStore({ env })
    step("store open")
    // The demo register with its last three years (all seventeen would only slow the run down).
    const demo = demoData()
    await store.db.transaction(async (tx) => {
      const s = storeOn(tx)
      await s.regions.upsert(demo.regions)
      await s.clusters.insertMany(demo.clusters, tx)
      await s.observations.upsertMany(
        demo.observations.filter((o) => o.period >= "2023"),
        tx,
      )
    })
    step("demo data loaded")
    const industrial = (await store.clusters.list()).filter((c) => c.kind === "industrial")
    own = industrial[0]!.id
    other = industrial[1]!.id
    const users = makeUsers(store.db)
    await users.create({ name: "zone", role: "submitter", password: "zone-password-1", clusterIds: [own] })
    await users.create({ name: "chief", role: "admin", password: "chief-password-1" })
    const { startServer } = (await import(pathToFileURL(apiServer).href)) as typeof import("../../../api/src/server.js")
    server = await startServer({ env, store, port: 0, webDist, log: () => undefined })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    })
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" })
    page.on("response", (r) => r.url().includes("/v1/") && step(`${r.request().method()} ${r.url().replace(server.url, "")} ${r.status()}`))
    page.on("pageerror", (e) => step(`page error ${e.message}`))
    step("ready")
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close() // closes the store too
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  const signIn = async (name: string, password: string) => {
    await page.goto(`${server.url}/#/login`)
    await page.getByLabel("用户名").fill(name)
    await page.getByLabel("密码").fill(password)
    await page.getByRole("button", { name: "登录", exact: true }).click()
  }

  it("a submitter signs in, fills the form, confirms an unusual value, submits and sees what was stored", async () => {
    await page.goto(server.url)
    await page.getByRole("heading", { name: "登录集聚区评估系统" }).waitFor()
    // Keyboard users meet the skip link first, and it shows when focused.
    await page.keyboard.press("Tab")
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到主要内容")
    await shot("01-sign-in")
    await signIn("zone", "zone-password-1")
    await page.getByRole("heading", { name: "指标数据填报" }).waitFor()

    const before = new Map(
      (await store.observations.query({ target: { kind: "cluster", id: own as never }, period: "2025" as never })).map((o) => [o.indicator as string, o.value]),
    )
    await page.getByLabel("期间", { exact: true }).fill("2026")
    // The 2026 form is empty and shows 2025's values as the previous period.
    await page
      .locator('.indicator-row:has(input[name="revenue"]) .prev')
      .filter({ hasText: String(Number(before.get("revenue")!.toPrecision(6))) })
      .waitFor()
    await expect.poll(() => page.locator('input[name="revenue"]').inputValue()).toBe("")

    const sent: Record<string, number> = {}
    for (const code of SCORED) {
      const prev = before.get(code)!
      let v = code === "revenue" ? prev * 20 : prev * 1.05
      v = COUNTS.has(code) ? Math.round(v) : PERCENT.has(code) ? Math.min(100, Number(v.toFixed(2))) : Number(v.toFixed(3))
      sent[code] = v
      await page.locator(`input[name="${code}"]`).fill(String(v))
    }
    const revenueRow = page.locator('.indicator-row:has(input[name="revenue"])')
    await revenueRow.getByText(/变化异常（20.0 倍）/).waitFor()
    await page.getByRole("button", { name: "提交", exact: true }).click()
    await page.getByText("有 1 处需要修改").waitFor()
    await revenueRow.getByLabel("我已核实此数值无误").check()
    await page.getByRole("button", { name: "提交", exact: true }).click()
    await page.getByRole("heading", { name: "已保存的数据" }).waitFor()
    await shot("02-form-submitted")

    const shown = await page
      .locator("table.stored tbody tr")
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-code"), r.querySelector("td.num")?.textContent]))
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(SCORED.map((c) => [c, String(Number(sent[c]!.toPrecision(6)))])))
    const stored = await store.observations.query({ target: { kind: "cluster", id: own as never }, period: "2026" as never })
    expect(Object.fromEntries(stored.map((o) => [o.indicator, o.value]))).toEqual(sent)
    expect(new Set(stored.map((o) => o.submitter))).toEqual(new Set(["user:zone"]))
  })

  it("refuses the submitter another zone's form and submission", async () => {
    await page.goto(`${server.url}/#/submit/${other}?period=2026`)
    await page.getByRole("alert").filter({ hasText: "只能查看本集聚区" }).waitFor()
    const status = await page.evaluate(
      async ([id]) => {
        const r = await fetch(`/v1/clusters/${id}/observations`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ period: "2026", values: { revenue: 1 } }),
        })
        return [r.status, (await r.json()).code]
      },
      [other],
    )
    expect(status).toEqual([403, "other_cluster"])
    await shot("03-other-zone-refused")
    await page.getByRole("button", { name: "退出" }).click()
    await page.getByRole("heading", { name: "登录集聚区评估系统" }).waitFor()
  })

  it("an admin opens the ranking, publishes it and opens a cluster with its charts", async () => {
    await signIn("chief", "chief-password-1")
    await page.getByRole("heading", { name: "综合考核排名" }).waitFor()
    const tables = page.locator("table.ranking")
    await tables.first().waitFor()
    expect(await tables.count()).toBe(2)
    await page.getByText(/本页排名由浏览器根据已提交数据按方案计算/).waitFor()
    // The preview computed in the browser compares with 2024: rank changes show.
    await expect.poll(() => tables.first().locator(".rank-up, .rank-down").count()).toBeGreaterThan(0)
    await shot("04-ranking-preview")
    await page.getByRole("button", { name: "运行考核并发布" }).click()
    await page.getByText(/正式发布的考核结果/).waitFor()
    expect(await tables.count()).toBe(2)
    const firstRow = tables.first().locator("tbody tr").first()
    expect(await firstRow.locator("td").first().textContent()).toBe("1")
    // Published against the run of 2024 the page made first: rank changes are kept.
    await expect.poll(() => tables.first().locator(".rank-up, .rank-down").count()).toBeGreaterThan(0)
    await shot("05-ranking-published")
    await page.getByRole("button", { name: "English" }).click()
    await page.getByRole("heading", { name: "Comprehensive evaluation ranking" }).waitFor()
    await page.getByText(/Published assessment result/).waitFor()
    await shot("05b-ranking-english")
    await page.getByRole("button", { name: "中文" }).click()

    const link = firstRow.getByRole("link")
    const name = (await link.textContent())!
    await link.click()
    await page.getByRole("heading", { name: new RegExp(name) }).waitFor()
    await page.getByRole("heading", { name: "得分构成" }).waitFor()
    await expect.poll(() => page.locator(".chart canvas").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3)
    await page.getByRole("heading", { name: "发展阶段" }).waitFor()
    // Charts are described for screen readers (the canvas is opaque).
    expect(await page.locator('.chart[aria-label^="得分构成: 主营业务收入"]').count()).toBe(1)
    await shot("06-cluster")
  })

  it("runs the coupling analysis as a job and draws the map of Henan and the Moran scatter", async () => {
    await page.goto(`${server.url}/#/analyses`)
    await page.getByLabel(/^α1/).fill("2")
    await page.getByLabel(/^α2/).fill("1")
    const request = page.waitForRequest((r) => r.url().endsWith("/v1/analyses/coupling"))
    await page.getByRole("button", { name: "运行分析" }).click()
    const body = JSON.parse((await request).postData() ?? "{}")
    expect(body.alpha[0]).toBeCloseTo(2 / 3, 12)
    expect(body.subsystems[1].indicators).toContain("-energy_per_value_added")
    await page.getByText(/全局 Moran's I = /).waitFor({ timeout: 20_000 })
    await expect.poll(() => page.locator(".chart canvas").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3)
    await page.waitForTimeout(400) // let the map's first frame paint
    await shot("07-analyses")
  })

  it("shows the published ranking to an anonymous visitor (results are public)", async () => {
    const anonymous = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" })
    try {
      await anonymous.goto(`${server.url}/#/results?period=2025`)
      await anonymous.getByText(/正式发布的考核结果/).waitFor()
      expect(await anonymous.locator("table.ranking").count()).toBe(2)
      expect(await anonymous.getByRole("link", { name: "登录" }).count()).toBe(1)
    } finally {
      await anonymous.close()
    }
  })

  it("fits a phone screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/#/submit/${own}?period=2026`)
    await page.getByRole("heading", { name: "指标数据填报" }).waitFor()
    await page.locator('input[name="revenue"]').waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await shot("08-form-phone")
    await page.setViewportSize({ width: 1366, height: 768 })
  })
})
