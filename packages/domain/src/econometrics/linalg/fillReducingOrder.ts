import { choleskyFlops, columnCounts, eliminationTree } from "./choleskySymbolic.js"
import { boundedMinimumDegree, minimumDegreeOrder } from "./minimumDegree.js"
import { nestedDissectionOrder } from "./nestedDissection.js"

/** Which fill-reducing order a sparse factorisation uses: "auto" picks the cheaper of the two. */
export type OrderingMethod = "auto" | "nested-dissection" | "minimum-degree"

/** Up to this many units "auto" uses minimum degree only (both orders cost little to factorise). */
const MINIMUM_DEGREE_ONLY = 5000
/**
 * Minimum degree is abandoned once its work exceeds this fraction of the flops of factorising with nested
 * dissection: its work is close to its own factorisation flops (0.7–1.2× measured on counties and grids), so
 * it can only win clearly when it finishes within this budget.
 */
const MINIMUM_DEGREE_WORK = 0.5
/** Above this many units "auto" uses nested dissection only (minimum degree would take seconds to try). */
const MINIMUM_DEGREE_MAX = 40_000

/**
 * A fill-reducing order for a symmetric pattern. "auto": minimum degree up to 5,000 units, nested
 * dissection above 40,000; in between, nested dissection and minimum degree with a work limit (it finishes quickly only when there is little fill), and
 * the one whose factorisation takes fewer flops (Σ column count², from the elimination tree) — minimum
 * degree wins on irregular graphs with little fill (US counties, sphere-of-influence house sales), nested
 * dissection on meshes (grids, k-nearest neighbours), where minimum degree is also slow to compute.
 * Returns perm with perm[k] = the original index eliminated k-th.
 * @example fillReducingOrder(s.rowPtr, s.colIdx, s.n)
 */
export const fillReducingOrder = (rowPtr: Int32Array, colIdx: Int32Array, n: number, method: OrderingMethod = "auto"): Int32Array => {
  if (method === "minimum-degree" || (method === "auto" && n <= MINIMUM_DEGREE_ONLY)) return minimumDegreeOrder(rowPtr, colIdx, n)
  const nd = nestedDissectionOrder(rowPtr, colIdx, n)
  if (method === "nested-dissection" || n > MINIMUM_DEGREE_MAX) return nd
  const ndFlops = flopsOf(rowPtr, colIdx, nd)
  const md = boundedMinimumDegree(rowPtr, colIdx, n, MINIMUM_DEGREE_WORK * ndFlops)
  return md !== undefined && flopsOf(rowPtr, colIdx, md) <= ndFlops ? md : nd
}

const flopsOf = (rowPtr: Int32Array, colIdx: Int32Array, perm: Int32Array): number => {
  const iperm = new Int32Array(perm.length)
  for (let k = 0; k < perm.length; k++) iperm[perm[k]!] = k
  return choleskyFlops(columnCounts(rowPtr, colIdx, perm, iperm, eliminationTree(rowPtr, colIdx, perm, iperm)))
}
