import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { dataDir, pgliteDir } from "../src/db/dataDir.js"
import { acquireLock } from "../src/db/lock.js"
import { openPglite } from "../src/db/pglite.js"

describe("data directory", () => {
  it("prefers JIJU_DATA_DIR, then XDG_DATA_HOME/jiju, then ~/.local/share/jiju", () => {
    expect(dataDir({ JIJU_DATA_DIR: "/srv/jiju", XDG_DATA_HOME: "/x", HOME: "/home/a" })).toBe("/srv/jiju")
    expect(dataDir({ XDG_DATA_HOME: "/x", HOME: "/home/a" })).toBe("/x/jiju")
    expect(dataDir({ JIJU_DATA_DIR: "", HOME: "/home/a" })).toBe("/home/a/.local/share/jiju")
    expect(pgliteDir({ JIJU_DATA_DIR: "/srv/jiju" })).toBe("/srv/jiju/pgdata")
  })
})

describe("single-process lock of the embedded store", () => {
  let dir: string
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it("writes our pid, refuses a second holder with a bilingual message naming the pid, releases on demand", () => {
    dir = mkdtempSync(join(tmpdir(), "jiju-lock-"))
    const data = join(dir, "deep", "pgdata")
    const lock = acquireLock(data)
    expect(readFileSync(`${data}.lock`, "utf8")).toBe(String(process.pid))
    let error: { code?: string; message?: string; zh?: string } = {}
    try {
      acquireLock(data)
    } catch (e) {
      error = e as typeof error
    }
    expect(error.code).toBe("store_in_use")
    expect(error.message).toBe(
      `the store at ${data} is in use by process ${process.pid} (jiju server?); stop it or set DATABASE_URL to use a PostgreSQL server`,
    )
    expect(error.zh).toContain(`正被进程 ${process.pid} 使用`)
    lock.release()
    expect(existsSync(`${data}.lock`)).toBe(false)
    acquireLock(data).release()
  })

  it("takes over a lock left by a process that no longer runs", () => {
    dir = mkdtempSync(join(tmpdir(), "jiju-lock-"))
    const data = join(dir, "pgdata")
    // 2^22 + 1 is above the largest pid Linux can assign (pid_max ≤ 2^22): no such process.
    writeFileSync(`${data}.lock`, "4194305")
    const lock = acquireLock(data)
    expect(readFileSync(`${data}.lock`, "utf8")).toBe(String(process.pid))
    lock.release()
  })

  it("openPglite fails fast on a held directory without touching it", async () => {
    dir = mkdtempSync(join(tmpdir(), "jiju-lock-"))
    const data = join(dir, "pgdata")
    const lock = acquireLock(data)
    await expect(openPglite(data)).rejects.toMatchObject({ code: "store_in_use" })
    expect(existsSync(data)).toBe(false)
    lock.release()
  })
})
