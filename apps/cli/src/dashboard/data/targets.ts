import { dalianTargets, hengshuiTargets, shaanxiTargets, type TargetSet, type TargetsDocument } from "@jiju/domain/assessment"
import { yearOf } from "@jiju/domain/model"
import type { DashboardSource } from "../sources/DashboardSource.js"
import type { Snapshot } from "./snapshot.js"

/** A target set the Targets screen offers, with the years it is tracked with. */
export interface DashboardTargetSet {
  /** The set as the documents give it (for its name, year and notes while it loads). */
  readonly set: TargetSet
  readonly id: "hengshui" | "shaanxi" | "dalian"
  readonly targetYear: number
  readonly baseYear?: number
}

/**
 * The target sets the Targets screen offers for a latest period: the documents' sets with the target year three
 * years on (陕西's growth counted from five years back).
 */
export const dashboardTargetSets = (period: string): ReadonlyArray<DashboardTargetSet> => {
  const y = yearOf(period)
  return [
    { id: "hengshui", set: hengshuiTargets(y + 3), targetYear: y + 3 },
    { id: "shaanxi", set: shaanxiTargets(y - 5, y + 3), targetYear: y + 3, baseYear: y - 5 },
    { id: "dalian", set: dalianTargets(y + 3), targetYear: y + 3 },
  ]
}

/**
 * Track a target set over the province's zones in the snapshot's period, as the application core tracks it (the
 * same as `jiju targets --region <province>` and GET /v1/assessments/targets).
 */
export const loadTargets = async (source: DashboardSource, snap: Snapshot, t: DashboardTargetSet): Promise<TargetsDocument | null> => {
  if (snap.period === null) return null
  const province = snap.register.regions.find((r) => r.level === "province")?.code
  return source.targets({
    set: t.id,
    period: snap.period,
    targetYear: t.targetYear,
    ...(t.baseYear !== undefined ? { baseYear: t.baseYear } : {}),
    ...(province !== undefined ? { region: province } : {}),
  })
}
