/**
 * Where the embedded store lives, without opening it (a light module: a front end may read files it keeps beside
 * the store before the store has loaded).
 */

import { dataDir, type StoreEnv } from "@jiju/store/dataDir"

/**
 * The data directory of the embedded store (PGlite) the environment chooses, or null when it chooses PostgreSQL
 * (DATABASE_URL set).
 * @example embeddedStoreDir({ JIJU_DATA_DIR: "/tmp/j" }) // "/tmp/j"
 */
export const embeddedStoreDir = (env: StoreEnv): string | null => (env.DATABASE_URL !== undefined && env.DATABASE_URL !== "" ? null : dataDir(env))

/**
 * Set now the WebAssembly compilation flags the embedded store sets when it opens (a light call). A process that
 * runs code with V8's code cache before the store opens sets them first: V8 takes a cache only under the flags it
 * was made with.
 * @example tuneWasmCompilation(); runCachedScript(file, env)
 */
export { tuneWasmCompilation } from "@jiju/store/wasmTuning"
