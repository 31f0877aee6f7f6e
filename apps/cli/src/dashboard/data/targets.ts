import {
  assessmentInputFromRegister,
  dalianTargets,
  hengshuiTargets,
  shaanxiTargets,
  type TargetSet,
  type TargetTracking,
  trackTargets,
} from "@jiju/domain/assessment"
import { yearOf } from "@jiju/domain/model"
import type { DashboardSource } from "../sources/DashboardSource.js"
import type { Snapshot } from "./snapshot.js"

/**
 * The target sets the Targets screen offers for a latest period: the documents' sets with the target year three
 * years on (陕西's growth counted from five years back).
 */
export const dashboardTargetSets = (period: string): ReadonlyArray<TargetSet> => {
  const y = yearOf(period)
  return [hengshuiTargets(y + 3), shaanxiTargets(y - 5, y + 3), dalianTargets(y + 3)]
}

/**
 * Track a target set over the province's (non-archived) industrial zones in the snapshot's period: reads the indicators the
 * set needs for the period and the base years it names, then calls the domain's trackTargets.
 */
export const loadTargets = async (source: DashboardSource, snap: Snapshot, set: TargetSet): Promise<TargetTracking | null> => {
  const period = snap.period
  if (period === null) return null
  const indicators = [...new Set(set.targets.flatMap((t) => (t.kind === "share_of_region" ? [t.indicator, t.regionIndicator] : [t.indicator])))]
  const periods = [period, ...set.targets.flatMap((t) => (t.kind === "annual_growth" ? [String(t.baseYear)] : []))]
  const obs = (await Promise.all([...new Set(periods)].map((p) => source.observations({ period: p, indicators })))).flat()
  // The documents' targets are about industrial clusters: service agglomerations report other indicators.
  const live = snap.register.clusters.filter((c) => c.archivedAt === null && c.kind === "industrial")
  const input = assessmentInputFromRegister(live, obs)
  const province = snap.register.regions.find((r) => r.level === "province")?.code
  return trackTargets(
    set,
    {
      clusterIds: live.map((c) => c.id),
      value: input.value,
      ...(province ? { region: (indicator: string, p: string) => input.regionValue(province, indicator, p) } : {}),
    },
    period,
  )
}
