import type { GwrDocument } from "../api/analysisDocuments.js"
import { hotspotPieces, hotspotValueOf, lisaClassOf, lisaPieces } from "../charts/mapClasses.js"
import type { MapLegend } from "../charts/options.js"
import type { Dictionary } from "../i18n/dictionary.js"
import type { MapAnalysis } from "./analyseMap.js"
import type { MapLayer } from "./mapRequest.js"

/** A layer ready to draw: each unit's number and tooltip text, and the legend. */
export interface LayerView {
  readonly data: ReadonlyArray<{ readonly code: string; readonly value: number; readonly label: string }>
  readonly legend: MapLegend
}

const f3 = (x: number | null) => (x === null ? "—" : x.toFixed(3))

/**
 * The map of a layer from the server's documents: LISA clusters (significant quadrants), Gi* hot and cold spots
 * (the server's classes), or a GWR term's local coefficients on a continuous scale.
 * @example layerView("lisa", analysis, "", t).legend.kind // "pieces"
 */
export const layerView = (layer: MapLayer, a: MapAnalysis, term: string, t: Dictionary, termName: (term: string) => string = (x) => x): LayerView | null => {
  if (layer === "lisa") {
    const rows = a.autocorrelation?.lisa.rows
    if (!rows) return null
    return {
      data: rows.map((r) => ({ code: r.id, value: lisaClassOf(r), label: `${r.quadrant ?? "—"} · Ii = ${f3(r.Ii)} · p = ${f3(r.p_permutation ?? r.p)}` })),
      legend: { kind: "pieces", pieces: lisaPieces(t) },
    }
  }
  if (layer === "hotspots") {
    if (!a.hotspots) return null
    return {
      data: a.hotspots.rows.map((r) => ({
        code: r.id,
        value: hotspotValueOf(r.class),
        label: `${t.hotspotClass[r.class ?? "not_significant"]} · z = ${f3(r.z)}`,
      })),
      legend: { kind: "pieces", pieces: hotspotPieces(t) },
    }
  }
  return a.gwr ? gwrView(a.gwr, term, t, termName(term)) : null
}

const gwrView = (gwr: GwrDocument, term: string, t: Dictionary, name: string): LayerView => {
  const data = gwr.rows.map((r) => {
    const c = r.coefficients[term]
    return { code: r.id, value: c?.estimate ?? Number.NaN, label: `${name} = ${f3(c?.estimate ?? null)} (se ${f3(c?.se ?? null)}) · R² = ${f3(r.local_r2)}` }
  })
  const finite = data.map((d) => d.value).filter(Number.isFinite)
  let min = Math.min(...finite)
  let max = Math.max(...finite)
  // A scale symmetric about zero keeps the sign of the local effect readable.
  if (min < 0 && max > 0) {
    const m = Math.max(-min, max)
    min = -m
    max = m
  }
  return { data, legend: { kind: "range", min, max, text: [t.gwrHigh(name), t.gwrLow(name)] } }
}
