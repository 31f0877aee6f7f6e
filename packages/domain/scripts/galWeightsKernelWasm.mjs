// Assembles the WebAssembly kernel that reads a regular GAL file straight into CSR weights (src/econometrics/weights/galWeightsKernel.ts) and
// writes src/econometrics/weights/galWeightsKernelBytes.ts. Run: node packages/domain/scripts/galWeightsKernelWasm.mjs
//
// "Regular": ASCII text; a header "n", "0 n" or "0 n …"; units numbered b, b + 1, … in file order as String writes
// them, each on a line "id k" followed by a line of its k neighbours (numbers of units, none repeated, not itself).
// That is what GeoDa and spdep write. The kernel gives the same rows, columns and weights as parseGalLinks then
// weightsFromLinks, and returns 0 at anything else; the caller then reads the file with those, which name the fault.
//
//   scan  the tokens of the text (start, end) and the first token of each line, as scanTokens splits them
//   gal   the weights: rowPtr, colIdx, values ("W": 1/k, "B": 1) and whether the relation is symmetric
import { F64, fn, I32, kernelModule, rowSearchKernel } from "./wasmAssembler.mjs"

const at4 = (e, base, index) => e.add(e.get(base), e.shl(index, 2))
const ld = (e, base, index, offset = 0) => e.intAt(base, index, offset)
const st = (e, base, index, x) => e.store32(at4(e, base, index), x)
const byte = (_e, addr) => [...addr, 0x2d, 0, 0] // i32.load8_u
const isSpace = (e, c) => e.or(e.or(e.eq(c, e.i32(32)), e.eq(c, e.i32(9))), e.or(e.eq(c, e.i32(11)), e.eq(c, e.i32(12))))
const isBreak = (e, c) => e.or(e.eq(c, e.i32(10)), e.eq(c, e.i32(13)))

// Tokens of text[0 … len) and lines: line l holds tokens first[l] … first[l + 1] − 1. Returns the number of lines,
// or −1 at a byte above 127 (the JavaScript's whitespace then includes characters a byte scan cannot see).
const scan = fn(
  "scan",
  [
    ["text", I32],
    ["len", I32],
    ["start", I32],
    ["end", I32],
    ["first", I32],
  ],
  [
    ["i", I32],
    ["c", I32],
    ["count", I32],
    ["lines", I32],
    ["s", I32],
    ["stop", I32],
  ],
  [I32],
  (e) => {
    const { get, set, i32, add, when, ifElse } = e
    const ch = (i) => byte(e, add(get("text"), i))
    return [
      // A byte above 127 anywhere: not for this kernel.
      set("i", i32(0)),
      e.whileLt(get("i"), get("len"), when(e.gt(ch(get("i")), i32(127)), e.ret(i32(-1))), e.inc("i", 1)),
      st(e, "first", i32(0), i32(0)),
      set("i", i32(0)),
      e.whileLt(get("i"), get("len"), [
        set("c", ch(get("i"))),
        ifElse(
          isBreak(e, get("c")),
          [
            e.inc("lines", 1),
            st(e, "first", get("lines"), get("count")),
            ifElse(
              e.and(e.eq(get("c"), i32(13)), e.and(e.lt(add(get("i"), i32(1)), get("len")), e.eq(ch(add(get("i"), i32(1))), i32(10)))),
              [e.inc("i", 2)],
              [e.inc("i", 1)],
            ),
          ],
          [
            ifElse(
              isSpace(e, get("c")),
              [e.inc("i", 1)],
              [
                set("s", get("i")),
                e.inc("i", 1),
                set("stop", i32(0)),
                e.until(e.or(e.ge(get("i"), get("len")), get("stop")), [
                  set("c", ch(get("i"))),
                  ifElse(e.or(isBreak(e, get("c")), isSpace(e, get("c"))), [set("stop", i32(1))], [e.inc("i", 1)]),
                ]),
                st(e, "start", get("count"), get("s")),
                st(e, "end", get("count"), get("i")),
                e.inc("count", 1),
              ],
            ),
          ],
        ),
      ]),
      // The text after the last line end is a line too.
      e.inc("lines", 1),
      st(e, "first", get("lines"), get("count")),
      get("lines"),
    ]
  },
)

// text[s … e) as tokenDecimal reads it, limited to 9 digits (so that it fits an i32); −1 otherwise.
const decimal = fn(
  "decimal",
  [
    ["text", I32],
    ["s", I32],
    ["e", I32],
  ],
  [
    ["v", I32],
    ["d", I32],
  ],
  [I32],
  (e) => {
    const { get, set, i32, add, sub, mul, when } = e
    return [
      when(e.or(e.le(sub(get("e"), get("s")), i32(0)), e.gt(sub(get("e"), get("s")), i32(9))), e.ret(i32(-1))),
      when(e.and(e.gt(sub(get("e"), get("s")), i32(1)), e.eq(byte(e, add(get("text"), get("s"))), i32(48))), e.ret(i32(-1))),
      e.whileLt(get("s"), get("e"), [
        set("d", sub(byte(e, add(get("text"), get("s"))), i32(48))),
        when(e.or(e.lt(get("d"), i32(0)), e.gt(get("d"), i32(9))), e.ret(i32(-1))),
        set("v", add(mul(get("v"), i32(10)), get("d"))),
        e.inc("s", 1),
      ]),
      get("v"),
    ]
  },
)

// Whether the sorted row i of (rowPtr, colIdx) holds j (as findLink).
const holds = rowSearchKernel("holds", { found: "one" })

// The weights of a regular GAL file whose tokens `scan` found (`lines` lines): the units' count n (or 0 when the
// file is not regular), rowPtr (n + 1), colIdx and values (one per link), `out` = [n, first id, symmetric].
// binary: 1 for "B" weights, 0 for "W".
const gal = fn(
  "gal",
  [
    ["text", I32],
    ["start", I32],
    ["end", I32],
    ["first", I32],
    ["lines", I32],
    ["binary", I32],
    ["rowPtr", I32],
    ["colIdx", I32],
    ["values", I32],
    ["out", I32],
  ],
  [
    ["l", I32],
    ["n", I32],
    ["t", I32],
    ["u", I32],
    ["k", I32],
    ["base", I32],
    ["d", I32],
    ["p", I32],
    ["q", I32],
    ["j", I32],
    ["x", I32],
    ["symmetric", I32],
    ["w", F64],
  ],
  [I32],
  (e) => {
    const { get, set, i32, add, sub, when, ifElse } = e
    const count = (l) => sub(ld(e, "first", l, 4), ld(e, "first", l))
    const dec = (t) => e.call(1, get("text"), ld(e, "start", t), ld(e, "end", t))
    const no = e.ret(i32(0))
    const skipEmpty = e.until(e.or(e.ge(get("l"), get("lines")), e.ne(count(get("l")), i32(0))), e.inc("l", 1))
    return [
      // The header: "n", or "0 n" and anything after.
      set("l", i32(0)),
      skipEmpty,
      when(e.ge(get("l"), get("lines")), no),
      set("t", ld(e, "first", get("l"))),
      ifElse(
        e.eq(count(get("l")), i32(1)),
        [set("n", dec(get("t")))],
        [
          when(e.ne(dec(get("t")), i32(0)), no),
          when(e.ne(sub(ld(e, "end", get("t")), ld(e, "start", get("t"))), i32(1)), no),
          set("n", dec(add(get("t"), i32(1)))),
        ],
      ),
      when(e.lt(get("n"), i32(0)), no),
      e.inc("l", 1),
      st(e, "rowPtr", i32(0), i32(0)),
      set("u", i32(0)),
      set("p", i32(0)),
      e.until(i32(0), [
        skipEmpty,
        // No more units: done when the header's count is met.
        when(e.ge(get("l"), get("lines")), [
          when(e.ne(get("u"), get("n")), no),
          e.store32(get("out"), get("n")),
          e.store32(add(get("out"), i32(4)), get("base")),
          // Whether every link has its reverse.
          set("symmetric", i32(1)),
          set("x", i32(0)),
          e.whileLt(get("x"), get("n"), [
            set("q", ld(e, "rowPtr", get("x"))),
            set("d", ld(e, "rowPtr", get("x"), 4)),
            e.whileLt(get("q"), get("d"), [
              when(e.eqz(e.call(2, get("rowPtr"), get("colIdx"), ld(e, "colIdx", get("q")), get("x"))), set("symmetric", i32(0))),
              e.inc("q", 1),
            ]),
            e.inc("x", 1),
          ]),
          e.store32(add(get("out"), i32(8)), get("symmetric")),
          e.ret(i32(1)),
        ]),
        when(e.ne(count(get("l")), i32(2)), no),
        when(e.ge(get("u"), get("n")), no),
        set("t", ld(e, "first", get("l"))),
        set("d", dec(get("t"))),
        set("k", dec(add(get("t"), i32(1)))),
        when(e.or(e.lt(get("d"), i32(0)), e.lt(get("k"), i32(0))), no),
        ifElse(e.eqz(get("u")), [set("base", get("d"))], [when(e.ne(get("d"), add(get("base"), get("u"))), no)]),
        ifElse(
          e.gt(get("k"), i32(0)),
          [
            when(e.ge(add(get("l"), i32(1)), get("lines")), no),
            when(e.ne(count(add(get("l"), i32(1))), get("k")), no),
            set("t", ld(e, "first", add(get("l"), i32(1)))),
            set("q", get("p")),
            e.whileLt(get("q"), add(get("p"), get("k")), [
              set("d", dec(get("t"))),
              when(e.lt(get("d"), i32(0)), no),
              set("j", sub(get("d"), get("base"))),
              // Unknown, or the unit itself.
              when(e.or(e.or(e.lt(get("j"), i32(0)), e.ge(get("j"), get("n"))), e.eq(get("j"), get("u"))), no),
              // Insertion into the sorted row; a repeat is not regular.
              set("x", get("q")),
              e.until(e.or(e.le(get("x"), get("p")), e.le(ld(e, "colIdx", sub(get("x"), i32(1))), get("j"))), [
                st(e, "colIdx", get("x"), ld(e, "colIdx", sub(get("x"), i32(1)))),
                e.inc("x", -1),
              ]),
              when(e.and(e.gt(get("x"), get("p")), e.eq(ld(e, "colIdx", sub(get("x"), i32(1))), get("j"))), no),
              st(e, "colIdx", get("x"), get("j")),
              e.inc("q", 1),
              e.inc("t", 1),
            ]),
            e.inc("l", 2),
          ],
          [e.inc("l", 1)],
        ),
        // "W": each of the k links weighs 1/k (the JavaScript's sum of k ones, then 1/sum); "B": 1.
        ifElse(get("binary"), [set("w", e.f64(1))], [set("w", e.fdiv(e.f64(1), e.f64of(get("k"))))]),
        set("q", get("p")),
        e.whileLt(get("q"), add(get("p"), get("k")), [e.storeF(add(get("values"), e.shl(get("q"), 3)), get("w")), e.inc("q", 1)]),
        set("p", add(get("p"), get("k"))),
        e.inc("u", 1),
        st(e, "rowPtr", get("u"), get("p")),
      ]),
      no,
    ]
  },
)

/** The TypeScript module of these bytes, as this script writes it (a test compares it with the file in src). */
export const generated = kernelModule(import.meta, {
  what: "The WebAssembly kernel that reads a regular GAL file into CSR weights",
  constName: "galWeightsKernelHex",
  target: "econometrics/weights/galWeightsKernelBytes.ts",
  functions: [scan, decimal, holds, gal],
})
