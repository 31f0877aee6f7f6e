import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { embeddedStoreDir } from "@jiju/app/local"
import type { Snapshot } from "./snapshot.js"

// The last snapshot the application core answered, kept beside the embedded store with the state of the store's
// files when it closed. Opening PGlite and reading the ranking take about a second; when the store is exactly as it
// was, the core would answer the same, so the dashboard shows this at once and replaces it with the live answer
// when the store has opened. Any write to the store (another `jiju` command, an import) changes its state and the
// kept snapshot is not used. PostgreSQL (DATABASE_URL) has no such files: nothing is kept for it.
//
// The file is one line of header (format, build, the store's state) and one of snapshot, so that a stale snapshot
// (a megabyte on the demo store) is not parsed: the first launch after a write decides at once.
const FILE = "dashboard-snapshot.jsonl"
const FORMAT = 2

type Env = Readonly<Record<string, string | undefined>>

const stamp = (path: string) => {
  const s = statSync(path)
  return `${s.size}:${s.mtimeMs}`
}

/**
 * The state of the embedded store: its control file and its write-ahead log (each segment's name, size and last
 * change), or null without a store. PostgreSQL writes every change to the log before any data file, and a clean
 * close rewrites the control file, so any write, and any session, changes it; reading a thousand data files'
 * states would say nothing more, and took 15 ms on the demo store.
 * @example storeFingerprint("/home/me/.local/share/jiju") // "8192:1796566661598.61|000000010000000000000004:16777216:1796566661598.61"
 */
export const storeFingerprint = (dir: string): string | null => {
  const pgdata = join(dir, "pgdata")
  try {
    const log = readdirSync(join(pgdata, "pg_wal"), { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${e.name}:${stamp(join(pgdata, "pg_wal", e.name))}`)
      .sort()
    return [stamp(join(pgdata, "global", "pg_control")), ...log].join("|")
  } catch {
    return null
  }
}

// The running build: another version of jiju may rank differently.
const build = (): string => {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs)
  } catch {
    return "unknown"
  }
}

interface Header {
  readonly format: number
  readonly build: string
  readonly fingerprint: string
}

/**
 * The snapshot kept when the dashboard last closed this store, if the store has not changed since and the same
 * build of jiju reads it; else null.
 * @example const snap = readKeptSnapshot(process.env) // { …, kept: true } or null
 */
export const readKeptSnapshot = (env: Env): Snapshot | null => {
  const dir = embeddedStoreDir(env)
  if (dir === null) return null
  try {
    const text = readFileSync(join(dir, FILE), "utf8")
    const eol = text.indexOf("\n")
    const header = JSON.parse(text.slice(0, eol)) as Header
    if (header.format !== FORMAT || header.build !== build()) return null
    if (header.fingerprint !== storeFingerprint(dir)) return null
    return { ...(JSON.parse(text.slice(eol + 1)) as Snapshot), kept: true }
  } catch {
    return null
  }
}

/**
 * Keep a snapshot the core answered beside the embedded store, with the store's state; call it once the store is
 * closed (closing rewrites its control file).
 * @example await source.close(); keepSnapshot(process.env, snap)
 */
export const keepSnapshot = (env: Env, snapshot: Snapshot): void => {
  const dir = embeddedStoreDir(env)
  if (dir === null) return
  const fingerprint = storeFingerprint(dir)
  if (fingerprint === null) return
  const header: Header = { format: FORMAT, build: build(), fingerprint }
  const tmp = join(dir, `${FILE}.${process.pid}`)
  try {
    writeFileSync(tmp, `${JSON.stringify(header)}\n${JSON.stringify({ ...snapshot, kept: false })}`, { mode: 0o600 })
    renameSync(tmp, join(dir, FILE))
  } catch {
    // Nothing kept: the next start reads the store, as without this file.
  }
}
