import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { setFlagsFromString } from "node:v8"
import { afterAll, describe, expect, it } from "vitest"
import { codeCacheDir, runCachedScript } from "../../src/cachedScript.js"

// The loader of the bundle's scripts (the command scripts and the dashboard's parts), on a script of its own: which
// cache it reads, when it keeps one, and what it leaves of other builds' caches.
// V8 keeps the scripts it compiled in memory and compiles a second script of the same text from them, without
// reading the cache it is given: off in this test file's process, so that each run reads its cache as a new
// process does.
setFlagsFromString("--no-compilation-cache")
const temp = mkdtempSync(join(tmpdir(), "jiju-cached-script-"))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

interface Exports {
  twice(x: number): number
  where: string
  given: unknown
}

let n = 0
/** A script file in a folder of its own (a fresh "bundle"), and a cache directory for it. */
const setUp = () => {
  const dir = join(temp, `case-${n++}`)
  mkdirSync(dir)
  const file = join(dir, "demo.script-AbC_1-x.cjs")
  writeFileSync(file, "exports.twice = (x) => { let s = 0; for (let i = 0; i < 2; i++) s += x; return s }\nexports.where = __filename\nexports.given = given\n")
  const env = { JIJU_CACHE_DIR: join(dir, "cache") }
  const own = () => readdirSync(codeCacheDir(env)).filter((f) => f.startsWith("demo.script-AbC_1-x.cjs.v8-"))
  return { dir, file, env, own }
}

describe("scripts run with a code cache", () => {
  it("run the script with CommonJS's names and the scope given", () => {
    const { file, env } = setUp()
    const script = runCachedScript<Exports>(file, env, { given: 42 })
    expect(script.exports.twice(21)).toBe(42)
    expect(script.exports.where).toBe(file)
    expect(script.exports.given).toBe(42)
  })

  it("keep a cache of their own when none was read, and read it the next time without writing it again", () => {
    const { file, env, own } = setUp()
    const first = runCachedScript<Exports>(file, env, { given: 1 })
    first.exports.twice(2)
    first.keepCache()
    const kept = own()
    expect(kept).toHaveLength(1)
    expect(kept[0]).toContain(`.v8-${process.versions.v8}-`)
    const path = join(codeCacheDir(env), kept[0]!)
    const bytes = readFileSync(path)
    utimesSync(path, new Date(1_000_000), new Date(1_000_000))
    const second = runCachedScript<Exports>(file, env, { given: 1 })
    expect(second.exports.twice(3)).toBe(6)
    second.keepCache()
    // V8 took it: nothing written.
    expect(statSync(path).mtimeMs).toBe(1_000_000)
    expect(readFileSync(path).equals(bytes)).toBe(true)
    expect(own()).toEqual(kept)
  })

  it("replace a cache V8 rejects", () => {
    const { file, env, own } = setUp()
    runCachedScript<Exports>(file, env, { given: 1 }).keepCache()
    const path = join(codeCacheDir(env), own()[0]!)
    writeFileSync(path, Buffer.from("not a code cache"))
    const script = runCachedScript<Exports>(file, env, { given: 1 })
    expect(script.exports.twice(4)).toBe(8)
    script.keepCache()
    expect(readFileSync(path).toString()).not.toBe("not a code cache")
    expect(readFileSync(path).length).toBeGreaterThan(100)
  })

  it("write the bundle's cache beside the script at the build (JIJU_WRITE_CODE_CACHE=1), and then keep none of their own", () => {
    const { file, env, own } = setUp()
    runCachedScript<Exports>(file, { ...env, JIJU_WRITE_CODE_CACHE: "1" }, { given: 1 }).keepCache()
    expect(statSync(`${file}.cache`).size).toBeGreaterThan(100)
    const script = runCachedScript<Exports>(file, env, { given: 1 })
    script.keepCache()
    expect(() => own()).toThrow(/ENOENT/)
  })

  it("leave no trace when the cache directory cannot be written", () => {
    const { dir, file } = setUp()
    const blocked = join(dir, "a-file")
    writeFileSync(blocked, "")
    const script = runCachedScript<Exports>(file, { JIJU_CACHE_DIR: blocked }, { given: 1 })
    expect(() => script.keepCache()).not.toThrow()
    expect(readdirSync(dir).sort()).toEqual(["a-file", "demo.script-AbC_1-x.cjs"])
  })

  it("remove other builds' caches of the script that no run wrote for a month, and nothing else", () => {
    const { file, env, own } = setUp()
    const cache = codeCacheDir(env)
    mkdirSync(cache, { recursive: true })
    const month = Date.now() / 1000 - 31 * 86_400
    const files = {
      oldBuild: "demo.script-Old1.cjs.v8-11.0-abc.cache",
      recentBuild: "demo.script-New2.cjs.v8-11.0-abc.cache",
      sameScriptOtherFlags: "demo.script-AbC_1-x.cjs.v8-11.0-zzz.cache",
      otherScript: "moran.command-Old1.cjs.v8-11.0-abc.cache",
    }
    for (const [what, f] of Object.entries(files)) {
      writeFileSync(join(cache, f), "x")
      if (what !== "recentBuild") utimesSync(join(cache, f), month, month)
    }
    runCachedScript<Exports>(file, env, { given: 1 }).keepCache()
    const left = readdirSync(cache)
    expect(left).not.toContain(files.oldBuild)
    for (const f of [files.recentBuild, files.sameScriptOtherFlags, files.otherScript]) expect(left).toContain(f)
    expect(own()).toHaveLength(2)
  })

  it("find the cache directory as documented", () => {
    expect(codeCacheDir({ JIJU_CACHE_DIR: "/c" })).toBe(join("/c", "code-cache"))
    expect(codeCacheDir({ XDG_CACHE_HOME: "/x" })).toBe(join("/x", "jiju", "code-cache"))
  })
})
