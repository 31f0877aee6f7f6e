/**
 * The few WebAssembly calls the numeric kernels make, typed locally: the core is typechecked without the DOM
 * library, and an engine may have no WebAssembly at all.
 * @internal
 */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> }
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer }
}

/** The engine's WebAssembly, if it has one. @internal */
export const wasmApi: WasmApi | undefined = (globalThis as { WebAssembly?: WasmApi }).WebAssembly

/** wasm32 memories end at 4 GiB; stay well inside what every engine grants. @internal */
export const WASM_MEMORY_LIMIT = 2 ** 31 - 2 ** 16

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
        const bytes = new Uint8Array(hex.length / 2)
        for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
        compiled = wasmApi === undefined ? null : new wasmApi.Module(bytes)
      } catch {
        compiled = null
      }
    }
    return compiled
  }
}
