import { type SpatialWeights, summariseWeights, type WeightsSummary } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { buildWeights, type SpatialReportOptions, unitIds } from "./WeightsSpec.js"

/** The weights of a table and their summary, before they become the `jiju weights --json` document. */
export interface WeightsAnalysis {
  readonly ids: ReadonlyArray<string>
  readonly weights: SpatialWeights
  readonly summary: WeightsSummary
}

/**
 * Build the weights of `table` and summarise them (text renderers and writers of GAL/GWT use this).
 * @example weightsAnalysis(table, { weights: { kind: "knn", k: 4, coords: ["x", "y"] } }).summary.links
 */
export const weightsAnalysis = (table: DataTable, options: SpatialReportOptions): WeightsAnalysis => {
  const ids = unitIds(table, options.id)
  const weights = buildWeights(options.weights, table, ids)
  return { ids, weights, summary: summariseWeights(weights) }
}

/**
 * The JSON document of a weights summary (units, directed links, islands, neighbour counts), as `jiju weights --json` prints it.
 * @example weightsDocument(weightsAnalysis(table, options)).mean_neighbours
 */
export const weightsDocument = (a: WeightsAnalysis) => ({
  n: a.summary.n,
  links: a.summary.links,
  islands: [...a.summary.islands],
  min_neighbours: a.summary.minNeighbours,
  max_neighbours: a.summary.maxNeighbours,
  mean_neighbours: a.summary.meanNeighbours,
})

/**
 * The document `jiju weights --json` prints for `table` and these weights.
 * @example weightsReport(table, { id: "POLYID", weights: { kind: "contiguity", rule: "queen" } }).links
 */
export const weightsReport = (table: DataTable, options: SpatialReportOptions) => weightsDocument(weightsAnalysis(table, options))
