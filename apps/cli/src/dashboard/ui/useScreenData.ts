import type { TargetsDocument } from "@jiju/domain/assessment"
import { useEffect, useMemo, useRef, useState } from "react"
import { AnalysisCancelled, defaultAnalysisSelection, runAnalyses } from "../data/analyses.js"
import { type ClusterDetail, loadClusterDetail } from "../data/clusterDetail.js"
import { dashboardSchemes, loadSnapshot, type Snapshot } from "../data/snapshot.js"
import { dashboardTargetSets, loadTargets } from "../data/targets.js"
import type { DashboardSource } from "../sources/DashboardSource.js"
import type { AnalysesView } from "./AnalysesScreen.js"
import type { Screen } from "./chrome.js"
import { bi } from "./text.js"

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * The snapshot every screen shares (register, ranking, totals), read again when the scheme changes; a failure to
 * read it is kept for the frame to show.
 */
export const useSnapshot = (source: DashboardSource, schemeIndex: number) => {
  const [snap, setSnap] = useState<Snapshot | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setSnap(null)
    loadSnapshot(source, dashboardSchemes[schemeIndex])
      .then((s) => live && setSnap(s))
      .catch((e: unknown) => live && setFailure(message(e)))
    return () => {
      live = false
    }
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
