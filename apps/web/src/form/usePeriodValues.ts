import { previousPeriod } from "@jiju/domain/model"
import type { ObservationWire } from "../api/wire.js"
import { useSession } from "../auth/Session.js"
import { useLoad } from "../ui/useLoad.js"

/** A zone's values of the previous period (to compare with) and those already stored for the period. */
export interface PeriodValues {
  readonly previous: ReadonlyMap<string, number>
  readonly existing: ReadonlyArray<ObservationWire>
}

/**
 * Read last period's values and this period's stored values of a zone (nothing while the zone or period is unset).
 * @example const { data } = usePeriodValues("hb-qibin", "2025", true)
 */
export const usePeriodValues = (clusterId: string, period: string, periodOk: boolean) => {
  const { api } = useSession()
  return useLoad<PeriodValues | null>(async () => {
    if (!clusterId || !periodOk) return null
    const prev = previousPeriod(period)
    const { data } = await api.clusterSeries({ params: { id: clusterId }, query: { from: prev, to: period } })
    return {
      previous: new Map(data.items.filter((r) => r.period === prev).map((r) => [r.indicator, r.value])),
      existing: data.items.filter((r) => r.period === period),
    }
  }, [api, clusterId, period, periodOk])
}
