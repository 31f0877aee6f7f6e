import {
  type CertificationResult,
  type ClusterAssessment,
  certify,
  cityServiceCertification,
  classifyStage,
  countyServiceCertification,
  type StageClassification,
  type ZoneDiagnosis,
} from "@jiju/domain/assessment"
import { type Bilingual, findIndicator, InputError, indicatorCatalogue, type StoredCluster } from "@jiju/domain/model"
import type { DashboardSource } from "../sources/DashboardSource.js"
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

/** What the Cluster screen shows about one zone. */
export interface ClusterDetail {
  readonly cluster: StoredCluster
  readonly regionName: string | null
  readonly trends: ReadonlyArray<Trend>
  readonly assessment: ClusterAssessment | null
  readonly stage: StageClassification | null
  /** Null when the zone is not a service agglomeration with a form (certification does not apply). */
  readonly certification: CertificationResult | { readonly error: Bilingual } | null
  readonly diagnosis: ZoneDiagnosis | null
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
 * Load a zone's detail: its full series from the source, and from the snapshot its score breakdown, stage
 * (classifyStage), certification (certify, service agglomerations only) and diagnosis (diagnose).
 */
export const loadClusterDetail = async (source: DashboardSource, snap: Snapshot, clusterId: string): Promise<ClusterDetail | undefined> => {
  const cluster = snap.register.clusters.find((c) => c.id === clusterId)
  if (!cluster) return undefined
  const observations = (await source.observations({ clusters: [clusterId] })).filter((o) => o.target.kind === "cluster")
  const period = snap.period
  const lookup = (code: string) => (period === null ? undefined : snap.input.value(clusterId, code, period))
  let certification: ClusterDetail["certification"] = null
  if (cluster.kind !== "industrial" && cluster.form !== null && period !== null) {
    try {
      certification = certify(cluster.level === "county" ? countyServiceCertification : cityServiceCertification, {
        form: cluster.form,
        value: lookup,
        fact: (f) => snap.input.fact(clusterId, f, period),
      })
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      certification = { error: { zh: e.zh, en: e.message } }
    }
  }
  // The catalogue's order (scale, land, structure, environment …), then indicators added to the store.
  const order = new Map<string, number>()
  for (const d of [...indicatorCatalogue, ...snap.register.indicators]) if (!order.has(d.code)) order.set(d.code, order.size)
  const trends = trendsOf(observations).sort((a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999) || a.code.localeCompare(b.code))
  return {
    cluster,
    regionName: snap.register.regions.find((r) => r.code === cluster.region)?.name ?? null,
    trends,
    assessment: snap.result?.clusters.find((c) => c.clusterId === clusterId) ?? null,
    stage: period === null ? null : classifyStage(lookup),
    certification,
    diagnosis: snap.diagnoses().find((d) => d.clusterId === clusterId) ?? null,
  }
}
