import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs"
import { join } from "node:path"
import { InputError } from "@jiju/domain/model"

/** A held lock; `release` removes the lock file. */
export interface Lock {
  release(): void
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

/**
 * Take the single-process lock of a PGlite data directory: the file `<dir>.lock` holding our pid.
 * A lock left by a process that no longer runs is taken over; a live holder gives InputError "store_in_use".
 * The lock sits beside the directory (not in it) so PGlite's initdb sees an empty directory.
 */
export const acquireLock = (dataDir: string): Lock => {
  const file = `${dataDir}.lock`
  mkdirSync(join(dataDir, ".."), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx")
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let held = true
      return {
        release: () => {
          if (!held) return
          held = false
          try {
            unlinkSync(file)
          } catch {
            // already gone
          }
        },
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e
      const pid = Number(readFileSync(file, "utf8").trim())
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        const en = `the store at ${dataDir} is in use by process ${pid} (jiju server?); stop it or set DATABASE_URL to use a PostgreSQL server`
        const zh = `数据库 ${dataDir} 正被进程 ${pid} 使用（jiju 服务器？）；请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL 服务器`
        throw new InputError({ code: "store_in_use", message: en, zh, issues: [{ value: pid, en, zh }] })
      }
      // Stale lock from a crashed process: remove and retry once.
      try {
        unlinkSync(file)
      } catch {
        // raced with another process; the retry decides
      }
    }
  }
  const en = `could not lock the store at ${dataDir}`
  throw new InputError({ code: "store_in_use", message: en, zh: `无法锁定数据库 ${dataDir}`, issues: [] })
}
