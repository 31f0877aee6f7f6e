import { type ChildProcess, fork } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
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
    expect(readFileSync(`${data}.lock`, "utf8").split(" ")[0]).toBe(String(process.pid))
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
    expect(readFileSync(`${data}.lock`, "utf8").split(" ")[0]).toBe(String(process.pid))
    lock.release()
  })

  it("takes over a lock whose pid now names another process (start time differs), as after a reboot", () => {
    dir = mkdtempSync(join(tmpdir(), "jiju-lock-"))
    const data = join(dir, "pgdata")
    // Our own pid, but a start time no process of ours had: the holder that wrote it is gone.
    writeFileSync(`${data}.lock`, `${process.pid} 1`)
    const lock = acquireLock(data)
    expect(readFileSync(`${data}.lock`, "utf8")).not.toBe(`${process.pid} 1`)
    lock.release()
    expect(existsSync(`${data}.lock`)).toBe(false)
  })

  it("gives a stale lock to exactly one of three processes racing for it, 500 times", async () => {
    dir = mkdtempSync(join(tmpdir(), "jiju-lock-"))
    const data = join(dir, "pgdata")
    // The built module: each contender is a separate Node process, as two `jiju` commands would be.
    const built = fileURLToPath(new URL("../dist/db/lock.js", import.meta.url))
    const child = `import { acquireLock } from ${JSON.stringify(built)}
process.on("message", (m) => {
  if (m.stop) process.exit(0)
  try { acquireLock(m.dir); process.send({ round: m.round, won: true }) } catch (e) { process.send({ round: m.round, won: false, code: e.code }) }
})
process.send({ ready: true })`
    writeFileSync(join(dir, "contender.mjs"), child)
    const kids = [0, 1, 2].map(() => fork(join(dir, "contender.mjs"), [], { execArgv: [], stdio: ["ignore", "ignore", "inherit", "ipc"] }))
    const next = (k: ChildProcess) => new Promise<{ won?: boolean; code?: string }>((resolve) => k.once("message", (m) => resolve(m as never)))
    try {
      await Promise.all(kids.map(next))
      let doubles = 0
      let none = 0
      for (let round = 1; round <= 500; round++) {
        writeFileSync(`${data}.lock`, "4194305 1")
        const replies = kids.map(next)
        for (const k of kids) k.send({ round, dir: data })
        const got = await Promise.all(replies)
        const winners = got.filter((g) => g.won).length
        if (winners > 1) doubles++
        if (winners === 0) none++
        expect(got.filter((g) => !g.won).every((g) => g.code === "store_in_use")).toBe(true)
      }
      expect({ doubles, none }).toEqual({ doubles: 0, none: 0 })
    } finally {
      for (const k of kids) k.send({ stop: true })
    }
  }, 120_000)

  it("openPglite starts the embedded database with 16 MB of shared buffers, on disk and in memory", async () => {
    dir = mkdtempSync(join(tmpdir(), "jiju-lock-"))
    for (const db of [await openPglite(join(dir, "pgdata")), await openPglite(undefined)]) {
      try {
        expect(await db.query("show shared_buffers")).toEqual([{ shared_buffers: "16MB" }])
        expect(await db.query("show search_path")).toEqual([{ search_path: "public" }])
      } finally {
        await db.close()
      }
    }
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
