import { denseKernelHex } from "./denseKernelBytes.js"
import { kernelInstance, wasmModuleOnce } from "./wasmModule.js"

/**
 * The WebAssembly SIMD kernels of the dense block update C −= A·Bᵀ, for arrays that live in an arena made by
 * {@link denseArena}: `update8`, `update4` and `update1` take A's and B's columns in blocks of 8, 4 and 1, as
 * updateNT's loops do, over any number of columns of C. They work on two rows at a time (f64x2 lanes) and give
 * every element of C the same operations in the same order as the loops, so the results are identical to the last
 * bit; where WebAssembly SIMD is missing, arenas are plain arrays and the loops run in JavaScript. About 1.4× the
 * JavaScript loops on this machine's 2,000 × 2,000 × 200 and 400 × 400 × 64 blocks.
 * Arguments: a, lda, b, ldb, c, ldc in bytes; m rows; the number of blocks of A's columns; q columns of C; full.
 * @internal
 */
export type UpdateKernel = (a: number, lda: number, b: number, ldb: number, c: number, ldc: number, m: number, blocks: number, q: number, full: number) => void

/**
 * SparseCholesky's numeric factorisation of I − ρS in the arena (see denseKernelWasm.mjs): the same operations in
 * the same order as its JavaScript. Arguments: ρ, then byte addresses of L's blocks and of the update stack, the
 * number of entries of L, n, and byte addresses of its Int32 and Float64 arrays with their counts. 1, or 0 when
 * I − ρS is not positive definite.
 * @internal
 */
export type FactorKernel = (
  rho: number,
  lx: number,
  stack: number,
  total: number,
  n: number,
  diagDst: number,
  count: number,
  aDst: number,
  aSrc: number,
  values: number,
  nsuper: number,
  superStart: number,
  rowPtr: number,
  valPtr: number,
  childHead: number,
  childNext: number,
  relIdx: number,
  runEnd: number,
  superParent: number,
) => number

/**
 * SparseCholesky's supernodal selected inversion in the arena: byte addresses of L, Σ and the buffers (stack, Y,
 * Yᵀ, Σ_RJᵀ, Σ_JJ, X, work), nsuper, then byte addresses of the Int32 arrays superStart, rowPtr, valPtr,
 * superParent, relIdx, runEnd, childHead, frontOf (all −1) and room for nsuper more.
 * @internal
 */
export type SelectedInverseKernel = (...args: number[]) => void

/** The kernels over one arena. @internal */
export interface UpdateKernels {
  readonly update8: UpdateKernel
  readonly update4: UpdateKernel
  readonly update1: UpdateKernel
  readonly factor: FactorKernel
  readonly selectedInverse: SelectedInverseKernel
}

let enabled = true
const kernels = new WeakMap<ArrayBufferLike, UpdateKernels>()

/**
 * Make new arenas plain arrays (false) or WebAssembly memory again (true): tests compare the two routes.
 * @internal
 * @example useDenseKernel(false); const lx = denseArena(n); useDenseKernel(true)
 */
export const useDenseKernel = (on: boolean): void => {
  enabled = on
}

/** Whether arrays made by {@link denseArena} now would use the WebAssembly kernel. @internal @example denseKernelAvailable() */
export const denseKernelAvailable = (): boolean => enabled && kernelModule() !== null

// Without WebAssembly, or without SIMD in it, the JavaScript loop gives the same numbers.
const kernelModule = wasmModuleOnce(denseKernelHex)

/** Arenas below this size are plain arrays: a memory of their own is not worth it. */
const SMALL = 1 << 16

/**
 * A Float64Array of `length` zeros in WebAssembly memory of its own, so that updateNT can hand blocks inside it
 * to the SIMD kernel without copying; a plain Float64Array when the kernel is unavailable or the size is out of
 * range. Every view the caller takes with subarray stays in the arena.
 * @internal
 * @example const lx = denseArena(nnzL)
 */
export const denseArena = (length: number): Float64Array => {
  const bytes = length * 8
  // Without a module, beyond the size limit or out of address space for another memory: a plain array, the same
  // numbers.
  const instance = enabled && bytes >= SMALL ? kernelInstance<UpdateKernels>(kernelModule(), bytes) : undefined
  if (instance === undefined) return new Float64Array(length)
  kernels.set(instance.buffer, instance)
  return new Float64Array(instance.buffer, 0, length)
}

/**
 * The kernels over the arena that holds all three arrays, or undefined (plain arrays, or different arenas).
 * @internal
 * @example const kernels = kernelFor(c, a, b)
 */
export const kernelFor = (c: Float64Array, a: Float64Array, b: Float64Array): UpdateKernels | undefined => {
  const buffer = c.buffer
  return a.buffer === buffer && b.buffer === buffer ? kernels.get(buffer) : undefined
}
