import { switchableKernels } from "../linalg/wasmModule.js"
import { residualMoranKernelHex } from "./residualMoranKernelBytes.js"

/**
 * The WebAssembly kernels of lmMoranTest and lmTests over one memory of their own (arguments are byte addresses in it): the
 * same operations in the same order as their loops, so the tests are the same to the last bit, at full speed from the
 * first call in a fresh process.
 * @internal
 */
export interface ResidualMoranKernels {
  readonly buffer: ArrayBuffer
  /** Z += ((W + Wᵀ)/2)·X (row-major n × k) over W's rows from … to − 1. */
  symmetricPart(rowPtr: number, colIdx: number, values: number, x: number, z: number, from: number, to: number, k: number): void
  /** C1 += XᵀZ and C2 += ZᵀZ (k × k, row-major) over rows from … to − 1, row by row. */
  crossProducts(x: number, z: number, from: number, to: number, k: number, c1: number, c2: number): void
  /** At res (f64): the units with links, Σ w_ij, Σ (w_ij + w_ji)² (2·w_ij² without j → i), tr(WᵀW + W²). */
  weightSums(rowPtr: number, colIdx: number, values: number, n: number, res: number): void
  /** out = W·x. */
  lag(rowPtr: number, colIdx: number, values: number, x: number, out: number, n: number): void
}

const kernels = switchableKernels<Omit<ResidualMoranKernels, "buffer">>(residualMoranKernelHex)

/**
 * Make lmMoranTest use its JavaScript loops (false) or the WebAssembly kernels again (true): tests compare the two.
 * @internal
 * @example useResidualMoranKernel(false)
 */
export const useResidualMoranKernel = kernels.use

/**
 * The kernels over a new memory of at least `bytes` zero bytes, or undefined: the caller then runs its loops.
 * @internal
 * @example const k = residualMoranKernels(1 << 20)
 */
export const residualMoranKernels = (bytes: number): ResidualMoranKernels | undefined => kernels.instance(bytes)
