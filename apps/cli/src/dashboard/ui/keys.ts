import type { TargetsDocument } from "@jiju/domain/assessment"
import { addWeeks } from "@jiju/domain/projects"
import type { Key } from "ink"
import type { Dispatch, SetStateAction } from "react"
import { analysisIndicators } from "../data/analyses.js"
import type { ClusterDetail } from "../data/clusterDetail.js"
import type { DashboardTargetSet } from "../data/targets.js"
import { type AnalysesView, analysisLines } from "./AnalysesScreen.js"
import { clusterLines } from "./ClusterScreen.js"
import { type Screen, screens } from "./chrome.js"
import { type HotspotsState, hotspotLines } from "./HotspotsScreen.js"
import { maxScroll } from "./Lines.js"
import type { RankRow } from "./Overview.js"
import { type SupervisionState, supervisionLines } from "./SupervisionScreen.js"
import { targetLines } from "./TargetsScreen.js"
import type { Lang } from "./text.js"
import { themeFor } from "./theme.js"

type Setter<T> = Dispatch<SetStateAction<T>>

/** Everything a key may read or change: the dashboard's state and its setters. */
export interface KeyContext {
  readonly screen: Screen
  readonly setScreen: Setter<Screen>
  readonly lang: Lang
  readonly width: number
  readonly bodyHeight: number
  readonly help: boolean
  readonly setHelp: Setter<boolean>
  readonly toggleLang: () => void
  readonly quit: () => void
  /** Write the workbook of the shown scheme and period's stored run (`e`, on every screen). */
  readonly exportReport: () => void
  // Overview
  readonly rows: ReadonlyArray<RankRow>
  readonly groups: number
  readonly cursor: number
  readonly setCursor: Setter<number>
  readonly setGroup: Setter<number>
  readonly schemes: number
  readonly setSchemeIndex: Setter<number>
  readonly filter: string
  readonly setFilter: Setter<string>
  readonly filtering: boolean
  readonly setFiltering: Setter<boolean>
  // Cluster
  readonly detail: ClusterDetail | null
  readonly setClusterId: Setter<string | null>
  readonly setClusterScroll: Setter<number>
  // Analyses
  readonly analyses: AnalysesView
  readonly setAnalyses: Setter<AnalysesView>
  readonly periods: ReadonlyArray<string>
  readonly startAnalyses: () => void
  readonly stopAnalyses: () => void
  // Targets
  readonly targetSets: ReadonlyArray<DashboardTargetSet>
  readonly targetIndex: number
  readonly setTargetIndex: Setter<number>
  readonly tracking: TargetsDocument | null
  readonly setTargetScroll: Setter<number>
  // Hot spots
  readonly hotspots: HotspotsState
  readonly setHotspots: Setter<HotspotsState>
  // Projects (supervision)
  readonly supervision: SupervisionState
  readonly setSupervision: Setter<SupervisionState>
}

// Typing a filter: letters go to the filter; Enter keeps it, Esc clears it.
const filterKey = (input: string, key: Key, c: KeyContext) => {
  if (key.escape) {
    c.setFilter("")
    c.setFiltering(false)
  } else if (key.return) c.setFiltering(false)
  else if (key.backspace || key.delete) c.setFilter((f) => f.slice(0, -1))
  else if (input && !key.ctrl && !key.meta && !key.tab) {
    c.setFilter((f) => f + input)
    c.setCursor(0)
  }
}

const overviewKey = (input: string, key: Key, step: number, c: KeyContext) => {
  if (step !== 0) c.setCursor((x) => Math.max(0, Math.min(c.rows.length - 1, x + step)))
  else if (input === "/") c.setFiltering(true)
  else if (key.escape && c.filter) c.setFilter("")
  else if (input === "g" || key.leftArrow || key.rightArrow) {
    const n = c.groups
    c.setGroup((g) => (g + (key.leftArrow ? n - 1 : 1)) % n)
    c.setCursor(0)
  } else if (input === "s") {
    c.setSchemeIndex((s) => (s + 1) % c.schemes)
    c.setCursor(0)
  } else if (key.return && c.rows[c.cursor]) {
    c.setClusterId(c.rows[c.cursor]!.c.clusterId)
    c.setClusterScroll(0)
    c.setScreen("cluster")
  }
}

const clusterKey = (_input: string, key: Key, step: number, c: KeyContext) => {
  const count = c.detail ? clusterLines(c.detail, c.lang, c.width).length : 0
  if (step !== 0) c.setClusterScroll((s) => Math.max(0, Math.min(maxScroll(count, c.bodyHeight), s + step)))
  else if (key.escape) {
    c.setClusterId(null)
    c.setScreen("overview")
  }
}

const analysesKey = (input: string, key: Key, step: number, c: KeyContext) => {
  const a = c.analyses
  if (a.mode === "results") {
    const count = a.result ? analysisLines(a.result, c.lang).length : 0
    if (step !== 0) c.setAnalyses((v) => ({ ...v, scroll: Math.max(0, Math.min(maxScroll(count, c.bodyHeight), v.scroll + step)) }))
    else if (key.escape) c.setAnalyses((v) => ({ ...v, mode: "select" }))
    else if (key.return) c.startAnalyses()
    return
  }
  if (step !== 0) c.setAnalyses((v) => ({ ...v, cursor: Math.max(0, Math.min(analysisIndicators.length - 1, v.cursor + step)) }))
  else if (input === " ") {
    const code = analysisIndicators[a.cursor]!
    c.setAnalyses((v) => ({ ...v, message: null, selected: v.selected.includes(code) ? v.selected.filter((x) => x !== code) : [...v.selected, code] }))
  } else if (key.leftArrow || key.rightArrow) {
    const i = c.periods.indexOf(a.period)
    const next = c.periods[Math.max(0, Math.min(c.periods.length - 1, i + (key.leftArrow ? -1 : 1)))]
    if (next) c.setAnalyses((v) => ({ ...v, period: next }))
  } else if (key.return) c.startAnalyses()
  else if (key.escape && a.result) c.setAnalyses((v) => ({ ...v, mode: "results" }))
}

const targetsKey = (_input: string, key: Key, step: number, c: KeyContext) => {
  const count = targetLines(c.targetSets, c.targetIndex, c.tracking, c.lang, c.width).length
  const n = c.targetSets.length
  if (step !== 0) c.setTargetScroll((s) => Math.max(0, Math.min(maxScroll(count, c.bodyHeight), s + step)))
  else if ((key.leftArrow || key.rightArrow) && n > 0) {
    c.setTargetIndex((i) => (i + (key.leftArrow ? n - 1 : 1)) % n)
    c.setTargetScroll(0)
  } else if (key.escape) c.setScreen("overview")
}

const hotspotsKey = (input: string, key: Key, step: number, c: KeyContext) => {
  const h = c.hotspots
  if (step !== 0) {
    const count = hotspotLines(h, c.periods, c.lang, themeFor({ NO_COLOR: "1" }), c.width).length
    c.setHotspots((v) => ({ ...v, scroll: Math.max(0, Math.min(maxScroll(count, c.bodyHeight), v.scroll + step)) }))
  } else if (input === "[" || input === "]") {
    const n = analysisIndicators.length
    const i = Math.max(0, analysisIndicators.indexOf(h.indicator as (typeof analysisIndicators)[number]))
    const next = analysisIndicators[(i + (input === "[" ? n - 1 : 1)) % n]!
    c.setHotspots((v) => ({ ...v, indicator: next, scroll: 0 }))
  } else if (key.leftArrow || key.rightArrow) {
    const i = c.periods.indexOf(h.period)
    const next = c.periods[Math.max(0, Math.min(c.periods.length - 1, i + (key.leftArrow ? -1 : 1)))]
    if (next) c.setHotspots((v) => ({ ...v, period: next, scroll: 0 }))
  } else if (key.escape) c.setScreen("overview")
}

const projectsKey = (_input: string, key: Key, step: number, c: KeyContext) => {
  const s = c.supervision
  if (step !== 0) {
    const count = supervisionLines(s, c.lang, c.width).length
    c.setSupervision((v) => ({ ...v, scroll: Math.max(0, Math.min(maxScroll(count, c.bodyHeight), v.scroll + step)) }))
  } else if ((key.leftArrow || key.rightArrow) && s.data !== null && !("error" in s.data)) {
    // Week arithmetic only: which week is shown; the view of it is the core's.
    const week = addWeeks(s.data.view.week, key.leftArrow ? -1 : 1)
    c.setSupervision({ week, data: null, scroll: 0 })
  } else if (key.escape) c.setScreen("overview")
}

/**
 * Answer one key press: a filter being typed, a run in progress and the help page take keys first; then the keys
 * every screen shares (q, ?, l, e, Tab, p for the Projects screen); then the current screen's.
 */
export const handleKey = (input: string, key: Key, c: KeyContext): void => {
  if (c.filtering) {
    filterKey(input, key, c)
    return
  }
  if (c.analyses.mode === "running") {
    if (key.escape || input === "c") c.stopAnalyses()
    else if (input === "q") c.quit()
    return
  }
  if (c.help) {
    if (key.escape || input === "?" || key.return) c.setHelp(false)
    else if (input === "q") c.quit()
    return
  }
  if (input === "q") c.quit()
  else if (input === "?") c.setHelp(true)
  else if (input === "l") c.toggleLang()
  else if (input === "e") c.exportReport()
  if (input === "q" || input === "?" || input === "l" || input === "e") return
  if (input === "p" && c.screen !== "projects") {
    c.setScreen("projects")
    return
  }
  if (key.tab) {
    const i = screens.indexOf(c.screen)
    c.setScreen(screens[(i + (key.shift ? screens.length - 1 : 1)) % screens.length]!)
    return
  }
  const up = key.upArrow || input === "k"
  const down = key.downArrow || input === "j"
  const page = key.pageDown ? c.bodyHeight : key.pageUp ? -c.bodyHeight : 0
  const step = up ? -1 : down ? 1 : page
  const onScreen = { overview: overviewKey, cluster: clusterKey, analyses: analysesKey, targets: targetsKey, hotspots: hotspotsKey, projects: projectsKey }[
    c.screen
  ]
  onScreen(input, key, step, c)
}
