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

/** An elimination tree with its column counts (and, postordered, the order and its inverse). @internal */
export interface TreeCounts {
  readonly parent: Int32Array
  readonly count: Int32Array
}

/**
 * eliminationTree and columnCounts of the pattern permuted by perm, in the kernel; undefined without one.
 * @internal
 * @example treeInKernel(s.rowPtr, s.colIdx, perm, iperm)?.count
 */
export const treeInKernel = (rowPtr: Int32Array, colIdx: Int32Array, perm: Int32Array, iperm: Int32Array): TreeCounts | undefined => {
  const n = perm.length
  const kernel = kernels.instance(carvedBytes([n + 1, rowPtr[n]!, n, n, n, n, n], []))
  if (kernel === undefined) return undefined
  const a = carve(kernel.buffer)
  const at = [a.int32Of(rowPtr), a.int32Of(colIdx), a.int32Of(perm), a.int32Of(iperm)].map((x) => x.byteOffset) as [number, number, number, number]
  const parent = a.int32(n)
  const count = a.int32(n)
  const scratch = a.int32(n)
  kernel.etree(...at, n, parent.byteOffset, scratch.byteOffset)
  kernel.colcounts(...at, parent.byteOffset, n, count.byteOffset, scratch.byteOffset)
  return { parent: parent.slice(), count: count.slice() }
}

/**
 * choleskySymbolic's tree in the kernel: the elimination tree of `order` (or `known`'s), postordered, with the
 * postordered order (perm), its inverse, the relabelled tree and the column counts; undefined without a kernel.
 * @internal
 * @example postorderedTreeInKernel(s.rowPtr, s.colIdx, order)?.perm
 */
export const postorderedTreeInKernel = (
  rowPtr: Int32Array,
  colIdx: Int32Array,
  order: Int32Array,
  known?: TreeCounts,
): (TreeCounts & { readonly perm: Int32Array; readonly iperm: Int32Array }) | undefined => {
  const n = order.length
  const kernel = kernels.instance(carvedBytes([n + 1, rowPtr[n]!, n, n, n, n, n, n, n, n, n, n, n, n], []))
  if (kernel === undefined) return undefined
  const a = carve(kernel.buffer)
  const p = a.int32Of(rowPtr).byteOffset
  const c = a.int32Of(colIdx).byteOffset
  const ord = a.int32Of(order)
  const [iperm0, parent0, scratch, next, post, stack, perm, ipost, iperm, parent, count] = Array.from({ length: 11 }, () => a.int32(n)) as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ]
  for (let k = 0; k < n; k++) iperm0[ord[k]!] = k
  if (known === undefined) kernel.etree(p, c, ord.byteOffset, iperm0.byteOffset, n, parent0.byteOffset, scratch.byteOffset)
  else parent0.set(known.parent)
  kernel.postorder(parent0.byteOffset, n, scratch.byteOffset, next.byteOffset, post.byteOffset, stack.byteOffset)
  for (let k = 0; k < n; k++) perm[k] = ord[post[k]!]!
  for (let k = 0; k < n; k++) ipost[post[k]!] = k
  for (let k = 0; k < n; k++) {
    const q = parent0[post[k]!]!
    parent[k] = q < 0 ? -1 : ipost[q]!
  }
  for (let k = 0; k < n; k++) iperm[perm[k]!] = k
  if (known === undefined) kernel.colcounts(p, c, perm.byteOffset, iperm.byteOffset, parent.byteOffset, n, count.byteOffset, scratch.byteOffset)
  else for (let k = 0; k < n; k++) count[k] = known.count[post[k]!]!
  return { perm: perm.slice(), iperm: iperm.slice(), parent: parent.slice(), count: count.slice() }
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
): { readonly rowPtr: Int32Array; readonly rowIdx: Int32Array; readonly relIdx: Int32Array } | undefined => {
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
