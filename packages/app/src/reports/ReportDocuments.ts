/**
 * The Word documents of a stored run (.docx): the 通报 bulletin (title, issuing body and date, the summary
 * paragraph, the ranking tables, the zones not ranked, an annex per zone) and a zone's 体检报告 (score and rank,
 * strengths, shortfalls, diagnosis and measures, single-indicator positions). A draft says 未发布 in the header of
 * every page and in its title.
 */
import { periodLabel, type RunReport, type ZonePage } from "@jiju/domain/assessment"
import type { Bilingual, Language } from "@jiju/domain/model"
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx"
import { r2, bulletinWords as words } from "./bulletinWords.js"
import { type ReportChart, reportCharts } from "./ReportCharts.js"

const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun" }

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "808080" }

// Column widths in twentieths of a point; an A4 page with Word's default margins holds about 9,000.
const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, widths: ReadonlyArray<number>): Table =>
  new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map(
          (h, j) =>
            new TableCell({
              width: { size: widths[j]!, type: WidthType.DXA },
              children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })],
            }),
        ),
      }),
      ...rows.map(
        (r) => new TableRow({ children: r.map((v, j) => new TableCell({ width: { size: widths[j]!, type: WidthType.DXA }, children: [new Paragraph(v)] })) }),
      ),
    ],
  })

const document = (report: RunReport, lang: Language, title: string, children: ReadonlyArray<Paragraph | Table>): Document => {
  const t = (b: Bilingual) => b[lang]
  const mark = t(words.draft)
  return new Document({
    creator: "Jiju",
    title: report.draft ? `${title}（${mark}）` : title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        headers: report.draft
          ? {
              default: new Header({
                children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: mark, bold: true, color: "C00000", size: 36 })] })],
              }),
            }
          : {},
        children: [
          ...(report.draft
            ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `（${mark}）`, bold: true, color: "C00000" })] })]
            : []),
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`${report.issuer ?? t(words.noIssuer)}　${report.date}`)] }),
          ...children,
        ],
      },
    ],
  })
}

const bytesOf = async (doc: Document): Promise<Uint8Array> => new Uint8Array(await Packer.toBuffer(doc))

const zoneParagraphs = (page: ZonePage, lang: Language): Paragraph[] => {
  const t = (b: Bilingual) => b[lang]
  const z = page.zone
  const out: Paragraph[] = [new Paragraph(t(z.explanation))]
  for (const s of page.sanctions) out.push(new Paragraph(t(s.reason)))
  if (page.certification) out.push(new Paragraph(`${t(words.certification)}：${t(page.certification.text)}`))
  if (page.diagnosis) out.push(new Paragraph(`${t(words.diagnosis)}：${t(page.diagnosis.text)}`))
  return out
}

// A chart as a figure: the picture (its alternative text is the caption) and the caption below it.
const figure = (c: ReportChart, n: number): Paragraph[] => [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ImageRun({
        type: "png",
        data: c.png,
        transformation: { width: c.width, height: c.height },
        altText: { id: String(n), name: c.id, title: c.caption, description: c.caption },
      }),
    ],
  }),
  new Paragraph({ alignment: AlignmentType.CENTER, style: "Caption", children: [new TextRun({ text: c.caption, bold: true, size: 21 })] }),
]

/**
 * The 通报 bulletin of a run's report, as .docx bytes: after each group's ranking table a bar chart of its scores,
 * after the rankings the distribution of scores (drawn by {@link reportCharts}).
 * @example const bytes = await reportBulletin(report, "zh")
 */
export const reportBulletin = async (report: RunReport, lang: Language = "zh"): Promise<Uint8Array> => {
  const t = (b: Bilingual) => b[lang]
  const sep = lang === "zh" ? "、" : ", "
  const drawn = await reportCharts(report, lang)
  const charts = drawn.charts
  let shown = 0
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: t(words.summary) }),
    new Paragraph(t(report.summary.text)),
    ...(report.defaults ? [new Paragraph(t(report.defaults))] : []),
    ...report.warnings.map((w) => new Paragraph(t(w))),
    ...report.notes.map((w) => new Paragraph(t(w))),
    ...(drawn.note ? [new Paragraph(t(drawn.note))] : []),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: t(words.rankings) }),
  ]
  for (const g of report.rankings) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: lang === "zh" ? `${g.name.zh}组（${g.size} 个）` : `${g.name.en} group (${g.size})` }))
    children.push(
      table(
        [words.rank, words.zone, words.score, words.change, words.stars, words.reward, words.sanctions].map(t),
        g.rows.map((r) => [
          String(r.rank),
          r.name,
          r2(r.score),
          r.rankChangeText ? t(r.rankChangeText) : "—",
          r.stars === null ? "—" : String(r.stars),
          r.reward ? t(words.yes) : "",
          r.sanctions.map((s) => t(s.reason)).join(sep),
        ]),
        [700, 2600, 900, 1300, 700, 700, 2100],
      ),
    )
    // A group's charts follow its table; the distribution follows the rankings.
    for (const c of charts.filter((c) => c.group === g.group)) children.push(...figure(c, ++shown))
  }
  for (const c of charts.filter((c) => c.group === null)) children.push(...figure(c, ++shown))
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: t(words.unranked) }))
  if (report.unranked.length === 0) children.push(new Paragraph(t(words.none)))
  for (const u of report.unranked) children.push(new Paragraph(`${u.name}：${u.reasons.map(t).join(lang === "zh" ? "；" : "; ")}`))
  // The issuing body and date close the bulletin, as they do on paper.
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, text: report.issuer ?? t(words.noIssuer) }))
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, text: report.date }))
  report.zones.forEach((page, i) => {
    children.push(new Paragraph({ children: [new PageBreak()] }))
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: `${t(words.annex)} ${i + 1}　${page.zone.name}` }))
    children.push(...zoneParagraphs(page, lang))
  })
  return bytesOf(document(report, lang, t(report.title), children))
}

/**
 * A zone's 体检报告 (check-up) from a run's report, as .docx bytes; undefined for a zone the run lacks.
 * @example const bytes = await zoneCheckup(report, "hb-qibin", "zh")
 */
export const zoneCheckup = async (report: RunReport, clusterId: string, lang: Language = "zh"): Promise<Uint8Array | undefined> => {
  const page = report.zones.find((z) => z.zone.clusterId === clusterId)
  if (!page) return undefined
  const t = (b: Bilingual) => b[lang]
  const z = page.zone
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: t(words.explanation) }),
    ...zoneParagraphs(page, lang),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: t(words.strengths) }),
    ...(z.explanation.strengths.length === 0
      ? [new Paragraph(t(words.none))]
      : z.explanation.strengths.map(
          (s) => new Paragraph(`${t(s)}：${r2(s.normalised)}（${lang === "zh" ? "组内中位数" : "group median"} ${r2(s.groupMedian)}）`),
        )),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: t(words.shortfalls) }),
    ...z.explanation.weaknesses.map(
      (s) => new Paragraph(`${t(s)}：${r2(s.normalised)}（${lang === "zh" ? "组内中位数" : "group median"} ${r2(s.groupMedian)}）`),
    ),
    ...(z.explanation.nextStar?.shortfalls ?? []).map(
      (s) => new Paragraph(`${lang === "zh" ? s.zh : s.en}：${lang === "zh" ? "差" : "short by"} ${r2(s.shortfall)} ${lang === "zh" ? s.unit : s.unitEn}`),
    ),
    ...(page.certification?.failed ?? []).map(
      (c) => new Paragraph(`${t(c.requirement)}：${lang === "zh" ? "差" : "short by"} ${r2(c.shortfall)} ${lang === "zh" ? c.unit : c.unitEn}`),
    ),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: t(words.diagnosis) }),
  ]
  const problems = page.diagnosis?.problems ?? []
  if (problems.length === 0) children.push(new Paragraph(t(words.noProblem)))
  for (const p of problems) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: t(p.name) }))
    for (const e of p.evidence) children.push(new Paragraph(t(e.text)))
    if (p.measures.length > 0) {
      children.push(new Paragraph({ children: [new TextRun({ text: t(words.measures), bold: true })] }))
      for (const m of p.measures) children.push(new Paragraph({ text: t(m), bullet: { level: 0 } }))
    }
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: t(words.positions) }))
  children.push(
    table(
      [words.indicator, words.position, words.positionChange].map(t),
      page.positions.map((p) => [t(p.name), `${p.position} / ${p.size}`, p.change === null ? "—" : p.change > 0 ? `+${p.change}` : String(p.change)]),
      [4600, 2200, 2200],
    ),
  )
  const name =
    lang === "zh" ? `${z.name}体检报告（${periodLabel(report.period).zh}）` : `${z.nameEn ?? z.name}: ${words.checkup.en}, ${periodLabel(report.period).en}`
  return bytesOf(document(report, lang, name, children))
}
