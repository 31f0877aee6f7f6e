// Assembles the WebAssembly kernel of approximate minimum degree (src/econometrics/linalg/approximateMinimumDegree.ts)
// and writes src/econometrics/linalg/minimumDegreeKernelBytes.ts. Run: node packages/domain/scripts/minimumDegreeKernelWasm.mjs
// The kernel takes the same steps as the JavaScript in the same order (the same pivots, the same cliques in the same
// order, the same supervariables), so the order is identical either way. Integer work only, but for the hashes,
// which are sums of indices in f64 as in JavaScript.
//
// Where the JavaScript keeps a list per variable and element (number[]), the kernel keeps them in one pool of Int32
// entries: each list is a block [owner, capacity, entries…]; a dropped list's owner becomes −1, and when the pool
// is full its live blocks move down (lists of variables and cliques shrink to their length then). If even that
// leaves too little room, `run` gives −1 and the caller orders with the JavaScript.
//
// Scalars and the arrays' byte addresses are Int32 slots at address 0 (SLOT and BASES below; the TypeScript
// side writes them in the same order).
import { F64, fn, I32, kernelModule, uleb } from "./wasmAssembler.mjs"

export const SLOT = {
  n: 0,
  k: 1,
  left: 2,
  minDegree: 3,
  stamp: 4,
  nlp: 5,
  lpWeight: 6,
  nkept: 7,
  ntouched: 8,
  poolEnd: 9,
  poolCap: 10,
  failed: 11,
  ndense: 12,
  dense: 13,
}
/** Byte addresses of the arrays, in slots 16, 17, … (all Int32 but hash, f64). */
export const BASES = [
  "rowPtr",
  "colIdx",
  "kind",
  "nv",
  "degree",
  "chainNext",
  "chainTail",
  "head",
  "next",
  "prev",
  "mark",
  "outside",
  "lp",
  "kept",
  "touched",
  "sorted",
  "perm",
  "cliqueWeight",
  "denseNodes",
  "start",
  "len",
  "pool",
  "hash",
]
const VARIABLE = 0
const ELEMENT = 1
const GONE = 2
// A list's owner: variables of i are list i, elements of i list n + i, the clique of element i list 2n + i.

const ORDER = [
  "insert",
  "remove",
  "emit",
  "free",
  "compact",
  "alloc",
  "joinClique",
  "nextPivot",
  "newClique",
  "measureOutside",
  "updateDegrees",
  "sameLists",
  "sift",
  "heapsort",
  "merge",
  "keepClique",
  "init",
  "run",
]
const callee = (name) => {
  const k = ORDER.indexOf(name)
  if (k < 0) throw new Error(`no function ${name}`)
  return k
}

/**
 * A kernel function: `uses` are the arrays it touches, loaded from their slots into locals of the same name;
 * the builder gets the assembler's helpers and these: state(name) / setState(name, x) for the scalar slots,
 * ld / st for Int32 elements, ldF / stF for f64 elements, call(name, …args).
 */
const kernel = (name, params, locals, results, uses, build) =>
  fn(name, params, [...locals, ...uses.map((u) => [u, I32])], results, (e) => {
    const state = (s) => [0x41, 0, 0x28, 2, ...uleb(4 * SLOT[s])]
    const setState = (s, x) => [0x41, 0, ...x, 0x36, 2, ...uleb(4 * SLOT[s])]
    const at4 = (base, index) => e.add(e.get(base), e.shl(index, 2))
    const at8 = (base, index) => e.add(e.get(base), e.shl(index, 3))
    const k = {
      ...e,
      state,
      setState,
      ld: (base, index) => e.intAt(base, index),
      st: (base, index, x) => e.store32(at4(base, index), x),
      ldF: (base, index) => e.loadF(at8(base, index)),
      stF: (base, index, x) => e.storeF(at8(base, index), x),
      addr: at4,
      fcall: (f, ...args) => e.call(callee(f), ...args),
      bump: (s, by) => setState(s, e.add(state(s), e.i32(by))),
    }
    const prologue = uses.map((u) => e.set(u, [0x41, 0, 0x28, 2, ...uleb(4 * (16 + BASES.indexOf(u)))]))
    if (uses.some((u) => !BASES.includes(u))) throw new Error(`${name}: unknown array`)
    return [...prologue, ...build(k)]
  })

// for (v = from; v < to; v++) body
const forRange = (k, v, from, to, ...body) => [k.set(v, from), k.whileLt(k.get(v), to, ...body, k.inc(v, 1))]

// Degree lists, doubly linked; insertion at the head.
const insert = kernel(
  "insert",
  [["i", I32]],
  [
    ["d", I32],
    ["h", I32],
  ],
  [],
  ["degree", "head", "next", "prev"],
  (k) => {
    const { get, set, i32, ld, st, when } = k
    return [
      set("d", ld("degree", get("i"))),
      set("h", ld("head", get("d"))),
      st("next", get("i"), get("h")),
      st("prev", get("i"), i32(-1)),
      when(k.ge(get("h"), i32(0)), st("prev", get("h"), get("i"))),
      st("head", get("d"), get("i")),
    ]
  },
)

const remove = kernel("remove", [["i", I32]], [], [], ["degree", "head", "next", "prev"], (k) => {
  const { get, i32, ld, st, when, ifElse } = k
  return [
    ifElse(
      k.ge(ld("prev", get("i")), i32(0)),
      [st("next", ld("prev", get("i")), ld("next", get("i")))],
      [st("head", ld("degree", get("i")), ld("next", get("i")))],
    ),
    when(k.ge(ld("next", get("i")), i32(0)), st("prev", ld("next", get("i")), ld("prev", get("i")))),
  ]
})

// A supervariable's members, appended to the order.
const emit = kernel(
  "emit",
  [["i", I32]],
  [
    ["v", I32],
    ["at", I32],
  ],
  [],
  ["perm", "chainNext"],
  (k) => {
    const { get, set, i32, ld, st } = k
    return [
      set("v", get("i")),
      set("at", k.state("k")),
      k.until(k.lt(get("v"), i32(0)), st("perm", get("at"), get("v")), k.inc("at", 1), set("v", ld("chainNext", get("v")))),
      k.setState("k", get("at")),
    ]
  },
)

const free = kernel("free", [["tag", I32]], [["s", I32]], [], ["start", "len", "pool"], (k) => {
  const { get, set, i32, ld, st, when } = k
  return [
    set("s", ld("start", get("tag"))),
    when(k.gt(get("s"), i32(0)), st("pool", k.sub(get("s"), i32(2)), i32(-1)), st("start", get("tag"), i32(0)), st("len", get("tag"), i32(0))),
  ]
})

// Live blocks moved down, in pool order; variables' lists and cliques keep only their length.
const compact = kernel(
  "compact",
  [],
  [
    ["src", I32],
    ["dst", I32],
    ["end", I32],
    ["tag", I32],
    ["cap", I32],
    ["keep", I32],
    ["n", I32],
  ],
  [],
  ["start", "len", "pool"],
  (k) => {
    const { get, set, i32, add, ld, st, when, ifElse } = k
    return [
      set("n", k.state("n")),
      set("src", i32(2)),
      set("dst", i32(2)),
      set("end", k.state("poolEnd")),
      k.whileLt(get("src"), get("end"), [
        set("tag", ld("pool", get("src"))),
        set("cap", ld("pool", add(get("src"), i32(1)))),
        when(k.ge(get("tag"), i32(0)), [
          // Elements' lists (n ≤ tag < 2n) keep their room to grow.
          ifElse(k.and(k.ge(get("tag"), get("n")), k.lt(get("tag"), k.shl(get("n"), 1))), [set("keep", get("cap"))], [set("keep", ld("len", get("tag")))]),
          k.copy(k.addr("pool", get("dst")), k.addr("pool", get("src")), k.shl(add(get("keep"), i32(2)), 2)),
          st("pool", add(get("dst"), i32(1)), get("keep")),
          st("start", get("tag"), add(get("dst"), i32(2))),
          set("dst", add(get("dst"), add(get("keep"), i32(2)))),
        ]),
        set("src", add(get("src"), add(get("cap"), i32(2)))),
      ]),
      k.setState("poolEnd", get("dst")),
    ]
  },
)

// A new block of `cap` entries owned by `tag` (its start is for the caller to record: the owner's old block, if
// any, is still live); 0 when the pool is full even after compact, with the failed slot set.
const alloc = kernel(
  "alloc",
  [
    ["tag", I32],
    ["cap", I32],
  ],
  [["at", I32]],
  [I32],
  ["pool"],
  (k) => {
    const { get, set, i32, add, st, when } = k
    const full = () => k.gt(add(k.state("poolEnd"), add(get("cap"), i32(2))), k.state("poolCap"))
    return [
      when(full(), k.fcall("compact")),
      when(full(), k.setState("failed", i32(1)), k.ret(i32(0))),
      set("at", k.state("poolEnd")),
      st("pool", get("at"), get("tag")),
      st("pool", add(get("at"), i32(1)), get("cap")),
      k.setState("poolEnd", add(get("at"), add(get("cap"), i32(2)))),
      add(get("at"), i32(2)),
    ]
  },
)

// Add the variables of list `tag` not yet in Lₚ to it.
const joinClique = kernel(
  "joinClique",
  [["tag", I32]],
  [
    ["s", I32],
    ["end", I32],
    ["i", I32],
    ["stamp", I32],
    ["nlp", I32],
    ["weight", I32],
  ],
  [],
  ["kind", "mark", "lp", "nv", "start", "len", "pool"],
  (k) => {
    const { get, set, i32, add, ld, st, when } = k
    return [
      set("stamp", k.state("stamp")),
      set("nlp", k.state("nlp")),
      set("weight", k.state("lpWeight")),
      set("s", ld("start", get("tag"))),
      set("end", add(get("s"), ld("len", get("tag")))),
      k.whileLt(get("s"), get("end"), [
        set("i", ld("pool", get("s"))),
        when(k.and(k.eq(ld("kind", get("i")), i32(VARIABLE)), k.ne(ld("mark", get("i")), get("stamp"))), [
          st("mark", get("i"), get("stamp")),
          st("lp", get("nlp"), get("i")),
          k.inc("nlp", 1),
          set("weight", add(get("weight"), ld("nv", get("i")))),
        ]),
        k.inc("s", 1),
      ]),
      k.setState("nlp", get("nlp")),
      k.setState("lpWeight", get("weight")),
    ]
  },
)

// A variable of least degree, taken off its list.
const nextPivot = kernel(
  "nextPivot",
  [],
  [
    ["d", I32],
    ["p", I32],
  ],
  [I32],
  ["head", "nv"],
  (k) => {
    const { get, set, i32, ld } = k
    return [
      set("d", k.state("minDegree")),
      k.until(k.ge(ld("head", get("d")), i32(0)), k.inc("d", 1)),
      k.setState("minDegree", get("d")),
      set("p", ld("head", get("d"))),
      k.fcall("remove", get("p")),
      k.setState("left", k.sub(k.state("left"), ld("nv", get("p")))),
      get("p"),
    ]
  },
)

// The new element's clique Lₚ: p's variables and the variables of p's elements, which p absorbs.
const newClique = kernel(
  "newClique",
  [["p", I32]],
  [
    ["n", I32],
    ["s", I32],
    ["end", I32],
    ["e", I32],
  ],
  [],
  ["kind", "mark", "start", "len", "pool"],
  (k) => {
    const { get, set, i32, add, ld, st, when } = k
    const n2 = () => k.shl(get("n"), 1)
    return [
      set("n", k.state("n")),
      k.bump("stamp", 1),
      st("mark", get("p"), k.state("stamp")),
      k.setState("nlp", i32(0)),
      k.setState("lpWeight", i32(0)),
      set("s", ld("start", add(get("n"), get("p")))),
      set("end", add(get("s"), ld("len", add(get("n"), get("p"))))),
      k.whileLt(get("s"), get("end"), [
        set("e", ld("pool", get("s"))),
        when(k.eq(ld("kind", get("e")), i32(ELEMENT)), [
          k.fcall("joinClique", add(n2(), get("e"))),
          st("kind", get("e"), i32(GONE)),
          k.fcall("free", add(n2(), get("e"))),
        ]),
        k.inc("s", 1),
      ]),
      k.fcall("joinClique", get("p")),
      st("kind", get("p"), i32(ELEMENT)),
      k.fcall("free", get("p")),
      k.fcall("free", add(get("n"), get("p"))),
      k.fcall("emit", get("p")),
    ]
  },
)

// Take Lₚ off the degree lists and find |Lₑ \ Lₚ| of every element its variables touch.
const measureOutside = kernel(
  "measureOutside",
  [],
  [
    ["n", I32],
    ["a", I32],
    ["nlp", I32],
    ["i", I32],
    ["s", I32],
    ["end", I32],
    ["e", I32],
    ["nt", I32],
  ],
  [],
  ["kind", "lp", "nv", "outside", "touched", "cliqueWeight", "start", "len", "pool"],
  (k) => {
    const { get, set, i32, add, ld, st, when } = k
    return [
      set("n", k.state("n")),
      set("nlp", k.state("nlp")),
      set("nt", i32(0)),
      forRange(k, "a", i32(0), get("nlp"), [
        set("i", ld("lp", get("a"))),
        k.fcall("remove", get("i")),
        set("s", ld("start", add(get("n"), get("i")))),
        set("end", add(get("s"), ld("len", add(get("n"), get("i"))))),
        k.whileLt(get("s"), get("end"), [
          set("e", ld("pool", get("s"))),
          when(k.eq(ld("kind", get("e")), i32(ELEMENT)), [
            when(k.lt(ld("outside", get("e")), i32(0)), [
              st("outside", get("e"), ld("cliqueWeight", get("e"))),
              st("touched", get("nt"), get("e")),
              k.inc("nt", 1),
            ]),
            st("outside", get("e"), k.sub(ld("outside", get("e")), ld("nv", get("i")))),
          ]),
          k.inc("s", 1),
        ]),
      ]),
      k.setState("ntouched", get("nt")),
    ]
  },
)

// New degrees of Lₚ's variables; variables adjacent to p alone are eliminated with it. Each variable's elements
// become [p, the elements kept], in place when its block has room.
const updateDegrees = kernel(
  "updateDegrees",
  [["p", I32]],
  [
    ["n", I32],
    ["a", I32],
    ["nlp", I32],
    ["i", I32],
    ["s", I32],
    ["b", I32],
    ["end", I32],
    ["e", I32],
    ["out", I32],
    ["w", I32],
    ["sv", I32],
    ["nvi", I32],
    ["j", I32],
    ["cap", I32],
    ["ns", I32],
    ["old", I32],
    ["nkept", I32],
    ["stamp", I32],
    ["lpWeight", I32],
    ["left", I32],
    ["external", F64],
    ["h", F64],
    ["bound", F64],
  ],
  [],
  ["kind", "lp", "nv", "outside", "mark", "degree", "hash", "kept", "touched", "start", "len", "pool"],
  (k) => {
    const { get, set, i32, add, sub, ld, st, when, ifElse, f64of, fadd } = k
    const E = () => add(get("n"), get("i"))
    return [
      set("n", k.state("n")),
      set("nlp", k.state("nlp")),
      set("stamp", k.state("stamp")),
      set("lpWeight", k.state("lpWeight")),
      set("left", k.state("left")),
      set("nkept", i32(0)),
      forRange(k, "a", i32(0), get("nlp"), [
        set("i", ld("lp", get("a"))),
        // Elements: absorbed ones (Lₑ ⊆ Lₚ) dropped, the others kept in order at the front.
        set("s", ld("start", E())),
        set("end", ld("len", E())),
        set("external", k.f64zero),
        set("h", f64of(get("p"))),
        set("w", i32(0)),
        forRange(k, "b", i32(0), get("end"), [
          set("e", ld("pool", add(get("s"), get("b")))),
          when(k.eq(ld("kind", get("e")), i32(ELEMENT)), [
            set("out", ld("outside", get("e"))),
            ifElse(
              k.eqz(get("out")),
              [st("kind", get("e"), i32(GONE)), k.fcall("free", add(k.shl(get("n"), 1), get("e")))],
              [
                st("pool", add(get("s"), get("w")), get("e")),
                k.inc("w", 1),
                set("external", fadd(get("external"), f64of(get("out")))),
                set("h", fadd(get("h"), f64of(get("e")))),
              ],
            ),
          ]),
        ]),
        // Variables not in Lₚ, kept in order.
        set("sv", ld("start", get("i"))),
        set("end", ld("len", get("i"))),
        set("nvi", i32(0)),
        forRange(k, "b", i32(0), get("end"), [
          set("j", ld("pool", add(get("sv"), get("b")))),
          when(k.and(k.eq(ld("kind", get("j")), i32(VARIABLE)), k.ne(ld("mark", get("j")), get("stamp"))), [
            st("pool", add(get("sv"), get("nvi")), get("j")),
            k.inc("nvi", 1),
            set("external", fadd(get("external"), f64of(ld("nv", get("j"))))),
            set("h", fadd(get("h"), f64of(get("j")))),
          ]),
        ]),
        st("len", get("i"), get("nvi")),
        ifElse(
          k.eqz(k.or(get("w"), get("nvi"))),
          [
            st("kind", get("i"), i32(GONE)),
            set("left", sub(get("left"), ld("nv", get("i")))),
            k.fcall("emit", get("i")),
            k.fcall("free", get("i")),
            k.fcall("free", E()),
          ],
          [
            set("cap", i32(0)),
            when(k.gt(get("s"), i32(0)), set("cap", ld("pool", sub(get("s"), i32(1))))),
            ifElse(
              k.gt(get("cap"), get("w")),
              [k.copy(k.addr("pool", add(get("s"), i32(1))), k.addr("pool", get("s")), k.shl(get("w"), 2)), st("pool", get("s"), get("p"))],
              [
                set("ns", k.fcall("alloc", E(), add(k.shl(get("w"), 1), i32(4)))),
                when(k.eqz(get("ns")), k.ret([])),
                // alloc may have moved the old block.
                set("old", ld("start", E())),
                k.copy(k.addr("pool", add(get("ns"), i32(1))), k.addr("pool", get("old")), k.shl(get("w"), 2)),
                st("pool", get("ns"), get("p")),
                when(k.gt(get("old"), i32(0)), st("pool", sub(get("old"), i32(2)), i32(-1))),
                st("start", E(), get("ns")),
              ],
            ),
            st("len", E(), add(get("w"), i32(1))),
            set(
              "bound",
              k.fmin(
                f64of(sub(add(ld("degree", get("i")), get("lpWeight")), ld("nv", get("i")))),
                k.fsub(fadd(get("external"), f64of(get("lpWeight"))), f64of(ld("nv", get("i")))),
              ),
            ),
            st("degree", get("i"), k.i32of(k.fmax(k.f64zero, k.fmin(get("bound"), f64of(sub(get("left"), ld("nv", get("i")))))))),
            k.stF("hash", get("i"), get("h")),
            st("kept", get("nkept"), get("i")),
            k.inc("nkept", 1),
          ],
        ),
      ]),
      k.setState("left", get("left")),
      k.setState("nkept", get("nkept")),
      set("end", k.state("ntouched")),
      forRange(k, "a", i32(0), get("end"), st("outside", ld("touched", get("a")), i32(-1))),
    ]
  },
)

// Whether lists ta and tb hold the same set; takes a new stamp first, as the JavaScript's argument does.
const sameLists = kernel(
  "sameLists",
  [
    ["ta", I32],
    ["tb", I32],
  ],
  [
    ["stamp", I32],
    ["m", I32],
    ["c", I32],
    ["sa", I32],
    ["sb", I32],
  ],
  [I32],
  ["mark", "start", "len", "pool"],
  (k) => {
    const { get, set, i32, add, ld, st, when } = k
    return [
      k.bump("stamp", 1),
      set("stamp", k.state("stamp")),
      set("m", ld("len", get("ta"))),
      when(k.ne(get("m"), ld("len", get("tb"))), k.ret(i32(0))),
      set("sa", ld("start", get("ta"))),
      set("sb", ld("start", get("tb"))),
      forRange(k, "c", i32(0), get("m"), st("mark", ld("pool", add(get("sa"), get("c"))), get("stamp"))),
      forRange(k, "c", i32(0), get("m"), when(k.ne(ld("mark", ld("pool", add(get("sb"), get("c")))), get("stamp")), k.ret(i32(0)))),
      i32(1),
    ]
  },
)

// (hash, index) of sorted[x] before that of sorted[y]: the JavaScript's comparator, a total order.
const before = (k, x, y) => {
  const hx = k.ldF("hash", k.ld("sorted", x))
  const hy = k.ldF("hash", k.ld("sorted", y))
  return k.or(k.flt(hx, hy), k.and(k.feq(hx, hy), k.lt(k.ld("sorted", x), k.ld("sorted", y))))
}
const swap = (k, x, y) => [k.set("t", k.ld("sorted", x)), k.st("sorted", x, k.ld("sorted", y)), k.st("sorted", y, k.get("t"))]

// Heap sort's sift-down of sorted[root] within sorted[0 … end − 1].
const sift = kernel(
  "sift",
  [
    ["root", I32],
    ["end", I32],
  ],
  [
    ["child", I32],
    ["done", I32],
    ["t", I32],
  ],
  [],
  ["sorted", "hash"],
  (k) => {
    const { get, set, i32, add, when, ifElse } = k
    return [
      set("done", i32(0)),
      k.until(get("done"), [
        set("child", add(k.shl(get("root"), 1), i32(1))),
        ifElse(
          k.ge(get("child"), get("end")),
          [set("done", i32(1))],
          [
            when(k.lt(add(get("child"), i32(1)), get("end")), when(before(k, get("child"), add(get("child"), i32(1))), k.inc("child", 1))),
            ifElse(before(k, get("root"), get("child")), [swap(k, get("root"), get("child")), set("root", get("child"))], [set("done", i32(1))]),
          ],
        ),
      ]),
    ]
  },
)

const heapsort = kernel(
  "heapsort",
  [["m", I32]],
  [
    ["at", I32],
    ["t", I32],
  ],
  [],
  ["sorted", "hash"],
  (k) => {
    const { get, set, i32 } = k
    return [
      set("at", k.shrS(get("m"), 1)),
      k.until(k.le(get("at"), i32(0)), k.inc("at", -1), k.fcall("sift", get("at"), get("m"))),
      set("at", get("m")),
      k.until(k.le(get("at"), i32(1)), k.inc("at", -1), swap(k, i32(0), get("at")), k.fcall("sift", i32(0), get("at"))),
    ]
  },
)

// Indistinguishable variables (same elements, same variables) become one supervariable: candidates share a hash;
// more than 32 are sorted by it, so that the comparisons stay near linear.
const merge = kernel(
  "merge",
  [],
  [
    ["n", I32],
    ["nkept", I32],
    ["bySort", I32],
    ["cand", I32],
    ["a", I32],
    ["b", I32],
    ["i", I32],
    ["j", I32],
    ["stop", I32],
  ],
  [],
  ["kind", "nv", "degree", "hash", "chainNext", "chainTail", "kept", "sorted"],
  (k) => {
    const { get, set, i32, add, sub, ld, st, when, ifElse } = k
    return [
      set("n", k.state("n")),
      set("nkept", k.state("nkept")),
      when(k.lt(get("nkept"), i32(2)), k.ret([])),
      set("bySort", k.gt(get("nkept"), i32(32))),
      set("cand", get("kept")),
      when(get("bySort"), [k.copy(get("sorted"), get("kept"), k.shl(get("nkept"), 2)), k.fcall("heapsort", get("nkept")), set("cand", get("sorted"))]),
      forRange(k, "a", i32(0), get("nkept"), [
        set("i", ld("cand", get("a"))),
        when(k.eq(ld("kind", get("i")), i32(VARIABLE)), [
          set("b", add(get("a"), i32(1))),
          set("stop", i32(0)),
          k.until(k.or(k.ge(get("b"), get("nkept")), get("stop")), [
            set("j", ld("cand", get("b"))),
            ifElse(
              k.fne(k.ldF("hash", get("j")), k.ldF("hash", get("i"))),
              [when(get("bySort"), set("stop", i32(1)))],
              [
                when(
                  k.eq(ld("kind", get("j")), i32(VARIABLE)),
                  when(
                    k.fcall("sameLists", add(get("n"), get("i")), add(get("n"), get("j"))),
                    when(k.fcall("sameLists", get("i"), get("j")), [
                      st("nv", get("i"), add(ld("nv", get("i")), ld("nv", get("j")))),
                      st("degree", get("i"), k.i32of(k.fmax(k.f64zero, k.f64of(sub(ld("degree", get("i")), ld("nv", get("j"))))))),
                      st("kind", get("j"), i32(GONE)),
                      st("nv", get("j"), i32(0)),
                      k.fcall("free", add(get("n"), get("j"))),
                      k.fcall("free", get("j")),
                      st("chainNext", ld("chainTail", get("i")), get("j")),
                      st("chainTail", get("i"), ld("chainTail", get("j"))),
                    ]),
                  ),
                ),
              ],
            ),
            k.inc("b", 1),
          ]),
        ]),
      ]),
    ]
  },
)

// The variables left in Lₚ go back on the degree lists and make the element's clique.
const keepClique = kernel(
  "keepClique",
  [["p", I32]],
  [
    ["tag", I32],
    ["nkept", I32],
    ["left", I32],
    ["md", I32],
    ["cs", I32],
    ["m", I32],
    ["weight", I32],
    ["a", I32],
    ["i", I32],
  ],
  [],
  ["kind", "kept", "nv", "degree", "cliqueWeight", "start", "len", "pool"],
  (k) => {
    const { get, set, i32, add, sub, ld, st, when } = k
    const room = () => sub(get("left"), ld("nv", get("i")))
    return [
      set("tag", add(k.shl(k.state("n"), 1), get("p"))),
      set("nkept", k.state("nkept")),
      set("left", k.state("left")),
      set("md", k.state("minDegree")),
      set("cs", i32(0)),
      when(k.gt(get("nkept"), i32(0)), [set("cs", k.fcall("alloc", get("tag"), get("nkept"))), when(k.eqz(get("cs")), k.ret([]))]),
      set("m", i32(0)),
      set("weight", i32(0)),
      forRange(k, "a", i32(0), get("nkept"), [
        set("i", ld("kept", get("a"))),
        when(k.eq(ld("kind", get("i")), i32(VARIABLE)), [
          st("pool", add(get("cs"), get("m")), get("i")),
          k.inc("m", 1),
          set("weight", add(get("weight"), ld("nv", get("i")))),
          when(k.gt(ld("degree", get("i")), room()), st("degree", get("i"), k.i32of(k.fmax(k.f64zero, k.f64of(room()))))),
          k.fcall("insert", get("i")),
          when(k.lt(ld("degree", get("i")), get("md")), set("md", ld("degree", get("i")))),
        ]),
      ]),
      k.setState("minDegree", get("md")),
      st("cliqueWeight", get("p"), get("weight")),
      when(k.gt(get("cs"), i32(0)), st("start", get("tag"), get("cs")), st("len", get("tag"), get("m"))),
      when(k.eqz(get("m")), st("kind", get("p"), i32(GONE)), k.fcall("free", get("tag"))),
    ]
  },
)

// The quotient graph of the pattern (rowPtr, colIdx) with n and dense in their slots: rows with more than `dense`
// off-diagonal entries go last; every other variable on its degree list, from the last to the first.
const init = kernel(
  "init",
  [],
  [
    ["n", I32],
    ["i", I32],
    ["p", I32],
    ["pEnd", I32],
    ["d", I32],
    ["j", I32],
    ["nd", I32],
    ["s", I32],
    ["md", I32],
  ],
  [],
  ["rowPtr", "colIdx", "kind", "nv", "degree", "chainNext", "chainTail", "head", "next", "prev", "outside", "denseNodes", "start", "len", "pool"],
  (k) => {
    const { get, set, i32, add, ld, st, when } = k
    const row = [set("p", ld("rowPtr", get("i"))), set("pEnd", ld("rowPtr", add(get("i"), i32(1))))]
    return [
      set("n", k.state("n")),
      set("nd", i32(0)),
      forRange(k, "i", i32(0), get("n"), [
        row,
        set("d", i32(0)),
        k.whileLt(get("p"), get("pEnd"), when(k.ne(ld("colIdx", get("p")), get("i")), k.inc("d", 1)), k.inc("p", 1)),
        when(k.gt(get("d"), k.state("dense")), st("kind", get("i"), i32(GONE)), st("denseNodes", get("nd"), get("i")), k.inc("nd", 1)),
      ]),
      k.setState("ndense", get("nd")),
      k.setState("poolEnd", i32(2)),
      forRange(k, "i", i32(0), get("n"), [
        st("nv", get("i"), i32(1)),
        st("chainNext", get("i"), i32(-1)),
        st("chainTail", get("i"), get("i")),
        st("head", get("i"), i32(-1)),
        st("next", get("i"), i32(-1)),
        st("prev", get("i"), i32(-1)),
        st("outside", get("i"), i32(-1)),
        when(k.eq(ld("kind", get("i")), i32(VARIABLE)), [
          row,
          set("s", k.fcall("alloc", get("i"), k.sub(get("pEnd"), get("p")))),
          when(k.eqz(get("s")), k.ret([])),
          set("d", i32(0)),
          k.whileLt(get("p"), get("pEnd"), [
            set("j", ld("colIdx", get("p"))),
            when(k.and(k.ne(get("j"), get("i")), k.eq(ld("kind", get("j")), i32(VARIABLE))), [st("pool", add(get("s"), get("d")), get("j")), k.inc("d", 1)]),
            k.inc("p", 1),
          ]),
          st("start", get("i"), get("s")),
          st("len", get("i"), get("d")),
          st("degree", get("i"), get("d")),
        ]),
      ]),
      st("head", get("n"), i32(-1)),
      k.setState("k", i32(0)),
      k.setState("stamp", i32(0)),
      k.setState("left", k.sub(get("n"), get("nd"))),
      set("md", get("n")),
      set("i", get("n")),
      k.until(k.le(get("i"), i32(0)), [
        k.inc("i", -1),
        when(k.eq(ld("kind", get("i")), i32(VARIABLE)), [
          k.fcall("insert", get("i")),
          when(k.lt(ld("degree", get("i")), get("md")), set("md", ld("degree", get("i")))),
        ]),
      ]),
      k.setState("minDegree", get("md")),
    ]
  },
)

// At most `steps` pivots: 0 while variables are left, 1 when the order is complete (dense rows appended), −1 when the
// pool ran out. The caller calls again and again, so that the engine can move the steps' functions to its
// optimising compiler between calls.
const run = kernel(
  "run",
  [["steps", I32]],
  [
    ["p", I32],
    ["a", I32],
    ["at", I32],
    ["nd", I32],
  ],
  [I32],
  ["perm", "denseNodes"],
  (k) => {
    const { get, set, i32, ld, st, when } = k
    const failed = () => when(k.state("failed"), k.ret(i32(-1)))
    return [
      failed(),
      k.until(k.or(k.le(k.state("left"), i32(0)), k.le(get("steps"), i32(0))), [
        set("p", k.fcall("nextPivot")),
        k.fcall("newClique", get("p")),
        k.fcall("measureOutside"),
        k.fcall("updateDegrees", get("p")),
        failed(),
        k.fcall("merge"),
        k.fcall("keepClique", get("p")),
        failed(),
        k.inc("steps", -1),
      ]),
      when(k.gt(k.state("left"), i32(0)), k.ret(i32(0))),
      set("at", k.state("k")),
      set("nd", k.state("ndense")),
      forRange(k, "a", i32(0), get("nd"), [st("perm", get("at"), ld("denseNodes", get("a"))), k.inc("at", 1)]),
      k.setState("k", get("at")),
      i32(1),
    ]
  },
)

const functions = [
  insert,
  remove,
  emit,
  free,
  compact,
  alloc,
  joinClique,
  nextPivot,
  newClique,
  measureOutside,
  updateDegrees,
  sameLists,
  sift,
  heapsort,
  merge,
  keepClique,
  init,
  run,
]
if (functions.some((f, k) => f.name !== ORDER[k])) throw new Error("functions out of ORDER")
/** The TypeScript module of these bytes, as this script writes it (a test compares it with the file in src). */
export const generated = kernelModule(import.meta, {
  what: "The WebAssembly kernel of approximate minimum degree",
  constName: "minimumDegreeKernelHex",
  target: "econometrics/linalg/minimumDegreeKernelBytes.ts",
  functions: functions,
})
