/**
 * The HTML twin of the 通报 bulletin: the same title, issuing body and date, summary, ranking tables, charts (the
 * SVG ECharts drew), zones not ranked and annexes as the Word document, laid out for A4 printing. Chromium prints
 * it to PDF (ReportPdf.ts). A draft carries 未发布 across every printed page.
 */
import type { RunReport } from "@jiju/domain/assessment"
import type { Bilingual, Language } from "@jiju/domain/model"
import { r2, bulletinWords as words } from "./bulletinWords.js"
import type { ReportCharts } from "./ReportCharts.js"

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

const STYLE = `
@page { size: A4; margin: 22mm 20mm; }
body { font-family: "Times New Roman", "Noto Serif CJK SC", "SimSun", "Songti SC", serif; font-size: 11.5pt; line-height: 1.6; color: #000; }
h1.title { text-align: center; font-size: 20pt; margin: 0.2em 0; }
p.issued { text-align: center; margin-top: 0; }
p.closing { text-align: right; margin: 0; }
h2 { font-size: 14pt; margin: 1.2em 0 0.4em; }
h3 { font-size: 12pt; margin: 1em 0 0.3em; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; page-break-inside: auto; }
th, td { border: 0.5pt solid #808080; padding: 2pt 4pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
figure { margin: 0.8em 0; text-align: center; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; font-size: 10.5pt; }
.annex { page-break-before: always; }
.mark { text-align: center; color: #c00000; font-weight: bold; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 96pt; font-weight: bold;
  color: rgba(192, 0, 0, 0.14); transform: rotate(-30deg); z-index: -1; }
`

/**
 * The bulletin of a run's report as one self-contained HTML page (no scripts, no external resources, and a
 * Content-Security-Policy that allows none), with the charts inline as SVG. Every text from the run is escaped.
 * @example const html = bulletinHtml(report, "zh", await reportCharts(report, "zh"))
 */
export const bulletinHtml = (report: RunReport, lang: Language, drawn: ReportCharts): string => {
  const t = (b: Bilingual) => esc(b[lang])
  const sep = lang === "zh" ? "、" : ", "
  const mark = t(words.draft)
  const title = t(report.title)
  const issuer = report.issuer === null ? t(words.noIssuer) : esc(report.issuer)
  const charts = drawn.charts
  const figure = (c: (typeof charts)[number]) => `<figure>${c.svg}<figcaption>${esc(c.caption)}</figcaption></figure>`
  const out: string[] = []
  if (report.draft) out.push(`<div class="watermark">${mark}</div>`, `<p class="mark">（${mark}）</p>`)
  out.push(`<h1 class="title">${title}</h1>`, `<p class="issued">${issuer}　${esc(report.date)}</p>`)
  out.push(`<h2>${t(words.summary)}</h2>`, `<p>${t(report.summary.text)}</p>`)
  for (const w of [...report.warnings, ...report.notes, ...(drawn.note ? [drawn.note] : [])]) out.push(`<p>${t(w)}</p>`)
  out.push(`<h2>${t(words.rankings)}</h2>`)
  for (const g of report.rankings) {
    out.push(`<h3>${lang === "zh" ? `${esc(g.name.zh)}组（${g.size} 个）` : `${esc(g.name.en)} group (${g.size})`}</h3>`)
    const head = [words.rank, words.zone, words.score, words.change, words.stars, words.reward, words.sanctions].map((w) => `<th>${t(w)}</th>`).join("")
    const rows = g.rows.map((r) =>
      [
        String(r.rank),
        esc(r.name),
        r2(r.score),
        r.rankChangeText ? t(r.rankChangeText) : "—",
        r.stars === null ? "—" : String(r.stars),
        r.reward ? t(words.yes) : "",
        r.sanctions.map((s) => t(s.reason)).join(sep),
      ]
        .map((v) => `<td>${v}</td>`)
        .join(""),
    )
    out.push(`<table><thead><tr>${head}</tr></thead><tbody>${rows.map((r) => `<tr>${r}</tr>`).join("")}</tbody></table>`)
    // A group's charts follow its table; the distribution follows the rankings (as in the Word document).
    for (const c of charts.filter((c) => c.group === g.group)) out.push(figure(c))
  }
  for (const c of charts.filter((c) => c.group === null)) out.push(figure(c))
  out.push(`<h2>${t(words.unranked)}</h2>`)
  if (report.unranked.length === 0) out.push(`<p>${t(words.none)}</p>`)
  for (const u of report.unranked) out.push(`<p>${esc(u.name)}：${u.reasons.map(t).join(lang === "zh" ? "；" : "; ")}</p>`)
  out.push(`<p class="closing">${issuer}</p>`, `<p class="closing">${esc(report.date)}</p>`)
  report.zones.forEach((page, i) => {
    out.push(`<section class="annex"><h2>${t(words.annex)} ${i + 1}　${esc(page.zone.name)}</h2>`)
    out.push(`<p>${t(page.zone.explanation)}</p>`)
    for (const s of page.sanctions) out.push(`<p>${t(s.reason)}</p>`)
    if (page.certification) out.push(`<p>${t(words.certification)}：${t(page.certification.text)}</p>`)
    if (page.diagnosis) out.push(`<p>${t(words.diagnosis)}：${t(page.diagnosis.text)}</p>`)
    out.push("</section>")
  })
  // A draft says so at the head of every page too, as the Word document's header does.
  const draftPage = report.draft ? `@page { @top-center { content: "${mark}"; color: #c00000; font-weight: bold; font-size: 14pt; } }` : ""
  const docTitle = report.draft ? `${title}（${mark}）` : title
  return `<!doctype html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${docTitle}</title><style>${STYLE}${draftPage}</style></head><body>${out.join("\n")}</body></html>`
}
