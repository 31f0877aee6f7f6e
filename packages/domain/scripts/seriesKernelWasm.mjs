// Assembles the WebAssembly kernels of the log-determinant series (src/econometrics/spatial/logDetSeries.ts) and
// writes src/econometrics/spatial/seriesKernelBytes.ts. Run: node packages/domain/scripts/seriesKernelWasm.mjs
// Each kernel performs the same floating-point operations in the same order as the JavaScript loop it replaces,
// so that the series is identical to the last bit either way:
//   traces  tr W, tr W², tr W³ (logDetSeries's exact traces; sums kept at `res`, res + 8, res + 16)
//   spmm    out = W·x for `probes` vectors stored row by row (f64x2 lanes: each lane is one probe's sum)
//   dot     s + Σ a_i·b_i in order
//   transpose, renumber  Wᵀ by counting, and W renumbered breadth-first (integer work and copies only)
import { dotKernel, F64, fn, I32, kernelModule, sleb, V128 } from "./wasmAssembler.mjs"

// Addresses of 4-byte and 8-byte elements: base + index·4, base + index·8.
const at4 = (e, base, index) => e.add(e.get(base), e.shl(index, 2))
const at8 = (e, base, index) => e.add(e.get(base), e.shl(index, 3))

// tr W, tr W², tr W³ as logDetSeries's loop: row i of W² scattered into acc, dotted with column i of W (colI),
// for rows from … to − 1, adding to the sums at res (the caller calls over ranges of rows, so that the engine can
// move the kernel to its optimising compiler between calls). (rowPtr, colIdx, values) is W, (tPtr, tIdx, tVal)
// is Wᵀ; acc and colI hold zeros and are left so.
const traces = fn(
  "traces",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["values", I32],
    ["tPtr", I32],
    ["tIdx", I32],
    ["tVal", I32],
    ["acc", I32],
    ["colI", I32],
    ["from", I32],
    ["to", I32],
    ["res", I32],
  ],
  [
    ["i", I32],
    ["p", I32],
    ["pEnd", I32],
    ["q", I32],
    ["qEnd", I32],
    ["j", I32],
    ["r", I32],
    ["rEnd", I32],
    ["k", I32],
    ["wij", F64],
    ["t1", F64],
    ["t2", F64],
    ["t3", F64],
  ],
  [],
  (e) => {
    const { get, set, i32, load32, loadF, storeF, fadd, fmul, whileLt, inc, when } = e
    const columnToColI = (value) => [
      set("q", load32(at4(e, "tPtr", get("i")))),
      set("qEnd", load32(at4(e, "tPtr", get("i")), 4)),
      whileLt(get("q"), get("qEnd"), storeF(at8(e, "colI", load32(at4(e, "tIdx", get("q")))), value), inc("q", 1)),
    ]
    const rowOf = (v, from, to) => [set(from, load32(at4(e, "rowPtr", get(v)))), set(to, load32(at4(e, "rowPtr", get(v)), 4))]
    return [
      set("t1", loadF(get("res"))),
      set("t2", loadF(e.add(get("res"), i32(8)))),
      set("t3", loadF(e.add(get("res"), i32(16)))),
      set("i", get("from")),
      whileLt(get("i"), get("to"), [
        columnToColI(loadF(at8(e, "tVal", get("q")))),
        rowOf("i", "p", "pEnd"),
        whileLt(get("p"), get("pEnd"), [
          set("j", load32(at4(e, "colIdx", get("p")))),
          set("wij", loadF(at8(e, "values", get("p")))),
          when(e.eq(get("j"), get("i")), set("t1", fadd(get("t1"), get("wij")))),
          set("t2", fadd(get("t2"), fmul(get("wij"), loadF(at8(e, "colI", get("j")))))),
          rowOf("j", "r", "rEnd"),
          whileLt(get("r"), get("rEnd"), [
            set("k", load32(at4(e, "colIdx", get("r")))),
            storeF(at8(e, "acc", get("k")), fadd(loadF(at8(e, "acc", get("k"))), fmul(get("wij"), loadF(at8(e, "values", get("r")))))),
            inc("r", 1),
          ]),
          inc("p", 1),
        ]),
        rowOf("i", "p", "pEnd"),
        whileLt(get("p"), get("pEnd"), [
          set("j", load32(at4(e, "colIdx", get("p")))),
          rowOf("j", "r", "rEnd"),
          whileLt(get("r"), get("rEnd"), [
            set("k", load32(at4(e, "colIdx", get("r")))),
            when(e.fne(loadF(at8(e, "acc", get("k"))), e.f64zero), [
              set("t3", fadd(get("t3"), fmul(loadF(at8(e, "acc", get("k"))), loadF(at8(e, "colI", get("k")))))),
              storeF(at8(e, "acc", get("k")), e.f64zero),
            ]),
            inc("r", 1),
          ]),
          inc("p", 1),
        ]),
        columnToColI(e.f64zero),
        inc("i", 1),
      ]),
      storeF(get("res"), get("t1")),
      storeF(e.add(get("res"), i32(8)), get("t2")),
      storeF(e.add(get("res"), i32(16)), get("t3")),
    ]
  },
)

// out = W·x, `probes` values per unit stored together: each row of out is zeroed, then receives v·x_j for its
// entries in order, two probes per f64x2 lane and an odd last one alone.
const spmm = fn(
  "spmm",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["values", I32],
    ["x", I32],
    ["out", I32],
    ["n", I32],
    ["probes", I32],
  ],
  [
    ["i", I32],
    ["p", I32],
    ["pEnd", I32],
    ["o", I32],
    ["xr", I32],
    ["c", I32],
    ["pairs", I32],
    ["bytes", I32],
    ["v", F64],
    ["vv", V128],
  ],
  [],
  (e) => {
    const { get, set, i32, add, mul, load32, loadF, storeF, fadd, fmul, whileLt, inc, when } = e
    return [
      set("bytes", e.shl(get("probes"), 3)),
      // Bytes covered by whole pairs of probes.
      set("pairs", [...e.shl(get("probes"), 3), 0x41, ...sleb(-16), 0x71]),
      set("i", i32(0)),
      whileLt(get("i"), get("n"), [
        set("o", add(get("out"), mul(get("i"), get("bytes")))),
        set("c", i32(0)),
        whileLt(get("c"), get("bytes"), storeF(add(get("o"), get("c")), e.f64zero), inc("c", 8)),
        set("p", load32(at4(e, "rowPtr", get("i")))),
        set("pEnd", load32(at4(e, "rowPtr", get("i")), 4)),
        whileLt(get("p"), get("pEnd"), [
          set("v", loadF(at8(e, "values", get("p")))),
          set("vv", e.splat(get("v"))),
          set("xr", add(get("x"), mul(load32(at4(e, "colIdx", get("p"))), get("bytes")))),
          set("c", i32(0)),
          whileLt(get("c"), get("pairs"), [
            e.storeV(add(get("o"), get("c")), e.vadd(e.loadV(add(get("o"), get("c"))), e.vmul(get("vv"), e.loadV(add(get("xr"), get("c")))))),
            inc("c", 16),
          ]),
          when(
            [...get("c"), ...get("bytes"), 0x48],
            storeF(add(get("o"), get("c")), fadd(loadF(add(get("o"), get("c"))), fmul(get("v"), loadF(add(get("xr"), get("c")))))),
          ),
          inc("p", 1),
        ]),
        inc("i", 1),
      ]),
    ]
  },
)

// The transpose of a CSR matrix by counting (tPtr zero on entry; next: n scratch); tVal only when values ≠ 0.
const transpose = fn(
  "transpose",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["values", I32],
    ["n", I32],
    ["tPtr", I32],
    ["tIdx", I32],
    ["tVal", I32],
    ["next", I32],
  ],
  [
    ["i", I32],
    ["p", I32],
    ["pEnd", I32],
    ["j", I32],
    ["q", I32],
  ],
  [],
  (e) => {
    const { get, set, add, i32, store32, whileLt, inc, when } = e
    const int = e.intAt
    return [
      set("p", i32(0)),
      set("pEnd", int("rowPtr", get("n"))),
      whileLt(get("p"), get("pEnd"), [
        set("j", int("colIdx", get("p"))),
        store32(add(at4(e, "tPtr", get("j")), i32(4)), add(int("tPtr", get("j"), 4), i32(1))),
        inc("p", 1),
      ]),
      set("i", i32(0)),
      whileLt(get("i"), get("n"), [store32(add(at4(e, "tPtr", get("i")), i32(4)), add(int("tPtr", get("i"), 4), int("tPtr", get("i")))), inc("i", 1)]),
      set("i", i32(0)),
      whileLt(get("i"), get("n"), [store32(at4(e, "next", get("i")), int("tPtr", get("i"))), inc("i", 1)]),
      set("i", i32(0)),
      whileLt(get("i"), get("n"), [
        set("p", int("rowPtr", get("i"))),
        set("pEnd", int("rowPtr", get("i"), 4)),
        whileLt(get("p"), get("pEnd"), [
          set("j", int("colIdx", get("p"))),
          set("q", int("next", get("j"))),
          store32(at4(e, "next", get("j")), add(get("q"), i32(1))),
          store32(at4(e, "tIdx", get("q")), get("i")),
          when([...get("values"), 0x45, 0x45], e.storeF(at8(e, "tVal", get("q")), e.loadF(at8(e, "values", get("p"))))),
          inc("p", 1),
        ]),
        inc("i", 1),
      ]),
    ]
  },
)

// logDetSeries's breadth-first numbering over the graph of W + Wᵀ (tPtr, tIdx: Wᵀ's pattern) and W renumbered into
// (ptr, idx, val); ptr[0] is zero on entry.
const renumber = fn(
  "renumber",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["values", I32],
    ["n", I32],
    ["tPtr", I32],
    ["tIdx", I32],
    ["order", I32],
    ["newOf", I32],
    ["ptr", I32],
    ["idx", I32],
    ["val", I32],
  ],
  [
    ["i", I32],
    ["s", I32],
    ["tail", I32],
    ["head", I32],
    ["v", I32],
    ["u", I32],
    ["p", I32],
    ["pEnd", I32],
    ["k", I32],
    ["old", I32],
    ["q", I32],
  ],
  [],
  (e) => {
    const { get, set, add, i32, store32, whileLt, inc, when } = e
    const int = e.intAt
    const visit = [
      when(e.eq(int("newOf", get("u")), i32(-1)), [
        store32(at4(e, "newOf", get("u")), get("tail")),
        store32(at4(e, "order", get("tail")), get("u")),
        inc("tail", 1),
      ]),
    ]
    return [
      set("i", i32(0)),
      whileLt(get("i"), get("n"), [store32(at4(e, "newOf", get("i")), i32(-1)), inc("i", 1)]),
      set("s", i32(0)),
      whileLt(get("s"), get("n"), [
        when(e.eq(int("newOf", get("s")), i32(-1)), [
          store32(at4(e, "newOf", get("s")), get("tail")),
          store32(at4(e, "order", get("tail")), get("s")),
          inc("tail", 1),
          set("head", e.sub(get("tail"), i32(1))),
          whileLt(get("head"), get("tail"), [
            set("v", int("order", get("head"))),
            set("p", int("rowPtr", get("v"))),
            set("pEnd", int("rowPtr", get("v"), 4)),
            whileLt(get("p"), get("pEnd"), [set("u", int("colIdx", get("p"))), visit, inc("p", 1)]),
            set("p", int("tPtr", get("v"))),
            set("pEnd", int("tPtr", get("v"), 4)),
            whileLt(get("p"), get("pEnd"), [set("u", int("tIdx", get("p"))), visit, inc("p", 1)]),
            inc("head", 1),
          ]),
        ]),
        inc("s", 1),
      ]),
      set("k", i32(0)),
      whileLt(get("k"), get("n"), [
        set("old", int("order", get("k"))),
        set("q", int("ptr", get("k"))),
        set("p", int("rowPtr", get("old"))),
        set("pEnd", int("rowPtr", get("old"), 4)),
        whileLt(get("p"), get("pEnd"), [
          store32(at4(e, "idx", get("q")), int("newOf", int("colIdx", get("p")))),
          e.storeF(at8(e, "val", get("q")), e.loadF(at8(e, "values", get("p")))),
          inc("q", 1),
          inc("p", 1),
        ]),
        store32(add(at4(e, "ptr", get("k")), i32(4)), get("q")),
        inc("k", 1),
      ]),
    ]
  },
)

// The unit (and −1) eigenvalues of row-standardised W: its connected components over W + Wᵀ (tPtr, tIdx) by
// breadth-first search from each unit not yet coloured, two-colouring as it goes. The number of components is
// written at res, the number of bipartite ones at res + 4. colour and queue: n Int32 each, colour zero on entry.
const components = fn(
  "components",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["tPtr", I32],
    ["tIdx", I32],
    ["n", I32],
    ["colour", I32],
    ["queue", I32],
    ["res", I32],
  ],
  [
    ["s", I32],
    ["head", I32],
    ["tail", I32],
    ["v", I32],
    ["u", I32],
    ["p", I32],
    ["end", I32],
    ["cv", I32],
    ["bipartite", I32],
    ["ones", I32],
    ["minusOnes", I32],
  ],
  [],
  (e) => {
    const { get, set, i32, add, sub, store32, whileLt, inc, when, ifElse } = e
    const int = e.intAt
    // The JavaScript's `colour[u] = −colour[v]` and its test for an odd cycle.
    const visit = [
      ifElse(
        e.eqz(int("colour", get("u"))),
        [store32(at4(e, "colour", get("u")), sub(i32(0), get("cv"))), store32(at4(e, "queue", get("tail")), get("u")), inc("tail", 1)],
        [when(e.eq(int("colour", get("u")), get("cv")), set("bipartite", i32(0)))],
      ),
    ]
    return [
      set("s", i32(0)),
      whileLt(get("s"), get("n"), [
        when(e.and(e.eqz(int("colour", get("s"))), e.ne(int("rowPtr", get("s"), 4), int("rowPtr", get("s")))), [
          store32(at4(e, "colour", get("s")), i32(1)),
          set("head", i32(0)),
          set("tail", i32(1)),
          store32(get("queue"), get("s")),
          set("bipartite", i32(1)),
          whileLt(get("head"), get("tail"), [
            set("v", int("queue", get("head"))),
            inc("head", 1),
            set("cv", int("colour", get("v"))),
            set("p", int("rowPtr", get("v"))),
            set("end", int("rowPtr", get("v"), 4)),
            whileLt(get("p"), get("end"), set("u", int("colIdx", get("p"))), visit, inc("p", 1)),
            set("p", int("tPtr", get("v"))),
            set("end", int("tPtr", get("v"), 4)),
            whileLt(get("p"), get("end"), set("u", int("tIdx", get("p"))), visit, inc("p", 1)),
          ]),
          inc("ones", 1),
          when(get("bipartite"), inc("minusOnes", 1)),
        ]),
        inc("s", 1),
      ]),
      store32(get("res"), get("ones")),
      store32(add(get("res"), i32(4)), get("minusOnes")),
    ]
  },
)

// logDetSeries's Rademacher probes: z_i = −1 when the i-th draw of seededRandom(seed) (xoshiro128** seeded by
// splitmix32, src/econometrics/random/Random.ts) is below ½, i.e. when its 32-bit output has the top bit clear;
// else 1. `count` f64 values at z.
const probes = fn(
  "probes",
  [
    ["seed", I32],
    ["z", I32],
    ["count", I32],
  ],
  [
    ["x", I32],
    ["s0", I32],
    ["s1", I32],
    ["s2", I32],
    ["s3", I32],
    ["t", I32],
    ["r", I32],
    ["end", I32],
  ],
  [],
  (e) => {
    const { get, set, i32, add, mul, whileLt, inc } = e
    const xor = (a, b) => [...a, ...b, 0x73]
    const shrU = (a, k) => [...a, 0x41, ...sleb(k), 0x76]
    const rotl = (a, k) => [...a, 0x41, ...sleb(k), 0x77]
    const u32 = (v) => i32(v | 0)
    const splitmix = (into) => [
      set("x", add(get("x"), u32(0x9e3779b9))),
      set(into, get("x")),
      set(into, mul(xor(get(into), shrU(get(into), 16)), u32(0x85ebca6b))),
      set(into, mul(xor(get(into), shrU(get(into), 13)), u32(0xc2b2ae35))),
      set(into, xor(get(into), shrU(get(into), 16))),
    ]
    return [
      set("x", get("seed")),
      splitmix("s0"),
      splitmix("s1"),
      splitmix("s2"),
      splitmix("s3"),
      set("end", add(get("z"), e.shl(get("count"), 3))),
      whileLt(get("z"), get("end"), [
        set("r", mul(rotl(mul(get("s1"), i32(5)), 7), i32(9))),
        set("t", e.shl(get("s1"), 9)),
        set("s2", xor(get("s2"), get("s0"))),
        set("s3", xor(get("s3"), get("s1"))),
        set("s1", xor(get("s1"), get("s2"))),
        set("s0", xor(get("s0"), get("s3"))),
        set("s2", xor(get("s2"), get("t"))),
        set("s3", rotl(get("s3"), 11)),
        e.ifElse(e.lt(get("r"), i32(0)), [e.storeF(get("z"), e.f64(1))], [e.storeF(get("z"), e.f64(-1))]),
        inc("z", 8),
      ]),
    ]
  },
)

/** The TypeScript module of these bytes, as this script writes it (a test compares it with the file in src). */
export const generated = kernelModule(import.meta, {
  what: "The WebAssembly kernels of the log-determinant series",
  constName: "seriesKernelHex",
  target: "econometrics/spatial/seriesKernelBytes.ts",
  functions: [traces, spmm, dotKernel, transpose, renumber, components, probes],
})
