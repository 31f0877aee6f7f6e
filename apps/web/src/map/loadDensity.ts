import { previousPeriod } from "@jiju/domain/model"
import { type DensityByPeriod, type DensityOfAll, documentOf } from "../api/analysisDocuments.js"
import type { JijuClient } from "../api/client.js"
import { loadZoneRows } from "../data/zoneRows.js"
import type { MapRequest } from "./mapRequest.js"

/** One kernel density curve: its period ("" for an uploaded file's single distribution), bandwidth and points. */
export interface DensityCurve {
  readonly period: string
  readonly n: number
  readonly bandwidth: number
  readonly x: ReadonlyArray<number>
  readonly y: ReadonlyArray<number>
}

/** How many periods, the asked one last, the distribution chart follows. */
export const DENSITY_PERIODS = 5

/**
 * The kernel density of the variable from the analysis operation (R's density() defaults): over Henan's zones per
 * period for the five periods up to the one asked, or over an uploaded file's features.
 * @example const curves = await loadDensity(api, request)
 */
export const loadDensity = async (api: JijuClient, r: MapRequest): Promise<DensityCurve[]> => {
  if (r.source.kind === "upload") {
    const d = documentOf<DensityOfAll>(await api.analyseDensity({ body: { geojson: r.source.upload.collection, value: r.variable } }))
    return [{ period: "", n: d.n, bandwidth: d.bandwidth, x: d.x, y: d.y }]
  }
  let from = r.period
  for (let k = 1; k < DENSITY_PERIODS; k++) from = previousPeriod(from)
  const zones = await loadZoneRows(api, [r.variable], { from, to: r.period })
  const data = zones.rows.flatMap((z) => (typeof z.values[r.variable] === "number" ? [{ period: z.period, value: z.values[r.variable]! }] : []))
  const doc = documentOf<DensityByPeriod>(await api.analyseDensity({ body: { data, value: "value", period_col: "period" } }))
  return doc.periods.map((p) => ({ period: String(p.period), n: p.n, bandwidth: p.bandwidth, x: p.x, y: p.y }))
}
