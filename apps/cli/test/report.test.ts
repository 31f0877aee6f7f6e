import { execFileSync } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { readXlsx, xml } from "@jiju/domain/io"
import { unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeStoreEnv } from "./storeEnv.js"

// Each CLI call opens the on-disk store (PGlite start-up): allow for a busy machine.
const SLOW = { timeout: 240_000 }

type Assess = { run: { id: string }; groups: { group: string; ranking: { cluster_id: string; name: string; rank: number; score: number }[] }[] }

const textIn = (el: xml.XmlElement): string => el.children.map((c) => (typeof c === "string" ? "" : c.name === "t" ? xml.textOf(c) : textIn(c))).join("")
const paragraphsOf = (bytes: Uint8Array): string[] => {
  const out: string[] = []
  const walk = (el: xml.XmlElement) => {
    for (const c of el.children) if (typeof c !== "string") c.name === "p" ? out.push(textIn(c)) : walk(c)
  }
  walk(xml.parseXml(new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]!)))
  return out
}

// The rendered bulletin is kept for a person to look at (test-artifacts is not committed).
const artefacts = fileURLToPath(new URL("../test-artifacts/report/", import.meta.url))
const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p))
const chromium = process.env.JIJU_CHROMIUM || "/usr/bin/chromium"
const printable = existsSync(chromium) && existsSync("/usr/bin/pdftotext")

describe.each(engines)("jiju report on %s", (engine) => {
  let s: Awaited<ReturnType<typeof makeStoreEnv>>
  let assessed: Assess
  beforeAll(async () => {
    s = await makeStoreEnv(engine)
    expect((await runCli(["demo"], s.env)).code).toBe(0)
    expect((await runCli(["assess", "--period", "2024", "--publish", "--confirm-defaults"], s.env)).code).toBe(0)
    const r = await runCli(["assess", "--period", "2025", "--json"], s.env)
    expect(r.code, r.stderr).toBe(0)
    assessed = r.json() as Assess
  }, SLOW.timeout)
  afterAll(() => s?.dispose(), SLOW.timeout)

  it("writes the workbook of the latest run, marked as a draft, its ranking that of jiju assess", SLOW, async () => {
    const out = join(s.dir, "report.xlsx")
    const r = await runCli(["report", "--period", "2025", "--out", out, "--issuer", "河南省产业集聚区联席会议办公室", "--json"], s.env)
    expect(r.code, r.stderr).toBe(0)
    expect(r.json()).toMatchObject({ written: out, format: "xlsx", draft: true, file_name: "jiju-industrial-2025-draft.xlsx" })
    const bytes = new Uint8Array(readFileSync(out))
    const cover = Object.fromEntries(readXlsx(bytes, { sheet: "说明" }).rows.map((x) => [x.项目, x.内容]))
    expect(cover).toMatchObject({ 状态: "未发布", 发文机关: "河南省产业集聚区联席会议办公室", 运行编号: assessed.run.id })
    // The scheme's Jiju defaults: unconfirmed in the 2025 draft, confirmed (by whom, when) in the published 2024 run.
    expect(cover.默认值).toBe("本方案含未经委员会确认的 Jiju 默认值：指标权重、标准化方法")
    const out2024 = join(s.dir, "report-2024.xlsx")
    expect((await runCli(["report", "--period", "2024", "--out", out2024], s.env)).code).toBe(0)
    const cover2024 = Object.fromEntries(readXlsx(new Uint8Array(readFileSync(out2024)), { sheet: "说明" }).rows.map((x) => [x.项目, x.内容]))
    expect(cover2024.默认值).toMatch(/^本方案的 Jiju 默认值（指标权重、标准化方法）已由 operator:.+ 于 \d{4}-\d\d-\d\dT.+ 确认$/)
    const county = assessed.groups.find((g) => g.group === "county")!
    const sheet = readXlsx(bytes, { sheet: "县域组排名" })
    expect(sheet.rows.map((x) => [x.代码, x.名次])).toEqual(county.ranking.map((z) => [z.cluster_id, z.rank]))
    expect(sheet.rows.map((x) => x.得分)).toEqual(county.ranking.map((z) => z.score))
  })

  it("writes the bulletin and a zone's 体检报告, in English on request", SLOW, async () => {
    const out = join(s.dir, "bulletin.docx")
    const b = await runCli(["report", "--period", "2025", "--format", "docx", "--out", out, "--date", "2026-01-15"], s.env)
    expect(b.code, b.stderr).toBe(0)
    const bytes = new Uint8Array(readFileSync(out))
    const paragraphs = paragraphsOf(bytes)
    expect(paragraphs[0]).toBe("（未发布）")
    expect(paragraphs[1]).toMatch(/^关于2025年.+结果的通报$/)
    expect(paragraphs[2]).toBe("（发文机关未配置）　2026-01-15")
    expect(paragraphs).toContain("本方案含未经委员会确认的 Jiju 默认值：指标权重、标准化方法")
    const first = assessed.groups.find((g) => g.group === "county")!.ranking[0]!
    expect(paragraphs.find((p) => p.startsWith("2025 年考核共有"))).toContain(`县域组前三名为${first.name}`)
    if (soffice) {
      mkdirSync(artefacts, { recursive: true })
      execFileSync(soffice, ["--headless", "--convert-to", "pdf", "--outdir", artefacts, out], { stdio: "ignore", timeout: 180_000 })
      expect(readFileSync(join(artefacts, "bulletin.pdf")).subarray(0, 5).toString()).toBe("%PDF-")
    }
    const zone = join(s.dir, "zone.docx")
    const z = await runCli(["report", "--period", "2025", "--out", zone, "--cluster", first.cluster_id, "--lang", "en"], s.env)
    expect(z.code, z.stderr).toBe(0)
    expect(paragraphsOf(new Uint8Array(readFileSync(zone)))[0]).toBe("（DRAFT — NOT PUBLISHED）")
  })

  it.runIf(printable)("prints the bulletin to PDF with Chromium, marked 未发布, its ranking that of jiju assess", SLOW, async () => {
    const out = join(s.dir, "bulletin.pdf")
    const r = await runCli(["report", "--period", "2025", "--out", out, "--date", "2026-01-15", "--json"], { ...s.env, JIJU_CHROMIUM: chromium })
    expect(r.code, r.stderr).toBe(0)
    expect(r.json()).toMatchObject({ written: out, format: "pdf", draft: true, file_name: "jiju-industrial-2025-draft.pdf" })
    mkdirSync(artefacts, { recursive: true })
    copyFileSync(out, join(artefacts, "bulletin-chromium.pdf"))
    const text = execFileSync("pdftotext", ["-layout", out, "-"], { encoding: "utf8" })
    const pages = text.split("\f").filter((p) => p.trim() !== "")
    for (const p of pages) expect(p).toContain("未发布")
    const flat = text.replace(/\s+/g, " ")
    expect(flat).toContain("（发文机关未配置） 2026-01-15")
    // The county group's first three rows as jiju assess ranks them: rank, name, score to two decimals.
    const county = assessed.groups.find((g) => g.group === "county")!
    for (const z of county.ranking.slice(0, 3)) expect(flat).toContain(`${z.rank} ${z.name} ${Number(z.score.toFixed(2))}`)
    expect(flat).toContain("图2 县域组综合得分")
    expect(flat).toContain("参加排名集聚区得分分布")
    // A zone's check-up is a Word document only.
    expect((await runCli(["report", "--period", "2025", "--out", out, "--cluster", county.ranking[0]!.cluster_id], s.env)).code).toBe(2)
  })

  it("says precisely, in both languages, when there is no Chromium for a PDF", SLOW, async () => {
    const out = join(s.dir, "none.pdf")
    const r = await runCli(["report", "--period", "2025", "--out", out, "--json"], { ...s.env, JIJU_CHROMIUM: "/nonexistent/chromium" })
    expect(r.code).not.toBe(0)
    const error = (r.json() as { error: { code: string; message: string } }).error
    expect(error.code).toBe("chromium_missing")
    // One line: Chinese, then English.
    expect(error.message).toContain("生成 PDF 需要 Chromium，但无法运行 /nonexistent/chromium")
    expect(error.message).toContain("none can be run at /nonexistent/chromium")
    expect(error.message).toContain("JIJU_CHROMIUM")
    expect(r.stderr).toContain("jiju: 生成 PDF 需要 Chromium")
    expect(existsSync(out)).toBe(false)
  })

  it("refuses bad flags and a period without a run", SLOW, async () => {
    const out = join(s.dir, "x.txt")
    expect((await runCli(["report", "--period", "2025", "--out", out], s.env)).code).toBe(2)
    expect((await runCli(["report", "--period", "2025", "--out", join(s.dir, "x.xlsx"), "--cluster", "x"], s.env)).code).toBe(2)
    const bad = await runCli(["report", "--period", "2025", "--out", join(s.dir, "x.xlsx"), "--date", "15.1.2026", "--json"], s.env)
    expect(bad.code).not.toBe(0)
    expect((bad.json() as { error: { code: string } }).error.code).toBe("bad_option")
    const none = await runCli(["report", "--period", "2023", "--out", join(s.dir, "y.xlsx"), "--json"], s.env)
    expect(none.code).not.toBe(0)
    expect((none.json() as { error: { code: string } }).error.code).toBe("not_found")
  })
})
