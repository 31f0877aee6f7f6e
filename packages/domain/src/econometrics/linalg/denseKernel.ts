import { denseKernelHex } from "./denseKernelBytes.js"

/**
 * The WebAssembly SIMD kernel of the dense block update C −= A·Bᵀ, for arrays that live in an arena made by
 * {@link denseArena}. It works on two rows at a time (f64x2 lanes) and gives every element of C the same
 * operations in the same order as the 8×8 loop of updateNT, so its results are identical to the last bit;
 * where WebAssembly SIMD is missing, arenas are plain arrays and updateNT runs in JavaScript. About 1.4×
 * the JavaScript loop on this machine's 2,000 × 2,000 × 200 and 400 × 400 × 64 blocks.
 * @internal
 */
export type UpdateKernel = (
  a: number,
  lda: number,
  b: number,
  ldb: number,
  c: number,
  ldc: number,
  m: number,
  blocksOfK: number,
  blocksOfQ: number,
  full: number,
) => void

// The few WebAssembly calls made here, typed locally: the core is typechecked without the DOM library, and an
// engine may have no WebAssembly at all.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> }
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer }
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly

let compiled: object | null | undefined
let enabled = true
const kernels = new WeakMap<ArrayBufferLike, UpdateKernel>()

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

const kernelModule = (): object | null => {
  if (compiled === undefined) {
    try {
      const bytes = new Uint8Array(denseKernelHex.length / 2)
      for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(denseKernelHex.slice(2 * i, 2 * i + 2), 16)
      compiled = wasm === undefined ? null : new wasm.Module(bytes)
    } catch {
      // No WebAssembly, or no SIMD in it: the JavaScript loop gives the same numbers.
      compiled = null
    }
  }
  return compiled
}

/** Arenas below this size are plain arrays: a memory of their own is not worth it. */
const SMALL = 1 << 16
/** wasm32 memories end at 4 GiB; stay well inside what every engine grants. */
const LARGE = 2 ** 31 - 2 ** 16

/**
 * A Float64Array of `length` zeros in WebAssembly memory of its own, so that updateNT can hand blocks inside it
 * to the SIMD kernel without copying; a plain Float64Array when the kernel is unavailable or the size is out of
 * range. Every view the caller takes with subarray stays in the arena.
 * @internal
 * @example const lx = denseArena(nnzL)
 */
export const denseArena = (length: number): Float64Array => {
  const bytes = length * 8
  const module = enabled && bytes >= SMALL && bytes <= LARGE ? kernelModule() : null
  if (module !== null && wasm !== undefined) {
    try {
      const memory = new wasm.Memory({ initial: Math.ceil(bytes / 65536) })
      const instance = new wasm.Instance(module, { env: { memory } })
      kernels.set(memory.buffer, instance.exports.update as UpdateKernel)
      return new Float64Array(memory.buffer, 0, length)
    } catch {
      // Out of address space for another memory: a plain array, the same numbers.
    }
  }
  return new Float64Array(length)
}

/**
 * The kernel over the arena that holds all three arrays, or undefined (plain arrays, or different arenas).
 * @internal
 * @example const kernel = kernelFor(c, a, b)
 */
export const kernelFor = (c: Float64Array, a: Float64Array, b: Float64Array): UpdateKernel | undefined => {
  const buffer = c.buffer
  return a.buffer === buffer && b.buffer === buffer ? kernels.get(buffer) : undefined
}
