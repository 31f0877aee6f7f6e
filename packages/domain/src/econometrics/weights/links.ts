import { inputError } from "../../model/errors.js"
import type { SpatialWeights } from "./SpatialWeights.js"

/** How link values become weights: "W" row-standardised, "B" binary, "U" as given. Same letters as spdep. */
export type WeightsStyle = SpatialWeights["style"]

/**
 * Build CSR weights from neighbour indices (and optional general weights, e.g. inverse distances).
 * Rows are sorted by column; self links and duplicate links are rejected; empty rows are islands.
 * The symmetric flag is computed on the relation (j ∈ N(i) ⇔ i ∈ N(j)), before weighting.
 * @example
 * weightsFromLinks(["a", "b", "c"], [[1], [0, 2], [1]], undefined, "W") // row b gets 0.5, 0.5
 */
export const weightsFromLinks = (
  ids: ReadonlyArray<string>,
  neighbours: ReadonlyArray<ReadonlyArray<number>>,
  values: ReadonlyArray<ReadonlyArray<number>> | undefined,
  style: WeightsStyle,
): SpatialWeights => {
  const n = ids.length
  if (neighbours.length !== n) throw new RangeError("neighbours must have one entry per id")
  const rowPtr = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) rowPtr[i + 1] = rowPtr[i]! + neighbours[i]!.length
  const nnz = rowPtr[n]!
  const colIdx = new Int32Array(nnz)
  const raw = new Float64Array(nnz)
  for (let i = 0; i < n; i++) {
    const nb = neighbours[i]!
    const vs = values?.[i]
    // Files list neighbours in order as a rule: sort only rows that are not.
    let inOrder = true
    for (let t = 1; t < nb.length && inOrder; t++) inOrder = nb[t - 1]! <= nb[t]!
    const order = inOrder ? undefined : nb.map((_, k) => k).sort((a, b) => nb[a]! - nb[b]!)
    let p = rowPtr[i]!
    for (let t = 0; t < nb.length; t++) {
      const k = order === undefined ? t : order[t]!
      const j = nb[k]!
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new RangeError(`neighbour index ${j} out of range`)
      if (j === i) {
        throw inputError("self_link", `Unit "${ids[i]}" is listed as its own neighbour`, `单元“${ids[i]}”被列为自身的邻居`, { value: ids[i] })
      }
      if (t > 0 && j === nb[order === undefined ? t - 1 : order[t - 1]!]) {
        throw inputError("duplicate_link", `Unit "${ids[i]}" lists neighbour "${ids[j]}" more than once`, `单元“${ids[i]}”重复列出邻居“${ids[j]}”`, {
          value: ids[j],
        })
      }
      const v = vs === undefined ? 1 : vs[k]!
      if (!Number.isFinite(v)) {
        throw inputError(
          "invalid_weight",
          `Weight of link "${ids[i]}" → "${ids[j]}" is not a finite number: ${v}`,
          `链接“${ids[i]}”→“${ids[j]}”的权重不是有限数值：${v}`,
          { value: v },
        )
      }
      colIdx[p] = j
      raw[p] = v
      p++
    }
  }
  const base: SpatialWeights = { ids: [...ids], rowPtr, colIdx, values: raw, style: "U", symmetric: false }
  return styleWeights({ ...base, symmetric: isSymmetricRelation(base) }, style)
}

/** Apply a style to weights whose values are raw link values (1 for plain contiguity). */
const styleWeights = (w: SpatialWeights, style: WeightsStyle): SpatialWeights => {
  const values = new Float64Array(w.values)
  const n = w.ids.length
  if (style === "B") values.fill(1)
  if (style === "W") {
    for (let i = 0; i < n; i++) {
      let s = 0
      for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) s += values[p]!
      // A row whose weights sum to zero stays as it is (no neighbours, or all-zero weights).
      if (s !== 0) for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) values[p] = values[p]! / s
    }
  }
  return { ...w, values, style }
}

/**
 * Change the style of weights: "B" sets every link to 1, "W" divides each row by its sum, "U" keeps the values.
 * From "W" or "B" weights only the links are known, so they are re-weighted from binary links;
 * from "U" (e.g. GWT distances) "W" row-standardises the given values.
 * @example transformWeights(w, "B").values.every((v) => v === 1) // true
 */
export const transformWeights = (w: SpatialWeights, style: WeightsStyle): SpatialWeights =>
  style === w.style ? w : styleWeights(style === "B" || w.style !== "U" ? { ...w, values: new Float64Array(w.values.length).fill(1) } : w, style)

/**
 * Position in `colIdx`/`values` of the link from unit i to unit j (0-based positions) in CSR weights, or −1
 * (rows are sorted, so binary search). Use it to read or change one weight.
 * @example findLink(weightsFromNeighbourList({ ids: ["a", "b"], neighbours: [["b"], ["a"]] }), 1, 0) // 1
 */
export const findLink = (w: SpatialWeights, i: number, j: number): number => {
  let lo = w.rowPtr[i]!
  let hi = w.rowPtr[i + 1]! - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const c = w.colIdx[mid]!
    if (c === j) return mid
    if (c < j) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/**
 * True when every link i → j has its reverse j → i (the neighbour relation, not the weights, is symmetric).
 * @example isSymmetricRelation(weightsFromNeighbourList({ ids: ["a", "b"], neighbours: [["b"], []] })) // false
 */
export const isSymmetricRelation = (w: SpatialWeights): boolean => {
  const n = w.ids.length
  for (let i = 0; i < n; i++) {
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) if (findLink(w, w.colIdx[p]!, i) < 0) return false
  }
  return true
}
