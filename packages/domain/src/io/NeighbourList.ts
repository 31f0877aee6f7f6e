/**
 * Neighbours of each spatial unit as read from or written to a GAL / GWT weights file.
 * `neighbours[i]` are the ids of the neighbours of `ids[i]`; `weights[i][k]`, when the file carries weights (GWT),
 * is the weight of `neighbours[i][k]`. A unit with no neighbours (an island) has an empty list.
 */
export interface NeighbourList {
  /** Unit ids in file order. */
  readonly ids: string[]
  /** `neighbours[i]`: ids (not positions) of the neighbours of `ids[i]`, as spdep's nb lists them by region id. */
  readonly neighbours: string[][]
  /** `weights[i][k]`: the weight of the link from `ids[i]` to `neighbours[i][k]` (GWT only). */
  readonly weights?: number[][]
}
