import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { bulletinHtml, chromiumMissing, printPdf, reportCharts, scoreBins } from "@jiju/app"
import { reportBulletin, reportWorkbook, zoneCheckup } from "@jiju/app/writers"
import ExcelJS from "exceljs"
import { unzipSync } from "fflate"
import { describe, expect, it } from "vitest"
import { draftReport, readDocx } from "./reportFixture.js"

// The files are kept for a person to open (test-artifacts is not committed).
const artefacts = fileURLToPath(new URL("../test-artifacts/reports/", import.meta.url))
const keep = (name: string, bytes: Uint8Array) => {
  mkdirSync(artefacts, { recursive: true })
  writeFileSync(artefacts + name, bytes)
}

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as never)
  return wb
}
const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    out.push((row.values as unknown[]).slice(1))
  })
  return out
}

describe("reportWorkbook", () => {
  it("writes one sheet per table with Chinese headers, frozen header rows and the run's figures", async () => {
    const report = draftReport()
    const bytes = await reportWorkbook(report, "zh")
    keep("test-2025-draft.xlsx", bytes)
    const wb = await load(bytes)
    expect(wb.worksheets.map((w) => w.name)).toEqual(["说明", "省辖市区组排名", "县域组排名", "未排名", "指标与得分", "认定", "目标", "单项排位", "说明与诊断"])
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    const county = rowsOf(wb.getWorksheet("县域组排名")!)
    expect(county[0]).toEqual(["名次", "代码", "集聚区", "得分", "上期名次", "名次变化", "变化说明", "奖励", "星级", "处理"])
    expect(county.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5], r[7], r[9]])).toEqual([
      [1, "c", "丙区", 2, 1, "是", ""],
      [2, "d", "'+丁区", 1, -1, "否", "黄牌警告"],
      [3, "e", "戊区", 3, 0, "否", ""],
    ])
    // d = 60 × (10 − 5)/25 + 40 × (4 − 3)/3, written unrounded with the unit in the format.
    const ws = wb.getWorksheet("县域组排名")!
    expect(ws.getCell("D3").value).toBeCloseTo(12 + 40 / 3, 12)
    expect(ws.getCell("D3").numFmt).toBe('0.00" 分"')
    expect(ws.getCell("F3").numFmt).toBe("+0;-0;0")
  })

  it("writes the values in their units, the certification shortfall and the positions", async () => {
    const wb = await load(await reportWorkbook(draftReport(), "zh"))
    const values = wb.getWorksheet("指标与得分")!
    expect(rowsOf(values)[0]!.slice(0, 7)).toEqual(["代码", "集聚区", "组别", "状态", "得分", "主营业务收入（亿元）", "主营业务收入得分"])
    // The first zone in ranking order is 乙区 (b): revenue 40, all 60 points.
    expect([values.getCell("A2").value, values.getCell("F2").value, values.getCell("G2").value]).toEqual(["b", 40, 60])
    expect(values.getCell("F2").numFmt).toBe('#,##0.00" 亿元"')
    // The formula-like name is text, never a formula.
    const a = rowsOf(values).find((r) => r[0] === "a")!
    expect(a[1]).toBe('\'=HYPERLINK("http://x")')
    expect(values.getCell("B3").type).toBe(ExcelJS.ValueType.String)
    const cert = rowsOf(wb.getWorksheet("认定")!)
    expect(cert[1]).toEqual(["c", "丙区", "不予认定", "营业收入超过 5.6 亿元", 5.6, 4.1, 1.5, "否"])
    expect(wb.getWorksheet("认定")!.getCell("G2").numFmt).toBe('#,##0.##" 亿元"')
    const positions = rowsOf(wb.getWorksheet("单项排位")!)
    expect(positions.slice(1, 3)).toEqual([
      ["主营业务收入", 1, 6, "f", "己区", 50],
      ["主营业务收入", 2, 6, "b", "乙区", 40, 2, 0],
    ])
    const unranked = rowsOf(wb.getWorksheet("未排名")!)
    expect(unranked[1]!.slice(0, 3)).toEqual(["f", "己区", "一票否决"])
  })

  it("marks a draft on its cover and printed pages, and a published run as published", async () => {
    const draft = await load(await reportWorkbook(draftReport(), "zh"))
    const cover = rowsOf(draft.getWorksheet("说明")!)
    expect(cover.find((r) => r[0] === "状态")?.[1]).toBe("未发布")
    expect(draft.getWorksheet("县域组排名")!.headerFooter.oddHeader).toContain("未发布")
    const published = await load(await reportWorkbook(draftReport(true), "zh"))
    expect(rowsOf(published.getWorksheet("说明")!).find((r) => r[0] === "状态")?.[1]).toBe("已发布")
    expect(published.getWorksheet("县域组排名")!.headerFooter?.oddHeader ?? "").not.toContain("未发布")
  })

  it("writes English headers on request", async () => {
    const wb = await load(await reportWorkbook(draftReport(), "en"))
    expect(wb.worksheets.map((w) => w.name)).toContain("Ranking County")
    expect(rowsOf(wb.getWorksheet("Ranking County")!)[0]!.slice(0, 4)).toEqual(["Rank", "Code", "Zone", "Score"])
    expect(wb.getWorksheet("Ranking County")!.getCell("D2").numFmt).toBe('0.00" pts"')
  })
})

describe("reportBulletin", () => {
  it("has the title, issuing body and date, the summary, a ranking table per group and an annex per zone", async () => {
    const report = draftReport()
    const bytes = await reportBulletin(report, "zh")
    keep("test-2025-draft.docx", bytes)
    const { paragraphs, tables, headers } = readDocx(bytes)
    expect(paragraphs[0]).toBe("（未发布）")
    expect(paragraphs[1]).toBe("关于2025年测试方案结果的通报")
    expect(paragraphs[2]).toBe("测试领导小组办公室　2026-01-15")
    expect(paragraphs).toContain(report.summary.text.zh)
    expect(report.summary.text.zh).toContain("县域组前三名为丙区（100 分）、+丁区（25.33 分）、戊区（0 分）")
    expect(tables).toHaveLength(2)
    expect(tables[1]).toEqual([
      ["名次", "集聚区", "得分", "名次变化", "星级", "奖励", "处理"],
      ["1", "丙区", "100", "上升 1 位", "—", "是", ""],
      ["2", "+丁区", "25.33", "下降 1 位", "—", "", "黄牌警告：工作不主动"],
      ["3", "戊区", "0", "名次不变", "—", "", ""],
    ])
    expect(paragraphs.filter((p) => p.startsWith("己区：一票否决：重大环境污染（"))).toHaveLength(1)
    const annexes = paragraphs.filter((p) => p.startsWith("附件 "))
    expect(annexes).toEqual(["附件 1　乙区", '附件 2　=HYPERLINK("http://x")', "附件 3　丙区", "附件 4　+丁区", "附件 5　戊区", "附件 6　己区"])
    const c = paragraphs.indexOf("附件 3　丙区")
    expect(paragraphs[c + 1]).toBe(report.zones[2]!.zone.explanation.zh)
    expect(paragraphs[c + 2]).toBe("认定：不予认定：营业收入差 1.5 亿元")
    expect(headers.join("")).toContain("未发布")
  })

  it("has no draft mark for a published run, and English on request", async () => {
    const { paragraphs, headers } = readDocx(await reportBulletin(draftReport(true), "en"))
    expect(paragraphs[0]).toBe("Bulletin on the results of the Test scheme, 2025")
    expect(paragraphs.join("\n")).not.toContain("DRAFT")
    expect(headers.join("")).toBe("")
    expect(paragraphs).toContain("1. Overview")
  })
})

describe("the bulletin's charts", () => {
  // A PNG's size from its IHDR chunk (bytes 16–23, big-endian), after the 8-byte signature.
  const pngSize = (b: Uint8Array) => {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
    return { signature: [...b.slice(0, 8)], width: v.getUint32(16), height: v.getUint32(20) }
  }

  it("puts a bar chart after each group's ranking table and the score distribution after them, each with its caption", async () => {
    const files = unzipSync(await reportBulletin(draftReport(), "zh"))
    const doc = new TextDecoder().decode(files["word/document.xml"]!)
    const rels = new TextDecoder().decode(files["word/_rels/document.xml.rels"]!)
    const media = Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f))
    expect(media).toHaveLength(3)
    // Each picture's relationship names a PNG part of the package; the caption is its alternative text and the next paragraph.
    const paragraphs = doc.split("</w:p>")
    const figures = paragraphs.flatMap((p, i) => {
      const embed = /<a:blip r:embed="([^"]+)"/.exec(p)?.[1]
      if (!embed) return []
      const target = new RegExp(`Id="${embed}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
      const descr = /<wp:docPr [^>]*descr="([^"]+)"/.exec(p)?.[1]
      const caption = [...paragraphs[i + 1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")
      return [{ target, descr, caption, at: doc.indexOf(p) + p.indexOf("<a:blip") }]
    })
    expect(figures.map((f) => f.caption)).toEqual(["图1　省辖市区组综合得分", "图2　县域组综合得分", "图3　参加排名集聚区得分分布"])
    for (const f of figures) {
      expect(f.descr).toBe(f.caption)
      expect(media).toContain(`word/${f.target}`)
      const png = pngSize(files[`word/${f.target}`]!)
      expect(png.signature).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
      expect(png.width).toBe(1200)
    }
    // Three zones in the county group: 70 + 22 × 3 CSS pixels tall, drawn at twice the size.
    expect(pngSize(files[`word/${figures[1]!.target}`]!).height).toBe(2 * (70 + 22 * 3))
    // Each group's chart follows its table, and the distribution follows both.
    const tables = [...doc.matchAll(/<\/w:tbl>/g)].map((m) => m.index!)
    expect(tables).toHaveLength(2)
    expect(tables[0]).toBeLessThan(figures[0]!.at)
    expect(figures[0]!.at).toBeLessThan(tables[1]!)
    expect(tables[1]).toBeLessThan(figures[1]!.at)
    expect(figures[1]!.at).toBeLessThan(figures[2]!.at)
  })

  it("draws the ranking's scores and names (the SVG the picture is made from)", async () => {
    const { charts, note } = await reportCharts(draftReport(), "en")
    expect(note).toBeNull()
    expect(charts.map((c) => c.caption)).toEqual([
      "Figure 1. Scores of the Urban district group",
      "Figure 2. Scores of the County group",
      "Figure 3. Distribution of the ranked zones' scores",
    ])
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
    // County: 丙区 100, +丁区 12 + 40/3 = 25.33, 戊区 0 (reportFixture.ts).
    expect(texts(charts[1]!.svg)).toEqual(expect.arrayContaining(["1. 丙区", "2. +丁区", "3. 戊区", "100", "25.33", "0"]))
  })

  it("draws a large group in parts that each fit a page, on one scale", async () => {
    const report = draftReport()
    const g = report.rankings[1]!
    const rows = Array.from({ length: 80 }, (_, i) => ({ ...g.rows[0]!, rank: i + 1, clusterId: `z${i}`, name: `区${i + 1}`, score: 80 - i }))
    const big = { ...report, rankings: [{ ...g, size: 80, rows }] }
    const { charts } = await reportCharts(big, "zh")
    // 80 zones: three parts of at most 36, as equal as can be (27, 27, 26), then the distribution.
    expect(charts.map((c) => [c.group, c.caption, c.height])).toEqual([
      [g.group, "图1　县域组综合得分（1/3）", 70 + 22 * 27],
      [g.group, "图1　县域组综合得分（2/3）", 70 + 22 * 27],
      [g.group, "图1　县域组综合得分（3/3）", 70 + 22 * 26],
      [null, "图2　参加排名集聚区得分分布", 320],
    ])
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])
    expect(texts(charts[1]!.svg)).toEqual(expect.arrayContaining(["28. 区28", "54. 区54", "53", "27"]))
    // Every part's axis ends at 80 (the group's best score rounded up to ten).
    for (const c of charts.slice(0, 3)) expect(texts(c.svg)).toContain("80")
    const doc = new TextDecoder().decode(unzipSync(await reportBulletin(big, "zh"))["word/document.xml"]!)
    expect(doc.match(/<a:blip /g)).toHaveLength(4)
  })

  it("bins scores ten points wide, 100 in the last bin", () => {
    const { labels, count } = scoreBins([100, 25.33, 0, 9.99, 10])
    expect(labels).toEqual(["0–10", "10–20", "20–30", "30–40", "40–50", "50–60", "60–70", "70–80", "80–90", "90–100"])
    expect(count([100, 25.33, 0, 9.99, 10])).toEqual([2, 1, 1, 0, 0, 0, 0, 0, 0, 1])
    expect(scoreBins([104]).labels.at(-1)).toBe("100–110")
  })
})

describe("zoneCheckup", () => {
  it("gives a zone's score, shortfalls and positions, and nothing for a zone the run lacks", async () => {
    const report = draftReport()
    const bytes = (await zoneCheckup(report, "c", "zh"))!
    keep("test-2025-draft-c.docx", bytes)
    const { paragraphs, tables } = readDocx(bytes)
    expect(paragraphs[1]).toBe("丙区体检报告（2025 年）")
    expect(paragraphs).toContain("营业收入超过 5.6 亿元：差 1.5 亿元")
    expect(tables[0]).toEqual([
      ["指标", "位次", "位次变化"],
      ["主营业务收入", "3 / 6", "+1"],
      ["单位增加值能耗", "1 / 6", "+2"],
    ])
    expect(await zoneCheckup(report, "nope")).toBeUndefined()
  })
})

// The PDF is Chromium's print of the HTML twin; its text is read back with poppler's pdftotext.
const chromium = process.env.JIJU_CHROMIUM || "/usr/bin/chromium"
const hasTools = existsSync(chromium) && existsSync("/usr/bin/pdftotext")
if (!hasTools) console.warn("[reports] PDF test skipped: needs Chromium and pdftotext")

describe.skipIf(!hasTools)("the bulletin as PDF", () => {
  const pdfText = (bytes: Uint8Array, name: string) => {
    keep(name, bytes)
    return execFileSync("pdftotext", ["-layout", artefacts + name, "-"], { encoding: "utf8" })
  }

  it("prints the HTML twin: title, 未发布 on every page of a draft, the tables, the captions and the annexes", async () => {
    const report = draftReport()
    const html = bulletinHtml(report, "zh", await reportCharts(report, "zh"))
    keep("test-2025-draft.html", new TextEncoder().encode(html))
    // The charts are inline SVG: nothing is fetched when the page is printed.
    expect(html.match(/<svg /g)).toHaveLength(3)
    expect(html).not.toMatch(/<script|src="http/)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
    // A zone's name is text, in the tables and in the charts alike.
    const named = { ...report, rankings: report.rankings.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, name: '<script>x("1")</script>' })) })) }
    const hostile = bulletinHtml(named, "zh", await reportCharts(named, "zh"))
    expect(hostile).not.toContain("<script")
    expect(hostile).toContain("&lt;script&gt;x(&quot;1&quot;)&lt;/script&gt;")
    const bytes = await printPdf(html, chromium)
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-")
    const text = pdfText(bytes, "test-2025-draft.pdf")
    const pages = text.split("\f").filter((p) => p.trim() !== "")
    // The annexes start on pages of their own: the bulletin, then one page per zone.
    expect(pages.length).toBeGreaterThanOrEqual(1 + report.zones.length)
    for (const p of pages) expect(p).toContain("未发布")
    const flat = text.replace(/\s+/g, " ")
    expect(flat).toContain("关于2025年测试方案结果的通报")
    expect(flat).toContain("测试领导小组办公室 2026-01-15")
    expect(flat).toMatch(/2 \+丁区 25\.33 下降 1 位 — 黄牌警告：工作不主动/)
    expect(flat).toMatch(/1 丙区 100 上升 1 位 — 是/)
    for (const caption of ["图1 省辖市区组综合得分", "图2 县域组综合得分", "图3 参加排名集聚区得分分布"]) expect(flat).toContain(caption)
    expect(flat).toContain("附件 3 丙区")
    expect(flat).toContain("认定：不予认定：营业收入差 1.5 亿元")
  }, 120_000)

  it("has no watermark for a published run, and English on request", async () => {
    const report = draftReport(true)
    const text = pdfText(await printPdf(bulletinHtml(report, "en", await reportCharts(report, "en")), chromium), "test-2025-en.pdf")
    expect(text).toContain("Bulletin on the results of the Test scheme, 2025")
    expect(text).not.toContain("DRAFT")
    expect(text).not.toContain("未发布")
    expect(text.replace(/\s+/g, " ")).toContain("Figure 2. Scores of the County group")
  }, 120_000)
})

describe("printPdf without Chromium", () => {
  it("says in both languages what is missing and how to give it", async () => {
    const e = await printPdf("<p>x</p>", "/nonexistent/chromium").catch((x: unknown) => x)
    expect(e).toMatchObject({ _tag: "Unavailable", code: "chromium_missing" })
    expect((e as { en: string }).en).toContain("none can be run at /nonexistent/chromium")
    expect((e as { en: string }).en).toContain("JIJU_CHROMIUM")
    expect((e as { zh: string }).zh).toContain("生成 PDF 需要 Chromium，但无法运行 /nonexistent/chromium")
    expect(chromiumMissing("/x").code).toBe("chromium_missing")
  })
})
