import { carve, carvedBytes, switchableKernels } from "../linalg/wasmModule.js"
import { galWeightsKernelHex } from "./galWeightsKernelBytes.js"
import type { SpatialWeights } from "./SpatialWeights.js"

interface GalWeightsExports {
  scan(text: number, len: number, start: number, end: number, first: number): number
  gal(
    text: number,
    start: number,
    end: number,
    first: number,
    lines: number,
    binary: number,
    rowPtr: number,
    colIdx: number,
    values: number,
    out: number,
  ): number
}

const kernels = switchableKernels<GalWeightsExports>(galWeightsKernelHex)

/**
 * Make GAL weights come from parseGalLinks and weightsFromLinks alone (false) or from the WebAssembly kernel first
 * (true): tests compare the two.
 * @internal
 * @example useGalWeightsKernel(false)
 */
export const useGalWeightsKernel = kernels.use

/** Jiju default: longer texts are read by the JavaScript (the kernel's memory is about 16 bytes a character). */
const KERNEL_MAX_CHARACTERS = 8 << 20

/**
 * The weights of a regular GAL file (ASCII; units numbered b, b + 1, … in file order as GeoDa and spdep write them;
 * every neighbour a unit of the file, none repeated, none itself) read by the WebAssembly kernel: the same ids,
 * rows, columns, weights and symmetry as weightsFromLinks(parseGalLinks(text)). Undefined for any other text, or
 * without a kernel: the caller then reads it with those, which name what is wrong.
 * @internal
 * @example galWeightsInKernel("2\n1 1\n2\n2 1\n1\n", "W")?.values // Float64Array [1, 1]
 */
export const galWeightsInKernel = (source: string, style: "W" | "B"): SpatialWeights | undefined => {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source
  const len = text.length
  if (len > KERNEL_MAX_CHARACTERS) return undefined
  // A token and its separator take two characters at least; a unit takes two tokens.
  const tokens = (len >> 1) + 1
  const kernel = kernels.instance(carvedBytes([Math.ceil(len / 4), tokens, tokens, len + 2, tokens + 1, tokens, 3], [tokens]))
  if (kernel === undefined) return undefined
  const arena = carve(kernel.buffer)
  const bytes = new Uint8Array(kernel.buffer, arena.int32(Math.ceil(len / 4)).byteOffset, len)
  const { read, written } = new TextEncoder().encodeInto(text, bytes)
  if (read !== len || written !== len) return undefined
  const start = arena.int32(tokens).byteOffset
  const end = arena.int32(tokens).byteOffset
  const first = arena.int32(len + 2).byteOffset
  const rowPtr = arena.int32(tokens + 1)
  const colIdx = arena.int32(tokens)
  const out = arena.int32(3)
  const values = arena.float64(tokens)
  const lines = kernel.scan(bytes.byteOffset, len, start, end, first)
  if (lines < 0) return undefined
  const binary = style === "B" ? 1 : 0
  if (kernel.gal(bytes.byteOffset, start, end, first, lines, binary, rowPtr.byteOffset, colIdx.byteOffset, values.byteOffset, out.byteOffset) === 0)
    return undefined
  const n = out[0]!
  const base = out[1]!
  const nnz = rowPtr[n]!
  return {
    ids: Array.from({ length: n }, (_, k) => String(base + k)),
    rowPtr: rowPtr.slice(0, n + 1),
    colIdx: colIdx.slice(0, nnz),
    values: values.slice(0, nnz),
    style,
    symmetric: out[2] === 1,
  }
}
