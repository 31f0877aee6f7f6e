import { choleskyFlops, columnCounts, eliminationTree } from "./choleskySymbolic.js"
import { minimumDegreeOrder } from "./minimumDegree.js"
import { nestedDissectionOrder } from "./nestedDissection.js"

/** Which fill-reducing order a sparse factorisation uses: "auto" picks the cheaper of the two. */
export type OrderingMethod = "auto" | "nested-dissection" | "minimum-degree"

/** Below this many units "auto" uses minimum degree only (both orders cost little to factorise). */
const MINIMUM_DEGREE_ONLY = 1000
/** Above this many units "auto" uses nested dissection only (minimum degree on meshes costs too much to try). */
const MINIMUM_DEGREE_MAX = 40_000

/**
 * A fill-reducing order for a symmetric pattern. "auto": minimum degree for small graphs; nested dissection
 * for large ones; in between both, and the one whose factorisation takes fewer flops (Σ column count²,
 * from the elimination tree) — minimum degree wins on irregular graphs with little fill (US counties,
 * sphere-of-influence house sales), nested dissection on meshes (grids, k-nearest neighbours).
 * Returns perm with perm[k] = the original index eliminated k-th.
 * @example fillReducingOrder(s.rowPtr, s.colIdx, s.n)
 */
export const fillReducingOrder = (rowPtr: Int32Array, colIdx: Int32Array, n: number, method: OrderingMethod = "auto"): Int32Array => {
  if (method === "minimum-degree" || (method === "auto" && n <= MINIMUM_DEGREE_ONLY)) return minimumDegreeOrder(rowPtr, colIdx, n)
  const nd = nestedDissectionOrder(rowPtr, colIdx, n)
  if (method === "nested-dissection" || n > MINIMUM_DEGREE_MAX) return nd
  const md = minimumDegreeOrder(rowPtr, colIdx, n)
  return flopsOf(rowPtr, colIdx, md) <= flopsOf(rowPtr, colIdx, nd) ? md : nd
}

const flopsOf = (rowPtr: Int32Array, colIdx: Int32Array, perm: Int32Array): number => {
  const iperm = new Int32Array(perm.length)
  for (let k = 0; k < perm.length; k++) iperm[perm[k]!] = k
  return choleskyFlops(columnCounts(rowPtr, colIdx, perm, iperm, eliminationTree(rowPtr, colIdx, perm, iperm)))
}
