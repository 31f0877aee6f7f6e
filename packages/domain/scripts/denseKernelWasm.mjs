// Assembles the WebAssembly SIMD kernel of the dense block update C −= A·Bᵀ (8×8 blocks of packed operands) and
// writes src/econometrics/linalg/denseKernelBytes.ts. Run: node packages/domain/scripts/denseKernelWasm.mjs
// The kernel works on two rows at a time (f64x2 lanes) and performs, for every element of C, the same
// operations in the same order as updateNT's 8×8 loop: c − (((x0·b0 + x1·b1) + x2·b2) + … + x7·b7).
import { writeFileSync } from "node:fs"
import { F64, I32, moduleBytes, sleb, uleb, V128, vec } from "./wasmAssembler.mjs"

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

const out = moduleBytes(widths.map((w, k) => ({ name: `update${w}`, params: params.map(() => I32), results: [], body: codes[k] })))
const target = new URL("../src/econometrics/linalg/denseKernelBytes.ts", import.meta.url)
writeFileSync(
  target,
  `// Generated by packages/domain/scripts/denseKernelWasm.mjs — do not edit.\n/** The WebAssembly SIMD kernel of the dense block update (${out.length} bytes, hexadecimal). @internal */\nexport const denseKernelHex =\n  "${out.toString("hex")}"\n`,
)
console.log(`denseKernelBytes.ts: ${out.length} bytes`)
