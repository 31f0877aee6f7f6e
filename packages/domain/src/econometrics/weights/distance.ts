import { inputError } from "../../model/errors.js"
import { type WeightsStyle, weightsFromLinks } from "./links.js"
import type { SpatialWeights } from "./SpatialWeights.js"

/** Planar point coordinates, one pair per unit (projected units, or lon/lat treated as planar). */
export interface PointCoordinates {
  readonly x: ArrayLike<number>
  readonly y: ArrayLike<number>
}

const checkCoordinates = (ids: ReadonlyArray<string>, c: PointCoordinates) => {
  if (c.x.length !== ids.length || c.y.length !== ids.length) throw new RangeError("one coordinate pair per id is needed")
  for (let i = 0; i < ids.length; i++) {
    if (!Number.isFinite(c.x[i]!) || !Number.isFinite(c.y[i]!)) {
      throw inputError("missing_coordinates", `Row ${i + 1} (id "${ids[i]}") has no finite coordinates`, `第 ${i + 1} 行（编号“${ids[i]}”）没有有效坐标`, {
        row: i + 1,
        value: ids[i],
      })
    }
  }
}

/**
 * k-nearest-neighbour weights (Euclidean distance), like spdep knn2nb(knearneigh(coords, k)): each unit gets
 * exactly k neighbours, ties broken by distance and then by row order. The relation is not symmetric in
 * general, and `symmetric` says whether it happens to be.
 * Throws InputError "invalid_k" unless 1 ≤ k < n.
 * @example knnWeights(ids, { x, y }, 4).rowPtr[1] // 4
 */
export const knnWeights = (
  ids: ReadonlyArray<string>,
  coords: PointCoordinates,
  k: number,
  options: { readonly style?: WeightsStyle } = {},
): SpatialWeights => {
  const n = ids.length
  if (!Number.isInteger(k) || k < 1 || k >= n) {
    throw inputError(
      "invalid_k",
      `k must be a whole number from 1 to ${n - 1} (number of units − 1), got ${k}`,
      `k 必须是 1 到 ${n - 1}（单元数 − 1）之间的整数，实际为 ${k}`,
      { value: k },
    )
  }
  checkCoordinates(ids, coords)
  const { x, y } = coords
  const bestD = new Float64Array(k)
  const bestJ = new Int32Array(k)
  const neighbours: number[][] = []
  for (let i = 0; i < n; i++) {
    let m = 0
    const xi = x[i]!
    const yi = y[i]!
    for (let j = 0; j < n; j++) {
      if (j === i) continue
      const dx = x[j]! - xi
      const dy = y[j]! - yi
      const d = dx * dx + dy * dy
      // j comes after every kept candidate in row order, so on equal distance the kept ones win.
      if (m === k && d >= bestD[k - 1]!) continue
      let pos = m < k ? m++ : k - 1
      while (pos > 0 && bestD[pos - 1]! > d) {
        bestD[pos] = bestD[pos - 1]!
        bestJ[pos] = bestJ[pos - 1]!
        pos--
      }
      bestD[pos] = d
      bestJ[pos] = j
    }
    neighbours.push(Array.from(bestJ))
  }
  return weightsFromLinks(ids, neighbours, undefined, options.style ?? "W")
}

/** Visit every pair within Euclidean distance `d` (sweep over x-sorted points), as (i, j, distance). */
const pairsWithin = (c: PointCoordinates, d: number, visit: (i: number, j: number, dist: number) => void) => {
  const n = c.x.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => c.x[a]! - c.x[b]! || a - b)
  for (let s = 0; s < n; s++) {
    const i = order[s]!
    for (let t = s + 1; t < n; t++) {
      const j = order[t]!
      const dx = c.x[j]! - c.x[i]!
      if (dx > d) break
      const dy = c.y[j]! - c.y[i]!
      if (Math.abs(dy) > d) continue
      const dist = Math.sqrt(dx * dx + dy * dy)
      if (dist <= d) visit(i, j, dist)
    }
  }
}

const checkBand = (d: number) => {
  if (!(d >= 0) || !Number.isFinite(d)) {
    throw inputError("invalid_distance", `Distance band must be a finite number ≥ 0, got ${d}`, `距离阈值必须是不小于 0 的有限数值，实际为 ${d}`, {
      value: d,
    })
  }
}

/**
 * Distance-band weights: j is a neighbour of i when their Euclidean distance is ≤ d (spdep dnearneigh(coords, 0, d)).
 * Units farther than d from all others are islands (empty rows). The relation is symmetric.
 * @example distanceBandWeights(ids, { x, y }, 1.5)
 */
export const distanceBandWeights = (
  ids: ReadonlyArray<string>,
  coords: PointCoordinates,
  d: number,
  options: { readonly style?: WeightsStyle } = {},
): SpatialWeights => {
  checkBand(d)
  checkCoordinates(ids, coords)
  const neighbours: number[][] = ids.map(() => [])
  pairsWithin(coords, d, (i, j) => {
    neighbours[i]!.push(j)
    neighbours[j]!.push(i)
  })
  return weightsFromLinks(ids, neighbours, undefined, options.style ?? "W")
}

/**
 * Inverse-distance weights 1/d^alpha for pairs within the band (default alpha 1, band: all pairs), then styled
 * ("W" row-standardises the inverse distances, "U" keeps them, "B" keeps only the links).
 * Throws InputError "coincident_points" when two units share a location inside the band.
 * @example inverseDistanceWeights(ids, { x, y }, { band: 5, alpha: 2, style: "U" })
 */
export const inverseDistanceWeights = (
  ids: ReadonlyArray<string>,
  coords: PointCoordinates,
  options: { readonly band?: number; readonly alpha?: number; readonly style?: WeightsStyle } = {},
): SpatialWeights => {
  const band = options.band ?? Number.POSITIVE_INFINITY
  const alpha = options.alpha ?? 1
  if (band !== Number.POSITIVE_INFINITY) checkBand(band)
  checkCoordinates(ids, coords)
  const neighbours: number[][] = ids.map(() => [])
  const values: number[][] = ids.map(() => [])
  pairsWithin(coords, band, (i, j, dist) => {
    if (dist === 0) {
      throw inputError(
        "coincident_points",
        `Units "${ids[i]}" and "${ids[j]}" share a location; inverse distance is undefined`,
        `单元“${ids[i]}”与“${ids[j]}”位置相同，反距离无定义`,
        { row: Math.min(i, j) + 1 },
      )
    }
    const v = dist ** -alpha
    neighbours[i]!.push(j)
    values[i]!.push(v)
    neighbours[j]!.push(i)
    values[j]!.push(v)
  })
  return weightsFromLinks(ids, neighbours, values, options.style ?? "W")
}
