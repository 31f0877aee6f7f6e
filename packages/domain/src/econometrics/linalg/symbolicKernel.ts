import { symbolicKernelHex } from "./symbolicKernelBytes.js"
import { carve, carvedBytes, switchableKernels } from "./wasmModule.js"

interface SymbolicExports {
  etree(rowPtr: number, colIdx: number, perm: number, iperm: number, n: number, parent: number, ancestor: number): void
  colcounts(rowPtr: number, colIdx: number, perm: number, iperm: number, parent: number, n: number, count: number, mark: number): void
  postorder(parent: number, n: number, head: number, next: number, post: number, stack: number): void
  rows(
    rowPtr: number,
    colIdx: number,
    perm: number,
    iperm: number,
    n: number,
    superStart: number,
    superParent: number,
    nsuper: number,
    childHead: number,
    childNext: number,
    mark: number,
    rowPtrS: number,
    rowIdx: number,
    cap: number,
  ): number
  relative(superStart: number, superParent: number, nsuper: number, rowPtrS: number, rowIdx: number, relIdx: number, pos: number): void
}

const kernels = switchableKernels<SymbolicExports>(symbolicKernelHex)

/**
 * Make the symbolic analysis use its JavaScript (false) or the WebAssembly kernels again (true): tests compare the two.
 * @internal
 * @example useSymbolicKernel(false)
 */
export const useSymbolicKernel = kernels.use

// The pattern permuted by perm in a kernel's memory, with room for `more` Int32 arrays of n after it.
const patternInKernel = (rowPtr: Int32Array, colIdx: Int32Array, perm: Int32Array, iperm: Int32Array, more: number) => {
  const n = perm.length
  const kernel = kernels.instance(carvedBytes([n + 1, rowPtr[n]!, n, n, ...Array.from({ length: more }, () => n)], []))
  if (kernel === undefined) return undefined
  const arena = carve(kernel.buffer)
  const at = [arena.int32Of(rowPtr), arena.int32Of(colIdx), arena.int32Of(perm), arena.int32Of(iperm)].map((x) => x.byteOffset) as [
    number,
    number,
    number,
    number,
  ]
  return { kernel, arena, at }
}

/**
 * eliminationTree in the kernel; undefined without one.
 * @internal
 * @example eliminationTreeInKernel(s.rowPtr, s.colIdx, perm, iperm)
 */
export const eliminationTreeInKernel = (rowPtr: Int32Array, colIdx: Int32Array, perm: Int32Array, iperm: Int32Array): Int32Array | undefined => {
  const k = patternInKernel(rowPtr, colIdx, perm, iperm, 2)
  if (k === undefined) return undefined
  const parent = k.arena.int32(perm.length)
  k.kernel.etree(...k.at, perm.length, parent.byteOffset, k.arena.int32(perm.length).byteOffset)
  return parent.slice()
}

/**
 * columnCounts in the kernel; undefined without one.
 * @internal
 * @example columnCountsInKernel(s.rowPtr, s.colIdx, perm, iperm, parent)
 */
export const columnCountsInKernel = (
  rowPtr: Int32Array,
  colIdx: Int32Array,
  perm: Int32Array,
  iperm: Int32Array,
  parent: Int32Array,
): Int32Array | undefined => {
  const k = patternInKernel(rowPtr, colIdx, perm, iperm, 3)
  if (k === undefined) return undefined
  const count = k.arena.int32(perm.length)
  k.kernel.colcounts(...k.at, k.arena.int32Of(parent).byteOffset, perm.length, count.byteOffset, k.arena.int32(perm.length).byteOffset)
  return count.slice()
}

/**
 * choleskySymbolic's postorder of a forest in the kernel; undefined without one.
 * @internal
 * @example postorderInKernel(parent)
 */
export const postorderInKernel = (parent: Int32Array): Int32Array | undefined => {
  const n = parent.length
  const kernel = kernels.instance(carvedBytes([n, n, n, n, n], []))
  if (kernel === undefined) return undefined
  const a = carve(kernel.buffer)
  const [p, head, next, post, stack] = [a.int32Of(parent), a.int32(n), a.int32(n), a.int32(n), a.int32(n)]
  kernel.postorder(p.byteOffset, n, head.byteOffset, next.byteOffset, post.byteOffset, stack.byteOffset)
  return post.slice()
}

/** The supernodes' row structure (CSR over the supernodes) and each row's position in its parent's row list. */
export interface SupernodeRows {
  readonly rowPtr: Int32Array
  readonly rowIdx: Int32Array
  readonly relIdx: Int32Array
}

/**
 * choleskySymbolic's row structure of the supernodes and the rows' positions in their parents, in the kernel;
 * undefined without one, or when the structure holds more than `cap` rows.
 * @internal
 * @example supernodeRowsInKernel(s.rowPtr, s.colIdx, perm, iperm, superStart, superParent, capacity)?.rowIdx
 */
export const supernodeRowsInKernel = (
  rowPtr: Int32Array,
  colIdx: Int32Array,
  perm: Int32Array,
  iperm: Int32Array,
  superStart: Int32Array,
  superParent: Int32Array,
  cap: number,
): SupernodeRows | undefined => {
  const n = perm.length
  const nsuper = superParent.length
  const kernel = kernels.instance(carvedBytes([n + 1, rowPtr[n]!, n, n, nsuper + 1, nsuper, nsuper, nsuper, n, nsuper + 1, cap, cap], []))
  if (kernel === undefined) return undefined
  const a = carve(kernel.buffer)
  const p = a.int32Of(rowPtr).byteOffset
  const c = a.int32Of(colIdx).byteOffset
  const pm = a.int32Of(perm).byteOffset
  const ip = a.int32Of(iperm).byteOffset
  const start = a.int32Of(superStart).byteOffset
  const parent = a.int32Of(superParent).byteOffset
  const childHead = a.int32(nsuper).byteOffset
  const childNext = a.int32(nsuper).byteOffset
  const mark = a.int32(n).byteOffset
  const rowPtrS = a.int32(nsuper + 1)
  const rowIdx = a.int32(cap)
  const relIdx = a.int32(cap)
  if (kernel.rows(p, c, pm, ip, n, start, parent, nsuper, childHead, childNext, mark, rowPtrS.byteOffset, rowIdx.byteOffset, cap) === 0) return undefined
  kernel.relative(start, parent, nsuper, rowPtrS.byteOffset, rowIdx.byteOffset, relIdx.byteOffset, mark)
  const total = rowPtrS[nsuper]!
  return { rowPtr: rowPtrS.slice(), rowIdx: rowIdx.slice(0, total), relIdx: relIdx.slice(0, total) }
}
