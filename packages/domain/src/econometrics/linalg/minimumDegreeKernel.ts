import { minimumDegreeKernelHex } from "./minimumDegreeKernelBytes.js"
import { carve, carvedBytes, switchableKernels } from "./wasmModule.js"

interface MinimumDegreeExports {
  /** The quotient graph of the pattern and the slots written by the caller. */
  init(): void
  /** At most `steps` pivots: 0 while variables are left, 1 when the order is complete, −1 when its pool ran out. */
  run(steps: number): number
}

const kernels = switchableKernels<MinimumDegreeExports>(minimumDegreeKernelHex)

/**
 * Make approximate minimum degree use its JavaScript (false) or the WebAssembly kernel again (true): tests compare
 * the two.
 * @internal
 * @example useMinimumDegreeKernel(false)
 */
export const useMinimumDegreeKernel = kernels.use

// The kernel's slots (scripts/minimumDegreeKernelWasm.mjs: SLOT, then the arrays' byte addresses from slot 16 in
// the order of BASES).
const N = 0
const POOL_CAP = 10
const DENSE = 13
const FIRST_BASE = 16
/** The order's place among the arrays (BASES: rowPtr, colIdx, kind … sorted, perm). */
const PERM = 16

/**
 * Approximate minimum degree in the WebAssembly kernel: the same order as the JavaScript, step for step; undefined
 * when there is no kernel (no WebAssembly, switched off, too large) or its list pool ran out, and the caller orders
 * with the JavaScript. `dense` is the threshold above which rows go last.
 * @internal
 * @example minimumDegreeInKernel(rowPtr, colIdx, n, 16) // Int32Array | undefined
 */
export const minimumDegreeInKernel = (
  rowPtr: Int32Array,
  colIdx: Int32Array,
  n: number,
  dense: number,
  // Room for the lists: the pattern's rows, then cliques and elements' lists that grow; a Jiju default, generous
  // for every pattern measured (when short, the JavaScript orders). Tests pass less to make the pool compact.
  poolCap = 4 * rowPtr[n]! + 16 * n + 64,
): Int32Array | undefined => {
  const nnz = rowPtr[n]!
  // rowPtr, colIdx; kind … denseNodes (17 of n, head n + 1); start and len (3n); the pool; hash (f64).
  const int32s = [n + 1, nnz, n, n, n, n, n, n + 1, n, n, n, n, n, n, n, n, n, n, n, 3 * n, 3 * n, poolCap]
  const kernel = kernels.instance(carvedBytes([64, ...int32s], [n]))
  if (kernel === undefined) return undefined
  const arena = carve(kernel.buffer)
  const slots = arena.int32(64)
  const arrays = [arena.int32Of(rowPtr), arena.int32Of(colIdx), ...int32s.slice(2).map((l) => arena.int32(l)), arena.float64(n)]
  arrays.forEach((a, s) => {
    slots[FIRST_BASE + s] = a.byteOffset
  })
  slots[N] = n
  slots[POOL_CAP] = poolCap
  slots[DENSE] = dense
  kernel.init()
  for (;;) {
    const done = kernel.run(256)
    if (done < 0) return undefined
    if (done > 0) return (arrays[PERM] as Int32Array).slice()
  }
}
