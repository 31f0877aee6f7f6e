import type { Bilingual } from "@jiju/domain/model"
import { AnalysisRefused, type DashboardSource } from "../sources/DashboardSource.js"
import { analysisData, type HotspotsDocument } from "./analyses.js"
import { prefectureOf } from "./prefectureGal.js"
import type { Snapshot } from "./snapshot.js"

/** The hot-spot class of the core's document: hot or cold at 99/95/90 %, not significant, or null (no variance). */
export type SpotClass = HotspotsDocument["rows"][number]["class"]

/** One prefecture on the Hot spots screen: its zones' G*_i, z, p and class as the core computed them. */
export interface PrefectureSpot {
  /** The prefecture's region code (410100 …). */
  readonly prefecture: string
  readonly name: string | null
  /** Zones of the prefecture that report the indicator in the period. */
  readonly zones: number
  readonly G: number
  /** Null where the statistic has no variance (every zone of the analysis in one prefecture …). */
  readonly z: number | null
  readonly p: number | null
  readonly class: SpotClass
}

/** What the Hot spots screen shows for an indicator and a period. */
export interface HotspotsView {
  readonly indicator: string
  readonly period: string
  /** Zones in the analysis. */
  readonly units: number
  /** Prefectures from the hottest to the coldest (by z). */
  readonly spots: ReadonlyArray<PrefectureSpot>
  /** The core's note on the statistic and the classes. */
  readonly notes: ReadonlyArray<Bilingual>
}

/**
 * The Getis–Ord G*_i hot and cold spots of an indicator over the prefectures: the application core's `hotspots`
 * analysis (`jiju hotspots --star`) of the zones that report the indicator in the period, with prefecture block
 * weights. Under those weights, with each zone among its own neighbours, every zone of a prefecture has the same
 * G*_i, z and class: the screen lists the prefectures, each once.
 * @example const view = await loadHotspots(source, snap, { indicator: "revenue", period: "2025" })
 */
export const loadHotspots = async (
  source: DashboardSource,
  snap: Snapshot,
  q: { readonly indicator: string; readonly period: string },
): Promise<HotspotsView | { readonly error: Bilingual }> => {
  const { records, ids, gal } = await analysisData(source, snap, [q.indicator], q.period)
  if (ids.length === 0) return { error: { zh: `${q.period} 期没有集聚区报送该指标`, en: `no zone reports this indicator in ${q.period}` } }
  let doc: HotspotsDocument
  try {
    doc = (await source.analysis("hotspots", { data: records, id: "zone", var: q.indicator, star: true, weights: { gal } })) as HotspotsDocument
  } catch (e) {
    if (e instanceof AnalysisRefused) return { error: e.reason }
    throw e
  }
  const regionOf = new Map(snap.register.clusters.map((c) => [c.id as string, c.region as string]))
  const names = new Map(snap.register.regions.map((r) => [r.code as string, r.name]))
  const byPrefecture = new Map<string, { first: HotspotsDocument["rows"][number]; zones: number }>()
  for (const row of doc.rows) {
    const p = prefectureOf(regionOf.get(String(row.id)) ?? "")
    const seen = byPrefecture.get(p)
    if (seen) byPrefecture.set(p, { ...seen, zones: seen.zones + 1 })
    else byPrefecture.set(p, { first: row, zones: 1 })
  }
  const spots = [...byPrefecture.entries()]
    .map(([prefecture, { first, zones }]) => ({
      prefecture,
      name: names.get(prefecture) ?? null,
      zones,
      G: first.G,
      z: first.z,
      p: first.p,
      class: first.class,
    }))
    .sort((a, b) => (b.z ?? Number.NEGATIVE_INFINITY) - (a.z ?? Number.NEGATIVE_INFINITY) || a.prefecture.localeCompare(b.prefecture))
  return { indicator: q.indicator, period: q.period, units: ids.length, spots, notes: doc.notes }
}
