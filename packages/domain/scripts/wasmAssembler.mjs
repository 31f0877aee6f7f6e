import { writeFileSync } from "node:fs"
import { basename, resolve } from "node:path"
import { fileURLToPath } from "node:url"

// The WebAssembly binary encoding that the kernel generators (denseKernelWasm.mjs, seriesKernelWasm.mjs) write by
// hand: LEB128 numbers, names, vectors, sections, value types, and a module of functions over an imported memory.

export const uleb = (n) => {
  const out = []
  do {
    let b = n & 0x7f
    n >>>= 7
    if (n !== 0) b |= 0x80
    out.push(b)
  } while (n !== 0)
  return out
}
export const sleb = (n) => {
  const out = []
  for (;;) {
    const b = n & 0x7f
    n >>= 7
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b)
      return out
    }
    out.push(b | 0x80)
  }
}
export const str = (s) => [...uleb(s.length), ...Buffer.from(s, "utf8")]
export const vec = (items) => [...uleb(items.length), ...items.flat()]
export const section = (id, body) => [id, ...uleb(body.length), ...body]

export const I32 = 0x7f
export const F64 = 0x7c
export const V128 = 0x7b

/**
 * A module whose functions share the memory "env"."memory" (imported, so that the caller sizes it) and are all
 * exported by name. Each function: { name, params: [type], results: [type], body } where body is the code
 * section's entry (local declarations, instructions, end).
 */
export const moduleBytes = (functions) => {
  // One type per distinct signature.
  const signatures = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))])
  const types = [...new Set(signatures.map((t) => t.join()))]
  for (const f of functions)
    if (!f.body.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) throw new Error(`${f.name}: the body holds something other than bytes`)
  const bytes = Buffer.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types.map((t) => t.split(",").map(Number)))),
    ...section(2, vec([[...str("env"), ...str("memory"), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec(signatures.map((t) => uleb(types.indexOf(t.join()))))),
    ...section(7, vec(functions.map((f, k) => [...str(f.name), 0x00, ...uleb(k)]))),
    ...section(10, vec(functions.map((f) => [...uleb(f.body.length), ...f.body]))),
  ])
  new WebAssembly.Module(bytes) // throws, naming the fault, when the bytes do not validate
  return bytes
}

/**
 * A function from its parameter and local names ([name, type] pairs) and a builder that receives expression
 * helpers (each gives bytes; statements are bytes or arrays of them) and returns the body.
 */
export const fn = (name, params, locals, results, build) => {
  const names = [...params.map(([n]) => n), ...locals.map(([n]) => n)]
  const at = (n) => {
    const k = names.indexOf(n)
    if (k < 0) throw new Error(`${name}: no local ${n}`)
    return uleb(k)
  }
  const e = {
    get: (n) => [0x20, ...at(n)],
    set: (n, x) => [...x, 0x21, ...at(n)],
    i32: (v) => [0x41, ...sleb(v)],
    f64zero: [0x44, 0, 0, 0, 0, 0, 0, 0, 0],
    add: (a, b) => [...a, ...b, 0x6a],
    mul: (a, b) => [...a, ...b, 0x6c],
    shl: (a, k) => [...a, 0x41, ...sleb(k), 0x74],
    load32: (addr, offset = 0) => [...addr, 0x28, 2, ...uleb(offset)],
    loadF: (addr, offset = 0) => [...addr, 0x2b, 3, ...uleb(offset)],
    storeF: (addr, x) => [...addr, ...x, 0x39, 3, 0],
    store32: (addr, x) => [...addr, ...x, 0x36, 2, 0],
    /** Element `index` of the Int32 array whose byte address is the local `base` (plus `offset` bytes). */
    intAt: (base, index, offset = 0) => [0x20, ...at(base), ...index, 0x41, 2, 0x74, 0x6a, 0x28, 2, ...uleb(offset)],
    fadd: (a, b) => [...a, ...b, 0xa0],
    fmul: (a, b) => [...a, ...b, 0xa2],
    fne: (a, b) => [...a, ...b, 0x62],
    eq: (a, b) => [...a, ...b, 0x46],
    loadV: (addr) => [...addr, 0xfd, ...uleb(0x00), 3, 0],
    storeV: (addr, x) => [...addr, ...x, 0xfd, ...uleb(0x0b), 3, 0],
    splat: (x) => [...x, 0xfd, ...uleb(0x14)],
    vadd: (a, b) => [...a, ...b, 0xfd, ...uleb(0xf0)],
    vmul: (a, b) => [...a, ...b, 0xfd, ...uleb(0xf2)],
    /** if (cond) body */
    when: (cond, ...body) => [...cond, 0x04, 0x40, ...body.flat(Infinity), 0x0b],
    /** while (a < b, signed) { body }: body may not branch out. */
    whileLt: (a, b, ...body) => [0x02, 0x40, 0x03, 0x40, ...a, ...b, 0x4e, 0x0d, 1, ...body.flat(Infinity), 0x0c, 0, 0x0b, 0x0b],
    /** until (stop) { body }: the test comes first, as in a while loop; body may not branch out. */
    until: (stop, ...body) => [0x02, 0x40, 0x03, 0x40, ...stop.flat(Infinity), 0x0d, 1, ...body.flat(Infinity), 0x0c, 0, 0x0b, 0x0b],
    inc: (n, by) => [0x20, ...at(n), 0x41, ...sleb(by), 0x6a, 0x21, ...at(n)],
    sub: (a, b) => [...a, ...b, 0x6b],
    and: (a, b) => [...a, ...b, 0x71],
    shrS: (a, k) => [...a, 0x41, ...sleb(k), 0x75],
    lt: (a, b) => [...a, ...b, 0x48],
    gt: (a, b) => [...a, ...b, 0x4a],
    ge: (a, b) => [...a, ...b, 0x4e],
    /** The smaller of two i32 (signed). */
    min: (a, b) => [...a, ...b, ...a, ...b, 0x48, 0x1b],
    fsub: (a, b) => [...a, ...b, 0xa1],
    fdiv: (a, b) => [...a, ...b, 0xa3],
    fsqrt: (a) => [...a, 0x9f],
    /** !(a > b) for f64 (true when either is NaN). */
    fNotGt: (a, b) => [...a, ...b, 0x64, 0x45],
    f64: (v) => [0x44, ...new Uint8Array(new Float64Array([v]).buffer)],
    /** if (cond) then else otherwise */
    ifElse: (cond, then, otherwise) => [...cond, 0x04, 0x40, ...then.flat(Infinity), 0x05, ...otherwise.flat(Infinity), 0x0b],
    call: (index, ...args) => [...args.flat(Infinity), 0x10, ...uleb(index)],
    ret: (x) => [...x, 0x0f],
    /** memory.copy (memmove) of `bytes` bytes from src to dst. */
    copy: (dst, src, bytes) => [...dst, ...src, ...bytes, 0xfc, ...uleb(10), 0, 0],
    ne: (a, b) => [...a, ...b, 0x47],
    le: (a, b) => [...a, ...b, 0x4c],
    eqz: (a) => [...a, 0x45],
    or: (a, b) => [...a, ...b, 0x72],
    flt: (a, b) => [...a, ...b, 0x63],
    feq: (a, b) => [...a, ...b, 0x61],
    fle: (a, b) => [...a, ...b, 0x65],
    fgt: (a, b) => [...a, ...b, 0x64],
    fabs: (a) => [...a, 0x99],
    fmin: (a, b) => [...a, ...b, 0xa4],
    fmax: (a, b) => [...a, ...b, 0xa5],
    /** The f64 of a signed i32. */
    f64of: (a) => [...a, 0xb7],
    /** The i32 of an f64 that holds one (truncation). */
    i32of: (a) => [...a, 0xaa],
    /** A call's result dropped. */
    drop: (x) => [...x, 0x1a],
  }
  const declared = vec(locals.map(([, t]) => [1, t]))
  return { name, params: params.map(([, t]) => t), results, body: [...declared, ...build(e).flat(Infinity), 0x0b] }
}

// s + Σ a_i·b_i over `length` elements, in order (as `let t = s; for (…) t += a[i] * b[i]`).
export const dotKernel = fn(
  "dot",
  [
    ["s", F64],
    ["a", I32],
    ["b", I32],
    ["length", I32],
  ],
  [["end", I32]],
  [F64],
  (e) => {
    const { get, set, add, fadd, fmul, loadF, whileLt, inc } = e
    return [
      set("end", add(get("a"), e.shl(get("length"), 3))),
      whileLt(get("a"), get("end"), [set("s", fadd(get("s"), fmul(loadF(get("a")), loadF(get("b"))))), inc("a", 8), inc("b", 8)]),
      get("s"),
    ]
  },
)

/** The TypeScript module that holds a kernel module's bytes, as its generator `script` writes it. */
export const kernelModuleText = (script, what, constName, bytes) =>
  `// Generated by packages/domain/scripts/${script} — do not edit.\n/** ${what} (${bytes.length} bytes, hexadecimal). @internal */\nexport const ${constName} =\n  "${bytes.toString("hex")}"\n`

/**
 * A generator's module: its TypeScript text (what `generated` exports, for the test that compares it with the file
 * in src), written to `target` (a path from packages/domain/src) when the generator is the script node runs.
 */
export const kernelModule = (meta, { what, constName, target, functions }) => {
  const text = kernelModuleText(basename(fileURLToPath(meta.url)), what, constName, moduleBytes(functions))
  writeWhenRun(meta, new URL(`../src/${target}`, meta.url), text)
  return text
}

/**
 * A kernel `name(rowPtr, colIdx, i, j)` that finds j in the sorted row i of a CSR pattern by binary search, as
 * findLink does (`(lo + hi) >>> 1`): its position, or 1 when `found` is "one"; when absent −1 (0 for "one"). With
 * `scan`, an absent j is then looked for entry by entry (rows not sorted), as symmetricSimilarity's find does.
 */
export const rowSearchKernel = (name, { found = "position", scan = false } = {}) =>
  fn(
    name,
    [
      ["rowPtr", I32],
      ["colIdx", I32],
      ["i", I32],
      ["j", I32],
    ],
    [
      ["lo", I32],
      ["hi", I32],
      ["mid", I32],
      ["c", I32],
    ],
    [I32],
    (e) => {
      const { get, set, i32, add, sub, when, ifElse, intAt } = e
      const hit = (at) => e.ret(found === "one" ? i32(1) : get(at))
      return [
        set("lo", intAt("rowPtr", get("i"))),
        set("hi", sub(intAt("rowPtr", get("i"), 4), i32(1))),
        e.until(e.gt(get("lo"), get("hi")), [
          set("mid", [...add(get("lo"), get("hi")), 0x41, 1, 0x76]),
          set("c", intAt("colIdx", get("mid"))),
          when(e.eq(get("c"), get("j")), hit("mid")),
          ifElse(e.lt(get("c"), get("j")), [set("lo", add(get("mid"), i32(1)))], [set("hi", sub(get("mid"), i32(1)))]),
        ]),
        scan
          ? [
              set("lo", intAt("rowPtr", get("i"))),
              set("hi", intAt("rowPtr", get("i"), 4)),
              e.whileLt(get("lo"), get("hi"), when(e.eq(intAt("colIdx", get("lo")), get("j")), hit("lo")), e.inc("lo", 1)),
            ]
          : [],
        i32(found === "one" ? 0 : -1),
      ]
    },
  )

/**
 * Write a generator's module to `target` when the generator is the script node runs; a test that imports the
 * generator only compares the text with the file in the repository.
 */
export const writeWhenRun = (meta, target, text) => {
  if (process.argv[1] === undefined || fileURLToPath(meta.url) !== resolve(process.argv[1])) return
  writeFileSync(target, text)
  console.log(`${fileURLToPath(target).split("/").pop()}: ${text.length} characters`)
}
