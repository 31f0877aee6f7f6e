// Assembles the WebAssembly kernels of the sparse Cholesky's symbolic analysis (src/econometrics/linalg/
// choleskySymbolic.ts) and writes src/econometrics/linalg/symbolicKernelBytes.ts.
// Run: node packages/domain/scripts/symbolicKernelWasm.mjs
// Integer work only; each kernel gives exactly what the JavaScript function it replaces gives:
//   etree      the elimination tree of the pattern permuted by perm (Liu, with path compression)
//   colcounts  the column counts of L (diagonal included) by walking each row's subtree
//   postorder  a postorder of the forest (children in increasing order, subtrees contiguous)
//   rows       the row structure of every supernode: its own pivots, then the rows below from A's columns and
//              the children's structures, ascending; 0 when more than `cap` rows would be written
//   relative   the position of each row below a supernode in its parent's row list
import { fn, I32, kernelModule } from "./wasmAssembler.mjs"

const at4 = (e, base, index) => e.add(e.get(base), e.shl(index, 2))
const ld = (e, base, index, offset = 0) => e.intAt(base, index, offset)
const st = (e, base, index, x) => e.store32(at4(e, base, index), x)
// for (v = from; v < to; v++) body
const forRange = (e, v, from, to, ...body) => [e.set(v, from), e.whileLt(e.get(v), to, ...body, e.inc(v, 1))]
// a[0 … n − 1] = x
const fill = (e, v, base, n, x) => forRange(e, v, e.i32(0), n, st(e, base, e.get(v), x))

const etree = fn(
  "etree",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["perm", I32],
    ["iperm", I32],
    ["n", I32],
    ["parent", I32],
    ["ancestor", I32],
  ],
  [
    ["k", I32],
    ["old", I32],
    ["p", I32],
    ["end", I32],
    ["i", I32],
    ["next", I32],
  ],
  [],
  (e) => {
    const { get, set, i32, when } = e
    const anc = () => ld(e, "ancestor", get("i"))
    return [
      fill(e, "k", "parent", get("n"), i32(-1)),
      fill(e, "k", "ancestor", get("n"), i32(-1)),
      forRange(e, "k", i32(0), get("n"), [
        set("old", ld(e, "perm", get("k"))),
        set("p", ld(e, "rowPtr", get("old"))),
        set("end", ld(e, "rowPtr", get("old"), 4)),
        e.whileLt(get("p"), get("end"), [
          set("i", ld(e, "iperm", ld(e, "colIdx", get("p")))),
          when(e.lt(get("i"), get("k")), [
            // Walk from i to the root of its current subtree, compressing the path to k.
            e.until(e.or(e.eq(anc(), i32(-1)), e.eq(anc(), get("k"))), [set("next", anc()), st(e, "ancestor", get("i"), get("k")), set("i", get("next"))]),
            when(e.eq(anc(), i32(-1)), [st(e, "ancestor", get("i"), get("k")), st(e, "parent", get("i"), get("k"))]),
          ]),
          e.inc("p", 1),
        ]),
      ]),
    ]
  },
)

const colcounts = fn(
  "colcounts",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["perm", I32],
    ["iperm", I32],
    ["parent", I32],
    ["n", I32],
    ["count", I32],
    ["mark", I32],
  ],
  [
    ["i", I32],
    ["old", I32],
    ["p", I32],
    ["end", I32],
    ["k", I32],
  ],
  [],
  (e) => {
    const { get, set, i32, add, when } = e
    return [
      fill(e, "i", "count", get("n"), i32(1)),
      fill(e, "i", "mark", get("n"), i32(-1)),
      forRange(e, "i", i32(0), get("n"), [
        st(e, "mark", get("i"), get("i")),
        set("old", ld(e, "perm", get("i"))),
        set("p", ld(e, "rowPtr", get("old"))),
        set("end", ld(e, "rowPtr", get("old"), 4)),
        e.whileLt(get("p"), get("end"), [
          // Row i of L has an entry in every column on the tree path from k up to (not including) i.
          set("k", ld(e, "iperm", ld(e, "colIdx", get("p")))),
          when(
            e.lt(get("k"), get("i")),
            e.until(e.eq(ld(e, "mark", get("k")), get("i")), [
              st(e, "mark", get("k"), get("i")),
              st(e, "count", get("k"), add(ld(e, "count", get("k")), i32(1))),
              set("k", ld(e, "parent", get("k"))),
            ]),
          ),
          e.inc("p", 1),
        ]),
      ]),
    ]
  },
)

const postorder = fn(
  "postorder",
  [
    ["parent", I32],
    ["n", I32],
    ["head", I32],
    ["next", I32],
    ["post", I32],
    ["stack", I32],
  ],
  [
    ["j", I32],
    ["p", I32],
    ["k", I32],
    ["root", I32],
    ["top", I32],
    ["v", I32],
    ["c", I32],
  ],
  [],
  (e) => {
    const { get, set, i32, when, ifElse } = e
    return [
      fill(e, "j", "head", get("n"), i32(-1)),
      fill(e, "j", "next", get("n"), i32(-1)),
      // Children lists in increasing order: insert from the largest.
      set("j", get("n")),
      e.until(e.le(get("j"), i32(0)), [
        e.inc("j", -1),
        set("p", ld(e, "parent", get("j"))),
        when(e.ge(get("p"), i32(0)), [st(e, "next", get("j"), ld(e, "head", get("p"))), st(e, "head", get("p"), get("j"))]),
      ]),
      set("k", i32(0)),
      forRange(
        e,
        "root",
        i32(0),
        get("n"),
        when(e.eq(ld(e, "parent", get("root")), i32(-1)), [
          set("top", i32(0)),
          st(e, "stack", i32(0), get("root")),
          e.until(e.lt(get("top"), i32(0)), [
            set("v", ld(e, "stack", get("top"))),
            set("c", ld(e, "head", get("v"))),
            ifElse(
              e.eq(get("c"), i32(-1)),
              [e.inc("top", -1), st(e, "post", get("k"), get("v")), e.inc("k", 1)],
              [st(e, "head", get("v"), ld(e, "next", get("c"))), e.inc("top", 1), st(e, "stack", get("top"), get("c"))],
            ),
          ]),
        ]),
      ),
    ]
  },
)

// Heap sort's sift-down of a[root] within a[0 … end − 1] (Int32, ascending).
const sift = fn(
  "sift",
  [
    ["a", I32],
    ["root", I32],
    ["end", I32],
  ],
  [
    ["child", I32],
    ["done", I32],
    ["t", I32],
  ],
  [],
  (e) => {
    const { get, set, i32, add, when, ifElse } = e
    const v = (i) => ld(e, "a", i)
    return [
      set("done", i32(0)),
      e.until(get("done"), [
        set("child", add(e.shl(get("root"), 1), i32(1))),
        ifElse(
          e.ge(get("child"), get("end")),
          [set("done", i32(1))],
          [
            when(e.lt(add(get("child"), i32(1)), get("end")), when(e.lt(v(get("child")), v(add(get("child"), i32(1)))), e.inc("child", 1))),
            ifElse(
              e.lt(v(get("root")), v(get("child"))),
              [set("t", v(get("root"))), st(e, "a", get("root"), v(get("child"))), st(e, "a", get("child"), get("t")), set("root", get("child"))],
              [set("done", i32(1))],
            ),
          ],
        ),
      ]),
    ]
  },
)

// a[0 … m − 1] ascending: insertion for short lists, heap sort for long ones.
const sortInts = fn(
  "sortInts",
  [
    ["a", I32],
    ["m", I32],
  ],
  [
    ["i", I32],
    ["j", I32],
    ["x", I32],
    ["t", I32],
  ],
  [],
  (e) => {
    const { get, set, i32, sub, ifElse } = e
    return [
      ifElse(
        e.le(get("m"), i32(32)),
        [
          forRange(e, "i", i32(1), get("m"), [
            set("x", ld(e, "a", get("i"))),
            set("j", get("i")),
            e.until(e.or(e.le(get("j"), i32(0)), e.le(ld(e, "a", sub(get("j"), i32(1))), get("x"))), [
              st(e, "a", get("j"), ld(e, "a", sub(get("j"), i32(1)))),
              e.inc("j", -1),
            ]),
            st(e, "a", get("j"), get("x")),
          ]),
        ],
        [
          set("i", e.shrS(get("m"), 1)),
          e.until(e.le(get("i"), i32(0)), e.inc("i", -1), e.call(3, get("a"), get("i"), get("m"))),
          set("i", get("m")),
          e.until(e.le(get("i"), i32(1)), [
            e.inc("i", -1),
            set("t", ld(e, "a", i32(0))),
            st(e, "a", i32(0), ld(e, "a", get("i"))),
            st(e, "a", get("i"), get("t")),
            e.call(3, get("a"), i32(0), get("i")),
          ]),
        ],
      ),
    ]
  },
)

const rows = fn(
  "rows",
  [
    ["rowPtr", I32],
    ["colIdx", I32],
    ["perm", I32],
    ["iperm", I32],
    ["n", I32],
    ["superStart", I32],
    ["superParent", I32],
    ["nsuper", I32],
    ["childHead", I32],
    ["childNext", I32],
    ["mark", I32],
    ["rowPtrS", I32],
    ["rowIdx", I32],
    ["cap", I32],
  ],
  [
    ["s", I32],
    ["p", I32],
    ["f", I32],
    ["l", I32],
    ["j", I32],
    ["b", I32],
    ["bStart", I32],
    ["q", I32],
    ["end", I32],
    ["i", I32],
    ["c", I32],
  ],
  [I32],
  (e) => {
    const { get, set, i32, add, sub, when } = e
    // Row i joins the structure below s once.
    const take = [
      when(e.and(e.gt(get("i"), get("l")), e.ne(ld(e, "mark", get("i")), get("s"))), [
        when(e.ge(get("b"), get("cap")), e.ret(i32(0))),
        st(e, "mark", get("i"), get("s")),
        st(e, "rowIdx", get("b"), get("i")),
        e.inc("b", 1),
      ]),
    ]
    return [
      fill(e, "s", "childHead", get("nsuper"), i32(-1)),
      fill(e, "s", "childNext", get("nsuper"), i32(-1)),
      set("s", get("nsuper")),
      e.until(e.le(get("s"), i32(0)), [
        e.inc("s", -1),
        set("p", ld(e, "superParent", get("s"))),
        when(e.ge(get("p"), i32(0)), [st(e, "childNext", get("s"), ld(e, "childHead", get("p"))), st(e, "childHead", get("p"), get("s"))]),
      ]),
      fill(e, "s", "mark", get("n"), i32(-1)),
      st(e, "rowPtrS", i32(0), i32(0)),
      forRange(e, "s", i32(0), get("nsuper"), [
        set("f", ld(e, "superStart", get("s"))),
        set("l", sub(ld(e, "superStart", get("s"), 4), i32(1))),
        set("b", ld(e, "rowPtrS", get("s"))),
        when(e.gt(add(get("b"), sub(add(get("l"), i32(1)), get("f"))), get("cap")), e.ret(i32(0))),
        forRange(e, "j", get("f"), add(get("l"), i32(1)), [st(e, "rowIdx", get("b"), get("j")), e.inc("b", 1)]),
        set("bStart", get("b")),
        forRange(e, "j", get("f"), add(get("l"), i32(1)), [
          set("q", ld(e, "rowPtr", ld(e, "perm", get("j")))),
          set("end", ld(e, "rowPtr", ld(e, "perm", get("j")), 4)),
          e.whileLt(get("q"), get("end"), set("i", ld(e, "iperm", ld(e, "colIdx", get("q")))), take, e.inc("q", 1)),
        ]),
        set("c", ld(e, "childHead", get("s"))),
        e.until(e.lt(get("c"), i32(0)), [
          set("q", add(ld(e, "rowPtrS", get("c")), sub(ld(e, "superStart", get("c"), 4), ld(e, "superStart", get("c"))))),
          set("end", ld(e, "rowPtrS", get("c"), 4)),
          e.whileLt(get("q"), get("end"), set("i", ld(e, "rowIdx", get("q"))), take, e.inc("q", 1)),
          set("c", ld(e, "childNext", get("c"))),
        ]),
        e.call(4, at4(e, "rowIdx", get("bStart")), sub(get("b"), get("bStart"))),
        st(e, "rowPtrS", add(get("s"), i32(1)), get("b")),
      ]),
      i32(1),
    ]
  },
)

const relative = fn(
  "relative",
  [
    ["superStart", I32],
    ["superParent", I32],
    ["nsuper", I32],
    ["rowPtrS", I32],
    ["rowIdx", I32],
    ["relIdx", I32],
    ["pos", I32],
  ],
  [
    ["s", I32],
    ["p", I32],
    ["q", I32],
    ["t", I32],
    ["end", I32],
  ],
  [],
  (e) => {
    const { get, set, i32, add, sub, when } = e
    return forRange(e, "s", i32(0), get("nsuper"), [
      set("p", ld(e, "superParent", get("s"))),
      when(e.ge(get("p"), i32(0)), [
        set("t", i32(0)),
        set("end", ld(e, "rowPtrS", get("p"), 4)),
        forRange(e, "q", ld(e, "rowPtrS", get("p")), get("end"), [st(e, "pos", ld(e, "rowIdx", get("q")), get("t")), e.inc("t", 1)]),
        set("end", ld(e, "rowPtrS", get("s"), 4)),
        forRange(
          e,
          "q",
          add(ld(e, "rowPtrS", get("s")), sub(ld(e, "superStart", get("s"), 4), ld(e, "superStart", get("s")))),
          get("end"),
          st(e, "relIdx", get("q"), ld(e, "pos", ld(e, "rowIdx", get("q")))),
        ),
      ]),
    ])
  },
)

// The calls above name functions by index: sift is 3, sortInts 4.
const functions = [etree, colcounts, postorder, sift, sortInts, rows, relative]
if (functions[3] !== sift || functions[4] !== sortInts) throw new Error("call indices out of date")
/** The TypeScript module of these bytes, as this script writes it (a test compares it with the file in src). */
export const generated = kernelModule(import.meta, {
  what: "The WebAssembly kernels of the sparse Cholesky's symbolic analysis",
  constName: "symbolicKernelHex",
  target: "econometrics/linalg/symbolicKernelBytes.ts",
  functions: functions,
})
