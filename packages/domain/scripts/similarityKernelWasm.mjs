// Assembles the WebAssembly kernel of the symmetric similarity of W (src/econometrics/linalg/symmetricSimilar.ts) and
// writes src/econometrics/linalg/similarityKernelBytes.ts. Run: node packages/domain/scripts/similarityKernelWasm.mjs
// It performs the same floating-point operations in the same order as the JavaScript, so that D and S are identical
// to the last bit either way:
//   similarity  D by propagation along links (depth first, as the JavaScript's stack), then s_ij = √(w_ij·w_ji);
//               1, or 0 when W has no such similarity (the JavaScript's undefined)
import { F64, fn, I32, kernelModule, rowSearchKernel } from "./wasmAssembler.mjs"

// The position of (i, j) in a CSR pattern: binary search of row i (sorted), then a scan; −1 when absent.
const find = rowSearchKernel("find", { scan: true })

// D (d, n f64) and S's values (s, nnz f64) of W (rowPtr, colIdx, values); stack: n Int32 of scratch.
const similarity = fn(
  "similarity",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["values", I32],
    ["n", I32],
    ["d", I32],
    ["s", I32],
    ["stack", I32],
  ],
  [
    ["root", I32],
    ["top", I32],
    ["i", I32],
    ["p", I32],
    ["end", I32],
    ["j", I32],
    ["q", I32],
    ["wij", F64],
    ["wji", F64],
    ["dj", F64],
    ["dOld", F64],
  ],
  [I32],
  (e) => {
    const { get, set, i32, add, intAt, when, ifElse, f64 } = e
    const at8 = (base, index) => add(get(base), e.shl(index, 3))
    const unset = (x) => e.fne(x, x)
    return [
      set("i", i32(0)),
      e.whileLt(get("i"), get("n"), e.storeF(at8("d", get("i")), f64(Number.NaN)), e.inc("i", 1)),
      set("root", i32(0)),
      e.whileLt(get("root"), get("n"), [
        when(unset(e.loadF(at8("d", get("root")))), [
          e.storeF(at8("d", get("root")), f64(1)),
          e.store32(add(get("stack"), i32(0)), get("root")),
          set("top", i32(1)),
          e.until(e.le(get("top"), i32(0)), [
            e.inc("top", -1),
            set("i", intAt("stack", get("top"))),
            set("p", intAt("rowPtr", get("i"))),
            set("end", intAt("rowPtr", get("i"), 4)),
            e.whileLt(get("p"), get("end"), [
              set("j", intAt("colIdx", get("p"))),
              set("q", e.call(0, get("rowPtr"), get("colIdx"), get("j"), get("i"))),
              when(e.lt(get("q"), i32(0)), e.ret(i32(0))),
              set("wij", e.loadF(at8("values", get("p")))),
              set("wji", e.loadF(at8("values", get("q")))),
              // Both zero: the link says nothing (the JavaScript's continue).
              when(e.eqz(e.and(e.feq(get("wij"), e.f64zero), e.feq(get("wji"), e.f64zero))), [
                when(e.or(e.fle(get("wij"), e.f64zero), e.fle(get("wji"), e.f64zero)), e.ret(i32(0))),
                set("dj", e.fdiv(e.fmul(e.loadF(at8("d", get("i"))), get("wij")), get("wji"))),
                set("dOld", e.loadF(at8("d", get("j")))),
                ifElse(
                  unset(get("dOld")),
                  [e.storeF(at8("d", get("j")), get("dj")), e.store32(add(get("stack"), e.shl(get("top"), 2)), get("j")), e.inc("top", 1)],
                  [when(e.fgt(e.fabs(e.fsub(get("dOld"), get("dj"))), e.fmul(f64(1e-10), e.fabs(get("dj")))), e.ret(i32(0)))],
                ),
              ]),
              e.inc("p", 1),
            ]),
          ]),
        ]),
        e.inc("root", 1),
      ]),
      set("i", i32(0)),
      e.whileLt(get("i"), get("n"), [
        set("p", intAt("rowPtr", get("i"))),
        set("end", intAt("rowPtr", get("i"), 4)),
        e.whileLt(get("p"), get("end"), [
          set("q", e.call(0, get("rowPtr"), get("colIdx"), intAt("colIdx", get("p")), get("i"))),
          e.storeF(at8("s", get("p")), e.fsqrt(e.fmul(e.loadF(at8("values", get("p"))), e.loadF(at8("values", get("q")))))),
          e.inc("p", 1),
        ]),
        e.inc("i", 1),
      ]),
      i32(1),
    ]
  },
)

/** The TypeScript module of these bytes, as this script writes it (a test compares it with the file in src). */
export const generated = kernelModule(import.meta, {
  what: "The WebAssembly kernel of the symmetric similarity of W",
  constName: "similarityKernelHex",
  target: "econometrics/linalg/similarityKernelBytes.ts",
  functions: [find, similarity],
})
