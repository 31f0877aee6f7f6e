import { useMemo } from "react"
import type { ZoneResultWire } from "../api/wire.js"
import { useSession } from "../auth/Session.js"
import { EChart } from "../charts/EChart.js"
import { trendOption } from "../charts/options.js"
import { useI18n } from "../i18n/I18n.js"
import { useLoad } from "../ui/useLoad.js"

/** A zone's scheme indicators over the periods it reported, each as an index (first period = 100). */
export function TrendChart({ clusterId, zone }: { readonly clusterId: string; readonly zone: ZoneResultWire }) {
  const { t, pick } = useI18n()
  const { api } = useSession()
  // The indicators of the scheme the zone was assessed with: those of its contributions.
  const codes = zone.contributions.map((c) => c.code as string)
  // A reader who may not see the zone's series (an anonymous visitor) sees no trend.
  const { data: series } = useLoad(
    () =>
      api.clusterSeries({ params: { id: clusterId }, query: { indicators: codes.join(",") } }).then(
        // A yearly trend: a half-year or a quarter (2025H1) is part of a year, not a point after it.
        (r) => r.data.items.filter((s) => /^\d{4}$/.test(s.period)),
        () => [],
      ),
    [api, clusterId, codes.join(",")],
  )
  const option = useMemo(() => {
    if (!series || series.length === 0) return null
    const periods = [...new Set(series.map((s) => s.period))].sort()
    const shown = [...new Set(series.map((s) => s.indicator))]
    // An index puts indicators in different units on one axis.
    return trendOption(
      periods,
      shown.map((code) => {
        const v = new Map(series.filter((s) => s.indicator === code).map((s) => [s.period, s.value]))
        const first = periods.map((p) => v.get(p)).find((x) => x !== undefined && x !== 0)
        const info = zone.contributions.find((x) => x.code === code)
        return { name: info ? pick(info) : code, values: periods.map((p) => (v.has(p) && first ? Number(((v.get(p)! / first) * 100).toFixed(1)) : null)) }
      }),
    )
  }, [series, zone, pick])
  if (!option) return null
  return (
    <section aria-labelledby="trend-title" className="card">
      <h2 id="trend-title">{t.trends}</h2>
      <EChart label={t.trends} option={option} height={340} />
    </section>
  )
}
