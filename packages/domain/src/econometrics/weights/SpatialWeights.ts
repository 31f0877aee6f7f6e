/**
 * Spatial weights in compressed sparse row form, keyed by unit id.
 * Row i lists the neighbours of unit ids[i]: columns colIdx[rowPtr[i] .. rowPtr[i+1]) with weights values[...].
 * Units with no neighbours (islands) have empty rows, as in R with zero.policy = TRUE.
 */
export interface SpatialWeights {
  /** Unit ids; position i is row i (0-based) and column i. */
  readonly ids: ReadonlyArray<string>
  /** Row pointers (length n + 1): row i occupies positions rowPtr[i] .. rowPtr[i + 1] − 1. */
  readonly rowPtr: Int32Array
  /** Column (neighbour position, 0-based) of each link, sorted within each row. */
  readonly colIdx: Int32Array
  /** Weight of each link, aligned with colIdx. */
  readonly values: Float64Array
  /** "W" row-standardised, "B" binary, or "U" as given (e.g. GWT distances). Same letters as spdep. */
  readonly style: "W" | "B" | "U"
  /** True when the neighbour relation (before weighting) is symmetric: j ∈ N(i) ⇔ i ∈ N(j). */
  readonly symmetric: boolean
}
