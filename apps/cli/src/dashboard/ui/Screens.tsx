import { writeFile } from "node:fs/promises"
import { basename, resolve } from "node:path"
import { Text, useApp, useInput } from "ink"
import { useEffect, useMemo, useRef, useState } from "react"
import { dashboardSchemes } from "../data/snapshot.js"
import { AnalysesScreen } from "./AnalysesScreen.js"
import type { AppProps } from "./App.js"
import { ClusterScreen } from "./ClusterScreen.js"
import { keysText, LOADING, type Screen } from "./chrome.js"
import { Frame } from "./Frame.js"
import { Help } from "./Help.js"
import { HotspotsScreen } from "./HotspotsScreen.js"
import { handleKey, type KeyContext } from "./keys.js"
import { useLayout } from "./layout.js"
import { Overview, overviewRows } from "./Overview.js"
import { SupervisionScreen } from "./SupervisionScreen.js"
import { TargetsScreen } from "./TargetsScreen.js"
import { bi, type Lang, tr } from "./text.js"
import { themeFor } from "./theme.js"
import { useAnalyses, useClusterDetail, useHotspots, useSnapshot, useSupervision, useTargets } from "./useScreenData.js"

export interface ScreensProps extends Omit<AppProps, "lang"> {
  /** The language, kept by {@link App} so that a key pressed while this module loaded is not lost. */
  readonly lang: Lang
  readonly toggleLang: () => void
}

/**
 * The dashboard once its modules have loaded: Overview, Cluster, Analyses, Targets, Hot spots and Projects screens over a
 * DashboardSource, with their state (`useScreenData.ts` reads what they show) and keys (`keys.ts`). App shows the
 * same frame, loading, until this module is there.
 */
export const Screens = ({ source, env = {}, width: fixedW, height: fixedH, lang, toggleLang, onReady, kept, onLive, exportDir }: ScreensProps) => {
  const app = useApp()
  const { width, bodyHeight } = useLayout({ width: fixedW, height: fixedH })
  const theme = useMemo(() => themeFor(env), [env])
  const [screen, setScreen] = useState<Screen>("overview")
  const [help, setHelp] = useState(false)
  const [schemeIndex, setSchemeIndex] = useState(0)
  const { snap, failure, setFailure } = useSnapshot(source, schemeIndex, kept ?? null, onLive)
  // Overview
  const [group, setGroup] = useState(0)
  const [cursor, setCursor] = useState(0)
  const [filter, setFilter] = useState("")
  const [filtering, setFiltering] = useState(false)
  const rows = useMemo(() => (snap ? overviewRows(snap, group, filter) : []), [snap, group, filter])
  // Cluster
  const [clusterId, setClusterId] = useState<string | null>(null)
  const [clusterScroll, setClusterScroll] = useState(0)
  const selectedId = clusterId ?? rows[cursor]?.c.clusterId ?? snap?.register.clusters[0]?.id ?? null
  const detail = useClusterDetail(source, snap, screen, selectedId, setFailure)
  // Analyses
  const { analyses, setAnalyses, start: startAnalyses, stop: stopAnalyses } = useAnalyses(source, snap)
  // Targets
  const [targetIndex, setTargetIndex] = useState(0)
  const [targetScroll, setTargetScroll] = useState(0)
  const { targetSets, tracking } = useTargets(source, snap, screen, targetIndex, setFailure)
  // Hot spots
  const { hotspots, setHotspots } = useHotspots(source, snap, screen, setFailure)
  // Projects (supervision)
  const { supervision, setSupervision } = useSupervision(source, screen)

  const readyFired = useRef(false)
  useEffect(() => {
    if (snap && !readyFired.current) {
      readyFired.current = true
      onReady?.(snap)
    }
  }, [snap, onReady])

  const L = (zh: string, en: string) => tr(lang, bi(zh, en))
  const quit = () => {
    stopAnalyses()
    app.exit()
  }
  // `e`: the core writes the stored run's workbook; the dashboard only saves it and says where.
  const [notice, setNotice] = useState<string | null>(null)
  const exportReport = () => {
    if (!snap?.period) {
      setNotice(L("没有可导出的期间", "no period to export"))
      return
    }
    const { period } = snap
    setNotice(L(`正在导出 ${period}…`, `exporting ${period}…`))
    source
      .report(snap.scheme.id, period, lang)
      .then(async (file) => {
        if (!file) {
          setNotice(L(`${period} 没有已存的考核结果，先运行 jiju assess`, `no stored run for ${period}: run jiju assess first`))
          return
        }
        // The name comes from the core (or a server): only its last part, and only plain characters, make the path.
        const name = basename(file.fileName).replace(/[^\w.\-\u4e00-\u9fff]/g, "_")
        const path = resolve(exportDir ?? process.cwd(), name)
        await writeFile(path, file.bytes)
        setNotice(L(`已导出 ${path}${file.draft ? "（未发布）" : ""}`, `written ${path}${file.draft ? " (draft, not published)" : ""}`))
      })
      .catch((e: unknown) =>
        setNotice(L(`导出失败：${e instanceof Error ? e.message : String(e)}`, `export failed: ${e instanceof Error ? e.message : String(e)}`)),
      )
  }
  const keys: KeyContext = {
    exportReport,
    screen,
    setScreen,
    lang,
    width,
    bodyHeight,
    help,
    setHelp,
    toggleLang,
    quit,
    rows,
    groups: snap?.result?.groups.length ?? 1,
    cursor,
    setCursor,
    setGroup,
    schemes: dashboardSchemes.length,
    setSchemeIndex,
    filter,
    setFilter,
    filtering,
    setFiltering,
    detail,
    setClusterId,
    setClusterScroll,
    analyses,
    setAnalyses,
    periods: snap?.register.periods ?? [],
    startAnalyses,
    stopAnalyses,
    targetSets,
    targetIndex,
    setTargetIndex,
    tracking,
    setTargetScroll,
    hotspots,
    setHotspots,
    supervision,
    setSupervision,
  }
  // Keys go to the handler of the latest render: Ink re-subscribes after each commit, and a key arriving in
  // between would otherwise see the previous render's state.
  const keysRef = useRef(keys)
  keysRef.current = keys
  useInput((input, key) => handleKey(input, key, keysRef.current))

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
      case "hotspots":
        return <HotspotsScreen state={hotspots} periods={snap.register.periods} lang={lang} theme={theme} width={width} height={bodyHeight} />
      case "projects":
        return <SupervisionScreen state={supervision} lang={lang} width={width} height={bodyHeight} />
    }
  })()

  const resultFrom = snap
    ? snap.resultFrom === "stored"
      ? L("排名：已存结果", "ranking: stored run")
      : snap.resultFrom === "computed"
        ? L("排名：据观测值计算", "ranking: computed from observations")
        : ""
    : ""
  // A kept snapshot says so until the store has opened and answered.
  const keptNote = snap?.kept ? `${L("上次结果（数据未变），数据库打开中", "last answer (store unchanged), opening")} · ` : ""
  const status = `${notice ? `${notice} · ` : ""}${keptNote}${snap?.isDemo ? "演示数据 demo data · " : ""}${resultFrom ? `${resultFrom} · ` : ""}${tr(lang, source.description)}`
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
