import type { TargetTracking } from "@jiju/domain/assessment"
import { type Key, Text, useApp, useInput } from "ink"
import { useEffect, useMemo, useRef, useState } from "react"
import { AnalysisCancelled, analysisIndicators, defaultAnalysisSelection, runAnalyses } from "../data/analyses.js"
import { type ClusterDetail, loadClusterDetail } from "../data/clusterDetail.js"
import { dashboardSchemes, loadSnapshot, type Snapshot } from "../data/snapshot.js"
import { dashboardTargetSets, loadTargets } from "../data/targets.js"
import { AnalysesScreen, type AnalysesView, analysisLines } from "./AnalysesScreen.js"
import type { AppProps } from "./App.js"
import { ClusterScreen, clusterLines } from "./ClusterScreen.js"
import { keysText, LOADING, type Screen, screens } from "./chrome.js"
import { Frame } from "./Frame.js"
import { Help } from "./Help.js"
import { maxScroll } from "./Lines.js"
import { useLayout } from "./layout.js"
import { Overview, overviewRows } from "./Overview.js"
import { TargetsScreen, targetLines } from "./TargetsScreen.js"
import { bi, type Lang, tr } from "./text.js"
import { themeFor } from "./theme.js"

export interface ScreensProps extends Omit<AppProps, "lang"> {
  /** The language, kept by {@link App} so that a key pressed while this module loaded is not lost. */
  readonly lang: Lang
  readonly toggleLang: () => void
}

/**
 * The dashboard once its modules have loaded: Overview, Cluster, Analyses and Targets screens over a
 * DashboardSource, with their state and keys. App shows the same frame, loading, until this module is there.
 * Keys: ↑↓/j k move, Tab switches screens, / filters, Enter opens, Esc back, ? help, l language, q quits.
 */
export const Screens = ({ source, env = {}, width: fixedW, height: fixedH, lang, toggleLang, onReady }: ScreensProps) => {
  const app = useApp()
  const { width, bodyHeight } = useLayout({ width: fixedW, height: fixedH })
  const theme = useMemo(() => themeFor(env), [env])
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
  const [analyses, setAnalyses] = useState<AnalysesView>({
    mode: "select",
    cursor: 0,
    selected: defaultAnalysisSelection,
    period: "",
    progress: null,
    result: null,
    message: null,
    scroll: 0,
  })
  const cancel = useRef<{ cancelled: boolean } | null>(null)
  // Targets
  const [targetIndex, setTargetIndex] = useState(0)
  const [tracking, setTracking] = useState<TargetTracking | null>(null)
  const [targetScroll, setTargetScroll] = useState(0)
  const readyFired = useRef(false)

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
    if (input === "l") return toggleLang()
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
    if (!snap) return <Text>{tr(lang, LOADING)}</Text>
    if (help) return <Help lang={lang} />
    switch (screen) {
      case "overview":
        return (
          <Overview
            snap={snap}
            lang={lang}
            theme={theme}
            width={width}
            height={bodyHeight}
            group={group}
            cursor={cursor}
            filter={filter}
            filtering={filtering}
          />
        )
      case "cluster":
        return detail && detail.cluster.id === selectedId ? (
          <ClusterScreen detail={detail} lang={lang} width={width} height={bodyHeight} scroll={clusterScroll} />
        ) : (
          <Text>{L("读取中…", "loading…")}</Text>
        )
      case "analyses":
        return <AnalysesScreen view={analyses} periods={snap.register.periods} lang={lang} theme={theme} width={width} height={bodyHeight} />
      case "targets":
        return <TargetsScreen sets={targetSets} index={targetIndex} tracking={tracking} lang={lang} width={width} height={bodyHeight} scroll={targetScroll} />
    }
  })()

  const resultFrom = snap
    ? snap.resultFrom === "stored"
      ? L("排名：已存结果", "ranking: stored run")
      : snap.resultFrom === "computed"
        ? L("排名：据观测值计算", "ranking: computed from observations")
        : ""
    : ""
  const status = `${snap?.isDemo ? "演示数据 demo data · " : ""}${resultFrom ? `${resultFrom} · ` : ""}${tr(lang, source.description)}`
  return (
    <Frame
      lang={lang}
      theme={theme}
      screen={screen}
      width={width}
      bodyHeight={bodyHeight}
      status={status}
      keys={keysText(lang, screen, analyses.mode === "results")}
    >
      {body}
    </Frame>
  )
}
