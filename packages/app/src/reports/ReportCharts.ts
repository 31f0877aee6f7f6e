/**
 * The charts of a run's bulletin, drawn on the server: ECharts renders each to SVG (its server-side renderer, no
 * browser), and resvg (WebAssembly, no native build) turns the SVG into the PNG a Word document embeds. The HTML
 * twin of the bulletin (for PDF) uses the SVG as it is.
 */
import { readFile } from "node:fs/promises"
import { fileURLToPath } from "node:url"
import type { RunReport } from "@jiju/domain/assessment"
import type { Bilingual, Language } from "@jiju/domain/model"
import type { EChartsCoreOption } from "echarts/core"

/** One chart: its caption, the SVG ECharts drew and the PNG of it, with the size it is shown at (CSS pixels). */
export interface ReportChart {
  readonly id: string
  /** The ranking group a bar chart is of (shown after its table); null for the distribution. */
  readonly group: string | null
  readonly caption: string
  readonly svg: string
  readonly png: Uint8Array
  readonly width: number
  readonly height: number
}

/** A bulletin's charts, and why they are missing when they are. */
export interface ReportCharts {
  readonly charts: ReadonlyArray<ReportChart>
  /** Set when the charts could not be drawn (no font for Chinese text on this machine). */
  readonly note: Bilingual | null
}

// Fonts looked for on the machine (Debian/Ubuntu, macOS, Windows), in order: a Jiju default list. The WebAssembly
// renderer sees no system fonts, so the files are read and handed to it; zone names need a Chinese font.
const CJK_FONTS = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
  "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
  "/usr/share/fonts/truetype/arphic/uming.ttc",
  "/System/Library/Fonts/PingFang.ttc",
  "/System/Library/Fonts/STHeiti Light.ttc",
  "C:\\Windows\\Fonts\\msyh.ttc",
  "C:\\Windows\\Fonts\\simsun.ttc",
]
const LATIN_FONTS = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  "/System/Library/Fonts/Supplemental/Arial.ttf",
  "C:\\Windows\\Fonts\\arial.ttf",
]

const firstFile = async (paths: ReadonlyArray<string>): Promise<Uint8Array | null> => {
  for (const p of paths) {
    try {
      return new Uint8Array(await readFile(p))
    } catch {
      // not on this machine
    }
  }
  return null
}

type Echarts = typeof import("echarts/core")
type ResvgClass = typeof import("@resvg/resvg-wasm").Resvg

// ECharts, the renderer and the fonts are loaded once per process, on the first chart — not when the application
// core loads (every command and the dashboard load it; few draw charts).
let ready: Promise<{ echarts: Echarts; Resvg: ResvgClass; fonts: ReadonlyArray<Uint8Array> } | null> | undefined
const renderer = () =>
  (ready ??= (async () => {
    const cjk = await firstFile(CJK_FONTS)
    if (!cjk) return null
    const latin = await firstFile(LATIN_FONTS)
    const [echarts, charts, components, renderers, resvg] = await Promise.all([
      import("echarts/core"),
      import("echarts/charts"),
      import("echarts/components"),
      import("echarts/renderers"),
      import("@resvg/resvg-wasm"),
    ])
    echarts.use([charts.BarChart, components.GridComponent, components.LegendComponent, components.TitleComponent, renderers.SVGRenderer])
    await resvg.initWasm(await readFile(fileURLToPath(import.meta.resolve("@resvg/resvg-wasm/index_bg.wasm"))))
    // Latin first: digits and letters from it, Chinese from the CJK font (resvg falls back glyph by glyph).
    return { echarts, Resvg: resvg.Resvg, fonts: latin ? [latin, cjk] : [cjk] }
  })())

const WIDTH = 600
// At most this many zones a bar chart, so that one fits an A4 page (70 + 22 × 36 = 862 px, about 23 cm); a larger
// group is drawn in parts of equal size on one scale.
const ROWS = 36
const SCALE = 2

const svgOf = (echarts: Echarts, option: EChartsCoreOption, height: number): string => {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height })
  chart.setOption({ animation: false, backgroundColor: "#ffffff", textStyle: { fontFamily: "sans-serif" }, ...option })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

const pngOf = (Resvg: ResvgClass, svg: string, fonts: ReadonlyArray<Uint8Array>): Uint8Array =>
  new Resvg(svg, { font: { fontBuffers: [...fonts], loadSystemFonts: false }, fitTo: { mode: "zoom", value: SCALE } }).render().asPng()

/**
 * The bins of the score distribution: ten points wide from 0 to the highest score (at least 100), the last holding
 * its upper edge; `count` gives how many of some scores fall in each.
 * @example scoreBins([100, 25.33, 0]).count([100, 25.33, 0]) // [1, 0, 1, 0, 0, 0, 0, 0, 0, 1]
 */
export const scoreBins = (scores: ReadonlyArray<number>) => {
  const top = Math.max(100, Math.ceil(Math.max(0, ...scores) / 10) * 10)
  const edges = Array.from({ length: top / 10 }, (_, i) => i * 10)
  // The last bin holds its upper edge (a score of 100 is in 90–100).
  const count = (xs: ReadonlyArray<number>) => edges.map((lo) => xs.filter((x) => x >= lo && (x < lo + 10 || (lo + 10 === top && x === top))).length)
  return { labels: edges.map((lo) => `${lo}–${lo + 10}`), count }
}

/**
 * The bulletin's charts of a run's report: a bar chart of each group's ranking by score (in parts of at most 36
 * zones on one scale, so that each fits a page), then the distribution of
 * the ranked zones' scores (ten-point bins, a bar per group). Empty, with a note, when the machine has no font
 * for Chinese text.
 * @example const { charts } = await reportCharts(report, "zh"); charts[0].caption // "图1 省辖市区组综合得分"
 */
export const reportCharts = async (report: RunReport, lang: Language = "zh"): Promise<ReportCharts> => {
  const groups = report.rankings.filter((g) => g.rows.length > 0)
  if (groups.length === 0) return { charts: [], note: null }
  const r = await renderer()
  if (!r)
    return {
      charts: [],
      note: {
        zh: "图表未附：本机未找到中文字体（如 Noto Sans CJK、文泉驿）",
        en: "charts left out: no font for Chinese text on this machine (e.g. Noto Sans CJK)",
      },
    }
  const points = lang === "zh" ? "分" : "points"
  const charts: ReportChart[] = []
  const add = (group: string | null, caption: string, option: EChartsCoreOption, height: number) => {
    const svg = svgOf(r.echarts, option, height)
    charts.push({ id: `chart${charts.length + 1}`, group, caption, svg, png: pngOf(r.Resvg, svg, r.fonts), width: WIDTH, height })
  }
  const figure = (n: number) => (lang === "zh" ? `图${n}　` : `Figure ${n}. `)
  let figures = 0
  for (const g of groups) {
    const n = ++figures
    const parts = Math.ceil(g.rows.length / ROWS)
    const size = Math.ceil(g.rows.length / parts)
    const top = Math.max(10, Math.ceil(Math.max(...g.rows.map((r) => r.score)) / 10) * 10)
    for (let k = 0; k < parts; k++) {
      const rows = g.rows.slice(k * size, (k + 1) * size)
      const height = 70 + 22 * rows.length
      const names = rows.map((r) => `${r.rank}. ${r.name}`)
      // The axis labels' width at 11 px: about 11 px a Chinese character, 7 a Latin one (the grid does not measure them).
      const labelWidth = Math.max(...names.map((x) => [...x].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 7), 0)))
      const part = parts > 1 ? (lang === "zh" ? `（${k + 1}/${parts}）` : ` (${k + 1}/${parts})`) : ""
      add(
        g.group,
        `${figure(n)}${lang === "zh" ? `${g.name.zh}组综合得分` : `Scores of the ${g.name.en} group`}${part}`,
        {
          grid: { left: 16 + Math.min(labelWidth, 260), right: 50, top: 20, bottom: 30 },
          xAxis: { type: "value", name: points, min: 0, max: top },
          yAxis: { type: "category", inverse: true, data: names, axisLabel: { fontSize: 11 } },
          series: [
            {
              type: "bar",
              data: rows.map((r) => Number(r.score.toFixed(2))),
              itemStyle: { color: "#3b6bc4" },
              label: { show: true, position: "right", fontSize: 11 },
            },
          ],
        },
        height,
      )
    }
  }
  const { labels, count } = scoreBins(groups.flatMap((g) => g.rows.map((r) => r.score)))
  add(
    null,
    `${figure(figures + 1)}${lang === "zh" ? "参加排名集聚区得分分布" : "Distribution of the ranked zones' scores"}`,
    {
      grid: { left: 10, right: 30, top: 40, bottom: 30 },
      legend: { top: 5 },
      xAxis: { type: "category", data: labels, name: points, axisLabel: { fontSize: 10 } },
      yAxis: { type: "value", name: lang === "zh" ? "个数" : "zones", minInterval: 1 },
      series: groups.map((g) => ({
        type: "bar",
        stack: "zones",
        name: lang === "zh" ? `${g.name.zh}组` : g.name.en,
        data: count(g.rows.map((r) => r.score)),
      })),
    },
    320,
  )
  return { charts, note: null }
}
