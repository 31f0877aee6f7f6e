import { execFileSync } from "node:child_process"
import { existsSync } from "node:fs"
import { listSheets, readXlsx, xml } from "@jiju/domain/io"
import { engines, type TestEngine } from "@jiju/testkit"
import { unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AssessmentsSetup, assessmentsSetup, seedTinyScheme } from "./assessmentsSetup.js"

const seed = (t: AssessmentsSetup) => seedTinyScheme(t, "tiny-report")

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
const bytesOf = async (r: Response) => new Uint8Array(await r.arrayBuffer())

// A PDF's text, read back with poppler's pdftotext (the PDF tests need it and a Chromium).
const chromium = process.env.JIJU_CHROMIUM || "/usr/bin/chromium"
const printable = existsSync(chromium) && existsSync("/usr/bin/pdftotext")
const pdfText = (bytes: Uint8Array) => execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes, encoding: "utf8" })

const textIn = (el: xml.XmlElement): string => el.children.map((c) => (typeof c === "string" ? "" : c.name === "t" ? xml.textOf(c) : textIn(c))).join("")
/** The text of every paragraph of a .docx body, and of its page headers. */
const docx = (bytes: Uint8Array) => {
  const files = unzipSync(bytes)
  const parse = (name: string) => xml.parseXml(new TextDecoder().decode(files[name]!))
  const paragraphs: string[] = []
  const walk = (el: xml.XmlElement) => {
    for (const c of el.children) if (typeof c !== "string") c.name === "p" ? paragraphs.push(textIn(c)) : walk(c)
  }
  walk(parse("word/document.xml"))
  const headers = Object.keys(files)
    .filter((f) => /^word\/header\d*\.xml$/.test(f))
    .map((f) => textIn(parse(f)))
    .join("")
  return { paragraphs, headers }
}
const cover = (bytes: Uint8Array) => Object.fromEntries(readXlsx(bytes, { sheet: 0 }).rows.map((r) => [r.项目 ?? r.Item, r.内容 ?? r.Value]))

describe.each(engines)("a run's documents on %s (results public)", (engine: TestEngine) => {
  let t: AssessmentsSetup
  let run = ""
  beforeAll(async () => {
    t = await assessmentsSetup(engine, { publicResults: true, reportIssuer: "测试领导小组办公室" })
    await seed(t)
    expect((await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { scheme: "tiny-report", period: "2024", publish: true } })).status).toBe(201)
    const r = await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { scheme: "tiny-report", period: "2025" } })
    expect(r.status).toBe(201)
    run = (await r.json()).id
  })
  afterAll(() => t?.close())

  const xlsx = (query = "", as?: "admin" | "viewer" | "submitter") => t.call("GET", `/v1/assessments/runs/${run}/report.xlsx${query}`, as ? { as } : {})
  const word = (query = "", as?: "admin" | "viewer" | "submitter") => t.call("GET", `/v1/assessments/runs/${run}/report.docx${query}`, as ? { as } : {})

  it("gives a draft's workbook to admins and viewers, marked 未发布 and never cached", async () => {
    for (const as of ["admin", "viewer"] as const) {
      const r = await xlsx("", as)
      expect(r.status).toBe(200)
      expect(r.headers.get("content-type")).toBe(XLSX)
      expect(r.headers.get("cache-control")).toBe("private, no-store")
      expect(r.headers.get("content-disposition")).toBe(`attachment; filename="tiny-report-2025-draft.xlsx"; filename*=UTF-8''tiny-report-2025-draft.xlsx`)
      const bytes = await bytesOf(r)
      expect(cover(bytes).状态).toBe("未发布")
      expect(cover(bytes).发文机关).toBe("测试领导小组办公室")
      const urban = readXlsx(bytes, { sheet: "省辖市区组排名" })
      expect(urban.rows.map((x) => [x.名次, x.代码, x.得分])).toEqual([[1, "hb-qibin", 100]])
    }
  })

  const pdf = (query = "", as?: "admin" | "viewer" | "submitter") => t.call("GET", `/v1/assessments/runs/${run}/report.pdf${query}`, as ? { as } : {})

  it.runIf(printable)(
    "prints a draft's bulletin to PDF for admins and viewers, marked 未发布; hides it from others",
    async () => {
      for (const as of ["admin", "viewer"] as const) {
        const r = await pdf("?date=2026-02-01", as)
        expect(r.status).toBe(200)
        expect(r.headers.get("content-type")).toBe("application/pdf")
        expect(r.headers.get("cache-control")).toBe("private, no-store")
        expect(r.headers.get("content-disposition")).toContain("filename*=UTF-8''tiny-report-2025-draft.pdf")
        const text = pdfText(await bytesOf(r))
        expect(text).toContain("未发布")
        expect(text).toContain("关于2025年测试方案结果的通报")
        expect(text.replace(/\s+/g, " ")).toContain("测试领导小组办公室 2026-02-01")
      }
      expect((await pdf()).status).toBe(404)
      expect((await pdf("", "submitter")).status).toBe(404)
      // A PDF is the bulletin: it takes no zone (a zone's check-up is written as .docx).
      expect((await pdf("?cluster=hb-qibin", "submitter")).status).toBe(422)
      const r = await t.call("GET", `/v1/assessments/runs/${run}/report.pdf?lang=xx`, { as: "admin" })
      expect(r.status).toBe(422)
    },
    120_000,
  )

  it("hides a draft from anonymous readers and from a zone editor, except that zone's own 体检报告", async () => {
    expect((await xlsx()).status).toBe(404)
    expect((await word()).status).toBe(404)
    expect((await xlsx("", "submitter")).status).toBe(404)
    expect((await word("", "submitter")).status).toBe(404)
    expect((await word("?cluster=hb-xunxian", "submitter")).status).toBe(404)
    const own = await word("?cluster=hb-qibin", "submitter")
    expect(own.status).toBe(200)
    expect(own.headers.get("content-type")).toBe(DOCX)
    const { paragraphs, headers } = docx(await bytesOf(own))
    expect(paragraphs[1]).toBe("集聚区 hb-qibin体检报告（2025 年）")
    expect(headers).toContain("未发布")
  })

  it("writes the bulletin with the summary, the issuing body and the yellow cards asked for", async () => {
    const r = await word("?yellow_cards=hb-xunxian&date=2026-02-01", "admin")
    expect(r.status).toBe(200)
    const { paragraphs, headers } = docx(await bytesOf(r))
    expect(headers).toContain("未发布")
    expect(paragraphs[1]).toBe("关于2025年测试方案结果的通报")
    expect(paragraphs[2]).toBe("测试领导小组办公室　2026-02-01")
    expect(paragraphs.find((p) => p.startsWith("2025 年考核共有 2 个集聚区参加排名"))).toContain("集聚区 hb-xunxian被给予黄牌警告。")
    expect(paragraphs.filter((p) => p.startsWith("附件 "))).toEqual(["附件 1　集聚区 hb-qibin", "附件 2　集聚区 hb-xunxian"])
  })

  it("writes English on request, by the query or the Accept-Language", async () => {
    const bytes = await bytesOf(await xlsx("?lang=en", "viewer"))
    expect(listSheets(bytes)).toContain("Ranking County")
    expect(cover(bytes).State).toBe("DRAFT — not published")
    const r = await t.call("GET", `/v1/assessments/runs/${run}/report.docx`, { as: "viewer", headers: { "accept-language": "en" } })
    expect(docx(await bytesOf(r)).paragraphs[1]).toBe("Bulletin on the results of the Test scheme, 2025")
  })

  it("tracks a target set for admins and viewers only, as the targets themselves are read", async () => {
    const rows = (bytes: Uint8Array) => readXlsx(bytes, { sheet: "目标" }).rows
    const viewer = rows(await bytesOf(await xlsx("?targets=hengshui", "viewer")))
    expect(viewer.length).toBeGreaterThan(1)
    expect(viewer.every((x) => typeof x.目标值 === "number")).toBe(true)
    const none = rows(await bytesOf(await xlsx("", "viewer")))
    expect(none).toEqual([expect.objectContaining({ 目标: expect.stringContaining("未指定目标集") })])
    expect((await xlsx("?targets=nowhere", "viewer")).status).toBe(422)
  })

  it("refuses a bad date and answers 404 for an unknown run", async () => {
    expect((await xlsx("?date=2026-13-01", "admin")).status).toBe(422)
    expect((await t.call("GET", "/v1/assessments/runs/run_nope/report.xlsx", { as: "admin" })).status).toBe(404)
  })

  it("gives a published run's documents to every reader, anonymous ones included, without the draft mark", async () => {
    expect((await t.call("POST", `/v1/assessments/runs/${run}/publish`, { as: "admin" })).status).toBe(204)
    for (const as of [undefined, "submitter", "viewer", "admin"] as const) {
      const r = await xlsx("", as)
      expect(r.status).toBe(200)
      expect(r.headers.get("cache-control")).toBe("private, max-age=60")
      expect(cover(await bytesOf(r)).状态).toBe("已发布")
    }
    // A zone editor reads a published run's workbook, but the targets (sums over the register) are not for it.
    const withheld = await bytesOf(await xlsx("?targets=hengshui", "submitter"))
    expect(readXlsx(withheld, { sheet: "目标" }).rows).toEqual([expect.objectContaining({ 目标: expect.stringContaining("未附目标跟踪") })])
    expect(
      readXlsx(withheld, { sheet: 0 })
        .rows.filter((x) => x.项目 === "未附")
        .map((x) => x.内容),
    ).toEqual(["认定与诊断仅对已登录用户提供（填报员仅限本集聚区体检报告），未附", "目标跟踪仅对管理员与查看者提供，未附"])
    const { paragraphs, headers } = docx(await bytesOf(await word()))
    expect(headers).toBe("")
    expect(paragraphs.join("\n")).not.toContain("未发布")
    if (printable) {
      const r = await pdf()
      expect(r.status).toBe(200)
      expect(r.headers.get("cache-control")).toBe("private, max-age=60")
      const text = pdfText(await bytesOf(r))
      expect(text).toContain("关于2025年测试方案结果的通报")
      expect(text).not.toContain("未发布")
    }
  }, 120_000)
})

describe.each(engines)("a run's documents on %s (results not public)", (engine: TestEngine) => {
  let t: AssessmentsSetup
  beforeAll(async () => {
    t = await assessmentsSetup(engine)
    await seed(t)
  })
  afterAll(() => t?.close())

  it("asks anonymous readers to sign in, even for a published run", async () => {
    const r = await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { scheme: "tiny-report", period: "2025", publish: true } })
    const id = (await r.json()).id
    expect((await t.call("GET", `/v1/assessments/runs/${id}/report.xlsx`)).status).toBe(401)
    expect((await t.call("GET", `/v1/assessments/runs/${id}/report.docx`)).status).toBe(401)
    expect((await t.call("GET", `/v1/assessments/runs/${id}/report.pdf`)).status).toBe(401)
    expect((await t.call("GET", `/v1/assessments/runs/${id}/report.docx`, { as: "submitter" })).status).toBe(200)
    // Without a configured issuing body the documents say so instead of inventing one.
    expect(cover(await bytesOf(await t.call("GET", `/v1/assessments/runs/${id}/report.xlsx`, { as: "viewer" }))).发文机关).toBe("（发文机关未配置）")
  })
})

describe("a run's PDF without Chromium", () => {
  let t: AssessmentsSetup
  beforeAll(async () => {
    t = await assessmentsSetup(engines[0]!, { chromium: "/nonexistent/chromium" })
    await seed(t)
  })
  afterAll(() => t?.close())

  it("answers 503 chromium_missing in the caller's language, and the other documents as before", async () => {
    const r = await t.call("POST", "/v1/assessments/runs", { as: "admin", body: { scheme: "tiny-report", period: "2025", publish: true } })
    const id = (await r.json()).id
    const en = await t.call("GET", `/v1/assessments/runs/${id}/report.pdf`, { as: "viewer", headers: { "accept-language": "en" } })
    expect(en.status).toBe(503)
    const problem = await en.json()
    expect(problem.code).toBe("chromium_missing")
    expect(JSON.stringify(problem)).toContain("JIJU_CHROMIUM")
    const zh = await t.call("GET", `/v1/assessments/runs/${id}/report.pdf`, { as: "viewer" })
    expect(JSON.stringify(await zh.json())).toContain("生成 PDF 需要 Chromium")
    expect((await t.call("GET", `/v1/assessments/runs/${id}/report.docx`, { as: "viewer" })).status).toBe(200)
    // Who may read is decided before anything is printed.
    expect((await t.call("GET", `/v1/assessments/runs/${id}/report.pdf`)).status).toBe(401)
  })
})
