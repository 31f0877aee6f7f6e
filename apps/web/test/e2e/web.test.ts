// @vitest-environment node
import { existsSync, mkdirSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { type RunningServer, startServer } from "@jiju/server"
import { makeUsers, openStore, type Store, storeOn } from "@jiju/store"
import { demoData } from "@jiju/store/demo"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { showNumber } from "../../src/analyses/models/numbers.js"
import { dictionaries } from "../../src/i18n/dictionary.js"

/**
 * End to end in a real browser: Debian's Chromium drives the BUILT web app (apps/web/dist) served with the API by
 * the server's own `startServer` (@jiju/server), over a fresh in-memory store holding the demo register and its last
 * three years of data. Analyses run in the server's worker threads, which load the built @jiju/domain.
 */
const here = fileURLToPath(new URL(".", import.meta.url))
const CHROMIUM = "/usr/bin/chromium"
const webDist = resolve(here, "../../dist")
const domainDist = resolve(here, "../../../../packages/domain/dist/analyses/index.js")
const artifacts = resolve(here, "../../test-artifacts")
const missing = [
  existsSync(CHROMIUM) ? null : `${CHROMIUM} is absent`,
  existsSync(join(webDist, "index.html")) ? null : "apps/web/dist is missing (build the web app first: pnpm build)",
  existsSync(domainDist) ? null : "packages/domain/dist is missing (the analysis workers load it: pnpm build)",
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
const zh = dictionaries.zh
const PERCENT = new Set(["leading_industry_share", "local_supply_ratio", "sewage_treatment_rate"])

describe.skipIf(missing.length > 0)("web app in Chromium against the real server", () => {
  let store: Store
  let server: RunningServer
  let browser: Browser
  let page: Page
  let own: string
  let other: string
  const t0 = Date.now()
  const step = (s: string) => process.env.JIJU_E2E_TRACE && console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`)
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })
  /** Every API call the page made, as "METHOD /path?query". */
  const calls: string[] = []
  /** An API answer read with the page's own session (what the server says, to compare with what the page shows). */
  const ask = (path: string) =>
    page.evaluate(async (p) => {
      const r = await fetch(p, { headers: { "accept-language": "zh-CN" } })
      return { status: r.status, body: await r.json() }
    }, path)

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    store = await openStore({ memory: true })
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
    // A commission that assesses its industrial zones with henan-2017 (JIJU_KIND_SCHEMES): the form and the results
    // page take the scheme of a zone's kind from the server, so the walk below is the henan-2017 one.
    const env = {
      JIJU_DEMO: "0",
      JIJU_PUBLIC_RESULTS: "1",
      JIJU_RATE_BURST: "100000",
      JIJU_RATE_PER_SECOND: "100000",
      JIJU_JOB_POLL_MS: "100",
      JIJU_KIND_SCHEMES: "industrial=henan-2017",
    }
    server = await startServer({ db: store.db, env, port: 0, webDist, log: () => undefined, onInternalError: (e) => console.error(e) })
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
    page.on("request", (r) => {
      const u = new URL(r.url())
      if (u.pathname.startsWith("/v1/")) calls.push(`${r.method()} ${u.pathname}${u.search}`)
    })
    page.on("response", (r) => r.url().includes("/v1/") && step(`${r.request().method()} ${r.url().replace(server.url, "")} ${r.status()}`))
    page.on("pageerror", (e) => step(`page error ${e.message}`))
    step("ready")
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await store?.close()
  })

  const signIn = async (name: string, password: string) => {
    await page.goto(`${server.url}/#/login`)
    await page.getByLabel("用户名").fill(name)
    await page.getByLabel("密码").fill(password)
    await page.getByRole("button", { name: "登录", exact: true }).click()
  }

  it("a submitter signs in, submits a period the server refuses, corrects it, confirms an unusual value and sees what was stored", async () => {
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
    // A period that has not begun: the form's grammar accepts it, the server's value rule does not.
    const periodField = page.getByLabel("期间", { exact: true })
    await periodField.fill("2027")
    await page.locator('.indicator-row:has(input[name="revenue"]) .prev').filter({ hasText: "无上期数据" }).waitFor()
    const sent: Record<string, number> = {}
    for (const code of SCORED) {
      const prev = before.get(code)!
      let v = code === "revenue" ? prev * 20 : prev * 1.05
      v = COUNTS.has(code) ? Math.round(v) : PERCENT.has(code) ? Math.min(100, Number(v.toFixed(2))) : Number(v.toFixed(3))
      sent[code] = v
      await page.locator(`input[name="${code}"]`).fill(String(v))
    }
    await page.getByRole("button", { name: "提交", exact: true }).click()
    // The server's issue is shown, in Chinese, at the field it names.
    const periodError = page.locator(`[id="${(await periodField.getAttribute("aria-describedby"))!.split(" ")[1]}"]`)
    await expect.poll(() => periodError.textContent()).toBe("期间 2027 尚未开始")
    expect(await periodField.getAttribute("aria-invalid")).toBe("true")
    await shot("02-form-server-issue")

    // Corrected, the period keeps what was typed and compares it with 2025: the unusual revenue needs confirming.
    await periodField.fill("2026")
    await page.getByText("已保留刚才输入的数值").waitFor()
    await expect.poll(() => periodError.textContent()).toBe("")
    expect(await page.locator('input[name="revenue"]').inputValue()).toBe(String(sent.revenue))
    const revenueRow = page.locator('.indicator-row:has(input[name="revenue"])')
    await revenueRow.getByText(/变化异常（20.0 倍）/).waitFor()
    await page.getByRole("button", { name: "提交", exact: true }).click()
    await page.getByText("有 1 处需要修改").waitFor()
    await revenueRow.getByLabel("我已核实此数值无误").check()
    await page.getByRole("button", { name: "提交", exact: true }).click()
    await page.getByRole("heading", { name: "已保存的数据" }).waitFor()
    await shot("03-form-submitted")

    const shown = await page
      .locator("table.stored tbody tr")
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-code"), r.querySelector("td.num")?.textContent]))
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(SCORED.map((c) => [c, String(Number(sent[c]!.toPrecision(6)))])))
    const stored = await store.observations.query({ target: { kind: "cluster", id: own as never }, period: "2026" as never })
    expect(Object.fromEntries(stored.map((o) => [o.indicator, o.value]))).toEqual(sent)
    expect(new Set(stored.map((o) => o.submitter))).toEqual(new Set(["user:zone"]))
    expect(await store.observations.query({ target: { kind: "cluster", id: own as never }, period: "2027" as never })).toEqual([])
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
    await shot("04-other-zone-refused")
    await page.getByRole("button", { name: "退出" }).click()
    await page.getByRole("heading", { name: "登录集聚区评估系统" }).waitFor()
  })

  it("an admin sees the server's preview, publishes the run and opens a zone with the server's judgements", async () => {
    calls.length = 0
    await signIn("chief", "chief-password-1")
    await page.getByRole("heading", { name: "综合考核排名" }).waitFor()
    const tables = page.locator("table.ranking")
    await tables.first().waitFor()
    expect(await tables.count()).toBe(2)
    await page.getByText(/本页排名由服务器根据当前已提交数据按方案计算/).waitFor()
    // No run yet: the page asked the server for a preview (the browser assesses nothing itself).
    expect(calls.some((c) => c.startsWith("GET /v1/assessments/preview?"))).toBe(true)
    const preview = await ask("/v1/assessments/preview?scheme=henan-2017&period=2025")
    const firstGroup = preview.body.result.groups.find((g: { size: number }) => g.size > 0)
    const shownOrder = await tables
      .first()
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-cluster")))
    expect(shownOrder).toEqual(firstGroup.ranking.map((r: { cluster_id: string }) => r.cluster_id))
    // The preview compares with 2024: rank changes show.
    await expect.poll(() => tables.first().locator(".rank-up, .rank-down").count()).toBeGreaterThan(0)
    await shot("05-ranking-preview")
    await page.getByRole("button", { name: "运行考核并发布" }).click()
    await page.getByText(/正式发布的考核结果/).waitFor()
    expect(calls).toContain("POST /v1/assessments/runs")
    expect(await tables.count()).toBe(2)
    const firstRow = tables.first().locator("tbody tr").first()
    expect(await firstRow.locator("td").first().textContent()).toBe("1")
    // Both tables are the published run as the API serves it: every zone, rank and score.
    const published = await ask("/v1/assessments/results?scheme=henan-2017&period=2025")
    expect(published.status).toBe(200)
    type Ranked = { cluster_id: string; rank: number; score: number }
    const expected = (published.body.result.groups as Array<{ size: number; ranking: Ranked[] }>)
      .filter((g) => g.size > 0)
      .map((g) => g.ranking.map((r) => [r.cluster_id, String(r.rank), r.score.toFixed(2)]))
    const shown = await tables.evaluateAll((ts) =>
      ts.map((t) =>
        [...t.querySelectorAll("tbody tr")].map((r) => {
          const cells = [...r.querySelectorAll("td")].map((c) => c.textContent)
          return [r.getAttribute("data-cluster"), cells[0], cells[1]]
        }),
      ),
    )
    expect(shown).toEqual(expected)
    await expect.poll(() => tables.first().locator(".rank-up, .rank-down").count()).toBeGreaterThan(0)
    // The run's documents are the server's: the links name the stored run, and what they fetch is its workbook and
    // its bulletin.
    const workbook = page.getByRole("link", { name: "导出 Excel" })
    const bulletin = page.getByRole("link", { name: "生成通报" })
    expect(await workbook.getAttribute("href")).toBe(`/v1/assessments/runs/${published.body.id}/report.xlsx?lang=zh`)
    expect(await bulletin.getAttribute("href")).toBe(`/v1/assessments/runs/${published.body.id}/report.docx?lang=zh`)
    const fetched = await page.evaluate(
      async (hrefs) => {
        const out: Array<{ status: number; type: string | null; magic: string }> = []
        for (const h of hrefs) {
          const r = await fetch(h)
          const bytes = new Uint8Array(await r.arrayBuffer())
          out.push({ status: r.status, type: r.headers.get("content-type"), magic: String.fromCharCode(bytes[0]!, bytes[1]!) })
        }
        return out
      },
      [(await workbook.getAttribute("href"))!, (await bulletin.getAttribute("href"))!],
    )
    expect(fetched.map((f) => [f.status, f.magic])).toEqual([
      [200, "PK"],
      [200, "PK"],
    ])
    expect(fetched[0]!.type).toContain("spreadsheetml")
    expect(fetched[1]!.type).toContain("wordprocessingml")
    await shot("06-ranking-published")
    await page.getByRole("button", { name: "English" }).click()
    await page.getByRole("heading", { name: "Comprehensive evaluation ranking" }).waitFor()
    await page.getByText(/Published assessment result/).waitFor()
    await shot("06b-ranking-english")
    await page.getByRole("button", { name: "中文" }).click()

    const zone = (await firstRow.getAttribute("data-cluster"))!
    const link = firstRow.getByRole("link")
    const name = (await link.textContent())!
    calls.length = 0
    await link.click()
    await page.getByRole("heading", { name: new RegExp(name) }).waitFor()
    await page.getByRole("heading", { name: "得分构成" }).waitFor()
    await expect.poll(() => page.locator(".chart canvas").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3)
    // Charts are described for screen readers (the canvas is opaque).
    expect(await page.locator('.chart[aria-label^="得分构成: 主营业务收入"]').count()).toBe(1)
    await page.getByRole("heading", { name: "发展阶段" }).waitFor()
    // Stage and diagnosis are the judgement operations' answers for this zone.
    const stage = await ask(`/v1/assessments/stage?period=2025&cluster=${zone}`)
    await page.getByText(stage.body.results[0].text.zh).waitFor()
    expect(calls).toContain(`GET /v1/assessments/stage?period=2025&cluster=${zone}`)
    expect(calls).toContain(`GET /v1/assessments/diagnosis?period=2025&cluster=${zone}`)
    const diagnosis = await ask(`/v1/assessments/diagnosis?period=2025&cluster=${zone}`)
    const problems = diagnosis.body.results[0].problems as Array<{ name: { zh: string } }>
    if (problems.length > 0) await page.locator(".card").filter({ hasText: "问题诊断" }).getByText(problems[0]!.name.zh).first().waitFor()
    else await page.getByText("未发现突出问题。").waitFor()
    // An industrial zone is no service agglomeration: certification is not asked.
    expect(calls.some((c) => c.startsWith("GET /v1/assessments/certification"))).toBe(false)
    await page.getByText("该集聚区不是现代服务业集聚区").waitFor()
    await shot("07-cluster")

    // A service agglomeration's certification is the server's, with the table the server chose.
    const service = (await store.clusters.list()).find((c) => c.kind === "modern_service")!
    const certification = await ask(`/v1/assessments/certification?period=2025&cluster=${service.id}`)
    expect(certification.status).toBe(200)
    calls.length = 0
    await page.goto(`${server.url}/#/cluster/${service.id}?period=2025`)
    await page.getByRole("heading", { name: "服务业集聚区认定" }).waitFor()
    await page.getByText(certification.body.results[0].text.zh).waitFor()
    expect(calls).toContain(`GET /v1/assessments/certification?period=2025&cluster=${service.id}`)
    await shot("07b-cluster-service")
  })

  it("shows every service agglomeration's certification and stage as the server decided them", async () => {
    // The table (county or city) is the server's choice; the page shows its verdict for each zone, never its own.
    const certified = (await ask("/v1/assessments/certification?period=2025")).body.results as Array<{
      id: string
      table: string
      status: string
      text: { zh: string }
    }>
    const staged = new Map(
      ((await ask("/v1/assessments/stage?period=2025")).body.results as Array<{ id: string; text: { zh: string } }>).map((z) => [z.id, z.text.zh]),
    )
    expect(certified.length).toBe((await store.clusters.list()).filter((c) => c.kind === "modern_service").length)
    step(`certification tables: ${[...new Set(certified.map((z) => z.table))].join(", ")}`)
    // Away from the zone the last test left open, so that every zone below is a navigation of its own.
    await page.goto(`${server.url}/#/map`)
    await page.getByRole("heading", { name: "空间格局地图" }).waitFor()
    for (const zone of certified) {
      const answered = page.waitForResponse((r) => r.url().endsWith(`/v1/assessments/certification?period=2025&cluster=${zone.id}`))
      await page.goto(`${server.url}/#/cluster/${zone.id}?period=2025`)
      await answered
      const verdict = page.locator("p[data-status]")
      await expect.poll(() => verdict.textContent()).toBe(zone.text.zh)
      expect(await verdict.getAttribute("data-status")).toBe(zone.status)
      await page.getByText(staged.get(zone.id)!, { exact: true }).waitFor()
    }
  })

  it("runs the coupling analysis as a job, with Moran's I and LISA from the analysis operations", async () => {
    calls.length = 0
    await page.goto(`${server.url}/#/analyses`)
    await page.getByLabel(/^α1/).fill("2")
    await page.getByLabel(/^α2/).fill("1")
    const request = page.waitForRequest((r) => r.url().endsWith("/v1/analyses/coupling/jobs"))
    await page.getByRole("button", { name: "运行分析" }).click()
    const body = JSON.parse((await request).postData() ?? "{}")
    expect(body.alpha[0]).toBeCloseTo(2 / 3, 12)
    expect(body.subsystems[1].indicators).toContain("-energy_per_value_added")
    await page.getByText(/全局 Moran's I = /).waitFor({ timeout: 30_000 })
    expect(calls).toContain("POST /v1/analyses/moran")
    expect(calls).toContain("POST /v1/analyses/lisa")
    await expect.poll(() => page.locator(".chart canvas").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3)
    await page.waitForTimeout(400) // let the map's first frame paint
    await shot("08-analyses-coupling")
  })

  it("leads from the LM tests of an OLS fit to the spatial Durbin model and explains its reductions", async () => {
    await page.getByRole("button", { name: "空间回归" }).click()
    const section = page.getByRole("region", { name: "截面空间回归（按地图单元）" })
    const form = section.locator("form")
    const modelSelect = form.getByLabel("模型", { exact: true })
    // Every model the regression operation offers is on offer.
    expect(await modelSelect.locator("option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual([
      "ols",
      "lag",
      "error",
      "slx",
      "durbin",
      "sdem",
      "sac",
    ])
    await modelSelect.selectOption("ols")
    const regress = () => page.waitForResponse((r) => r.url().endsWith("/v1/analyses/regress") && r.request().method() === "POST")
    let answer = regress()
    await form.getByRole("button", { name: "估计模型" }).click()
    let response = await answer
    expect(JSON.parse(response.request().postData() ?? "{}")).toMatchObject({ id: "unit", model: "ols", weights: { contiguity: "queen" } })
    const ols = await response.json()

    // Step 1: the LM tests of the OLS residuals and the model the server suggests, in its own words.
    const choice = page.locator(".model-choice")
    await choice.waitFor({ timeout: 30_000 })
    const lmStep = choice.locator('[data-step="lm"]')
    expect(await lmStep.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-test")))).toEqual([
      "lm_lag",
      "lm_error",
      "robust_lm_lag",
      "robust_lm_error",
    ])
    expect(await lmStep.locator('tr[data-test="lm_lag"] td').first().textContent()).toBe(showNumber(ols.diagnostics.lm_lag.statistic))
    expect(await lmStep.locator(".verdict").getAttribute("data-model")).toBe(ols.recommendation.model)
    expect(await lmStep.locator(".verdict").textContent()).toContain(ols.recommendation.reason.zh)
    await shot("09-analyses-model-choice")

    // Step 2: the Durbin model fitted on the same data from the choice, its reductions tested by the server.
    answer = regress()
    await choice.getByRole("button", { name: "估计 SDM 空间杜宾模型" }).click()
    response = await answer
    const body = JSON.parse(response.request().postData() ?? "{}")
    expect(body).toMatchObject({ id: "unit", model: "durbin", weights: { contiguity: "queen" } })
    expect(body.geojson.features).toHaveLength(18)
    const sdm = await response.json()
    expect(await modelSelect.inputValue()).toBe("durbin")
    const reductions = page.locator(".reductions")
    await reductions.waitFor({ timeout: 30_000 })
    // The server's LR and Wald tests, the meaning of each reduction and the verdict in Chinese.
    expect(await reductions.locator('tr[data-reduction="lag"] td.num').first().textContent()).toBe(
      `${showNumber(sdm.reductions.lag.lr.statistic)} (${sdm.reductions.lag.lr.df})`,
    )
    await reductions.getByText(/原假设 θ = 0/).waitFor()
    await reductions.getByText(/共同因子约束/).waitFor()
    expect(await reductions.locator(".verdict").textContent()).toBe(`结论: ${sdm.reductions.verdict.zh}`)
    expect(await page.locator('table.estimates tr[data-term="rho"]').count()).toBe(1)
    const durbinStep = page.locator('.model-choice [data-step="durbin"] .verdict')
    expect(await durbinStep.getAttribute("data-model")).toBe(sdm.reductions.verdict.model)
    expect(await durbinStep.textContent()).toContain(sdm.reductions.verdict.zh)
    await shot("09b-analyses-durbin")
  })

  it("fits spatial panels of the cities: the panel LM tests of fixed effects, then a Durbin panel's effects", async () => {
    await page.getByRole("button", { name: "空间面板", exact: true }).click()
    // The regression view stays mounted (hidden): everything is looked for inside the panel view.
    const panel = page.getByRole("region", { name: "空间面板模型（按地图单元）" })
    const form = panel.locator("form")
    await form.getByLabel("起始期间").fill("2023")
    await form.getByLabel("截止期间").fill("2025")
    await form.getByLabel("模型", { exact: true }).selectOption("fe")
    await form.getByLabel("效应", { exact: true }).selectOption("twoways")
    const fitPanel = async () => {
      const answer = page.waitForResponse((r) => r.url().endsWith("/v1/analyses/panel") && r.request().method() === "POST")
      await form.getByRole("button", { name: "估计模型" }).click()
      const response = await answer
      expect(response.status()).toBe(200)
      return { body: JSON.parse(response.request().postData() ?? "{}"), doc: await response.json() }
    }
    const fe = await fitPanel()
    expect(fe.body).toMatchObject({ unit: "unit", period: "period", model: "fe", effects: "twoways", weights: { contiguity: "queen" } })
    expect(new Set(fe.body.geojson.features.map((f: { properties: { period: string } }) => f.properties.period))).toEqual(new Set(["2023", "2024", "2025"]))
    // The panel LM tests (Elhorst's, on the demeaned pooled residuals) and the LR tests of the effects, as the server gave them.
    const tests = panel.locator("table.tests")
    await tests.locator('tr[data-test="lm_lag"]').waitFor({ timeout: 30_000 })
    for (const name of ["lm_lag", "lm_error", "robust_lm_lag", "robust_lm_error"])
      expect(await tests.locator(`tr[data-test="${name}"] td`).first().textContent()).toBe(showNumber(fe.doc.diagnostics[name].statistic))
    expect(await tests.locator('tr[data-test="effects_lr.unit"] td').first().textContent()).toBe(showNumber(fe.doc.effects_lr.unit.statistic))

    await form.getByLabel("模型", { exact: true }).selectOption("durbin")
    const sdm = await fitPanel()
    expect(sdm.body.model).toBe("durbin")
    const impacts = panel.locator("table.impacts")
    await impacts.waitFor({ timeout: 30_000 })
    const direct = sdm.doc.impacts.fixed_investment.direct as number
    // The direct effect, with its standard error in brackets when the server gives one.
    const shownDirect = (await impacts.locator('tr[data-term="fixed_investment"] td').first().textContent())!
    expect(shownDirect.split(" ")[0]).toBe(showNumber(direct))
    await shot("09c-analyses-panel")
  })

  it("draws LISA clusters, Gi* hot spots and GWR coefficients on the map page, with the Moran scatter and the densities", async () => {
    calls.length = 0
    await page.goto(`${server.url}/#/map`)
    await page.getByRole("heading", { name: "空间格局地图" }).waitFor()
    await page.getByRole("button", { name: "绘制地图" }).click()
    await page.getByRole("heading", { name: /^LISA 集聚图/ }).waitFor({ timeout: 30_000 })
    await page.getByRole("heading", { name: "Moran 散点图" }).waitFor()
    await page.getByRole("heading", { name: /分布演进（核密度）/ }).waitFor()
    expect(calls).toEqual(expect.arrayContaining(["POST /v1/analyses/moran", "POST /v1/analyses/lisa", "POST /v1/analyses/density"]))
    await expect.poll(() => page.locator(".chart canvas").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3)

    await page.getByLabel("图层", { exact: true }).selectOption("hotspots")
    await page.getByRole("button", { name: "绘制地图" }).click()
    await page.getByRole("heading", { name: /^Gi\* 冷热点/ }).waitFor({ timeout: 30_000 })
    expect(calls).toContain("POST /v1/analyses/hotspots")
    // The map describes every unit with the server's class.
    const described = (await page.locator(".map-card .chart").getAttribute("aria-label"))!
    expect(described).toMatch(/郑州市 (热点|冷点|不显著)/)
    await page.waitForTimeout(400)
    await shot("10-map")

    await page.getByLabel("图层", { exact: true }).selectOption("gwr")
    await page.getByRole("button", { name: "绘制地图" }).click()
    await page.getByRole("heading", { name: /^GWR 局部系数/ }).waitFor({ timeout: 60_000 })
    expect(calls).toContain("POST /v1/analyses/gwr")
    await page.getByLabel("显示的系数").waitFor()
    await page.waitForTimeout(400)
    await shot("10b-map-gwr")
  })

  it("draws the server's Gi* hot and cold spots and GWR coefficients of an uploaded GeoJSON", async () => {
    // A 6 × 6 grid of unit squares: high values in the lower-left block, low in the upper-right, a gentle trend between.
    const side = 6
    const features = Array.from({ length: side * side }, (_, k) => {
      const i = k % side
      const j = Math.floor(k / side)
      const v = i < 2 && j < 2 ? 100 + k : i >= 4 && j >= 4 ? 1 + k / 100 : 30 + i + j
      return {
        type: "Feature",
        // x: a regressor (a fixed pattern, unrelated to v); cx, cy: the square's centre, for GWR.
        properties: { code: `g${i}${j}`, name: `格${i}-${j}`, v, x: ((k * 7) % 11) + 1, cx: i + 0.5, cy: j + 0.5 },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [i, j],
              [i + 1, j],
              [i + 1, j + 1],
              [i, j + 1],
              [i, j],
            ],
          ],
        },
      }
    })
    calls.length = 0
    await page.goto(`${server.url}/#/map`)
    await page.getByRole("heading", { name: "空间格局地图" }).waitFor()
    await page.getByLabel("上传 GeoJSON").check()
    await page
      .getByLabel("GeoJSON 文件")
      .setInputFiles({ name: "grid.geojson", mimeType: "application/geo+json", buffer: Buffer.from(JSON.stringify({ type: "FeatureCollection", features })) })
    await expect.poll(() => page.getByLabel("单元编号属性").inputValue()).toBe("code")
    expect(await page.getByLabel("变量", { exact: true }).inputValue()).toBe("v")
    await page.getByLabel("图层", { exact: true }).selectOption("hotspots")
    const answer = page.waitForResponse((r) => r.url().endsWith("/v1/analyses/hotspots"))
    await page.getByRole("button", { name: "绘制地图" }).click()
    const response = await answer
    expect(JSON.parse(response.request().postData() ?? "{}")).toMatchObject({ id: "code", var: "v", star: true, weights: { contiguity: "queen" } })
    const hotspots = (await response.json()) as { rows: Array<{ id: string; class: keyof typeof zh.hotspotClass | null }> }
    await page.getByRole("heading", { name: "Gi* 冷热点 · v" }).waitFor({ timeout: 30_000 })
    // Every unit is described with the class the server gave it; the grid has both hot and cold spots.
    const described = (await page.locator(".map-card .chart").getAttribute("aria-label"))!
    for (const r of hotspots.rows) {
      const [i, j] = [r.id[1], r.id[2]]
      expect(described).toContain(`格${i}-${j} ${zh.hotspotClass[r.class ?? "not_significant"]} · z = `)
    }
    expect(hotspots.rows.some((r) => r.class?.startsWith("hot"))).toBe(true)
    expect(hotspots.rows.some((r) => r.class?.startsWith("cold"))).toBe(true)
    expect(calls).toEqual(expect.arrayContaining(["POST /v1/analyses/moran", "POST /v1/analyses/lisa", "POST /v1/analyses/density"]))
    await page.waitForTimeout(400)
    await shot("10c-map-upload")

    // GWR of the polygons at the coordinates the reader names; the map shows the server's local coefficients.
    await page.getByLabel("图层", { exact: true }).selectOption("gwr")
    const formError = page.locator("form p.error[role=alert]")
    await page.getByRole("button", { name: "绘制地图" }).click()
    await expect.poll(() => formError.textContent()).toBe(zh.needRegressor)
    await page.getByRole("group", { name: "GWR 解释变量" }).getByLabel("x", { exact: true }).check()
    await page.getByRole("button", { name: "绘制地图" }).click()
    await expect.poll(() => formError.textContent()).toBe(zh.gwrNeedsCoords)
    await page.getByLabel("坐标属性（X, Y，用于 GWR）").selectOption("cx,cy")
    const gwrAnswer = page.waitForResponse((r) => r.url().endsWith("/v1/analyses/gwr"))
    await page.getByRole("button", { name: "绘制地图" }).click()
    const gwrResponse = await gwrAnswer
    expect(JSON.parse(gwrResponse.request().postData() ?? "{}")).toMatchObject({ id: "code", formula: "v ~ x", coords: ["cx", "cy"] })
    const gwr = (await gwrResponse.json()) as { rows: Array<{ id: string; coefficients: Record<string, { estimate: number }> }> }
    await page.getByRole("heading", { name: "GWR 局部系数 · v" }).waitFor({ timeout: 60_000 })
    expect(await page.getByLabel("显示的系数").inputValue()).toBe("x")
    const gwrDescribed = (await page.locator(".map-card .chart").getAttribute("aria-label"))!
    for (const r of gwr.rows) expect(gwrDescribed).toContain(`格${r.id[1]}-${r.id[2]} x = ${r.coefficients.x!.estimate.toFixed(3)} (se `)
    await page.waitForTimeout(400)
    await shot("10d-map-upload-gwr")
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
    await shot("11-form-phone")
    await page.setViewportSize({ width: 1366, height: 768 })
  })
})
