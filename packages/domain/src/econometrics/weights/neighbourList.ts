import { idLookup } from "../../io/idLookup.js"
import type { NeighbourList } from "../../io/NeighbourList.js"
import { InputError, inputError } from "../../model/errors.js"
import { type WeightsStyle, weightsFromLinks } from "./links.js"
import type { SpatialWeights } from "./SpatialWeights.js"

/**
 * Weights from a neighbour list keyed by id (a GAL or GWT file). Rows follow the list's own id order;
 * use {@link alignWeights} to put them in the data's order. With `style` "W" (default) GWT weights are
 * row-standardised, with "B" they become 1, with "U" they are kept.
 * Throws InputError "duplicate_id" or "unknown_neighbour" (a neighbour id that has no entry of its own).
 * @example weightsFromNeighbourList({ ids: ["a", "b"], neighbours: [["b"], ["a"]] }).values // [1, 1]
 */
export const weightsFromNeighbourList = (list: NeighbourList, options: { readonly style?: WeightsStyle } = {}): SpatialWeights => {
  const lookup = idLookup(list.ids)
  list.ids.forEach((id, i) => {
    if (lookup(id) !== i) {
      throw inputError("duplicate_id", `Weights list id "${id}" appears more than once`, `权重列表中的编号“${id}”出现多次`, { value: id })
    }
  })
  const unknown: string[] = []
  const neighbours = list.neighbours.map((row, i) =>
    row.map((id) => {
      const j = lookup(id)
      if (j < 0) {
        if (unknown.length < 10) unknown.push(`${id} (neighbour of ${list.ids[i]})`)
        return -1
      }
      return j
    }),
  )
  if (unknown.length > 0) {
    const en = `Weights list names neighbours that have no entry of their own: ${unknown.join(", ")}`
    const zh = `权重列表中的邻居没有自己的条目：${unknown.join("、")}`
    throw new InputError({ code: "unknown_neighbour", message: en, zh, issues: [{ en, zh }] })
  }
  return weightsFromLinks(list.ids, neighbours, list.weights, options.style ?? "W")
}

/**
 * The neighbour list of weights (ids, neighbour ids, and weights unless the style is binary), for GAL/GWT output.
 * @example toNeighbourList(w).neighbours[0] // ["2", "3"]
 */
export const toNeighbourList = (w: SpatialWeights): NeighbourList => {
  const n = w.ids.length
  const neighbours: string[][] = []
  const weights: number[][] = []
  for (let i = 0; i < n; i++) {
    const nb: string[] = []
    const ws: number[] = []
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      nb.push(w.ids[w.colIdx[p]!]!)
      ws.push(w.values[p]!)
    }
    neighbours.push(nb)
    weights.push(ws)
  }
  return w.style === "B" ? { ids: [...w.ids], neighbours } : { ids: [...w.ids], neighbours, weights }
}
