import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs"
import { join } from "node:path"
import { InputError } from "@jiju/domain/model"

/** A held lock; `release` removes the lock file if it is still ours. */
export interface Lock {
  release(): void
}

/** Who holds a lock: a process id and, where the system tells it, the process's start time (pid reuse). */
interface Holder {
  readonly pid: number
  readonly start: string | null
}

// Field 22 of /proc/<pid>/stat (after the parenthesised command name): the start time in clock ticks since boot.
const procStat = (pid: number): { state: string; start: string } | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return { state: rest[0] ?? "", start: rest[19] ?? "" }
  } catch {
    return undefined
  }
}

const hasProc = existsSync("/proc/self/stat")

const me = (): Holder => ({ pid: process.pid, start: hasProc ? (procStat(process.pid)?.start ?? null) : null })

const format = (h: Holder) => (h.start === null ? String(h.pid) : `${h.pid} ${h.start}`)

const parse = (text: string): Holder | undefined => {
  const [pid, start] = text.trim().split(/\s+/)
  const n = Number(pid)
  return Number.isInteger(n) && n > 0 ? { pid: n, start: start ?? null } : undefined
}

/**
 * Whether a lock's holder still runs: a process that has exited, a zombie, or a new process that reuses the pid
 * (its start time differs) does not hold the store.
 */
const alive = (h: Holder): boolean => {
  if (hasProc) {
    const s = procStat(h.pid)
    if (!s || s.state === "Z") return false
    return h.start === null || h.start === s.start
  }
  try {
    process.kill(h.pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, "utf8")
  } catch {
    return undefined
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

const ageMs = (path: string): number => {
  try {
    return Date.now() - statSync(path).mtimeMs
  } catch {
    return 0
  }
}

// A takeover of a stale lock happens under a second, short-lived lock (mkdir is atomic): of several processes that
// found the same stale lock, one removes it, and only if it still is the stale one; the others then meet the new
// holder's file. A takeover lock older than a few seconds was left by a process that died during a takeover.
const takeover = (mutex: string): boolean => {
  try {
    mkdirSync(mutex)
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e
    if (ageMs(mutex) > 3_000)
      try {
        rmdirSync(mutex)
      } catch {
        // another process removed it first
      }
    return false
  }
}

const inUse = (dataDir: string, pid: number) => {
  const en = `the store at ${dataDir} is in use by process ${pid} (jiju server?); stop it or set DATABASE_URL to use a PostgreSQL server`
  const zh = `数据库 ${dataDir} 正被进程 ${pid} 使用（jiju 服务器？）；请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL 服务器`
  return new InputError({ code: "store_in_use", message: en, zh, issues: [{ value: pid, en, zh }] })
}

/**
 * Take the single-process lock of a PGlite data directory: the file `<dir>.lock` holding our pid and start time.
 * A lock whose holder has exited (or is a zombie, or whose pid now names another process) is taken over, by one
 * process only when several try at once; a live holder gives InputError "store_in_use". The lock sits beside the
 * directory (not in it) so PGlite's initdb sees an empty directory.
 * @example const lock = acquireLock("/home/me/.local/share/jiju/pgdata"); …; lock.release()
 */
export const acquireLock = (dataDir: string): Lock => {
  const file = `${dataDir}.lock`
  const mutex = `${dataDir}.lock.takeover`
  mkdirSync(join(dataDir, ".."), { recursive: true })
  const mine = format(me())
  for (let attempt = 0; attempt < 400; attempt++) {
    try {
      const fd = openSync(file, "wx")
      try {
        writeSync(fd, mine)
      } finally {
        closeSync(fd)
      }
      let held = true
      return {
        release: () => {
          if (!held) return
          held = false
          if (read(file) === mine)
            try {
              unlinkSync(file)
            } catch {
              // already gone
            }
        },
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e
    }
    const content = read(file)
    if (content === undefined) continue // removed meanwhile: try again at once
    const holder = parse(content)
    if (holder && alive(holder)) throw inUse(dataDir, holder.pid)
    // An empty file is being written by its creator, unless it stays empty (the creator died between the two steps).
    if (holder === undefined && ageMs(file) < 2_000) {
      pause(2)
      continue
    }
    if (!takeover(mutex)) {
      pause(1 + (attempt % 5))
      continue
    }
    try {
      if (read(file) === content) unlinkSync(file)
    } finally {
      rmdirSync(mutex)
    }
  }
  const en = `could not lock the store at ${dataDir}`
  throw new InputError({ code: "store_in_use", message: en, zh: `无法锁定数据库 ${dataDir}`, issues: [] })
}
