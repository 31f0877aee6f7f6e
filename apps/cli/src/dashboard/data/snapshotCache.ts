import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { embeddedStoreDir } from "@jiju/app/local"
import type { Snapshot } from "./snapshot.js"

// The last snapshot the application core answered, kept beside the embedded store with the state of the store's
// files when it closed. Opening PGlite and reading the ranking take seconds; when the store's files are exactly as
// they were, the core would answer the same, so the dashboard shows this at once and replaces it with the live
// answer when the store has opened. Any write to the store (another `jiju` command, an import) changes its files
// and the kept snapshot is not used. PostgreSQL (DATABASE_URL) has no such files: nothing is kept for it.
const FILE = "dashboard-snapshot.json"
const FORMAT = 1

type Env = Readonly<Record<string, string | undefined>>

/**
 * The state of the embedded store's files (count, bytes, latest change), or null without a store: any write
 * to the store changes it.
 * @example storeFingerprint("/home/me/.local/share/jiju") // "1050:67985587:1796566661598.61"
 */
export const storeFingerprint = (dir: string): string | null => {
  let files = 0
  let bytes = 0
  let latest = 0
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else {
        const s = statSync(p)
        files++
        bytes += s.size
        latest = Math.max(latest, s.mtimeMs)
      }
    }
  }
  try {
    walk(join(dir, "pgdata"))
  } catch {
    return null
  }
  return files === 0 ? null : `${files}:${bytes}:${latest}`
}

// The running build: another version of jiju may rank differently.
const build = (): string => {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs)
  } catch {
    return "unknown"
  }
}

interface Kept {
  readonly format: number
  readonly build: string
  readonly fingerprint: string
  readonly snapshot: Snapshot
}

/**
 * The snapshot kept when the dashboard last closed this store, if the store's files have not changed since and the
 * same build of jiju reads it; else null.
 * @example const snap = readKeptSnapshot(process.env) // { …, kept: true } or null
 */
export const readKeptSnapshot = (env: Env): Snapshot | null => {
  const dir = embeddedStoreDir(env)
  if (dir === null) return null
  try {
    const kept = JSON.parse(readFileSync(join(dir, FILE), "utf8")) as Kept
    if (kept.format !== FORMAT || kept.build !== build()) return null
    if (kept.fingerprint !== storeFingerprint(dir)) return null
    return { ...kept.snapshot, kept: true }
  } catch {
    return null
  }
}

/**
 * Keep a snapshot the core answered beside the embedded store, with the state of its files; call it once the
 * store is closed (closing writes to the files).
 * @example await source.close(); keepSnapshot(process.env, snap)
 */
export const keepSnapshot = (env: Env, snapshot: Snapshot): void => {
  const dir = embeddedStoreDir(env)
  if (dir === null) return
  const fingerprint = storeFingerprint(dir)
  if (fingerprint === null) return
  const kept: Kept = { format: FORMAT, build: build(), fingerprint, snapshot: { ...snapshot, kept: false } }
  const tmp = join(dir, `${FILE}.${process.pid}`)
  try {
    writeFileSync(tmp, JSON.stringify(kept), { mode: 0o600 })
    renameSync(tmp, join(dir, FILE))
  } catch {
    // Nothing kept: the next start reads the store, as without this file.
  }
}
