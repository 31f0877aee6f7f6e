import type { ClusterAssessment } from "@jiju/domain/assessment"
import { type Bilingual, findIndicator, indicatorCatalogue, type StoredCluster } from "@jiju/domain/model"
import type { DashboardSource, ZoneJudgements } from "../sources/DashboardSource.js"
import type { Snapshot } from "./snapshot.js"

/** One indicator's series for a zone: values in period order, the latest value and its growth. */
export interface Trend {
  readonly code: string
  readonly name: Bilingual
  readonly unit: Bilingual
  readonly periods: ReadonlyArray<string>
  readonly values: ReadonlyArray<number>
  readonly latest: number
  /** latest / previous − 1; null with one value or a previous of 0. */
  readonly growth: number | null
}

/** What the Cluster screen shows about one zone: its profile and trends, and what the core judged about it. */
export interface ClusterDetail extends ZoneJudgements {
  readonly cluster: StoredCluster
  readonly regionName: string | null
  readonly trends: ReadonlyArray<Trend>
  readonly assessment: ClusterAssessment | null
}

/**
 * A zone's series by indicator (sorted by the indicator's place in the catalogue order given), with growth.
 * @example trendsOf(observations)[0]?.growth
 */
export const trendsOf = (observations: ReadonlyArray<{ indicator: string; period: string; value: number }>): Trend[] => {
  const by = new Map<string, Array<{ period: string; value: number }>>()
  for (const o of observations) {
    const list = by.get(o.indicator) ?? []
    list.push({ period: o.period, value: o.value })
    by.set(o.indicator, list)
  }
  return [...by.entries()].map(([code, list]) => {
    list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    const values = list.map((x) => x.value)
    const latest = values.at(-1)!
    const prev = values.length > 1 ? values.at(-2)! : undefined
    const d = findIndicator(code)
    return {
      code,
      name: { zh: d?.zh ?? code, en: d?.en ?? code },
      unit: { zh: d?.unit ?? "", en: d?.unitEn ?? "" },
      periods: list.map((x) => x.period),
      values,
      latest,
      growth: prev !== undefined && prev !== 0 ? latest / prev - 1 : null,
    }
  })
}

/**
 * Load a zone's detail: its full series from the source, its outcome in the snapshot's ranking, and its stage,
 * certification (service agglomerations only) and diagnosis as the application core judges them.
 */
export const loadClusterDetail = async (source: DashboardSource, snap: Snapshot, clusterId: string): Promise<ClusterDetail | undefined> => {
  const cluster = snap.register.clusters.find((c) => c.id === clusterId)
  if (!cluster) return undefined
  const period = snap.period
  const [observations, judged] = await Promise.all([
    source.observations({ clusters: [clusterId] }),
    period === null
      ? Promise.resolve({ stage: null, certification: null, diagnosis: null } satisfies ZoneJudgements)
      : source.judgements(clusterId, period, { certify: cluster.kind !== "industrial" && cluster.form !== null }),
  ])
  // The catalogue's order (scale, land, structure, environment …), then indicators added to the store.
  const order = new Map<string, number>()
  for (const d of [...indicatorCatalogue, ...snap.register.indicators]) if (!order.has(d.code)) order.set(d.code, order.size)
  const trends = trendsOf(observations.filter((o) => o.target.kind === "cluster")).sort(
    (a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999) || a.code.localeCompare(b.code),
  )
  return {
    cluster,
    regionName: snap.register.regions.find((r) => r.code === cluster.region)?.name ?? null,
    trends,
    assessment: snap.result?.clusters.find((c) => c.clusterId === clusterId) ?? null,
    ...judged,
  }
}
