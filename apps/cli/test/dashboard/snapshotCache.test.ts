import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Region, RegionCode } from "@jiju/domain/model"
import { openStore } from "@jiju/store"
import { afterAll, describe, expect, it } from "vitest"
import { loadSnapshot } from "../../src/dashboard/data/snapshot.js"
import { keepSnapshot, readKeptSnapshot, storeFingerprint } from "../../src/dashboard/data/snapshotCache.js"
import type { DashboardSource } from "../../src/dashboard/sources/DashboardSource.js"
import { fakeSource } from "./fixture.js"
import { start } from "./ui.js"

const temp = mkdtempSync(join(tmpdir(), "jiju-kept-"))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** A data directory with the files that stand for the embedded store's state: its control file and one log segment. */
const store = (name: string) => {
  const dir = join(temp, name)
  mkdirSync(join(dir, "pgdata", "global"), { recursive: true })
  mkdirSync(join(dir, "pgdata", "pg_wal", "archive_status"), { recursive: true })
  mkdirSync(join(dir, "pgdata", "base"), { recursive: true })
  writeFileSync(join(dir, "pgdata", "global", "pg_control"), "control")
  writeFileSync(join(dir, "pgdata", "pg_wal", "000000010000000000000001"), "records")
  writeFileSync(join(dir, "pgdata", "base", "1"), "rows")
  return dir
}

describe("the snapshot kept beside the embedded store", () => {
  it("is read back while the store is as it was when it was kept", async () => {
    const dir = store("same")
    const env = { JIJU_DATA_DIR: dir, DATABASE_URL: "" }
    const snap = await loadSnapshot(fakeSource())
    keepSnapshot(env, snap)
    expect(readKeptSnapshot(env)).toEqual({ ...JSON.parse(JSON.stringify(snap)), kept: true })
    // One line of header, so that a stale snapshot is not parsed.
    const [header, body] = readFileSync(join(dir, "dashboard-snapshot.jsonl"), "utf8").split("\n")
    expect(JSON.parse(header!)).toMatchObject({ format: 2, fingerprint: storeFingerprint(dir) })
    expect(JSON.parse(body!).period).toBe(snap.period)
  })

  it("is not used once the store changed: a record in its log, a new log segment, its control file rewritten", async () => {
    const snap = await loadSnapshot(fakeSource())
    const logged = store("logged")
    keepSnapshot({ JIJU_DATA_DIR: logged }, snap)
    appendFileSync(join(logged, "pgdata", "pg_wal", "000000010000000000000001"), "one more record")
    expect(readKeptSnapshot({ JIJU_DATA_DIR: logged })).toBeNull()
    const segment = store("segment")
    keepSnapshot({ JIJU_DATA_DIR: segment }, snap)
    writeFileSync(join(segment, "pgdata", "pg_wal", "000000010000000000000002"), "records")
    expect(readKeptSnapshot({ JIJU_DATA_DIR: segment })).toBeNull()
    const touched = store("touched")
    keepSnapshot({ JIJU_DATA_DIR: touched }, snap)
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(touched, "pgdata", "global", "pg_control"), later, later)
    expect(readKeptSnapshot({ JIJU_DATA_DIR: touched })).toBeNull()
  })

  it("is not used when its file is not one it wrote whole: garbage, a header alone, a snapshot cut short", async () => {
    const dir = store("corrupt")
    const env = { JIJU_DATA_DIR: dir, DATABASE_URL: "" }
    keepSnapshot(env, await loadSnapshot(fakeSource()))
    const file = join(dir, "dashboard-snapshot.jsonl")
    const [header, body] = readFileSync(file, "utf8").split("\n")
    for (const text of ["not a snapshot", `${header}`, `${header}\n`, `${header}\n${body!.slice(0, body!.length >> 1)}`]) {
      writeFileSync(file, text)
      expect(readKeptSnapshot(env)).toBeNull()
    }
  })

  it("follows a real store: unchanged while closed, changed by a write and by any session", async () => {
    const dir = join(temp, "real")
    const env = { JIJU_DATA_DIR: dir, DATABASE_URL: "" }
    const open = () => openStore({ env })
    await (await open()).close()
    const closed = storeFingerprint(dir)
    expect(closed).not.toBeNull()
    expect(storeFingerprint(dir)).toBe(closed)
    const s = await open()
    const henan: Region = { code: "410000" as RegionCode, name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false }
    await s.regions.upsert([henan])
    await s.close()
    const written = storeFingerprint(dir)
    expect(written).not.toBe(closed)
    // A session that only reads closes the database too, which rewrites its control file: a kept snapshot is taken
    // after the dashboard's own close, so only another session (or a write) makes it stale.
    const r = await open()
    await r.regions.list()
    await r.close()
    expect(storeFingerprint(dir)).not.toBe(written)
  }, 60_000)

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
