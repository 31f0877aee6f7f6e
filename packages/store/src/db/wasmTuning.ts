import { setFlagsFromString } from "node:v8"

// PGlite is PostgreSQL compiled to 9 MB of WebAssembly, compiled anew by every process that opens the embedded
// store. V8's defaults suit a browser tab on a many-core machine: every function validated up front, and hot ones
// recompiled by the optimising tier at once, on as many threads as there are cores. On a 2-core machine those
// threads take the cores from the start-up itself. With these flags the dashboard's first ranking after a write to
// the store came at 1.10 s instead of 1.34 s, and at 0.94 s instead of 1.20 s (medians of two sets of 9 alternated
// launches, bench/dashboard-startup.mjs --fresh); a long read of every observation is as fast (0.35 s against
// 0.38 s), because hot functions are still optimised, only later and on one thread. --liftoff-only (never
// optimise) starts as fast but makes that read 1.6 times slower.
// Only WebAssembly compilation flags: V8 reads them when it compiles a module, so setting them at run time is safe
// (its garbage collector's flags are not). They change how fast, never what is computed.
const FLAGS = ["--wasm-lazy-validation", "--wasm-num-compilation-tasks=1", "--wasm-tiering-budget=100000000"]

let applied = false

/**
 * Tune V8's WebAssembly compilation for a short-lived embedded database, once per process, before PGlite's module
 * is compiled.
 * @example tuneWasmCompilation(); const pg = await PGlite.create(dir)
 */
export const tuneWasmCompilation = (): void => {
  if (applied) return
  applied = true
  setFlagsFromString(FLAGS.join(" "))
}
