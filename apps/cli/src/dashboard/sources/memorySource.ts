import type { AssessmentResult } from "@jiju/domain/assessment"
import type { IndicatorDefinition, Observation, Region, StoredCluster } from "@jiju/domain/model"
import type { DashboardQuery, DashboardRegister, DashboardSource } from "./DashboardSource.js"

/** Everything an in-memory source holds. */
export interface MemoryData {
  readonly clusters: ReadonlyArray<StoredCluster>
  readonly regions: ReadonlyArray<Region>
  readonly indicators: ReadonlyArray<IndicatorDefinition>
  readonly observations: ReadonlyArray<Observation>
  /** Stored results by `${scheme}|${period}`. */
  readonly stored?: Readonly<Record<string, AssessmentResult>>
}

/** Whether a period falls in an inclusive range (periods of one frequency compare as strings). */
export const inRange = (p: string, from?: string, to?: string): boolean =>
  (from === undefined || (p.length === from.length && p >= from)) && (to === undefined || (p.length === to.length && p <= to))

/** Apply a {@link DashboardQuery} to observations in memory (the API source filters what it fetched the same way). */
export const filterObservations = (all: ReadonlyArray<Observation>, q: DashboardQuery): ReadonlyArray<Observation> => {
  const clusters = q.clusters ? new Set(q.clusters) : undefined
  const indicators = q.indicators ? new Set(q.indicators) : undefined
  return all.filter(
    (o) =>
      (!clusters || (o.target.kind === "cluster" && clusters.has(o.target.id))) &&
      (!indicators || indicators.has(o.indicator)) &&
      (q.period === undefined || o.period === q.period) &&
      inRange(o.period, q.from, q.to),
  )
}

/**
 * A {@link DashboardSource} over data held in memory (tests, and data already read from files).
 * @example const src = memorySource({ clusters, regions, indicators: indicatorCatalogue, observations })
 */
export const memorySource = (data: MemoryData, description = { zh: "内存数据", en: "in-memory data" }): DashboardSource => ({
  description,
  register: async () =>
    ({
      clusters: data.clusters,
      regions: data.regions,
      indicators: data.indicators,
      periods: [...new Set(data.observations.map((o) => o.period as string))].sort(),
    }) satisfies DashboardRegister,
  observations: async (q) => filterObservations(data.observations, q),
  storedAssessment: async (scheme, period) => data.stored?.[`${scheme}|${period}`],
  close: async () => {},
})
