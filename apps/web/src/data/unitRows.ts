import { meanByUnit, unitOf } from "./units.js"
import type { ZoneRow } from "./zoneRows.js"

/** One map unit's values of one period: the mean over the zones in it. */
export interface UnitRow {
  readonly unit: string
  readonly period: string
  readonly values: Readonly<Record<string, number>>
}

/**
 * Zones' values averaged per map unit (a prefecture city on the province map, a county on a city's map) and period;
 * units lacking one of `codes` are left out.
 * @example unitRows(rows, "410000", ["revenue"])[0] // { unit: "410100", period: "2025", values: { revenue: … } }
 */
export const unitRows = (rows: ReadonlyArray<ZoneRow>, mapCode: string, codes: ReadonlyArray<string>): UnitRow[] => {
  const periods = [...new Set(rows.map((r) => r.period))].sort()
  return periods.flatMap((period) => {
    const here = rows.filter((r) => r.period === period)
    const means = codes.map((code) => meanByUnit(here.map((r) => ({ unit: unitOf(r.region, mapCode), value: r.values[code] ?? Number.NaN }))))
    const units = [...(means[0]?.keys() ?? [])].filter((u) => means.every((m) => m.has(u))).sort()
    return units.map((unit) => ({ unit, period, values: Object.fromEntries(codes.map((c, k) => [c, means[k]!.get(unit)!])) }))
  })
}
