import { appendFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { loadSnapshot } from "../../src/dashboard/data/snapshot.js"
import { keepSnapshot, readKeptSnapshot, storeFingerprint } from "../../src/dashboard/data/snapshotCache.js"
import type { DashboardSource } from "../../src/dashboard/sources/DashboardSource.js"
import { fakeSource } from "./fixture.js"
import { start } from "./ui.js"

const temp = mkdtempSync(join(tmpdir(), "jiju-kept-"))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** A data directory with a few files standing for the embedded store's. */
const store = (name: string) => {
  const dir = join(temp, name)
  mkdirSync(join(dir, "pgdata", "base"), { recursive: true })
  writeFileSync(join(dir, "pgdata", "PG_VERSION"), "17\n")
  writeFileSync(join(dir, "pgdata", "base", "1"), "rows")
  return dir
}

describe("the snapshot kept beside the embedded store", () => {
  it("is read back while the store's files are as they were when it was kept", async () => {
    const dir = store("same")
    const env = { JIJU_DATA_DIR: dir, DATABASE_URL: "" }
    const snap = await loadSnapshot(fakeSource())
    keepSnapshot(env, snap)
    expect(readKeptSnapshot(env)).toEqual({ ...JSON.parse(JSON.stringify(snap)), kept: true })
  })

  it("is not used once the store's files changed: a write, or a file touched", async () => {
    const snap = await loadSnapshot(fakeSource())
    const grown = store("grown")
    keepSnapshot({ JIJU_DATA_DIR: grown }, snap)
    appendFileSync(join(grown, "pgdata", "base", "1"), "one more row")
    expect(readKeptSnapshot({ JIJU_DATA_DIR: grown })).toBeNull()
    const touched = store("touched")
    keepSnapshot({ JIJU_DATA_DIR: touched }, snap)
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(touched, "pgdata", "PG_VERSION"), later, later)
    expect(readKeptSnapshot({ JIJU_DATA_DIR: touched })).toBeNull()
  })

  it("is neither kept nor read for PostgreSQL or without a store", async () => {
    const snap = await loadSnapshot(fakeSource())
    const dir = store("pg")
    keepSnapshot({ JIJU_DATA_DIR: dir, DATABASE_URL: "postgres://x@h/db" }, snap)
    expect(readKeptSnapshot({ JIJU_DATA_DIR: dir })).toBeNull()
    expect(storeFingerprint(join(temp, "nothing"))).toBeNull()
    keepSnapshot({ JIJU_DATA_DIR: join(temp, "nothing") }, snap)
    expect(readKeptSnapshot({ JIJU_DATA_DIR: join(temp, "nothing") })).toBeNull()
  })

  it("shows at once, says so, and gives way to the source's own answer", async () => {
    const kept = { ...(await loadSnapshot(fakeSource())), kept: true }
    // A source whose register answers only when released, as a store still opening.
    let release = () => {}
    const opened = new Promise<void>((r) => {
      release = r
    })
    const real = fakeSource()
    const slow: DashboardSource = {
      ...real,
      register: async () => {
        await opened
        return real.register()
      },
    }
    const { frame, until, r } = await start({ source: slow, kept })
    expect(frame()).toContain("中原产业集聚区")
    expect(frame()).toContain("上次结果（数据未变），数据库打开中")
    release()
    await until((f) => !f.includes("上次结果") && f.includes("中原产业集聚区"))
    r.unmount()
  })
})
