// Assembles the WebAssembly kernels of the residual diagnostics (src/econometrics/regression/diagnostics.ts,
// lmMoranTest and lmTests) and writes src/econometrics/regression/residualMoranKernelBytes.ts.
// Run: node packages/domain/scripts/residualMoranKernelWasm.mjs
// Each performs the same floating-point operations in the same order as the loop it replaces:
//   symmetricPart  Z += ((W + Wᵀ)/2)·X in one pass over W's rows from … to − 1 (X and Z row-major, n × k)
//   crossProducts  C1 += XᵀZ and C2 += ZᵀZ over rows from … to − 1, row by row
//   weightSums     N, S0, S1 (lmMoranTest) and T = tr(WᵀW + W²) (traceWtWplusWW, lmTests) in one pass over W
//   lag            W·x (spatialLag)
import { F64, fn, I32, kernelModule, rowSearchKernel, sleb, V128 } from "./wasmAssembler.mjs"

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

// The position of the link (i, j) in W's sorted row i, or −1 (findLink).
const findLink = rowSearchKernel("findLink")

// The sums over W the residual diagnostics need, each in W's row order as its loop: at res (f64) the units with
// links N, S0 = Σ w_ij, S1 before its halving = Σ (w_ij + w_ji)² (2·w_ij² when j → i is absent), and
// T = tr(WᵀW + W²) = Σ w_ij² + Σ w_ij·w_ji.
const weightSums = fn(
  "weightSums",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["values", I32],
    ["n", I32],
    ["res", I32],
  ],
  [
    ["i", I32],
    ["p", I32],
    ["end", I32],
    ["q", I32],
    ["v", F64],
    ["t", F64],
    ["units", F64],
    ["s0", F64],
    ["s1", F64],
    ["trace", F64],
  ],
  [],
  (e) => {
    const { get, set, i32, add, fadd, fmul, when, ifElse } = e
    const val = (p) => e.loadF(add(get("values"), e.shl(p, 3)))
    return [
      set("i", i32(0)),
      e.whileLt(get("i"), get("n"), [
        set("p", e.intAt("rowPtr", get("i"))),
        set("end", e.intAt("rowPtr", get("i"), 4)),
        when(e.gt(get("end"), get("p")), set("units", fadd(get("units"), e.f64(1)))),
        e.whileLt(get("p"), get("end"), [
          set("v", val(get("p"))),
          set("s0", fadd(get("s0"), get("v"))),
          set("q", e.call(2, get("rowPtr"), get("colIdx"), e.intAt("colIdx", get("p")), get("i"))),
          set("trace", fadd(get("trace"), fmul(get("v"), get("v")))),
          ifElse(
            e.ge(get("q"), i32(0)),
            [
              set("t", fadd(get("v"), val(get("q")))),
              set("s1", fadd(get("s1"), fmul(get("t"), get("t")))),
              set("trace", fadd(get("trace"), fmul(get("v"), val(get("q"))))),
            ],
            [set("s1", fadd(get("s1"), fmul(fmul(e.f64(2), get("v")), get("v"))))],
          ),
          e.inc("p", 1),
        ]),
        e.inc("i", 1),
      ]),
      e.storeF(get("res"), get("units")),
      e.storeF(add(get("res"), i32(8)), get("s0")),
      e.storeF(add(get("res"), i32(16)), get("s1")),
      e.storeF(add(get("res"), i32(24)), get("trace")),
    ]
  },
)

// out = W·x, each row's sum from 0 in W's order (spatialLag).
const lag = fn(
  "lag",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["values", I32],
    ["x", I32],
    ["out", I32],
    ["n", I32],
  ],
  [
    ["i", I32],
    ["p", I32],
    ["end", I32],
    ["s", F64],
  ],
  [],
  (e) => {
    const { get, set, i32, add, fadd, fmul } = e
    return [
      set("i", i32(0)),
      e.whileLt(get("i"), get("n"), [
        set("s", e.f64zero),
        set("p", e.intAt("rowPtr", get("i"))),
        set("end", e.intAt("rowPtr", get("i"), 4)),
        e.whileLt(get("p"), get("end"), [
          set("s", fadd(get("s"), fmul(e.loadF(add(get("values"), e.shl(get("p"), 3))), e.loadF(add(get("x"), e.shl(e.intAt("colIdx", get("p")), 3)))))),
          e.inc("p", 1),
        ]),
        e.storeF(add(get("out"), e.shl(get("i"), 3)), get("s")),
        e.inc("i", 1),
      ]),
    ]
  },
)

// Calls name functions by index: findLink is 2.
/** The TypeScript module of these bytes, as this script writes it (a test compares it with the file in src). */
export const generated = kernelModule(import.meta, {
  what: "The WebAssembly kernels of the residual Moran test",
  constName: "residualMoranKernelHex",
  target: "econometrics/regression/residualMoranKernelBytes.ts",
  functions: [symmetricPart, crossProducts, findLink, weightSums, lag],
})
