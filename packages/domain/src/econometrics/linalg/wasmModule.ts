/**
 * The few WebAssembly calls the numeric kernels make, typed locally: the core is typechecked without the DOM
 * library, and an engine may have no WebAssembly at all.
 * @internal
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> }
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer }
}

/** The engine's WebAssembly, if it has one. @internal */
const wasmApi: WasmApi | undefined = (globalThis as { WebAssembly?: WasmApi }).WebAssembly

/** wasm32 memories end at 4 GiB; stay well inside what every engine grants. @internal */
const WASM_MEMORY_LIMIT = 2 ** 31 - 2 ** 16

/**
 * A compiler of the module in `hex` that compiles it once, on first use; it gives null without WebAssembly or
 * without the features the module uses (SIMD), and callers then run their JavaScript loops.
 * @internal
 * @example const module = wasmModuleOnce(denseKernelHex); module() // object | null
 */
export const wasmModuleOnce = (hex: string): (() => object | null) => {
  let compiled: object | null | undefined
  return () => {
    if (compiled === undefined) {
      try {
        // Digits by their character codes: a loop of parseInt and slice costs milliseconds in a fresh process.
        const digit = (c: number) => (c <= 57 ? c - 48 : c - 87)
        const bytes = new Uint8Array(hex.length / 2)
        for (let i = 0; i < bytes.length; i++) bytes[i] = (digit(hex.charCodeAt(2 * i)) << 4) | digit(hex.charCodeAt(2 * i + 1))
        compiled = wasmApi === undefined ? null : new wasmApi.Module(bytes)
      } catch {
        compiled = null
      }
    }
    return compiled
  }
}

/**
 * Kernels that tests can switch off: `instance(bytes)` gives an instance of the module in `hex` over a new memory
 * (see {@link kernelInstance}), or undefined after `use(false)`, and the caller runs its loops.
 * @internal
 * @example const series = switchableKernels<SeriesKernelExports>(seriesKernelHex); series.instance(1 << 20)
 */
export const switchableKernels = <K>(hex: string) => {
  let enabled = true
  const module = wasmModuleOnce(hex)
  return {
    use: (on: boolean): void => {
      enabled = on
    },
    instance: (bytes: number): (K & { readonly buffer: ArrayBuffer }) | undefined => kernelInstance<K>(enabled ? module() : null, bytes),
  }
}

/** Inputs below this many elements run the loops: a memory of their own is not worth it. @internal */
export const KERNEL_MIN_ELEMENTS = 1 << 12

/**
 * Call `kernel` over ranges of 1,024 of n rows in turn. A kernel called once runs wholly in the engine's baseline
 * compiler, which moves a hot WebAssembly function to its optimising compiler only between calls.
 * @internal
 * @example inRowRanges(n, (from, to) => k.traces(…, from, to, res))
 */
export const inRowRanges = (n: number, kernel: (from: number, to: number) => void): void => {
  for (let from = 0; from < n; from += 1024) kernel(from, Math.min(n, from + 1024))
}

/**
 * An instance of `module` over a new memory of at least `bytes` zero bytes, with that memory's buffer; undefined
 * without a module (no WebAssembly or SIMD, or switched off), beyond the size limit, or out of address space for
 * another memory. Callers then run their JavaScript loops, which give the same numbers.
 * @internal
 * @example const k = kernelInstance<{ dot(…): number }>(module(), 1 << 20)
 */
export const kernelInstance = <K>(module: object | null, bytes: number): (K & { readonly buffer: ArrayBuffer }) | undefined => {
  if (module === null || wasmApi === undefined || bytes > WASM_MEMORY_LIMIT) return undefined
  try {
    const memory = new wasmApi.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) })
    const exports = new wasmApi.Instance(module, { env: { memory } }).exports as K
    return { ...exports, buffer: memory.buffer }
  } catch {
    return undefined
  }
}

/**
 * Typed arrays laid out one after another in `buffer` from byte `start` (8-byte aligned), or plain arrays when
 * there is none.
 * @internal
 * @example const a = carve(k?.buffer); const rowPtr = a.int32(n + 1)
 */
export const carve = (buffer: ArrayBuffer | undefined, start = 0) => {
  let offset = start
  const take = (bytes: number) => {
    const at = offset
    offset += Math.ceil(bytes / 8) * 8
    return at
  }
  const int32 = (length: number): Int32Array => (buffer === undefined ? new Int32Array(length) : new Int32Array(buffer, take(length * 4), length))
  const float64 = (length: number): Float64Array => (buffer === undefined ? new Float64Array(length) : new Float64Array(buffer, take(length * 8), length))
  return {
    int32,
    float64,
    /** A copy of `from` laid out next. */
    int32Of: (from: ArrayLike<number>): Int32Array => {
      const c = int32(from.length)
      c.set(from)
      return c
    },
    float64Of: (from: ArrayLike<number>): Float64Array => {
      const c = float64(from.length)
      c.set(from)
      return c
    },
  }
}

/** The bytes carve takes for these lengths of 4- and 8-byte arrays. @internal @example carvedBytes([n + 1], [n]) */
export const carvedBytes = (int32s: ReadonlyArray<number>, float64s: ReadonlyArray<number>): number =>
  int32s.reduce((s, l) => s + Math.ceil((l * 4) / 8) * 8, 0) + float64s.reduce((s, l) => s + l * 8, 0)
