import type { TargetTracking } from "@jiju/domain/assessment"
import { Box, type Key, Text, useApp, useInput, useStdout } from "ink"
import { useEffect, useMemo, useRef, useState } from "react"
import { AnalysisCancelled, defaultAnalysisSelection, analysisIndicators, runAnalyses } from "../data/analyses.js"
import { type ClusterDetail, loadClusterDetail } from "../data/clusterDetail.js"
import { dashboardSchemes, loadSnapshot, type Snapshot } from "../data/snapshot.js"
import { dashboardTargetSets, loadTargets } from "../data/targets.js"
import type { DashboardSource } from "../sources/DashboardSource.js"
import { type AnalysesView, AnalysesScreen, analysisLines } from "./AnalysesScreen.js"
import { ClusterScreen, clusterLines } from "./ClusterScreen.js"
import { Help } from "./Help.js"
import { maxScroll } from "./Lines.js"
import { Overview, overviewRows } from "./Overview.js"
import { TargetsScreen, targetLines } from "./TargetsScreen.js"
import { bi, type Lang, tr } from "./text.js"
import { themeFor } from "./theme.js"

/** The four screens, in Tab order. */
export const screens = ["overview", "cluster", "analyses", "targets"] as const
export type Screen = (typeof screens)[number]

const screenNames: Record<Screen, { zh: string; en: string }> = {
  overview: { zh: "总览", en: "Overview" },
  cluster: { zh: "集聚区", en: "Cluster" },
  analyses: { zh: "分析", en: "Analyses" },
  targets: { zh: "目标", en: "Targets" },
}

export interface AppProps {
  readonly source: DashboardSource
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Fixed size (tests); by default the terminal's, following resizes. */
  readonly width?: number
  readonly height?: number
  readonly lang?: Lang
  /** Called once, when the first frame with the ranking has been rendered (startup measurement). */
  readonly onReady?: (snap: Snapshot) => void
}

const useTerminalSize = (fixed: { width?: number | undefined; height?: number | undefined }) => {
  const { stdout } = useStdout()
  const [size, setSize] = useState({ width: stdout.columns || 80, height: stdout.rows || 24 })
  useEffect(() => {
    const on = () => setSize({ width: stdout.columns || 80, height: stdout.rows || 24 })
    stdout.on("resize", on)
    return () => {
      stdout.off("resize", on)
    }
  }, [stdout])
  return { width: fixed.width ?? size.width, height: fixed.height ?? size.height }
}

/**
 * The terminal dashboard: Overview, Cluster, Analyses and Targets screens over a {@link DashboardSource}.
 * Keys: ↑↓/j k move, Tab switches screens, / filters, Enter opens, Esc back, ? help, l language, q quits.
 */
export const App = ({ source, env = {}, width: fixedW, height: fixedH, lang: initialLang, onReady }: AppProps) => {
  const app = useApp()
  const term = useTerminalSize({ width: fixedW, height: fixedH })
  // The last column stays empty: some terminals wrap a line that reaches it.
  const width = Math.max(20, term.width - 1)
  const height = term.height
  const theme = useMemo(() => themeFor(env), [env])
  const [lang, setLang] = useState<Lang>(initialLang ?? "zh")
  const [screen, setScreen] = useState<Screen>("overview")
  const [help, setHelp] = useState(false)
  const [schemeIndex, setSchemeIndex] = useState(0)
  const [snap, setSnap] = useState<Snapshot | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  // Overview
  const [group, setGroup] = useState(0)
  const [cursor, setCursor] = useState(0)
  const [filter, setFilter] = useState("")
  const [filtering, setFiltering] = useState(false)
  // Cluster
  const [clusterId, setClusterId] = useState<string | null>(null)
  const [detail, setDetail] = useState<ClusterDetail | null>(null)
  const [clusterScroll, setClusterScroll] = useState(0)
  // Analyses
  const [analyses, setAnalyses] = useState<AnalysesView>({ mode: "select", cursor: 0, selected: defaultAnalysisSelection, period: "", progress: null, result: null, message: null, scroll: 0 })
  const cancel = useRef<{ cancelled: boolean } | null>(null)
  // Targets
  const [targetIndex, setTargetIndex] = useState(0)
  const [tracking, setTracking] = useState<TargetTracking | null>(null)
  const [targetScroll, setTargetScroll] = useState(0)
  const readyFired = useRef(false)

  const bodyHeight = Math.max(6, height - 4)
  const L = (zh: string, en: string) => tr(lang, bi(zh, en))

  useEffect(() => {
    let live = true
    setSnap(null)
    loadSnapshot(source, dashboardSchemes[schemeIndex])
      .then((s) => {
        if (!live) return
        setSnap(s)
        setAnalyses((a) => (a.period === "" ? { ...a, period: s.period ?? "" } : a))
      })
      .catch((e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)))
    return () => {
      live = false
    }
  }, [source, schemeIndex])

  useEffect(() => {
    if (snap && !readyFired.current) {
      readyFired.current = true
      onReady?.(snap)
    }
  }, [snap, onReady])

  const rows = useMemo(() => (snap ? overviewRows(snap, group, filter) : []), [snap, group, filter])
  const selectedId = clusterId ?? rows[cursor]?.c.clusterId ?? snap?.register.clusters[0]?.id ?? null

  useEffect(() => {
    if (screen !== "cluster" || !snap || selectedId === null) return
    if (detail?.cluster.id === selectedId) return
    let live = true
    setDetail(null)
    loadClusterDetail(source, snap, selectedId)
      .then((d) => live && setDetail(d ?? null))
      .catch((e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)))
    return () => {
      live = false
    }
  }, [screen, snap, selectedId, source, detail])

  const targetSets = useMemo(() => (snap?.period ? dashboardTargetSets(snap.period) : []), [snap])
  useEffect(() => {
    if (screen !== "targets" || !snap || !targetSets[targetIndex]) return
    let live = true
    setTracking(null)
    loadTargets(source, snap, targetSets[targetIndex]!)
      .then((t) => live && setTracking(t))
      .catch((e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)))
    return () => {
      live = false
    }
  }, [screen, snap, targetIndex, targetSets, source])

  const startAnalyses = () => {
    if (!snap) return
    if (analyses.selected.length === 0) {
      setAnalyses((a) => ({ ...a, message: bi("请至少选择一个指标", "select at least one indicator") }))
      return
    }
    const signal = { cancelled: false }
    cancel.current = signal
    setAnalyses((a) => ({ ...a, mode: "running", progress: null, message: null }))
    runAnalyses(source, snap, { indicators: analyses.selected, period: analyses.period }, (progress) => setAnalyses((a) => ({ ...a, progress })), signal)
      .then((result) => setAnalyses((a) => ({ ...a, mode: "results", result, scroll: 0 })))
      .catch((e: unknown) =>
        setAnalyses((a) => ({
          ...a,
          mode: "select",
          message: e instanceof AnalysisCancelled ? bi("已取消", "cancelled") : bi(String((e as Error).message ?? e), String((e as Error).message ?? e)),
        })),
      )
  }

  const quit = () => {
    if (cancel.current) cancel.current.cancelled = true
    app.exit()
  }

  // Keys go to the handler of the latest render: Ink re-subscribes after each commit, and a key arriving in
  // between would otherwise see the previous render's state.
  const onKey = (input: string, key: Key) => {
    if (filtering) {
      if (key.escape) {
        setFilter("")
        setFiltering(false)
      } else if (key.return) setFiltering(false)
      else if (key.backspace || key.delete) setFilter((f) => f.slice(0, -1))
      else if (input && !key.ctrl && !key.meta && !key.tab) {
        setFilter((f) => f + input)
        setCursor(0)
      }
      return
    }
    if (analyses.mode === "running") {
      if (key.escape || input === "c") {
        if (cancel.current) cancel.current.cancelled = true
      } else if (input === "q") quit()
      return
    }
    if (help) {
      if (key.escape || input === "?" || key.return) setHelp(false)
      else if (input === "q") quit()
      return
    }
    if (input === "q") return quit()
    if (input === "?") return setHelp(true)
    if (input === "l") return setLang((l) => (l === "zh" ? "en" : "zh"))
    if (key.tab) {
      const i = screens.indexOf(screen)
      setScreen(screens[(i + (key.shift ? screens.length - 1 : 1)) % screens.length]!)
      return
    }
    const up = key.upArrow || input === "k"
    const down = key.downArrow || input === "j"
    const page = key.pageDown ? bodyHeight : key.pageUp ? -bodyHeight : 0
    const step = up ? -1 : down ? 1 : page
    switch (screen) {
      case "overview": {
        if (step !== 0) setCursor((c) => Math.max(0, Math.min(rows.length - 1, c + step)))
        else if (input === "/") setFiltering(true)
        else if (key.escape && filter) setFilter("")
        else if (input === "g" || key.leftArrow || key.rightArrow) {
          const n = snap?.result?.groups.length ?? 1
          setGroup((g) => (g + (key.leftArrow ? n - 1 : 1)) % n)
          setCursor(0)
        } else if (input === "s") {
          setSchemeIndex((s) => (s + 1) % dashboardSchemes.length)
          setCursor(0)
        } else if (key.return && rows[cursor]) {
          setClusterId(rows[cursor]!.c.clusterId)
          setClusterScroll(0)
          setScreen("cluster")
        }
        return
      }
      case "cluster": {
        const count = detail ? clusterLines(detail, lang, width).length : 0
        if (step !== 0) setClusterScroll((s) => Math.max(0, Math.min(maxScroll(count, bodyHeight), s + step)))
        else if (key.escape) {
          setClusterId(null)
          setScreen("overview")
        }
        return
      }
      case "analyses": {
        if (analyses.mode === "results") {
          const count = analyses.result ? analysisLines(analyses.result, lang).length : 0
          if (step !== 0) setAnalyses((a) => ({ ...a, scroll: Math.max(0, Math.min(maxScroll(count, bodyHeight), a.scroll + step)) }))
          else if (key.escape) setAnalyses((a) => ({ ...a, mode: "select" }))
          else if (key.return) startAnalyses()
          return
        }
        const periods = snap?.register.periods ?? []
        if (step !== 0) setAnalyses((a) => ({ ...a, cursor: Math.max(0, Math.min(analysisIndicators.length - 1, a.cursor + step)) }))
        else if (input === " ") {
          const code = analysisIndicators[analyses.cursor]!
          setAnalyses((a) => ({ ...a, message: null, selected: a.selected.includes(code) ? a.selected.filter((c) => c !== code) : [...a.selected, code] }))
        } else if (key.leftArrow || key.rightArrow) {
          const i = periods.indexOf(analyses.period)
          const next = periods[Math.max(0, Math.min(periods.length - 1, i + (key.leftArrow ? -1 : 1)))]
          if (next) setAnalyses((a) => ({ ...a, period: next }))
        } else if (key.return) startAnalyses()
        else if (key.escape && analyses.result) setAnalyses((a) => ({ ...a, mode: "results" }))
        return
      }
      case "targets": {
        const count = targetLines(targetSets, targetIndex, tracking, lang, width).length
        if (step !== 0) setTargetScroll((s) => Math.max(0, Math.min(maxScroll(count, bodyHeight), s + step)))
        else if ((key.leftArrow || key.rightArrow) && targetSets.length > 0) {
          setTargetIndex((i) => (i + (key.leftArrow ? targetSets.length - 1 : 1)) % targetSets.length)
          setTargetScroll(0)
        } else if (key.escape) setScreen("overview")
        return
      }
    }
  }
  const onKeyRef = useRef(onKey)
  onKeyRef.current = onKey
  useInput((input, key) => onKeyRef.current(input, key))

  const body = (() => {
    if (failure) return <Text color={theme.warn}>{L(`出错：${failure}`, `error: ${failure}`)}</Text>
    if (!snap) return <Text>{L("读取数据…", "loading…")}</Text>
    if (help) return <Help lang={lang} />
    switch (screen) {
      case "overview":
        return <Overview snap={snap} lang={lang} theme={theme} width={width} height={bodyHeight} group={group} cursor={cursor} filter={filter} filtering={filtering} />
      case "cluster":
        return detail && detail.cluster.id === selectedId ? <ClusterScreen detail={detail} lang={lang} width={width} height={bodyHeight} scroll={clusterScroll} /> : <Text>{L("读取中…", "loading…")}</Text>
      case "analyses":
        return <AnalysesScreen view={analyses} periods={snap.register.periods} lang={lang} theme={theme} width={width} height={bodyHeight} />
      case "targets":
        return <TargetsScreen sets={targetSets} index={targetIndex} tracking={tracking} lang={lang} width={width} height={bodyHeight} scroll={targetScroll} />
    }
  })()

  const keysHint: Record<Screen, [string, string]> = {
    overview: ["↑↓ 移动 ←→/g 组别 Enter 打开 / 筛选 s 方案", "↑↓ move ←→/g group Enter open / filter s scheme"],
    cluster: ["↑↓ 滚动 Esc 返回", "↑↓ scroll Esc back"],
    analyses:
      analyses.mode === "results"
        ? ["↑↓ 滚动 Enter 重算 Esc 返回选择", "↑↓ scroll Enter re-run Esc back to choices"]
        : ["↑↓ 移动 空格 选择 ←→ 期间 Enter 运行", "↑↓ move Space pick ←→ period Enter run"],
    targets: ["←→ 目标集 ↑↓ 滚动 Esc 返回", "←→ target set ↑↓ scroll Esc back"],
  }
  const resultFrom = snap ? (snap.resultFrom === "stored" ? L("排名：已存结果", "ranking: stored run") : snap.resultFrom === "computed" ? L("排名：据观测值计算", "ranking: computed from observations") : "") : ""
  return (
    <Box flexDirection="column" width={width}>
      <Box>
        <Text wrap="truncate">
          <Text bold color={theme.accent}>
            jiju 集聚{" "}
          </Text>
          {screens.map((s) => (s === screen ? ` [${tr(lang, screenNames[s])}] ` : `  ${tr(lang, screenNames[s])}  `)).join("")}
        </Text>
      </Box>
      <Box height={bodyHeight} flexDirection="column" overflow="hidden">
        {body}
      </Box>
      <Text wrap="truncate" dimColor={theme.dim}>
        {snap?.isDemo ? "演示数据 demo data · " : ""}
        {resultFrom ? `${resultFrom} · ` : ""}
        {tr(lang, source.description)}
      </Text>
      <Text wrap="truncate">
        {tr(lang, bi(keysHint[screen][0], keysHint[screen][1]))} · Tab {L("切换", "screens")} · ? {L("帮助", "help")} · l {lang === "zh" ? "EN" : "中文"} · q {L("退出", "quit")}
      </Text>
    </Box>
  )
}
