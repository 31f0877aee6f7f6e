import { similarityKernelHex } from "./similarityKernelBytes.js"
import { carve, carvedBytes, switchableKernels } from "./wasmModule.js"

interface SimilarityExports {
  similarity(rowPtr: number, colIdx: number, values: number, n: number, d: number, s: number, stack: number): number
}

const kernels = switchableKernels<SimilarityExports>(similarityKernelHex)

/**
 * Make symmetricSimilarity use its JavaScript (false) or the WebAssembly kernel again (true): tests compare the two.
 * @internal
 * @example useSimilarityKernel(false)
 */
export const useSimilarityKernel = kernels.use

/**
 * symmetricSimilarity's D and S in the WebAssembly kernel, the same to the last bit: null when W has no symmetric
 * similarity, undefined when there is no kernel (the caller then runs its loops).
 * @internal
 * @example similarityInKernel(w.rowPtr, w.colIdx, w.values) // { scale, values } | null | undefined
 */
export const similarityInKernel = (
  rowPtr: Int32Array,
  colIdx: Int32Array,
  values: Float64Array,
): { readonly scale: Float64Array; readonly values: Float64Array } | null | undefined => {
  const n = rowPtr.length - 1
  const nnz = rowPtr[n]!
  const kernel = kernels.instance(carvedBytes([n + 1, nnz, n], [nnz, n, nnz]))
  if (kernel === undefined) return undefined
  const arena = carve(kernel.buffer)
  const p = arena.int32Of(rowPtr)
  const c = arena.int32Of(colIdx)
  const stack = arena.int32(n)
  const v = arena.float64Of(values)
  const d = arena.float64(n)
  const s = arena.float64(nnz)
  if (kernel.similarity(p.byteOffset, c.byteOffset, v.byteOffset, n, d.byteOffset, s.byteOffset, stack.byteOffset) === 0) return null
  return { scale: d.slice(), values: s.slice() }
}
