import type { SpatialWeights } from "./SpatialWeights.js"

/** Counts that describe a weights object; `islands` are the ids of units without neighbours. */
export interface WeightsSummary {
  /** Number of units. */
  readonly n: number
  /** Number of non-zero links (directed: i → j and j → i count twice, as spdep's "nonzero links"). */
  readonly links: number
  /** Ids of units without neighbours. */
  readonly islands: ReadonlyArray<string>
  /** Fewest neighbours of any unit. */
  readonly minNeighbours: number
  /** Most neighbours of any unit. */
  readonly maxNeighbours: number
  /** Average number of neighbours (links / n). */
  readonly meanNeighbours: number
  /** Whether the neighbour relation is symmetric. */
  readonly symmetric: boolean
}

/**
 * Summarise weights: units, links, islands and neighbour counts.
 * @example summariseWeights(w) // { n: 49, links: 236, islands: [], minNeighbours: 2, maxNeighbours: 10, ... }
 */
export const summariseWeights = (w: SpatialWeights): WeightsSummary => {
  const n = w.ids.length
  const islands: string[] = []
  let min = Number.POSITIVE_INFINITY
  let max = 0
  for (let i = 0; i < n; i++) {
    const k = w.rowPtr[i + 1]! - w.rowPtr[i]!
    if (k === 0) islands.push(w.ids[i]!)
    if (k < min) min = k
    if (k > max) max = k
  }
  const links = w.rowPtr[n]!
  return {
    n,
    links,
    islands,
    minNeighbours: n === 0 ? 0 : min,
    maxNeighbours: max,
    meanNeighbours: n === 0 ? 0 : links / n,
    symmetric: w.symmetric,
  }
}
