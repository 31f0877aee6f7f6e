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
