import { columnCountsInKernel, eliminationTreeInKernel, postorderInKernel, type SupernodeRows, supernodeRowsInKernel } from "./symbolicKernel.js"
import { KERNEL_MIN_ELEMENTS } from "./wasmModule.js"

/**
 * Symbolic analysis of a sparse Cholesky factorisation P·A·Pᵀ = L·Lᵀ for a symmetric pattern A and a
 * fill-reducing order P: elimination tree, postorder, column counts, supernodes (columns of L with the same
 * structure below the diagonal, merged further where few zeros are added — the relaxed amalgamation of
 * CHOLMOD, Davis & Hager 2009) and the row structure of each supernode. Everything a numeric factorisation
 * needs to work on dense blocks is computed here once, so that refactorising at a new ρ only moves numbers.
 */
export interface CholeskySymbolic {
  readonly n: number
  /** perm[k] = original index of the k-th pivot (the fill-reducing order, postordered). */
  readonly perm: Int32Array
  /** iperm[perm[k]] = k. */
  readonly iperm: Int32Array
  /** Number of supernodes; supernode s holds pivots superStart[s] … superStart[s + 1] − 1. */
  readonly nsuper: number
  readonly superStart: Int32Array
  /** Rows of supernode s: rowIdx[rowPtr[s] … rowPtr[s + 1]), its own pivots first, then the rows below, ascending. */
  readonly rowPtr: Int32Array
  readonly rowIdx: Int32Array
  /** Offset of supernode s's dense block (rows × pivots, column-major) in the factor's value array. */
  readonly valPtr: Float64Array
  /** Parent supernode (−1 for roots), and the position of each row below s within its parent's row list. */
  readonly superParent: Int32Array
  readonly relIdx: Int32Array
  /** Entries stored for L (dense blocks, upper parts of the diagonal blocks excluded) and the flops of one factorisation. */
  readonly nnzL: number
  readonly flops: number
}

/**
 * Elimination tree of the pattern permuted by perm (Liu's algorithm with path compression): parent[k] of
 * pivot k, −1 for roots.
 * @example eliminationTree(s.rowPtr, s.colIdx, perm, iperm)
 */
export const eliminationTree = (rowPtr: Int32Array, colIdx: Int32Array, perm: Int32Array, iperm: Int32Array): Int32Array => {
  const n = perm.length
  const inKernel = kernelSized(rowPtr, n) ? eliminationTreeInKernel(rowPtr, colIdx, perm, iperm) : undefined
  if (inKernel !== undefined) return inKernel
  const parent = new Int32Array(n).fill(-1)
  const ancestor = new Int32Array(n).fill(-1)
  for (let k = 0; k < n; k++) {
    const old = perm[k]!
    for (let p = rowPtr[old]!; p < rowPtr[old + 1]!; p++) {
      let i = iperm[colIdx[p]!]!
      if (i >= k) continue
      // Walk from i to the root of its current subtree, compressing the path to k.
      while (ancestor[i] !== -1 && ancestor[i] !== k) {
        const next = ancestor[i]!
        ancestor[i] = k
        i = next
      }
      if (ancestor[i] === -1) {
        ancestor[i] = k
        parent[i] = k
      }
    }
  }
  return parent
}

/**
 * Column counts of L (diagonal included) for the pattern permuted by perm, by traversing each row's subtree
 * of the elimination tree: O(nnz(L)).
 * @example columnCounts(s.rowPtr, s.colIdx, perm, iperm, eliminationTree(s.rowPtr, s.colIdx, perm, iperm))
 */
export const columnCounts = (rowPtr: Int32Array, colIdx: Int32Array, perm: Int32Array, iperm: Int32Array, parent: Int32Array): Int32Array => {
  const n = perm.length
  const inKernel = kernelSized(rowPtr, n) ? columnCountsInKernel(rowPtr, colIdx, perm, iperm, parent) : undefined
  if (inKernel !== undefined) return inKernel
  const count = new Int32Array(n).fill(1)
  const mark = new Int32Array(n).fill(-1)
  for (let i = 0; i < n; i++) {
    mark[i] = i
    const old = perm[i]!
    for (let p = rowPtr[old]!; p < rowPtr[old + 1]!; p++) {
      // Row i of L has an entry in every column on the tree path from k up to (not including) i.
      let k = iperm[colIdx[p]!]!
      if (k >= i) continue
      while (mark[k] !== i) {
        mark[k] = i
        count[k]!++
        k = parent[k]!
      }
    }
  }
  return count
}

/** Flops of a Cholesky factorisation with these column counts (Σ c², the multiply–adds of the updates). @internal */
export const choleskyFlops = (count: Int32Array): number => {
  let f = 0
  for (let j = 0; j < count.length; j++) f += count[j]! * count[j]!
  return f
}

// From 4,096 entries of the pattern the tree, the counts, the postorder and the row structure come from WebAssembly
// kernels that give the same arrays (symbolicKernel.ts).
const kernelSized = (rowPtr: Int32Array, n: number): boolean => n + rowPtr[n]! >= KERNEL_MIN_ELEMENTS

// Postorder of a forest given by parent[]: children before parents, subtrees contiguous. `inKernel`: the pattern the
// forest belongs to is large enough for the kernels.
const postorder = (parent: Int32Array, inKernel: boolean): Int32Array => {
  const n = parent.length
  const fromKernel = inKernel ? postorderInKernel(parent) : undefined
  if (fromKernel !== undefined) return fromKernel
  const head = new Int32Array(n).fill(-1)
  const next = new Int32Array(n).fill(-1)
  // Children lists in increasing order: insert from the largest.
  for (let j = n - 1; j >= 0; j--) {
    const p = parent[j]!
    if (p >= 0) {
      next[j] = head[p]!
      head[p] = j
    }
  }
  const post = new Int32Array(n)
  const stack = new Int32Array(n)
  let k = 0
  for (let root = 0; root < n; root++) {
    if (parent[root] !== -1) continue
    let top = 0
    stack[0] = root
    while (top >= 0) {
      const v = stack[top]!
      const c = head[v]!
      if (c === -1) {
        top--
        post[k++] = v
      } else {
        head[v] = next[c]!
        stack[++top] = c
      }
    }
  }
  return post
}

// Relaxed amalgamation thresholds (CHOLMOD's defaults): merge when the merged supernode has at most
// 4 columns, or ≤ 16 with < 80 % zeros, ≤ 48 with < 10 % zeros, or any size with < 5 % zeros.
const relaxed = (cols: number, zeroFraction: number): boolean =>
  cols <= 4 || (cols <= 16 && zeroFraction < 0.8) || (cols <= 48 && zeroFraction < 0.1) || zeroFraction < 0.05

/**
 * Symbolic analysis for a symmetric pattern (CSR; the diagonal may be present or not) and a fill-reducing
 * order: see {@link CholeskySymbolic}. `known`: the elimination tree and column counts of `order`, when the
 * caller has them (fillReducingAnalysis).
 * @example choleskySymbolic(s.rowPtr, s.colIdx, nestedDissectionOrder(s.rowPtr, s.colIdx, s.n)).nsuper
 */
export const choleskySymbolic = (
  rowPtr: Int32Array,
  colIdx: Int32Array,
  order: Int32Array,
  known?: { readonly parent: Int32Array; readonly count: Int32Array },
): CholeskySymbolic => {
  const n = order.length
  const inKernel = kernelSized(rowPtr, n)
  const { perm, iperm, parent, count } = postorderedTree(rowPtr, colIdx, order, known)
  const children = new Int32Array(n)
  for (let j = 0; j < n; j++) if (parent[j]! >= 0) children[parent[j]!]!++

  // Fundamental supernodes: j + 1 continues j's supernode when it is j's parent, j is its only child and
  // the structures agree.
  const fundStart: number[] = [0]
  for (let j = 1; j < n; j++) if (!(parent[j - 1] === j && count[j - 1] === count[j]! + 1 && children[j] === 1)) fundStart.push(j)
  const nf = fundStart.length
  fundStart.push(n)
  const superOf = new Int32Array(n)
  for (let s = 0; s < nf; s++) for (let j = fundStart[s]!; j < fundStart[s + 1]!; j++) superOf[j] = s
  const fParent = new Int32Array(nf)
  for (let s = 0; s < nf; s++) {
    const last = fundStart[s + 1]! - 1
    fParent[s] = parent[last]! < 0 ? -1 : superOf[parent[last]!]!
  }

  // Relaxed amalgamation, from the last supernode back: merge s into its parent's merged supernode when that
  // starts right after s (s is its last child) and few zeros are added.
  const first = Int32Array.from(fundStart.slice(0, nf))
  const ncols = new Int32Array(nf)
  const nrows = new Int32Array(nf)
  const zeros = new Float64Array(nf)
  const rep = new Int32Array(nf)
  for (let s = 0; s < nf; s++) {
    ncols[s] = fundStart[s + 1]! - fundStart[s]!
    nrows[s] = count[fundStart[s]!]!
    rep[s] = s
  }
  const find = (s: number): number => {
    let r = s
    while (rep[r] !== r) r = rep[r]!
    while (rep[s] !== r) {
      const nx = rep[s]!
      rep[s] = r
      s = nx
    }
    return r
  }
  for (let s = nf - 2; s >= 0; s--) {
    if (fParent[s]! < 0) continue
    const p = find(fParent[s]!)
    if (first[p] !== fundStart[s + 1]) continue
    const cols = ncols[p]! + ncols[s]!
    const rows = cols + (nrows[p]! - ncols[p]!)
    const entries = trapezoid(cols, rows)
    const z = entries - (trapezoid(ncols[p]!, nrows[p]!) - zeros[p]!) - (trapezoid(ncols[s]!, nrows[s]!) - zeros[s]!)
    if (!relaxed(cols, z / entries)) continue
    rep[s] = p
    first[p] = first[s]!
    ncols[p] = cols
    nrows[p] = rows
    zeros[p] = z
  }
  const starts: number[] = []
  for (let s = 0; s < nf; s++) if (find(s) === s) starts.push(first[s]!)
  starts.sort((a, b) => a - b)
  const nsuper = starts.length
  const superStart = Int32Array.from([...starts, n])
  const sOf = new Int32Array(n)
  for (let s = 0; s < nsuper; s++) for (let j = superStart[s]!; j < superStart[s + 1]!; j++) sOf[j] = s
  const superParent = new Int32Array(nsuper)
  for (let s = 0; s < nsuper; s++) {
    const last = superStart[s + 1]! - 1
    superParent[s] = parent[last]! < 0 ? -1 : sOf[parent[last]!]!
  }

  // The rows the amalgamation counted for each supernode: the row structure holds that many (it asks for no more).
  let capacity = 0
  for (let s = 0; s < nf; s++) if (find(s) === s) capacity += nrows[s]!
  const structure =
    (inKernel ? supernodeRowsInKernel(rowPtr, colIdx, perm, iperm, superStart, superParent, capacity) : undefined) ??
    supernodeRows(rowPtr, colIdx, perm, iperm, superStart, superParent)
  const valPtr = new Float64Array(nsuper + 1)
  let nnzL = 0
  let flops = 0
  for (let s = 0; s < nsuper; s++) {
    const nc = superStart[s + 1]! - superStart[s]!
    const nr = structure.rowPtr[s + 1]! - structure.rowPtr[s]!
    valPtr[s + 1] = valPtr[s]! + nr * nc
    nnzL += trapezoid(nc, nr)
    // Column t of the supernode has nr − t entries: Σ (nr − t)².
    for (let t = 0; t < nc; t++) flops += (nr - t) * (nr - t)
  }
  return { n, perm, iperm, nsuper, superStart, rowPtr: structure.rowPtr, rowIdx: structure.rowIdx, valPtr, superParent, relIdx: structure.relIdx, nnzL, flops }
}

const trapezoid = (c: number, r: number) => c * r - (c * (c - 1)) / 2

// The elimination tree of `order` (or known's), postordered so that every subtree, and so every supernode, is a
// range of pivots: the postordered order, its inverse, the relabelled tree and the column counts.
const postorderedTree = (
  rowPtr: Int32Array,
  colIdx: Int32Array,
  order: Int32Array,
  known?: { readonly parent: Int32Array; readonly count: Int32Array },
): { readonly perm: Int32Array; readonly iperm: Int32Array; readonly parent: Int32Array; readonly count: Int32Array } => {
  const n = order.length
  let iperm = new Int32Array(n)
  for (let k = 0; k < n; k++) iperm[order[k]!] = k
  const parent0 = known?.parent ?? eliminationTree(rowPtr, colIdx, order, iperm)
  const post = postorder(parent0, kernelSized(rowPtr, n))
  const perm = new Int32Array(n)
  for (let k = 0; k < n; k++) perm[k] = order[post[k]!]!
  const ipost = new Int32Array(n)
  for (let k = 0; k < n; k++) ipost[post[k]!] = k
  const parent = new Int32Array(n)
  for (let k = 0; k < n; k++) {
    const p = parent0[post[k]!]!
    parent[k] = p < 0 ? -1 : ipost[p]!
  }
  iperm = new Int32Array(n)
  for (let k = 0; k < n; k++) iperm[perm[k]!] = k
  // Postordering relabels the pivots without changing the factor's structure: column counts move with them.
  const count = known === undefined ? columnCounts(rowPtr, colIdx, perm, iperm, parent) : Int32Array.from(post, (k) => known.count[k]!)
  return { perm, iperm, parent, count }
}

// The rows of each supernode (its own pivots, then the rows below from A's columns and the children's structures,
// ascending) and the position of each row below s within its parent's row list.
const supernodeRows = (
  rowPtr: Int32Array,
  colIdx: Int32Array,
  perm: Int32Array,
  iperm: Int32Array,
  superStart: Int32Array,
  superParent: Int32Array,
): SupernodeRows => {
  const n = perm.length
  const nsuper = superParent.length
  const childHead = new Int32Array(nsuper).fill(-1)
  const childNext = new Int32Array(nsuper).fill(-1)
  for (let s = nsuper - 1; s >= 0; s--) {
    const p = superParent[s]!
    if (p >= 0) {
      childNext[s] = childHead[p]!
      childHead[p] = s
    }
  }
  const mark = new Int32Array(n).fill(-1)
  const below: Int32Array[] = new Array(nsuper)
  const tmp: number[] = []
  const rowPtrS = new Int32Array(nsuper + 1)
  for (let s = 0; s < nsuper; s++) {
    const f = superStart[s]!
    const l = superStart[s + 1]! - 1
    tmp.length = 0
    for (let j = f; j <= l; j++) {
      const old = perm[j]!
      for (let p = rowPtr[old]!; p < rowPtr[old + 1]!; p++) {
        const i = iperm[colIdx[p]!]!
        if (i > l && mark[i] !== s) {
          mark[i] = s
          tmp.push(i)
        }
      }
    }
    for (let c = childHead[s]!; c >= 0; c = childNext[c]!) {
      const bc = below[c]!
      for (let t = 0; t < bc.length; t++) {
        const i = bc[t]!
        if (i > l && mark[i] !== s) {
          mark[i] = s
          tmp.push(i)
        }
      }
    }
    const b = Int32Array.from(tmp).sort()
    below[s] = b
    rowPtrS[s + 1] = rowPtrS[s]! + (l - f + 1) + b.length
  }
  const rowIdx = new Int32Array(rowPtrS[nsuper]!)
  for (let s = 0; s < nsuper; s++) {
    const f = superStart[s]!
    const nc = superStart[s + 1]! - f
    let q = rowPtrS[s]!
    for (let j = 0; j < nc; j++) rowIdx[q++] = f + j
    rowIdx.set(below[s]!, q)
  }
  const relIdx = new Int32Array(rowIdx.length)
  const pos = new Int32Array(n)
  for (let s = 0; s < nsuper; s++) {
    const p = superParent[s]!
    if (p < 0) continue
    for (let q = rowPtrS[p]!, t = 0; q < rowPtrS[p + 1]!; q++, t++) pos[rowIdx[q]!] = t
    const nc = superStart[s + 1]! - superStart[s]!
    for (let q = rowPtrS[s]! + nc; q < rowPtrS[s + 1]!; q++) relIdx[q] = pos[rowIdx[q]!]!
  }
  return { rowPtr: rowPtrS, rowIdx, relIdx }
}

/** The children of each supernode and the update-matrix stack a multifrontal factorisation needs. */
export interface SupernodeSchedule {
  /** First child of supernode s (−1: none); childNext[c] is the next sibling, children ascending. */
  readonly childHead: Int32Array
  readonly childNext: Int32Array
  /** Rows of supernode s below its own pivots (its update matrix is below × below). */
  readonly below: (sn: number) => number
  /** The largest total of update matrices alive at once, in entries. */
  readonly stackPeak: number
}

/**
 * The children lists and the update-matrix stack size of a symbolic factorisation, shared by the Cholesky and LU
 * factorisations that run on it.
 * @example const { childHead, stackPeak } = supernodeSchedule(choleskySymbolic(rowPtr, colIdx, perm))
 */
export const supernodeSchedule = (sym: CholeskySymbolic): SupernodeSchedule => {
  const { nsuper, superParent, superStart, rowPtr } = sym
  const childHead = new Int32Array(nsuper).fill(-1)
  const childNext = new Int32Array(nsuper).fill(-1)
  for (let sn = nsuper - 1; sn >= 0; sn--) {
    const p = superParent[sn]!
    if (p >= 0) {
      childNext[sn] = childHead[p]!
      childHead[p] = sn
    }
  }
  const below = (sn: number) => rowPtr[sn + 1]! - rowPtr[sn]! - (superStart[sn + 1]! - superStart[sn]!)
  let stackPeak = 0
  let top = 0
  for (let sn = 0; sn < nsuper; sn++) {
    let children = 0
    for (let c = childHead[sn]!; c >= 0; c = childNext[c]!) children += below(c) * below(c)
    const m = below(sn)
    stackPeak = Math.max(stackPeak, top + m * m)
    top -= children
    if (superParent[sn]! >= 0) top += m * m
  }
  return { childHead, childNext, below, stackPeak }
}
