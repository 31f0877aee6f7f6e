import { findLink } from "../weights/links.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"

/**
 * Trace of WᵀW + W² (spdep's tracew), the T of the LM tests: Σ w_ij² + Σ w_ij·w_ji.
 * @example traceWtWplusWW(w) // 23.4 for columbus queen, row-standardised
 */
export const traceWtWplusWW = (w: SpatialWeights): number => {
  let s = 0
  const n = w.ids.length
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      const v = w.values[p]!
      s += v * v
      const q = findLink(w, w.colIdx[p]!, i)
      if (q >= 0) s += v * w.values[q]!
    }
  return s
}

/**
 * Keep only some units of weights (0-based indices, in the order given), as spdep's subset.listw:
 * links to dropped units disappear and "W" weights are row-standardised again over the remaining neighbours.
 * @example subsetWeights(w, frame.rows) // weights for the rows a model actually used
 */
export const subsetWeights = (w: SpatialWeights, keep: ArrayLike<number>): SpatialWeights => {
  const m = keep.length
  const newOf = new Int32Array(w.ids.length).fill(-1)
  for (let r = 0; r < m; r++) newOf[keep[r]!] = r
  const rowPtr = new Int32Array(m + 1)
  const cols: number[] = []
  const vals: number[] = []
  for (let r = 0; r < m; r++) {
    const o = keep[r]!
    const start = cols.length
    for (let p = w.rowPtr[o]!; p < w.rowPtr[o + 1]!; p++) {
      const c = newOf[w.colIdx[p]!]!
      if (c >= 0) {
        cols.push(c)
        vals.push(w.values[p]!)
      }
    }
    // Keep columns sorted within the row.
    const idx = cols.slice(start).map((_, k) => start + k)
    idx.sort((a, b) => cols[a]! - cols[b]!)
    const sc = idx.map((k) => cols[k]!)
    const sv = idx.map((k) => vals[k]!)
    for (let k = 0; k < sc.length; k++) {
      cols[start + k] = sc[k]!
      vals[start + k] = sv[k]!
    }
    if (w.style === "W") {
      let s = 0
      for (let k = start; k < vals.length; k++) s += vals[k]!
      if (s !== 0) for (let k = start; k < vals.length; k++) vals[k] = vals[k]! / s
    }
    rowPtr[r + 1] = cols.length
  }
  const ids = Array.from({ length: m }, (_, r) => w.ids[keep[r]!]!)
  const colIdx = Int32Array.from(cols)
  const out: SpatialWeights = { ids, rowPtr, colIdx, values: Float64Array.from(vals), style: w.style, symmetric: w.symmetric }
  // Dropping units keeps a symmetric relation symmetric; an asymmetric one may become symmetric, which is harmless.
  return out
}
