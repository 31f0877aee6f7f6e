import { switchableKernels } from "../linalg/wasmModule.js"
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
  /**
   * tr W, tr W², tr W³ of W (rowPtr, colIdx, values) with Wᵀ (tPtr, tIdx, tVal): the terms of rows from … to − 1
   * added to the sums at res, res + 8, res + 16.
   */
  traces(
    rowPtr: number,
    colIdx: number,
    values: number,
    tPtr: number,
    tIdx: number,
    tVal: number,
    acc: number,
    colI: number,
    from: number,
    to: number,
    res: number,
  ): void
  /** out = W·x for `probes` vectors stored unit by unit. */
  spmm(rowPtr: number, colIdx: number, values: number, x: number, out: number, n: number, probes: number): void
  /** s + Σ a_i·b_i over `length` elements, in order. */
  dot(s: number, a: number, b: number, length: number): number
  /** The transpose of (rowPtr, colIdx, values) into (tPtr, tIdx, tVal) by counting (tPtr zero; tVal skipped when values is 0). */
  transpose(rowPtr: number, colIdx: number, values: number, n: number, tPtr: number, tIdx: number, tVal: number, next: number): void
  /** logDetSeries's breadth-first numbering over W + Wᵀ and W renumbered into (ptr, idx, val). */
  renumber(
    rowPtr: number,
    colIdx: number,
    values: number,
    n: number,
    tPtr: number,
    tIdx: number,
    order: number,
    newOf: number,
    ptr: number,
    idx: number,
    val: number,
  ): void
  /**
   * The connected components of W + Wᵀ among units with a row, and how many of them are bipartite: written at res
   * and res + 4 (colour and queue: n zero Int32 each).
   */
  components(rowPtr: number, colIdx: number, tPtr: number, tIdx: number, n: number, colour: number, queue: number, res: number): void
  /** logDetSeries's `count` Rademacher probes from seededRandom(seed), as f64 at z. */
  probes(seed: number, z: number, count: number): void
}

const kernels = switchableKernels<Omit<SeriesKernels, "buffer">>(seriesKernelHex)

/**
 * Make logDetSeries use its JavaScript loops (false) or the WebAssembly kernels again (true): tests compare the two.
 * @internal
 * @example useSeriesKernel(false)
 */
export const useSeriesKernel = kernels.use

/**
 * The kernels over a new memory of at least `bytes` zero bytes, or undefined (no WebAssembly or SIMD, switched
 * off, or too large): the caller then runs its loops on plain arrays.
 * @internal
 * @example const k = seriesKernels(1 << 20)
 */
export const seriesKernels = (bytes: number): SeriesKernels | undefined => kernels.instance(bytes)
