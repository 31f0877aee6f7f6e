import type { JijuClient } from "../api/client.js"
import { listAllClusters, queryAllObservations } from "../api/lists.js"
import type { ClusterWire } from "../api/wire.js"

/** One industrial zone's values of one period. */
export interface ZoneRow {
  readonly id: string
  /** The zone's region code (its county). */
  readonly region: string
  readonly period: string
  readonly values: Readonly<Record<string, number>>
}

/** Zones' values and the register entries they belong to. */
export interface ZoneData {
  readonly rows: ReadonlyArray<ZoneRow>
  readonly clusters: ReadonlyMap<string, ClusterWire>
}

/**
 * The industrial zones' stored values of some indicators in one period or a range of periods, one row per zone and
 * period (GET /v1/clusters and GET /v1/observations).
 * @example const { rows } = await loadZoneRows(api, ["revenue"], { period: "2025" })
 */
export const loadZoneRows = async (
  api: JijuClient,
  codes: ReadonlyArray<string>,
  periods: { readonly period: string } | { readonly from: string; readonly to: string },
): Promise<ZoneData> => {
  const [clusters, observations] = await Promise.all([
    listAllClusters(api, { kind: "industrial" }),
    queryAllObservations(api, { ...periods, indicators: codes.join(",") }),
  ])
  const byId = new Map(clusters.map((c) => [c.id, c]))
  const rows = new Map<string, { id: string; region: string; period: string; values: Record<string, number> }>()
  for (const o of observations) {
    const zone = o.target.kind === "cluster" ? byId.get(o.target.id) : undefined
    if (!zone) continue
    const key = `${zone.id}\u0000${o.period}`
    const row = rows.get(key) ?? { id: zone.id, region: zone.region, period: o.period, values: {} }
    row.values[o.indicator] = o.value
    rows.set(key, row)
  }
  return { rows: [...rows.values()], clusters: byId }
}

/**
 * Rows that have a value for every one of `codes`.
 * @example complete(rows, ["revenue", "tax_total"]).length
 */
export const complete = (rows: ReadonlyArray<ZoneRow>, codes: ReadonlyArray<string>): ZoneRow[] =>
  rows.filter((r) => codes.every((c) => typeof r.values[c] === "number"))
