import { WASM_MEMORY_LIMIT, wasmApi, wasmModuleOnce } from "../linalg/wasmModule.js"
import { seriesKernelHex } from "./seriesKernelBytes.js"

/**
 * The WebAssembly kernels of logDetSeries over one memory of their own (arguments are byte addresses in it). Each
 * performs the same operations in the same order as the JavaScript loop it replaces, so the series is the same
 * to the last bit; in a fresh process they run at full speed from the first call, where the loops would wait for
 * the optimising compiler (and box every intermediate double until then).
 * @internal
 */
export interface SeriesKernels {
  readonly buffer: ArrayBuffer
  /** tr W, tr W², tr W³ of W (rowPtr, colIdx, values) with Wᵀ (tPtr, tIdx, tVal), stored at res, res + 8, res + 16. */
  traces(rowPtr: number, colIdx: number, values: number, tPtr: number, tIdx: number, tVal: number, acc: number, colI: number, n: number, res: number): void
  /** out = W·x for `probes` vectors stored unit by unit. */
  spmm(rowPtr: number, colIdx: number, values: number, x: number, out: number, n: number, probes: number): void
  /** Σ a_i·b_i over `length` elements, in order. */
  dot(a: number, b: number, length: number): number
}

let enabled = true
const kernelModule = wasmModuleOnce(seriesKernelHex)

/**
 * Make logDetSeries use its JavaScript loops (false) or the WebAssembly kernels again (true): tests compare the two.
 * @internal
 * @example useSeriesKernel(false)
 */
export const useSeriesKernel = (on: boolean): void => {
  enabled = on
}

/**
 * The kernels over a new memory of at least `bytes` zero bytes, or undefined (no WebAssembly or SIMD, switched
 * off, or too large): the caller then runs its loops on plain arrays.
 * @internal
 * @example const k = seriesKernels(1 << 20)
 */
export const seriesKernels = (bytes: number): SeriesKernels | undefined => {
  const module = enabled && bytes <= WASM_MEMORY_LIMIT ? kernelModule() : null
  if (module === null || wasmApi === undefined) return undefined
  try {
    const memory = new wasmApi.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) })
    const { traces, spmm, dot } = new wasmApi.Instance(module, { env: { memory } }).exports as unknown as Omit<SeriesKernels, "buffer">
    return { buffer: memory.buffer, traces, spmm, dot }
  } catch {
    // Out of address space for another memory: the loops give the same numbers.
    return undefined
  }
}

/**
 * Typed arrays laid out one after another in `buffer` (8-byte aligned), or plain arrays when there is none.
 * @internal
 * @example const a = carve(k?.buffer); const rowPtr = a.int32(n + 1)
 */
export const carve = (buffer: ArrayBuffer | undefined) => {
  let offset = 0
  const take = (bytes: number) => {
    const at = offset
    offset += Math.ceil(bytes / 8) * 8
    return at
  }
  return {
    int32: (length: number): Int32Array => (buffer === undefined ? new Int32Array(length) : new Int32Array(buffer, take(length * 4), length)),
    float64: (length: number): Float64Array => (buffer === undefined ? new Float64Array(length) : new Float64Array(buffer, take(length * 8), length)),
  }
}

/** The bytes carve takes for these lengths of 4- and 8-byte arrays. @internal @example carvedBytes([n + 1], [n]) */
export const carvedBytes = (int32s: ReadonlyArray<number>, float64s: ReadonlyArray<number>): number =>
  int32s.reduce((s, l) => s + Math.ceil((l * 4) / 8) * 8, 0) + float64s.reduce((s, l) => s + l * 8, 0)
