// Assembles the WebAssembly vector kernels of the Householder QR (src/econometrics/linalg/qr.ts) and writes
// src/econometrics/linalg/vectorKernelBytes.ts. Run: node packages/domain/scripts/vectorKernelWasm.mjs
// Each performs the same floating-point operations in the same order as the loop it replaces:
//   dot     s + Σ a_i·b_i in order
//   axpy    y_i ← y_i + t·x_i
//   divide  a_i ← a_i / d
import { dotKernel, F64, fn, I32, kernelModule } from "./wasmAssembler.mjs"

const axpy = fn(
  "axpy",
  [
    ["t", F64],
    ["x", I32],
    ["y", I32],
    ["length", I32],
  ],
  [["end", I32]],
  [],
  (e) => {
    const { get, set, add, fadd, fmul, loadF, storeF, whileLt, inc } = e
    return [
      set("end", add(get("y"), e.shl(get("length"), 3))),
      whileLt(get("y"), get("end"), [storeF(get("y"), fadd(loadF(get("y")), fmul(get("t"), loadF(get("x"))))), inc("x", 8), inc("y", 8)]),
    ]
  },
)

const divide = fn(
  "divide",
  [
    ["a", I32],
    ["length", I32],
    ["d", F64],
  ],
  [["end", I32]],
  [],
  (e) => {
    const { get, set, add, loadF, storeF, whileLt, inc } = e
    return [
      set("end", add(get("a"), e.shl(get("length"), 3))),
      whileLt(get("a"), get("end"), [storeF(get("a"), [...loadF(get("a")), ...get("d"), 0xa3]), inc("a", 8)]),
    ]
  },
)

/** The TypeScript module of these bytes, as this script writes it (a test compares it with the file in src). */
export const generated = kernelModule(import.meta, {
  what: "The WebAssembly vector kernels of the Householder QR",
  constName: "vectorKernelHex",
  target: "econometrics/linalg/vectorKernelBytes.ts",
  functions: [dotKernel, axpy, divide],
})
