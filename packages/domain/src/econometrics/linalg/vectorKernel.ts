import { vectorKernelHex } from "./vectorKernelBytes.js"
import { switchableKernels } from "./wasmModule.js"

/**
 * The WebAssembly vector kernels of the Householder QR over one memory of their own (arguments are byte
 * addresses in it). Each performs the same operations in the same order as the loop it replaces, so a QR is the
 * same to the last bit; in a fresh process they run at full speed from the first call, where the loops over
 * tens of thousands of rows would wait for the optimising compiler.
 * @internal
 */
export interface VectorKernels {
  readonly buffer: ArrayBuffer
  /** s + Σ a_i·b_i over `length` elements, in order. */
  dot(s: number, a: number, b: number, length: number): number
  /** y_i ← y_i + t·x_i. */
  axpy(t: number, x: number, y: number, length: number): void
  /** a_i ← a_i / d. */
  divide(a: number, length: number, d: number): void
}

const kernels = switchableKernels<Omit<VectorKernels, "buffer">>(vectorKernelHex)

/**
 * Make QR factorisations use their JavaScript loops (false) or the WebAssembly kernels again (true): tests compare
 * the two.
 * @internal
 * @example useVectorKernel(false)
 */
export const useVectorKernel = kernels.use

/**
 * The kernels over a new memory of at least `bytes` zero bytes, or undefined: the caller then runs its loops.
 * @internal
 * @example const k = vectorKernels(8 * n)
 */
export const vectorKernels = (bytes: number): VectorKernels | undefined => kernels.instance(bytes)
