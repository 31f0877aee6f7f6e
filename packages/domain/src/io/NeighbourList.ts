/**
 * Neighbours of each spatial unit as read from or written to a GAL / GWT weights file.
 * `neighbours[i]` are the ids of the neighbours of `ids[i]`; `weights[i][k]`, when the file carries weights (GWT),
 * is the weight of `neighbours[i][k]`. A unit with no neighbours (an island) has an empty list.
 */
export interface NeighbourList {
  readonly ids: string[]
  readonly neighbours: string[][]
  readonly weights?: number[][]
}
