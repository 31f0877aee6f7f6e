// Assembles the WebAssembly SIMD kernel of the dense block update C −= A·Bᵀ (8×8 blocks of packed operands) and
// writes src/econometrics/linalg/denseKernelBytes.ts. Run: node packages/domain/scripts/denseKernelWasm.mjs
// The kernel works on two rows at a time (f64x2 lanes) and performs, for every element of C, the same
// operations in the same order as updateNT's 8×8 loop: c − (((x0·b0 + x1·b1) + x2·b2) + … + x7·b7).
import { F64, fn, I32, kernelModule, sleb, uleb, V128, vec } from "./wasmAssembler.mjs"

// Parameters (addresses and leading dimensions in bytes): C −= A·Bᵀ over nP blocks of `width` columns of A and B and
// the first q columns of C, rows from 0 (full) or from the column's own index (lower trapezoid).
const params = ["a", "lda", "b", "ldb", "c", "ldc", "m", "nP", "q", "full"]
const names = (p, k = 8) => Array.from({ length: k }, (_, t) => `${p}${t}`)
const i32Locals = ["R", "rEnd", "i0", "P", "J", "j", "i", "off", ...names("a"), ...names("f"), ...names("c")]
const vLocals = [...names("x"), "acc"]
const fLocals = [...names("s"), "sacc"]
const idx = new Map([...params, ...i32Locals, ...vLocals, ...fLocals].map((n, k) => [n, k]))
const get = (n) => [0x20, ...uleb(idx.get(n))]
const set = (n) => [0x21, ...uleb(idx.get(n))]
const c32 = (v) => [0x41, ...sleb(v)]
const add = [0x6a]
const mul = [0x6c]
const simd = (op, ...imm) => [0xfd, ...uleb(op), ...imm]
const memarg = (align, offset) => [...uleb(align), ...uleb(offset)]
const vload = (offset) => simd(0x00, ...memarg(3, offset))
const vsplat64 = (offset) => simd(0x0a, ...memarg(3, offset))
const vstore = (offset) => simd(0x0b, ...memarg(3, offset))
const vadd = simd(0xf0)
const vsub = simd(0xf1)
const vmul = simd(0xf2)
const fload = (offset) => [0x2b, ...memarg(3, offset)]
const fstore = (offset) => [0x39, ...memarg(3, offset)]
const fadd = [0xa0]
const fsub = [0xa1]
const fmul = [0xa2]
const fconst0 = [0x44, 0, 0, 0, 0, 0, 0, 0, 0]
const feq = [0x61]
const block = (...body) => [0x02, 0x40, ...body.flat(), 0x0b]
const loop = (...body) => [0x03, 0x40, ...body.flat(), 0x0b]
const brIf = (depth) => [0x0d, ...uleb(depth)]
const br = (depth) => [0x0c, ...uleb(depth)]
const geS = [0x4e]
const gtS = [0x4a]
const ltU = [0x49]
const select = [0x1b]

// for (name = from; name < bound; name += step) body; `continue` inside body is br(1) out of the inner block.
const forLoop = (name, from, bound, step, body) => [
  ...from,
  ...set(name),
  ...block(loop(get(name), bound, geS, brIf(1), block(body), get(name), step, add, set(name), br(0))),
]

// One block of `width` columns of A and B on `cols` columns of C (8, unrolled, or 1), rows i, i + 1 (lanes) or
// row i alone: c − (((x0·b0 + x1·b1) + x2·b2) + … ), as updateLoops computes it.
const rows = (lanes, width, cols) => {
  const out = []
  const load = lanes ? vload : fload
  const splat = lanes ? vsplat64 : fload
  const [plus, minus, times] = lanes ? [vadd, vsub, vmul] : [fadd, fsub, fmul]
  const x = lanes ? "x" : "s"
  const acc = lanes ? "acc" : "sacc"
  out.push(...get("i"), ...c32(8), ...mul, ...set("off"))
  for (let t = 0; t < width; t++) out.push(...get(`a${t}`), ...get("off"), ...add, ...load(0), ...set(`${x}${t}`))
  for (let jj = 0; jj < cols; jj++) {
    for (let t = 0; t < width; t++) {
      out.push(...get(`${x}${t}`), ...get(`f${t}`), ...splat(jj * 8), ...times)
      if (t > 0) out.push(...plus)
    }
    out.push(...set(acc))
    out.push(
      ...get(`c${jj}`),
      ...get("off"),
      ...add,
      ...get(`c${jj}`),
      ...get("off"),
      ...add,
      ...load(0),
      ...get(acc),
      ...minus,
      ...(lanes ? vstore(0) : fstore(0)),
    )
  }
  return out
}

// The P loop over blocks of A and B for `cols` columns of C starting at column `first` (bytes: first·8 into B).
const pLoop = (width, cols, first) => {
  const body = []
  for (let t = 0; t < width; t++) {
    body.push(...get("a"), ...get("P"), ...c32(width), ...mul, ...c32(t), ...add, ...get("lda"), ...mul, ...add, ...set(`a${t}`))
    body.push(
      ...get("b"),
      ...get("P"),
      ...c32(width),
      ...mul,
      ...c32(t),
      ...add,
      ...get("ldb"),
      ...mul,
      ...add,
      ...first,
      ...c32(8),
      ...mul,
      ...add,
      ...set(`f${t}`),
    )
  }
  // A single column of A whose B entry is zero changes nothing: updateLoops skips it (−0 stays −0).
  if (width === 1) body.push(...get("f0"), ...fload(0), ...fconst0, ...feq, ...brIf(0))
  body.push(
    ...get("i0"),
    ...set("i"),
    ...block(loop(get("i"), c32(1), add, get("rEnd"), geS, brIf(1), rows(true, width, cols), get("i"), c32(2), add, set("i"), br(0))),
    ...block(get("i"), get("rEnd"), geS, brIf(0), rows(false, width, cols)),
  )
  return forLoop("P", c32(0), get("nP"), c32(1), body)
}

// i0 = full ? R : max(R, first), then the columns' pointers, then the P loop (skipped when the tile ends before i0).
const columns = (width, cols, first) => {
  const out = [...get("R"), ...first, ...get("R"), ...first, ...get("R"), ...gtS, ...select, ...get("full"), ...select, ...set("i0")]
  for (let jj = 0; jj < cols; jj++) out.push(...get("c"), ...first, ...c32(jj), ...add, ...get("ldc"), ...mul, ...add, ...set(`c${jj}`))
  out.push(...get("i0"), ...get("rEnd"), ...geS, ...brIf(0), ...pLoop(width, cols, first))
  return out
}

// Rows in tiles of ROWS: a tile of C's columns stays in the first-level cache while every block of A and B
// passes over it. Columns in strips as wide as the block (the lower variant starts each strip at its first
// column, as the loops do, so even the scratch above the diagonal is the same), then one at a time; width 1 has
// no strips (its zero test is per column).
const ROWS = 128
const kernel = (width) => {
  const strip = [...get("J"), ...c32(width), ...mul]
  const shift = width === 8 ? 3 : 2
  const tile = [
    ...get("R"),
    ...c32(ROWS),
    ...add,
    ...get("m"),
    ...get("R"),
    ...c32(ROWS),
    ...add,
    ...get("m"),
    ...ltU,
    ...select,
    ...set("rEnd"),
    ...(width === 1
      ? [...c32(0), ...set("j")]
      : [...forLoop("J", c32(0), [...get("q"), ...c32(shift), 0x75], c32(1), columns(width, width, strip)), ...get("q"), ...c32(-width), 0x71, ...set("j")]),
    ...block(loop(get("j"), get("q"), geS, brIf(1), block(columns(width, 1, get("j"))), get("j"), c32(1), add, set("j"), br(0))),
  ]
  const body = forLoop("R", c32(0), get("m"), c32(ROWS), tile)
  return [
    ...vec([
      [...uleb(i32Locals.length), I32],
      [...uleb(vLocals.length), V128],
      [...uleb(fLocals.length), F64],
    ]),
    ...body,
    0x0b,
  ]
}
const widths = [8, 4, 1]
const codes = widths.map(kernel)

const updates = widths.map((w, k) => ({ name: `update${w}`, params: params.map(() => I32), results: [], body: codes[k] }))

// The multifrontal numeric factorisation of SparseCholesky (factor) and the pieces it calls, with the operations
// of its JavaScript in the same order (updateNT's dispatch, panelCholesky, addRuns). Function indices: update8 0,
// update4 1, update1 2, then these in order. Addresses are bytes; element offsets are multiplied by 8 (or 4).
const UPDATE = { 8: 0, 4: 1, 1: 2 }
const UPDATE_NT = 3
const ADD_RUNS = 4
const PANEL = 5

// updateNT: C −= A·Bᵀ through the kernels, A's and B's columns in blocks of 8, then 4, then one at a time.
const updateNT = fn(
  "updateNT",
  [
    ["a", I32],
    ["lda", I32],
    ["b", I32],
    ["ldb", I32],
    ["c", I32],
    ["ldc", I32],
    ["m", I32],
    ["q", I32],
    ["k", I32],
    ["full", I32],
  ],
  [
    ["k8", I32],
    ["p", I32],
  ],
  [],
  (e) => {
    const { get, set, add, mul, sub, i32, call, when, lt, gt } = e
    const at = (base, ld) => add(get(base), mul(get("p"), get(ld)))
    return [
      when(
        [...gt(get("m"), i32(0)), ...gt(get("q"), i32(0)), 0x71, ...gt(get("k"), i32(0)), 0x71],
        set("k8", e.and(get("k"), i32(-8))),
        when(
          gt(get("k8"), i32(0)),
          call(UPDATE[8], get("a"), get("lda"), get("b"), get("ldb"), get("c"), get("ldc"), get("m"), e.shrS(get("k8"), 3), get("q"), get("full")),
        ),
        set("p", get("k8")),
        when(e.ge(sub(get("k"), get("p")), i32(4)), [
          call(UPDATE[4], at("a", "lda"), get("lda"), at("b", "ldb"), get("ldb"), get("c"), get("ldc"), get("m"), i32(1), get("q"), get("full")),
          e.inc("p", 4),
        ]),
        when(
          lt(get("p"), get("k")),
          call(
            UPDATE[1],
            at("a", "lda"),
            get("lda"),
            at("b", "ldb"),
            get("ldb"),
            get("c"),
            get("ldc"),
            get("m"),
            sub(get("k"), get("p")),
            get("q"),
            get("full"),
          ),
        ),
      ),
    ]
  },
)

// addRuns: target[dst + rel[r0 + t1] + u] += src[sOff + t1 + u] over the runs of consecutive positions.
const addRuns = fn(
  "addRuns",
  [
    ["dst", I32],
    ["src", I32],
    ["sOff", I32],
    ["rel", I32],
    ["runEnd", I32],
    ["r0", I32],
    ["from", I32],
    ["to", I32],
  ],
  [
    ["t1", I32],
    ["end", I32],
    ["tg", I32],
    ["sp", I32],
    ["u", I32],
  ],
  [],
  (e) => {
    const { get, set, add, load32, loadF, storeF, fadd, whileLt, inc, shl } = e
    const at4 = (base) => add(get(base), shl(add(get("r0"), get("t1")), 2))
    return [
      set("t1", get("from")),
      whileLt(get("t1"), get("to"), [
        set("end", load32(at4("runEnd"))),
        set("tg", add(get("dst"), shl(load32(at4("rel")), 3))),
        set("sp", add(get("src"), shl(add(get("sOff"), get("t1")), 3))),
        set("u", get("t1")),
        whileLt(get("u"), get("end"), [storeF(get("tg"), fadd(loadF(get("tg")), loadF(get("sp")))), inc("tg", 8), inc("sp", 8), inc("u", 1)]),
        set("t1", get("end")),
      ]),
    ]
  },
)

// panelCholesky on the array at byte address `a`: 1, or 0 when a pivot is not positive.
const panel = fn(
  "panel",
  [
    ["a", I32],
    ["off", I32],
    ["ld", I32],
    ["nr", I32],
    ["nc", I32],
  ],
  [
    ["b0", I32],
    ["b1", I32],
    ["j", I32],
    ["k", I32],
    ["i", I32],
    ["cj", I32],
    ["c0", I32],
    ["c1", I32],
    ["c2", I32],
    ["c3", I32],
    ["l0", F64],
    ["l1", F64],
    ["l2", F64],
    ["l3", F64],
    ["d", F64],
    ["r", F64],
    ["inv", F64],
  ],
  [I32],
  (e) => {
    const { get, set, add, mul, sub, i32, loadF, storeF, fadd, fmul, fsub, fdiv, fsqrt, whileLt, inc, when, lt, min, shl } = e
    const el = (index) => add(get("a"), shl(index, 3))
    const A = (col, row) => loadF(el(add(get(col), get(row))))
    const bytes = (index) => add(get("a"), shl(index, 3))
    return [
      set("b0", i32(0)),
      whileLt(get("b0"), get("nc"), [
        set("b1", min(get("nc"), add(get("b0"), i32(8)))),
        set("j", get("b0")),
        whileLt(get("j"), get("b1"), [
          set("cj", add(get("off"), mul(get("j"), get("ld")))),
          set("k", get("b0")),
          whileLt(add(get("k"), i32(3)), get("j"), [
            set("c0", add(get("off"), mul(get("k"), get("ld")))),
            set("c1", add(get("c0"), get("ld"))),
            set("c2", add(get("c1"), get("ld"))),
            set("c3", add(get("c2"), get("ld"))),
            set("l0", A("c0", "j")),
            set("l1", A("c1", "j")),
            set("l2", A("c2", "j")),
            set("l3", A("c3", "j")),
            set("i", get("j")),
            whileLt(get("i"), get("nr"), [
              storeF(
                el(add(get("cj"), get("i"))),
                fsub(
                  A("cj", "i"),
                  fadd(fadd(fadd(fmul(A("c0", "i"), get("l0")), fmul(A("c1", "i"), get("l1"))), fmul(A("c2", "i"), get("l2"))), fmul(A("c3", "i"), get("l3"))),
                ),
              ),
              inc("i", 1),
            ]),
            inc("k", 4),
          ]),
          whileLt(get("k"), get("j"), [
            set("c0", add(get("off"), mul(get("k"), get("ld")))),
            set("l0", A("c0", "j")),
            set("i", get("j")),
            whileLt(get("i"), get("nr"), [storeF(el(add(get("cj"), get("i"))), fsub(A("cj", "i"), fmul(A("c0", "i"), get("l0")))), inc("i", 1)]),
            inc("k", 1),
          ]),
          set("d", A("cj", "j")),
          when(e.fNotGt(get("d"), e.f64(0)), e.ret(i32(0))),
          set("r", fsqrt(get("d"))),
          storeF(el(add(get("cj"), get("j"))), get("r")),
          set("inv", fdiv(e.f64(1), get("r"))),
          set("i", add(get("j"), i32(1))),
          whileLt(get("i"), get("nr"), [storeF(el(add(get("cj"), get("i"))), fmul(A("cj", "i"), get("inv"))), inc("i", 1)]),
          inc("j", 1),
        ]),
        // Columns b1 … nc − 1 (rows ≥ their own index) −= L[:, b0:b1]·L[b1:nc, b0:b1]ᵀ.
        when(lt(get("b1"), get("nc")), [
          e.call(
            UPDATE_NT,
            bytes(add(add(get("off"), mul(get("b0"), get("ld"))), get("b1"))),
            shl(get("ld"), 3),
            bytes(add(add(get("off"), mul(get("b0"), get("ld"))), get("b1"))),
            shl(get("ld"), 3),
            bytes(add(add(get("off"), mul(get("b1"), get("ld"))), get("b1"))),
            shl(get("ld"), 3),
            sub(get("nr"), get("b1")),
            sub(get("nc"), get("b1")),
            sub(get("b1"), get("b0")),
            i32(0),
          ),
        ]),
        inc("b0", 8),
      ]),
      i32(1),
    ]
  },
)

// The factorisation of I − ρS into the supernodal blocks of L at `lx` with the update matrices on the stack at
// `stack`: 1, or 0 when I − ρS is not positive definite. Integer arrays are Int32, values Float64.
const factor = fn(
  "factor",
  [
    ["rho", F64],
    ["lx", I32],
    ["stack", I32],
    ["total", I32],
    ["n", I32],
    ["diagDst", I32],
    ["count", I32],
    ["aDst", I32],
    ["aSrc", I32],
    ["values", I32],
    ["nsuper", I32],
    ["superStart", I32],
    ["rowPtr", I32],
    ["valPtr", I32],
    ["childHead", I32],
    ["childNext", I32],
    ["relIdx", I32],
    ["runEnd", I32],
    ["superParent", I32],
  ],
  [
    ["t", I32],
    ["j", I32],
    ["q", I32],
    ["addr", I32],
    ["top", I32],
    ["sn", I32],
    ["nc", I32],
    ["nr", I32],
    ["m", I32],
    ["base", I32],
    ["c", I32],
    ["mc", I32],
    ["childBytes", I32],
    ["childStart", I32],
    ["cb", I32],
    ["at", I32],
    ["rel", I32],
    ["t2", I32],
    ["q2", I32],
    ["src", I32],
  ],
  [I32],
  (e) => {
    const { get, set, add, mul, sub, i32, loadF, storeF, fsub, fmul, whileLt, inc, when, lt, ge, shl, call, ifElse } = e
    const int = e.intAt
    const lxAt = (index) => add(get("lx"), shl(index, 3))
    const stackAt = (index) => add(get("stack"), shl(index, 3))
    const ncOf = (s) => sub(int("superStart", s, 4), int("superStart", s))
    const belowOf = (s) => sub(sub(int("rowPtr", s, 4), int("rowPtr", s)), ncOf(s))
    return [
      set("t", i32(0)),
      whileLt(get("t"), get("total"), [storeF(lxAt(get("t")), e.f64zero), inc("t", 1)]),
      set("j", i32(0)),
      whileLt(get("j"), get("n"), [storeF(lxAt(int("diagDst", get("j"))), e.f64(1)), inc("j", 1)]),
      set("q", i32(0)),
      whileLt(get("q"), get("count"), [
        set("addr", lxAt(int("aDst", get("q")))),
        storeF(get("addr"), fsub(loadF(get("addr")), fmul(get("rho"), loadF(add(get("values"), shl(int("aSrc", get("q")), 3)))))),
        inc("q", 1),
      ]),
      set("top", i32(0)),
      set("sn", i32(0)),
      whileLt(get("sn"), get("nsuper"), [
        set("nc", ncOf(get("sn"))),
        set("nr", sub(int("rowPtr", get("sn"), 4), int("rowPtr", get("sn")))),
        set("m", sub(get("nr"), get("nc"))),
        set("base", int("valPtr", get("sn"))),
        set("childBytes", i32(0)),
        set("c", int("childHead", get("sn"))),
        // Over the children: until c < 0.
        e.until(
          lt(get("c"), i32(0)),
          set("mc", belowOf(get("c"))),
          set("childBytes", add(get("childBytes"), mul(get("mc"), get("mc")))),
          set("c", int("childNext", get("c"))),
        ),
        set("childStart", sub(get("top"), get("childBytes"))),
        set("cb", get("top")),
        set("t", i32(0)),
        whileLt(get("t"), mul(get("m"), get("m")), [storeF(stackAt(add(get("cb"), get("t"))), e.f64zero), inc("t", 1)]),
        set("at", get("childStart")),
        set("c", int("childHead", get("sn"))),
        e.until(
          lt(get("c"), i32(0)),
          set("mc", belowOf(get("c"))),
          set("rel", add(int("rowPtr", get("c")), ncOf(get("c")))),
          set("t2", i32(0)),
          whileLt(get("t2"), get("mc"), [
            set("q2", int("relIdx", add(get("rel"), get("t2")))),
            set("src", add(get("at"), mul(get("t2"), get("mc")))),
            ifElse(
              lt(get("q2"), get("nc")),
              [
                call(
                  ADD_RUNS,
                  lxAt(add(get("base"), mul(get("q2"), get("nr")))),
                  get("stack"),
                  get("src"),
                  get("relIdx"),
                  get("runEnd"),
                  get("rel"),
                  get("t2"),
                  get("mc"),
                ),
              ],
              [
                call(
                  ADD_RUNS,
                  stackAt(sub(add(get("cb"), mul(sub(get("q2"), get("nc")), get("m"))), get("nc"))),
                  get("stack"),
                  get("src"),
                  get("relIdx"),
                  get("runEnd"),
                  get("rel"),
                  get("t2"),
                  get("mc"),
                ),
              ],
            ),
            inc("t2", 1),
          ]),
          set("at", add(get("at"), mul(get("mc"), get("mc")))),
          set("c", int("childNext", get("c"))),
        ),
        when([...call(PANEL, get("lx"), get("base"), get("nr"), get("nr"), get("nc")), 0x45], e.ret(i32(0))),
        ifElse(
          ge(int("superParent", get("sn")), i32(0)),
          [
            when(lt(i32(0), get("m")), [
              e.copy(stackAt(get("childStart")), stackAt(get("cb")), shl(mul(get("m"), get("m")), 3)),
              call(
                UPDATE_NT,
                lxAt(add(get("base"), get("nc"))),
                shl(get("nr"), 3),
                lxAt(add(get("base"), get("nc"))),
                shl(get("nr"), 3),
                stackAt(get("childStart")),
                shl(get("m"), 3),
                get("m"),
                get("m"),
                get("nc"),
                i32(0),
              ),
            ]),
            set("top", add(get("childStart"), mul(get("m"), get("m")))),
          ],
          [set("top", get("childStart"))],
        ),
        inc("sn", 1),
      ]),
      i32(1),
    ]
  },
)

// The supernodal selected inversion of SparseCholesky (supernodalInverse) and the pieces it calls
// (gatherFront, lowerInverseRows, transposeInto, gramOfInverse), with the JavaScript's operations in the same order.
const GATHER = 7
const LOWER_INVERSE = 8
const TRANSPOSE = 9
const GRAM = 10

// Element `index` of the Float64 array at byte address `base`.
const f64At = (e, base, index) => e.add(base, e.shl(index, 3))

// gatherFront: dst[dOff + t2·ldd + t1] = parent[pOff + rel[r0 + t2]·ldp + rel[r0 + t1]], runs moved as blocks.
const gather = fn(
  "gatherFront",
  [
    ["parent", I32],
    ["pOff", I32],
    ["ldp", I32],
    ["rel", I32],
    ["runEnd", I32],
    ["r0", I32],
    ["m", I32],
    ["dst", I32],
    ["dOff", I32],
    ["ldd", I32],
  ],
  [
    ["t1", I32],
    ["t2", I32],
    ["src", I32],
    ["d", I32],
    ["end", I32],
  ],
  [],
  (e) => {
    const { get, set, add, mul, sub, i32, whileLt, inc, shl } = e
    const int = e.intAt
    return [
      set("t2", i32(0)),
      whileLt(get("t2"), get("m"), [
        set("src", add(get("pOff"), mul(int("rel", add(get("r0"), get("t2"))), get("ldp")))),
        set("d", add(get("dOff"), mul(get("t2"), get("ldd")))),
        set("t1", i32(0)),
        whileLt(get("t1"), get("m"), [
          set("end", int("runEnd", add(get("r0"), get("t1")))),
          e.copy(
            f64At(e, get("dst"), add(get("d"), get("t1"))),
            f64At(e, get("parent"), add(get("src"), int("rel", add(get("r0"), get("t1"))))),
            shl(sub(get("end"), get("t1")), 3),
          ),
          set("t1", get("end")),
        ]),
        inc("t2", 1),
      ]),
    ]
  },
)

// lowerInverseRows with T's diagonal read from T itself: X = T⁻¹ row-major at x[xOff …], T copied into work.
const lowerInverse = fn(
  "lowerInverseRows",
  [
    ["t", I32],
    ["off", I32],
    ["ld", I32],
    ["nc", I32],
    ["x", I32],
    ["xOff", I32],
    ["work", I32],
    ["workOff", I32],
  ],
  [
    ["tc", I32],
    ["z", I32],
    ["c", I32],
    ["p0", I32],
    ["p1", I32],
    ["w", I32],
    ["p", I32],
    ["xp", I32],
    ["k", I32],
    ["j", I32],
    ["r", I32],
    ["xr", I32],
    ["s2", I32],
    ["zs", I32],
    ["s", F64],
    ["v", F64],
  ],
  [],
  (e) => {
    const { get, set, add, mul, sub, i32, loadF, storeF, fadd, fmul, fdiv, whileLt, inc, when, min, shl } = e
    const X = (index) => f64At(e, get("x"), index)
    const W = (index) => f64At(e, get("work"), index)
    const T = (index) => f64At(e, get("t"), index)
    const zero = (base, from, count) => [set("j", i32(0)), whileLt(get("j"), count, [storeF(f64At(e, base, add(from, get("j"))), e.f64zero), inc("j", 1)])]
    return [
      set("tc", get("workOff")),
      set("z", add(get("workOff"), mul(get("nc"), get("nc")))),
      set("c", i32(0)),
      whileLt(get("c"), get("nc"), [
        e.copy(
          W(add(get("tc"), add(mul(get("c"), get("nc")), get("c")))),
          T(add(get("off"), add(mul(get("c"), get("ld")), get("c")))),
          shl(sub(get("nc"), get("c")), 3),
        ),
        inc("c", 1),
      ]),
      set("p0", i32(0)),
      whileLt(get("p0"), get("nc"), [
        set("p1", min(get("nc"), add(get("p0"), i32(8)))),
        set("w", sub(get("p1"), get("p0"))),
        set("p", get("p0")),
        whileLt(get("p"), get("p1"), [
          set("xp", add(get("xOff"), mul(get("p"), get("nc")))),
          zero(get("x"), get("xp"), get("nc")),
          storeF(X(add(get("xp"), get("p"))), fdiv(e.f64(1), loadF(T(add(get("off"), add(mul(get("p"), get("ld")), get("p"))))))),
          // for (k = p − 1; k ≥ p0; k−−)
          set("k", sub(get("p"), i32(1))),
          e.until(
            e.lt(get("k"), get("p0")),
            set("s", e.f64zero),
            set("j", add(get("k"), i32(1))),
            whileLt(get("j"), add(get("p"), i32(1)), [
              set("s", fadd(get("s"), fmul(loadF(W(add(get("tc"), add(mul(get("k"), get("nc")), get("j"))))), loadF(X(add(get("xp"), get("j"))))))),
              inc("j", 1),
            ]),
            storeF(X(add(get("xp"), get("k"))), fdiv([...get("s"), 0x9a], loadF(T(add(get("off"), add(mul(get("k"), get("ld")), get("k"))))))),
            inc("k", -1),
          ),
          inc("p", 1),
        ]),
        when(e.gt(get("p0"), i32(0)), [
          zero(get("work"), get("z"), mul(get("w"), get("p0"))),
          e.call(
            UPDATE_NT,
            X(get("xOff")),
            shl(get("nc"), 3),
            W(add(get("tc"), get("p0"))),
            shl(get("nc"), 3),
            W(get("z")),
            shl(get("p0"), 3),
            get("p0"),
            get("w"),
            get("p0"),
            i32(1),
          ),
          set("r", i32(0)),
          whileLt(get("r"), get("w"), [
            set("xr", add(get("xOff"), mul(add(get("p0"), get("r")), get("nc")))),
            set("s2", i32(0)),
            whileLt(get("s2"), add(get("r"), i32(1)), [
              set("v", loadF(X(add(get("xr"), add(get("p0"), get("s2")))))),
              set("zs", add(get("z"), mul(get("s2"), get("p0")))),
              set("k", i32(0)),
              whileLt(get("k"), get("p0"), [
                storeF(X(add(get("xr"), get("k"))), fadd(loadF(X(add(get("xr"), get("k")))), fmul(get("v"), loadF(W(add(get("zs"), get("k"))))))),
                inc("k", 1),
              ]),
              inc("s2", 1),
            ]),
            inc("r", 1),
          ]),
        ]),
        inc("p0", 8),
      ]),
    ]
  },
)

// transposeInto: dst[dOff + i·ldd + j] = src[sOff + i + j·lds] for i < rows, j < cols.
const transpose = fn(
  "transposeInto",
  [
    ["src", I32],
    ["sOff", I32],
    ["lds", I32],
    ["rows", I32],
    ["cols", I32],
    ["dst", I32],
    ["dOff", I32],
    ["ldd", I32],
  ],
  [
    ["i", I32],
    ["j", I32],
  ],
  [],
  (e) => {
    const { get, set, add, mul, i32, loadF, storeF, whileLt, inc } = e
    return [
      set("i", i32(0)),
      whileLt(get("i"), get("rows"), [
        set("j", i32(0)),
        whileLt(get("j"), get("cols"), [
          storeF(
            f64At(e, get("dst"), add(get("dOff"), add(mul(get("i"), get("ldd")), get("j")))),
            loadF(f64At(e, get("src"), add(get("sOff"), add(get("i"), mul(get("j"), get("lds")))))),
          ),
          inc("j", 1),
        ]),
        inc("i", 1),
      ]),
    ]
  },
)

// gramOfInverse: out (nc × nc, lower part) = −Xᵀ·X from X = L⁻¹ row-major, eight rows of X at a time.
const gram = fn(
  "gramOfInverse",
  [
    ["x", I32],
    ["nc", I32],
    ["out", I32],
  ],
  [
    ["t", I32],
    ["p0", I32],
    ["q", I32],
    ["c", I32],
    ["r", I32],
    ["at", I32],
  ],
  [],
  (e) => {
    const { get, set, add, mul, sub, i32, loadF, storeF, whileLt, inc, min, shl } = e
    return [
      set("t", i32(0)),
      whileLt(get("t"), mul(get("nc"), get("nc")), [storeF(f64At(e, get("out"), get("t")), e.f64zero), inc("t", 1)]),
      set("p0", i32(0)),
      whileLt(get("p0"), get("nc"), [
        set("q", min(get("nc"), add(get("p0"), i32(8)))),
        e.call(
          UPDATE_NT,
          f64At(e, get("x"), mul(get("p0"), get("nc"))),
          shl(get("nc"), 3),
          f64At(e, get("x"), mul(get("p0"), get("nc"))),
          shl(get("nc"), 3),
          get("out"),
          shl(get("nc"), 3),
          get("q"),
          get("q"),
          sub(get("q"), get("p0")),
          i32(0),
        ),
        inc("p0", 8),
      ]),
      set("c", i32(0)),
      whileLt(get("c"), get("nc"), [
        set("r", get("c")),
        whileLt(get("r"), get("nc"), [
          set("at", f64At(e, get("out"), add(mul(get("c"), get("nc")), get("r")))),
          storeF(get("at"), [...loadF(get("at")), 0x9a]),
          inc("r", 1),
        ]),
        inc("c", 1),
      ]),
    ]
  },
)

// supernodalInverse: Σ = (L·Lᵀ)⁻¹ on L's blocks into sx, from the root down (see SparseCholesky.ts). frontOf
// holds nsuper −1s and open room for nsuper ids (Int32).
const selectedInverse = fn(
  "selectedInverse",
  [
    ["lx", I32],
    ["sx", I32],
    ["stack", I32],
    ["y", I32],
    ["yt", I32],
    ["st", I32],
    ["inv", I32],
    ["xbuf", I32],
    ["work", I32],
    ["nsuper", I32],
    ["superStart", I32],
    ["rowPtr", I32],
    ["valPtr", I32],
    ["superParent", I32],
    ["relIdx", I32],
    ["runEnd", I32],
    ["childHead", I32],
    ["frontOf", I32],
    ["open", I32],
  ],
  [
    ["sn", I32],
    ["nc", I32],
    ["nr", I32],
    ["m", I32],
    ["base", I32],
    ["p", I32],
    ["openLen", I32],
    ["top", I32],
    ["done", I32],
    ["hasChildren", I32],
    ["F", I32],
    ["ldf", I32],
    ["rr", I32],
    ["c", I32],
    ["k", I32],
    ["at", I32],
  ],
  [],
  (e) => {
    const { get, set, add, mul, sub, i32, loadF, storeF, whileLt, inc, when, lt, gt, ge, shl, call, ifElse } = e
    const int = e.intAt
    const setInt = (base, index, value) => [...add(get(base), shl(index, 2)), ...value, 0x36, 2, 0]
    const f = (base, index) => f64At(e, get(base), index)
    const zero = (base, count) => [set("k", i32(0)), whileLt(get("k"), count, [storeF(f(base, get("k")), e.f64zero), inc("k", 1)])]
    return [
      set("sn", sub(get("nsuper"), i32(1))),
      e.until(
        lt(get("sn"), i32(0)),
        set("nc", sub(int("superStart", get("sn"), 4), int("superStart", get("sn")))),
        set("nr", sub(int("rowPtr", get("sn"), 4), int("rowPtr", get("sn")))),
        set("m", sub(get("nr"), get("nc"))),
        set("base", int("valPtr", get("sn"))),
        set("p", int("superParent", get("sn"))),
        // Drop the fronts of finished supernodes: until open is empty (leave at once, before reading its top) or its
        // top is p.
        e.until(
          [...e.eq(get("openLen"), i32(0)), 0x0d, 1, ...e.eq(int("open", sub(get("openLen"), i32(1))), get("p"))],
          set("openLen", sub(get("openLen"), i32(1))),
          set("done", int("open", get("openLen"))),
          set("top", int("frontOf", get("done"))),
          setInt("frontOf", get("done"), i32(-1)),
        ),
        set("hasChildren", ge(int("childHead", get("sn")), i32(0))),
        set("F", get("top")),
        ifElse(
          get("hasChildren"),
          [set("ldf", get("nr")), set("rr", add(add(get("F"), mul(get("nc"), get("ldf"))), get("nc")))],
          [set("ldf", get("m")), set("rr", get("F"))],
        ),
        when(gt(get("m"), i32(0)), [
          call(
            GATHER,
            get("stack"),
            int("frontOf", get("p")),
            sub(int("rowPtr", get("p"), 4), int("rowPtr", get("p"))),
            get("relIdx"),
            get("runEnd"),
            add(int("rowPtr", get("sn")), get("nc")),
            get("m"),
            get("stack"),
            get("rr"),
            get("ldf"),
          ),
        ]),
        call(LOWER_INVERSE, get("lx"), get("base"), get("nr"), get("nc"), get("xbuf"), i32(0), get("work"), i32(0)),
        set("c", i32(0)),
        whileLt(get("c"), get("nc"), [
          e.copy(f("y", mul(get("c"), get("m"))), f("lx", add(add(get("base"), mul(get("c"), get("nr"))), get("nc"))), shl(get("m"), 3)),
          inc("c", 1),
        ]),
        zero("yt", mul(get("m"), get("nc"))),
        when(gt(get("m"), i32(0)), [
          call(UPDATE_NT, get("xbuf"), shl(get("nc"), 3), get("y"), shl(get("m"), 3), get("yt"), shl(get("nc"), 3), get("nc"), get("m"), get("nc"), i32(1)),
          set("k", i32(0)),
          whileLt(get("k"), mul(get("m"), get("nc")), [set("at", f("yt", get("k"))), storeF(get("at"), [...loadF(get("at")), 0x9a]), inc("k", 1)]),
        ]),
        zero("st", mul(get("m"), get("nc"))),
        when(gt(get("m"), i32(0)), [
          call(
            UPDATE_NT,
            get("yt"),
            shl(get("nc"), 3),
            f("stack", get("rr")),
            shl(get("ldf"), 3),
            get("st"),
            shl(get("nc"), 3),
            get("nc"),
            get("m"),
            get("m"),
            i32(1),
          ),
        ]),
        call(TRANSPOSE, get("st"), i32(0), get("nc"), get("nc"), get("m"), get("sx"), add(get("base"), get("nc")), get("nr")),
        call(GRAM, get("xbuf"), get("nc"), get("inv")),
        when(gt(get("m"), i32(0)), [
          call(UPDATE_NT, get("yt"), shl(get("nc"), 3), get("st"), shl(get("nc"), 3), get("inv"), shl(get("nc"), 3), get("nc"), get("nc"), get("m"), i32(0)),
        ]),
        set("c", i32(0)),
        whileLt(get("c"), get("nc"), [
          e.copy(
            f("sx", add(add(get("base"), mul(get("c"), get("nr"))), get("c"))),
            f("inv", add(mul(get("c"), get("nc")), get("c"))),
            shl(sub(get("nc"), get("c")), 3),
          ),
          inc("c", 1),
        ]),
        when(get("hasChildren"), [
          call(TRANSPOSE, get("sx"), get("base"), get("nr"), get("nr"), get("nc"), get("stack"), get("F"), get("ldf")),
          set("c", i32(0)),
          whileLt(get("c"), get("nc"), [
            e.copy(
              f("stack", add(add(get("F"), mul(get("c"), get("ldf"))), get("c"))),
              f("sx", add(add(get("base"), mul(get("c"), get("nr"))), get("c"))),
              shl(sub(get("nr"), get("c")), 3),
            ),
            inc("c", 1),
          ]),
          setInt("frontOf", get("sn"), get("F")),
          setInt("open", get("openLen"), get("sn")),
          inc("openLen", 1),
          set("top", add(get("F"), mul(get("nr"), get("nr")))),
        ]),
        inc("sn", -1),
      ),
    ]
  },
)

/** The TypeScript module of these bytes, as this script writes it (a test compares it with the file in src). */
export const generated = kernelModule(import.meta, {
  what: "The WebAssembly SIMD kernel of the dense block update",
  constName: "denseKernelHex",
  target: "econometrics/linalg/denseKernelBytes.ts",
  functions: [...updates, updateNT, addRuns, panel, factor, gather, lowerInverse, transpose, gram, selectedInverse],
})
