import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import type { PGlite } from "@electric-sql/pglite"
import type { Db, Row } from "./Db.js"
import { acquireLock, type Lock } from "./lock.js"
import { tuneWasmCompilation } from "./wasmTuning.js"

/** Options for {@link openPglite}. */
export interface PgliteOptions {
  /**
   * A tarball made by PGlite's `dumpDataDir` to start an in-memory database from (tests: skips the slow initdb).
   * Only used when `dataDir` is undefined.
   */
  readonly template?: Blob
}

type Queryable = Pick<PGlite, "query" | "exec">

// PostgreSQL's 128 MB of shared buffers suits a server. The embedded store is one process whose files the operating
// system caches as well, and PostgreSQL clears its buffers at every start, in WebAssembly: with 32 MB PGlite starts
// about 75 ms sooner on the demo store than with 128 MB, with 16 MB another 35 ms (272 → 236 ms, median of 8), and
// reading every observation three times is no slower (0.96 → 0.91 s). 8 MB gains nothing more.
const SHARED_BUFFERS = ["-c", "shared_buffers=16MB"]

/** A PGlite-backed Db that can also dump its data directory (a tarball to start other databases from). */
export interface PgliteDb extends Db {
  dump(): Promise<Blob>
}

const wrap = (q: Queryable, location: string, inTx: boolean, root: PGlite, release: () => Promise<void>): Db => {
  const db: Db = {
    engine: "pglite",
    location,
    query: async <R extends Row>(sql: string, params: ReadonlyArray<unknown> = []) => (await q.query<R>(sql, [...params])).rows,
    exec: async (sql) => {
      await q.exec(sql)
    },
    transaction: (fn) => (inTx ? fn(db) : root.transaction((tx) => fn(wrap(tx as unknown as Queryable, location, true, root, release)))),
    close: release,
  }
  return db
}

/**
 * Open (creating when absent) an embedded PGlite database in `dataDir`, or in memory when `dataDir` is undefined.
 * A lock file in the directory keeps a second process out (PGlite is single-process); it fails with
 * InputError "store_in_use" naming the holder's process id.
 * @example const db = await openPglite("/home/me/.local/share/jiju/pgdata")
 */
export const openPglite = async (dataDir: string | undefined, opts: PgliteOptions = {}): Promise<PgliteDb> => {
  let lock: Lock | undefined
  if (dataDir !== undefined) {
    mkdirSync(dirname(dataDir), { recursive: true })
    lock = acquireLock(dataDir)
  }
  tuneWasmCompilation()
  try {
    // Imported only now: the dashboard loads the store's modules before it needs the database (and with the API as
    // its source, never).
    const { PGlite } = await import("@electric-sql/pglite")
    const start = { startParams: [...PGlite.defaultStartParams, ...SHARED_BUFFERS] }
    const pg =
      dataDir !== undefined ? await PGlite.create(dataDir, start) : await PGlite.create(opts.template ? { ...start, loadDataDir: opts.template } : start)
    let closed = false
    const release = async () => {
      if (closed) return
      closed = true
      try {
        await pg.close()
      } finally {
        lock?.release()
      }
    }
    return { ...wrap(pg, dataDir ?? "memory://", false, pg, release), dump: () => pg.dumpDataDir("none") }
  } catch (e) {
    lock?.release()
    throw e
  }
}
