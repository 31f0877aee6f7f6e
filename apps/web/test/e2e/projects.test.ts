// @vitest-environment node
import { existsSync, mkdirSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { addWeeks, weekOf } from "@jiju/domain/projects"
import { type RunningServer, startServer } from "@jiju/server"
import { makeUsers, openStore, type Store, storeOn } from "@jiju/store"
import { demoData } from "@jiju/store/demo"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

/**
 * The project register end to end in Debian's Chromium: the built web app and the API served by `startServer` over
 * a fresh in-memory store. An admin enters two projects through the API, a zone committee files a weekly report for
 * its own project through the form (and is refused another zone's), and a supervisor sees the report in the
 * supervision view the server computed.
 */
const here = fileURLToPath(new URL(".", import.meta.url))
const CHROMIUM = "/usr/bin/chromium"
const webDist = resolve(here, "../../dist")
const artifacts = resolve(here, "../../test-artifacts")
const missing = [
  existsSync(CHROMIUM) ? null : `${CHROMIUM} is absent`,
  existsSync(join(webDist, "index.html")) ? null : "apps/web/dist is missing (build the web app first: pnpm build)",
].filter(Boolean)
if (missing.length > 0) console.warn(`[projects e2e] SKIPPED: ${missing.join("; ")}`)

// Days relative to today in Beijing time, so the weeks owed do not depend on when the suite runs.
const beijingDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)

describe.skipIf(missing.length > 0)("project register in Chromium against the real server", () => {
  let store: Store
  let server: RunningServer
  let browser: Browser
  let page: Page
  let own: string
  let other: string
  const ownProject = "e2e-own-001"
  const otherProject = "e2e-other-001"
  // The week before last: its deadline (Monday noon after it) has passed whatever the hour, so a report now is late.
  const lastWeek = addWeeks(weekOf(beijingDay(0)), -2)
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })
  const ask = (path: string, init?: { method: string; body: unknown }) =>
    page.evaluate(
      async ([p, i]) => {
        const r = await fetch(p as string, {
          headers: { "accept-language": "zh-CN", "content-type": "application/json" },
          ...(i ? { method: (i as { method: string }).method, body: JSON.stringify((i as { body: unknown }).body) } : {}),
        })
        return { status: r.status, body: await r.json() }
      },
      [path, init ?? null] as const,
    )

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    store = await openStore({ memory: true })
    const demo = demoData()
    await store.db.transaction(async (tx) => {
      const s = storeOn(tx)
      await s.regions.upsert(demo.regions)
      await s.clusters.insertMany(demo.clusters, tx)
    })
    const industrial = (await store.clusters.list()).filter((c) => c.kind === "industrial")
    own = industrial[0]!.id
    other = industrial[1]!.id
    const users = makeUsers(store.db)
    await users.create({ name: "zone", role: "submitter", password: "zone-password-1", clusterIds: [own] })
    await users.create({ name: "chief", role: "admin", password: "chief-password-1" })
    await users.create({ name: "watch", role: "viewer", password: "watch-password-1" })
    const env = { JIJU_DEMO: "0", JIJU_RATE_BURST: "100000", JIJU_RATE_PER_SECOND: "100000" }
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
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" })
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
    await page.getByRole("button", { name: "退出" }).waitFor()
  }
  const signOut = async () => {
    await page.getByRole("button", { name: "退出" }).click()
    await page.getByRole("heading", { name: "登录集聚区评估系统" }).waitFor()
  }
  const entry = (id: string, cluster: string, name: string) => ({
    id,
    name,
    cluster,
    area: null,
    investor: "端到端测试投资公司",
    firm: null,
    industry: "装备制造",
    type: "industrial",
    traits: [],
    total_investment: 3000,
    fixed_investment: 2500,
    land: 40,
    floor_area: 30000,
    storeys: 3,
    contract: { investment_intensity: 60, floor_area_ratio: 1.1, start_by: beijingDay(60), complete_by: beijingDay(400) },
    location: { lon: 114.3, lat: 35.75 },
    special_reason: null,
    note: null,
    is_demo: false,
    history: [
      { status: "signed", on: beijingDay(-70) },
      { status: "land_supplied", on: beijingDay(-56) },
      { status: "started", on: beijingDay(-42) },
    ],
  })

  it("an admin enters a project in each of two zones", async () => {
    await signIn("chief", "chief-password-1")
    expect((await ask("/v1/projects", { method: "POST", body: entry(ownProject, own, "端到端本区项目") })).status).toBe(201)
    expect((await ask("/v1/projects", { method: "POST", body: entry(otherProject, other, "端到端他区项目") })).status).toBe(201)
    await signOut()
  })

  it("a committee files its project's weekly report through the form, with the server's issue shown at the field", async () => {
    await signIn("zone", "zone-password-1")
    await page.getByRole("link", { name: "项目库" }).click()
    await page.getByRole("heading", { name: "入园项目库" }).waitFor()
    // Its own zone's project only.
    await page.getByRole("link", { name: "端到端本区项目" }).waitFor()
    expect(await page.getByRole("link", { name: "端到端他区项目" }).count()).toBe(0)
    // The project's pin on the map of Henan, described for screen readers.
    await page.getByRole("img", { name: "项目分布图：1 个项目按状态着色" }).locator("canvas").waitFor()
    await shot("projects-00-list")
    await page.getByRole("link", { name: "端到端本区项目" }).click()
    const form = page.locator("form.weekly-form")
    await form.waitFor()
    await form.getByLabel("周次").selectOption(lastWeek)
    const schedule = (await ask(`/v1/projects/${ownProject}/reports`)).body as { schedule: Array<{ week: string; deadline: string }> }
    const deadline = new Date(schedule.schedule.find((s) => s.week === lastWeek)!.deadline)
    const shown = deadline.toLocaleString("zh-CN", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
    await form.getByText(`报送截止：${shown}（北京时间）· 未报送`).waitFor()
    await form.getByLabel("本周完成投资（万元）").fill("120")
    // Less to date than this week alone: the server refuses it and names the field.
    await form.getByLabel("累计完成投资（万元）").fill("80")
    await form.getByLabel("形象进度（%）").fill("35")
    await form.getByLabel("本周建设内容").fill("主体结构施工")
    await form.getByRole("button", { name: "添加问题" }).click()
    await form.getByLabel("部门").fill("供电公司")
    await form.getByLabel("问题").fill("专用线路未接通")
    await form.getByRole("button", { name: "报送周报" }).click()
    await form.getByRole("alert").waitFor()
    const toDate = form.getByLabel("累计完成投资（万元）")
    expect(await toDate.getAttribute("aria-invalid")).toBe("true")
    const errId = (await toDate.getAttribute("aria-describedby"))!
    expect(await page.locator(`[id="${errId}"]`).textContent()).toBe("累计完成投资（80万元）小于本周完成投资（120万元）")
    await shot("projects-01-report-refused")
    await toDate.fill("620")
    await form.getByRole("button", { name: "报送周报" }).click()
    await form
      .getByRole("status")
      .filter({ hasText: `${lastWeek} 周报已报送。` })
      .waitFor()
    const row = page.getByRole("row", { name: new RegExp(`^${lastWeek}`) })
    await row.getByText("供电公司：专用线路未接通").waitFor()
    await row.getByText(/逾期报送/).waitFor()
    const stored = (await ask(`/v1/projects/${ownProject}/reports`)).body as { items: Array<Record<string, unknown>> }
    expect(stored.items.map((r) => [r.week, r.investment_this_week, r.investment_to_date, r.progress_percent, r.late, r.submitted_by])).toEqual([
      [lastWeek, 120, 620, 35, true, "user:zone"],
    ])
    await shot("projects-02-report-filed")
  })

  it("refuses the committee another zone's project and its report", async () => {
    await page.goto(`${server.url}/#/project/${otherProject}`)
    await page
      .getByRole("alert")
      .filter({ hasText: `未找到项目 ${otherProject}` })
      .waitFor()
    const put = await ask(`/v1/projects/${otherProject}/reports/${lastWeek}`, {
      method: "PUT",
      body: { week: lastWeek, investment_this_week: 1, investment_to_date: 1, progress_percent: 1, progress: "", problems: [], note: null },
    })
    expect([put.status, put.body.code]).toEqual([404, "not_found"])
    expect(await store.db.query("select count(*)::int as n from weekly_reports where project_id = $1", [otherProject])).toEqual([{ n: 0 }])
    await signOut()
  })

  it("the supervisor sees the late report and the department's problem in the supervision view", async () => {
    await signIn("watch", "watch-password-1")
    await page.getByRole("link", { name: "项目督导" }).click()
    // The view opens on the last complete week; the supervisor asks for the week before it.
    await page.getByText(new RegExp(`^${addWeeks(lastWeek, 1)} 周（截至 `)).waitFor()
    await page.getByLabel("周次").fill(lastWeek)
    await page.getByRole("button", { name: "显示" }).click()
    await page.getByText(new RegExp(`^${lastWeek} 周（截至 `)).waitFor()
    const view = (await ask(`/v1/supervision?week=${lastWeek}`)).body as { week: string; reports: { items: Array<{ project: string; state: string }> } }
    expect(view.week).toBe(lastWeek)
    expect(view.reports.items.find((i) => i.project === ownProject)?.state).toBe("late")
    const reports = page.locator("section.card", { has: page.getByRole("heading", { name: "本周周报" }) })
    const ownRow = reports.getByRole("row", { name: /端到端本区项目/ })
    await ownRow.getByText("逾期报送").waitFor()
    // The other zone's project filed nothing: missing.
    await reports
      .getByRole("row", { name: /端到端他区项目/ })
      .getByText("未报送")
      .waitFor()
    const waiting = page.locator("section.card", { has: page.getByRole("heading", { name: "待部门解决的问题" }) })
    await waiting.getByRole("heading", { name: "供电公司" }).waitFor()
    await waiting.getByText("专用线路未接通").waitFor()
    const agenda = page.locator("section.card", { has: page.getByRole("heading", { name: "周例会议程" }) })
    await agenda.getByText(`端到端本区项目：${lastWeek} 周报逾期报送`).waitFor()
    await agenda.getByText(`端到端他区项目：${lastWeek} 周报未报送`).waitFor()
    await shot("projects-03-supervision")
  })
})
