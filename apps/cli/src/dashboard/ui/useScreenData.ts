import type { TargetsDocument } from "@jiju/domain/assessment"
import { useEffect, useMemo, useRef, useState } from "react"
import { AnalysisCancelled, defaultAnalysisSelection, runAnalyses } from "../data/analyses.js"
import { type ClusterDetail, loadClusterDetail } from "../data/clusterDetail.js"
import { loadHotspots } from "../data/hotspots.js"
import { dashboardSchemes, loadSnapshot, type Snapshot } from "../data/snapshot.js"
import { dashboardTargetSets, loadTargets } from "../data/targets.js"
import type { DashboardSource } from "../sources/DashboardSource.js"
import type { AnalysesView } from "./AnalysesScreen.js"
import type { Screen } from "./chrome.js"
import type { HotspotsState } from "./HotspotsScreen.js"
import type { SupervisionState } from "./SupervisionScreen.js"
import { bi } from "./text.js"

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * The snapshot every screen shares (register, ranking, totals), read again when the scheme changes; a failure to
 * read it is kept for the frame to show. A kept snapshot (the store unchanged since the dashboard last closed it)
 * shows until the source's own answer replaces it; `onLive` hears every answer for the first scheme.
 */
export const useSnapshot = (source: DashboardSource, schemeIndex: number, kept: Snapshot | null = null, onLive?: (s: Snapshot) => void) => {
  const usable = kept !== null && kept.scheme.id === dashboardSchemes[0]!.id ? kept : null
  const [snap, setSnap] = useState<Snapshot | null>(usable)
  const [failure, setFailure] = useState<string | null>(null)
  const first = useRef(true)
  useEffect(() => {
    let live = true
    // The kept snapshot stands in only until the first answer; a later change of scheme shows "loading".
    if (!(first.current && usable)) setSnap(null)
    first.current = false
    loadSnapshot(source, dashboardSchemes[schemeIndex])
      .then((s) => {
        if (!live) return
        setSnap(s)
        if (schemeIndex === 0) onLive?.(s)
      })
      .catch((e: unknown) => live && setFailure(message(e)))
    return () => {
      live = false
    }
    // The kept snapshot and the listener are read once, at the first answer.
  }, [source, schemeIndex])
  return { snap, failure, setFailure }
}

/** The detail of the zone shown on the Cluster screen, read when that screen shows a zone it has not read yet. */
export const useClusterDetail = (source: DashboardSource, snap: Snapshot | null, screen: Screen, selectedId: string | null, onFailure: (m: string) => void) => {
  const [detail, setDetail] = useState<ClusterDetail | null>(null)
  useEffect(() => {
    if (screen !== "cluster" || !snap || selectedId === null) return
    if (detail?.cluster.id === selectedId) return
    let live = true
    setDetail(null)
    loadClusterDetail(source, snap, selectedId)
      .then((d) => live && setDetail(d ?? null))
      .catch((e: unknown) => live && onFailure(message(e)))
    return () => {
      live = false
    }
  }, [screen, snap, selectedId, source, detail, onFailure])
  return detail
}

/** The target sets offered and the tracking of the one shown, read when the Targets screen shows it. */
export const useTargets = (source: DashboardSource, snap: Snapshot | null, screen: Screen, index: number, onFailure: (m: string) => void) => {
  const [tracking, setTracking] = useState<TargetsDocument | null>(null)
  const targetSets = useMemo(() => (snap?.period ? dashboardTargetSets(snap.period) : []), [snap])
  useEffect(() => {
    const set = targetSets[index]
    if (screen !== "targets" || !snap || !set) return
    let live = true
    setTracking(null)
    loadTargets(source, snap, set)
      .then((t) => live && setTracking(t))
      .catch((e: unknown) => live && onFailure(message(e)))
    return () => {
      live = false
    }
  }, [screen, snap, index, targetSets, source, onFailure])
  return { targetSets, tracking }
}

/** The Analyses screen's state, and starting and cancelling a run. */
export const useAnalyses = (source: DashboardSource, snap: Snapshot | null) => {
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
  // The latest period is the one analysed until another is chosen.
  useEffect(() => {
    if (snap) setAnalyses((a) => (a.period === "" ? { ...a, period: snap.period ?? "" } : a))
  }, [snap])
  const start = () => {
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
  const stop = () => {
    if (cancel.current) cancel.current.cancelled = true
  }
  return { analyses, setAnalyses, start, stop }
}

/**
 * The Hot spots screen's state: the indicator and period chosen (the first analysis indicator and the latest period
 * at first) and the core's answer for them, asked for when the screen shows a choice it has not answered yet.
 */
export const useHotspots = (source: DashboardSource, snap: Snapshot | null, screen: Screen, onFailure: (m: string) => void) => {
  const [hotspots, setHotspots] = useState<HotspotsState>({ indicator: defaultAnalysisSelection[0]!, period: "", view: null, scroll: 0 })
  useEffect(() => {
    if (snap) setHotspots((h) => (h.period === "" ? { ...h, period: snap.period ?? "" } : h))
  }, [snap])
  const { indicator, period, view } = hotspots
  const answered = view !== null && !("error" in view) ? view.indicator === indicator && view.period === period : false
  useEffect(() => {
    if (screen !== "hotspots" || !snap || period === "" || answered) return
    let live = true
    setHotspots((h) => ({ ...h, view: null }))
    loadHotspots(source, snap, { indicator, period })
      .then((v) => live && setHotspots((h) => (h.indicator === indicator && h.period === period ? { ...h, view: v } : h)))
      .catch((e: unknown) => live && onFailure(message(e)))
    return () => {
      live = false
    }
  }, [screen, snap, indicator, period, answered, source, onFailure])
  return { hotspots, setHotspots }
}

/**
 * The project register's supervision view and findings, read when the Projects screen shows a week it has not read
 * (the core's default week first; ←→ then name one). A refusal is shown in the screen's place.
 */
export const useSupervision = (source: DashboardSource, screen: Screen) => {
  const [supervision, setSupervision] = useState<SupervisionState>({ week: null, data: null, scroll: 0 })
  const { week, data } = supervision
  useEffect(() => {
    if (screen !== "projects") return
    if (data !== null && ("error" in data || week === null || data.view.week === week)) return
    let live = true
    setSupervision((s) => ({ ...s, data: null }))
    source
      .supervision(week ?? undefined)
      .then((d) => live && setSupervision((s) => (s.week === week ? { ...s, data: d } : s)))
      .catch(
        (e: unknown) =>
          live && setSupervision((s) => (s.week === week ? { ...s, data: { error: bi(`读取失败：${message(e)}`, `could not read: ${message(e)}`) } } : s)),
      )
    return () => {
      live = false
    }
  }, [screen, week, data, source])
  return { supervision, setSupervision }
}
