import { bi, type Lang, tr } from "./text.js"

/** The six screens, in Tab order. */
export const screens = ["overview", "cluster", "analyses", "targets", "hotspots", "projects"] as const
export type Screen = (typeof screens)[number]

const screenNames: Record<Screen, { zh: string; en: string }> = {
  overview: { zh: "总览", en: "Overview" },
  cluster: { zh: "集聚区", en: "Cluster" },
  analyses: { zh: "分析", en: "Analyses" },
  targets: { zh: "目标", en: "Targets" },
  hotspots: { zh: "冷热点", en: "Hot spots" },
  projects: { zh: "项目督导", en: "Projects" },
}

/** The title's own text; the tabs follow it. */
export const TITLE = "jiju 集聚 "

/**
 * The tabs after the title, the current screen in brackets.
 * @example tabsText("en", "overview") // " [Overview]   Cluster    Analyses    Targets  "
 */
export const tabsText = (lang: Lang, screen: Screen): string =>
  screens.map((s) => (s === screen ? ` [${tr(lang, screenNames[s])}] ` : `  ${tr(lang, screenNames[s])}  `)).join("")

const hints: Record<Screen | "results", { zh: string; en: string }> = {
  overview: bi("↑↓ 移动 ←→/g 组别 Enter 打开 / 筛选 s 方案", "↑↓ move ←→/g group Enter open / filter s scheme"),
  cluster: bi("↑↓ 滚动 Esc 返回", "↑↓ scroll Esc back"),
  analyses: bi("↑↓ 移动 空格 选择 ←→ 期间 Enter 运行", "↑↓ move Space pick ←→ period Enter run"),
  results: bi("↑↓ 滚动 Enter 重算 Esc 返回选择", "↑↓ scroll Enter re-run Esc back to choices"),
  targets: bi("←→ 目标集 ↑↓ 滚动 Esc 返回", "←→ target set ↑↓ scroll Esc back"),
  hotspots: bi("[ ] 指标 ←→ 期间 ↑↓ 滚动", "[ ] indicator ←→ period ↑↓ scroll"),
  projects: bi("←→ 周次 ↑↓ 滚动 Esc 返回", "←→ week ↑↓ scroll Esc back"),
}

/**
 * The keys line: the screen's own keys (the Analyses screen's results have others), then the keys of every screen.
 * @example keysText("en", "cluster") // "↑↓ scroll Esc back · Tab screens · ? help · l 中文 · q quit"
 */
export const keysText = (lang: Lang, screen: Screen, analysesResults = false): string =>
  `${tr(lang, hints[screen === "analyses" && analysesResults ? "results" : screen])} · Tab ${tr(lang, bi("切换", "screens"))} · ? ${tr(lang, bi("帮助", "help"))} · l ${lang === "zh" ? "EN" : "中文"} · q ${tr(lang, bi("退出", "quit"))}`

/** What the body says while the data load. */
export const LOADING = bi("读取数据…", "loading…")
