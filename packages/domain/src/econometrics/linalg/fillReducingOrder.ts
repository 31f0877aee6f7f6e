import { approximateMinimumDegree } from "./approximateMinimumDegree.js"
import { type CholeskySymbolic, choleskyFlops, choleskySymbolic, columnCounts, eliminationTree } from "./choleskySymbolic.js"
import { nestedDissectionOrder } from "./nestedDissection.js"

/** Which fill-reducing order a sparse factorisation uses: "auto" picks the cheaper of the two. */
export type OrderingMethod = "auto" | "nested-dissection" | "minimum-degree"

/** Up to this many units "auto" uses minimum degree only (both orders cost little to factorise). */
const MINIMUM_DEGREE_ONLY = 5000
/** Above this many units "auto" uses nested dissection only (the measured large fits use it). */
const MINIMUM_DEGREE_MAX = 40_000
/**
 * Jiju default: when the minimum-degree factor takes at most this many flops per stored entry of the pattern,
 * nested dissection is not tried — a fit's few factorisations then cost less than computing the dissection
 * (measured: 3 flops per entry on the Lucas County house sales, 64 on the US counties, 436 on the 125² grid).
 */
const LITTLE_FILL_FLOPS_PER_ENTRY = 64

/**
 * A fill-reducing order for a symmetric pattern. "minimum-degree" is approximate minimum degree
 * ({@link approximateMinimumDegree}). "auto": minimum degree up to 5,000 units, nested dissection above 40,000;
 * in between minimum degree, kept when its factor has little fill and otherwise compared with nested dissection,
 * the order whose factorisation takes fewer flops (Σ column count², from the elimination tree) winning —
 * minimum degree wins on irregular graphs with little fill (US counties, sphere-of-influence house sales),
 * nested dissection on meshes (grids, k-nearest neighbours).
 * Returns perm with perm[k] = the original index eliminated k-th.
 * @example fillReducingOrder(s.rowPtr, s.colIdx, s.n)
 */
export const fillReducingOrder = (rowPtr: Int32Array, colIdx: Int32Array, n: number, method: OrderingMethod = "auto"): Int32Array =>
  fillReducingAnalysis(rowPtr, colIdx, n, method).order

/** The elimination tree (parent of each pivot, −1 at roots) and column counts of a factor in a given order. */
export interface OrderedTree {
  readonly parent: Int32Array
  readonly count: Int32Array
}

/**
 * {@link fillReducingOrder}, with the elimination tree and column counts of the chosen order when choosing it
 * computed them (between 5,000 and 40,000 units), so that the symbolic analysis does not compute them again.
 * @example const { order, tree } = fillReducingAnalysis(s.rowPtr, s.colIdx, s.n)
 */
export const fillReducingAnalysis = (
  rowPtr: Int32Array,
  colIdx: Int32Array,
  n: number,
  method: OrderingMethod = "auto",
): { readonly order: Int32Array; readonly tree?: OrderedTree } => {
  if (method === "minimum-degree" || (method === "auto" && n <= MINIMUM_DEGREE_ONLY)) return { order: approximateMinimumDegree(rowPtr, colIdx, n) }
  if (method === "nested-dissection" || n > MINIMUM_DEGREE_MAX) return { order: nestedDissectionOrder(rowPtr, colIdx, n) }
  const md = approximateMinimumDegree(rowPtr, colIdx, n)
  const mdTree = treeOf(rowPtr, colIdx, md)
  const mdFlops = choleskyFlops(mdTree.count)
  if (mdFlops <= LITTLE_FILL_FLOPS_PER_ENTRY * rowPtr[n]!) return { order: md, tree: mdTree }
  const nd = nestedDissectionOrder(rowPtr, colIdx, n)
  const ndTree = treeOf(rowPtr, colIdx, nd)
  return choleskyFlops(ndTree.count) < mdFlops ? { order: nd, tree: ndTree } : { order: md, tree: mdTree }
}

/**
 * The symbolic analysis of a symmetric pattern in the order fillReducingAnalysis chooses.
 * @example orderedSymbolic(s.rowPtr, s.colIdx, s.n).nsuper
 */
export const orderedSymbolic = (rowPtr: Int32Array, colIdx: Int32Array, n: number, method: OrderingMethod = "auto"): CholeskySymbolic => {
  const { order, tree } = fillReducingAnalysis(rowPtr, colIdx, n, method)
  return choleskySymbolic(rowPtr, colIdx, order, tree)
}

const treeOf = (rowPtr: Int32Array, colIdx: Int32Array, perm: Int32Array): OrderedTree => {
  const iperm = new Int32Array(perm.length)
  for (let k = 0; k < perm.length; k++) iperm[perm[k]!] = k
  const parent = eliminationTree(rowPtr, colIdx, perm, iperm)
  return { parent, count: columnCounts(rowPtr, colIdx, perm, iperm, parent) }
}
