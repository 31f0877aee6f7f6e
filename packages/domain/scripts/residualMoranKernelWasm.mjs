// Assembles the WebAssembly kernels of the residual Moran test (src/econometrics/regression/diagnostics.ts,
// lmMoranTest) and writes src/econometrics/regression/residualMoranKernelBytes.ts.
// Run: node packages/domain/scripts/residualMoranKernelWasm.mjs
// Each performs the same floating-point operations in the same order as the loop it replaces:
//   symmetricPart  Z += ((W + Wᵀ)/2)·X in one pass over W's rows from … to − 1 (X and Z row-major, n × k)
//   crossProducts  C1 += XᵀZ and C2 += ZᵀZ over rows from … to − 1, row by row
import { F64, fn, I32, kernelModuleText, moduleBytes, sleb, V128, writeWhenRun } from "./wasmAssembler.mjs"

// Rows from … to − 1 per call (the caller calls over ranges of rows, so that the engine can move a hot kernel to
// its optimising compiler between calls). Pointers advance by 8 or 16 bytes; k values per row go by pairs in
// f64x2 lanes (each lane one element, so the order of operations per element is the loops'), an odd last alone.
const symmetricPart = fn(
  "symmetricPart",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["values", I32],
    ["x", I32],
    ["z", I32],
    ["from", I32],
    ["to", I32],
    ["k", I32],
  ],
  [
    ["i", I32],
    ["p", I32],
    ["pEnd", I32],
    ["rowBytes", I32],
    ["pairBytes", I32],
    ["zi", I32],
    ["xi", I32],
    ["zj", I32],
    ["xj", I32],
    ["c", I32],
    ["half", F64],
    ["h2", V128],
  ],
  [],
  (e) => {
    const { get, set, add, mul, load32, loadF, storeF, fadd, fmul, whileLt, inc, when } = e
    const at = (base) => add(get(base), get("c"))
    return [
      set("rowBytes", e.shl(get("k"), 3)),
      set("pairBytes", [...e.shl(get("k"), 3), 0x41, ...sleb(-16), 0x71]),
      set("i", get("from")),
      whileLt(get("i"), get("to"), [
        set("zi", add(get("z"), mul(get("i"), get("rowBytes")))),
        set("xi", add(get("x"), mul(get("i"), get("rowBytes")))),
        set("p", load32(add(get("rowPtr"), e.shl(get("i"), 2)))),
        set("pEnd", load32(add(get("rowPtr"), e.shl(get("i"), 2)), 4)),
        whileLt(get("p"), get("pEnd"), [
          set("zj", add(get("z"), mul(load32(add(get("colIdx"), e.shl(get("p"), 2))), get("rowBytes")))),
          set("xj", add(get("x"), mul(load32(add(get("colIdx"), e.shl(get("p"), 2))), get("rowBytes")))),
          set("half", fmul([0x44, ...new Uint8Array(new Float64Array([0.5]).buffer)], loadF(add(get("values"), e.shl(get("p"), 3))))),
          set("h2", e.splat(get("half"))),
          set("c", e.i32(0)),
          whileLt(get("c"), get("pairBytes"), [
            e.storeV(at("zi"), e.vadd(e.loadV(at("zi")), e.vmul(get("h2"), e.loadV(at("xj"))))),
            e.storeV(at("zj"), e.vadd(e.loadV(at("zj")), e.vmul(get("h2"), e.loadV(at("xi"))))),
            inc("c", 16),
          ]),
          when(
            [...get("c"), ...get("rowBytes"), 0x48],
            storeF(at("zi"), fadd(loadF(at("zi")), fmul(get("half"), loadF(at("xj"))))),
            storeF(at("zj"), fadd(loadF(at("zj")), fmul(get("half"), loadF(at("xi"))))),
          ),
          inc("p", 1),
        ]),
        inc("i", 1),
      ]),
    ]
  },
)

// C1[a, ·] += x[i, a]·z[i, ·] and C2[a, ·] += z[i, a]·z[i, ·] for rows from … to − 1, in the loops' order.
const crossProducts = fn(
  "crossProducts",
  [
    ["x", I32],
    ["z", I32],
    ["from", I32],
    ["to", I32],
    ["k", I32],
    ["c1", I32],
    ["c2", I32],
  ],
  [
    ["i", I32],
    ["a", I32],
    ["rowBytes", I32],
    ["pairBytes", I32],
    ["xr", I32],
    ["zr", I32],
    ["p1", I32],
    ["p2", I32],
    ["b", I32],
    ["xa", F64],
    ["za", F64],
    ["xa2", V128],
    ["za2", V128],
    ["zb2", V128],
  ],
  [],
  (e) => {
    const { get, set, add, mul, loadF, storeF, fadd, fmul, whileLt, inc, when } = e
    const at = (base) => add(get(base), get("b"))
    return [
      set("rowBytes", e.shl(get("k"), 3)),
      set("pairBytes", [...e.shl(get("k"), 3), 0x41, ...sleb(-16), 0x71]),
      set("i", get("from")),
      whileLt(get("i"), get("to"), [
        set("xr", add(get("x"), mul(get("i"), get("rowBytes")))),
        set("zr", add(get("z"), mul(get("i"), get("rowBytes")))),
        set("a", e.i32(0)),
        whileLt(get("a"), get("k"), [
          set("xa", loadF(add(get("xr"), e.shl(get("a"), 3)))),
          set("za", loadF(add(get("zr"), e.shl(get("a"), 3)))),
          set("xa2", e.splat(get("xa"))),
          set("za2", e.splat(get("za"))),
          set("p1", add(get("c1"), mul(get("a"), get("rowBytes")))),
          set("p2", add(get("c2"), mul(get("a"), get("rowBytes")))),
          set("b", e.i32(0)),
          whileLt(get("b"), get("pairBytes"), [
            set("zb2", e.loadV(at("zr"))),
            e.storeV(at("p1"), e.vadd(e.loadV(at("p1")), e.vmul(get("xa2"), get("zb2")))),
            e.storeV(at("p2"), e.vadd(e.loadV(at("p2")), e.vmul(get("za2"), get("zb2")))),
            inc("b", 16),
          ]),
          when(
            [...get("b"), ...get("rowBytes"), 0x48],
            storeF(at("p1"), fadd(loadF(at("p1")), fmul(get("xa"), loadF(at("zr"))))),
            storeF(at("p2"), fadd(loadF(at("p2")), fmul(get("za"), loadF(at("zr"))))),
          ),
          inc("a", 1),
        ]),
        inc("i", 1),
      ]),
    ]
  },
)

const out = moduleBytes([symmetricPart, crossProducts])
/** The TypeScript module of these bytes, as this script writes it (a test compares it with the file in src). */
export const generated = kernelModuleText("residualMoranKernelWasm.mjs", "The WebAssembly kernels of the residual Moran test", "residualMoranKernelHex", out)
writeWhenRun(import.meta, new URL("../src/econometrics/regression/residualMoranKernelBytes.ts", import.meta.url), generated)
