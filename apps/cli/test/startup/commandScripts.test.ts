import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { runScripted } from "../../src/scripted.js"
import { columbusMoran } from "./columbus.js"

// The commands the bundle also builds as scripts with a code cache (scripts/commandScripts.mjs, src/scripted.ts),
// run from dist/ as a user runs them: the same answers and the same errors as through the chunks, including what a
// script takes from the chunks on demand (the workbook and JSON readers).
const cli = fileURLToPath(new URL("../../", import.meta.url))
const dist = join(cli, "dist")
const built = existsSync(join(dist, "command-scripts.json"))
const examples = join(cli, "examples")
const temp = mkdtempSync(join(tmpdir(), "jiju-scripts-"))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

const jiju = (argv: ReadonlyArray<string>) => spawnSync(process.execPath, [join(dist, "main.js"), ...argv], { encoding: "utf8", cwd: cli })
const moran = (data: string) => jiju(columbusMoran(["--json"], data))

describe.skipIf(!built)("command scripts in the bundle", () => {
  it("are listed for regress and moran, each with its cache beside it", () => {
    const scripts = JSON.parse(readFileSync(join(dist, "command-scripts.json"), "utf8")) as Record<string, string>
    expect(Object.keys(scripts).sort()).toEqual(["moran", "regress"])
    for (const file of Object.values(scripts)) {
      expect(file).toMatch(/^[a-z]+\.command-[\w-]+\.cjs$/)
      expect(existsSync(join(dist, `${file}.cache`))).toBe(true)
    }
  })

  it("answer as the chunks do: a CSV, a JSON table (read by the chunk the script imports), a bad workbook", () => {
    const fromCsv = moran(join(examples, "columbus.csv"))
    expect(fromCsv.status, fromCsv.stderr).toBe(0)
    const I = (JSON.parse(fromCsv.stdout) as { I: number }).I
    expect(I).toBeCloseTo(0.4855, 3)
    // The same table as JSON records.
    const [header, ...rows] = readFileSync(join(examples, "columbus.csv"), "utf8").trim().split(/\r?\n/)
    const columns = header!.split(",").map((c) => c.replace(/"/g, ""))
    const records = rows.map((r) => Object.fromEntries(r.split(",").map((v, k) => [columns[k]!, Number.isNaN(Number(v)) ? v : Number(v)])))
    writeFileSync(join(temp, "columbus.json"), JSON.stringify(records))
    const fromJson = moran(join(temp, "columbus.json"))
    expect(fromJson.status, fromJson.stderr).toBe(0)
    expect((JSON.parse(fromJson.stdout) as { I: number }).I).toBe(I)
    // A workbook that is not one: the reader's own error code, as through the chunks.
    writeFileSync(join(temp, "bad.xlsx"), "not a workbook")
    const bad = moran(join(temp, "bad.xlsx"))
    expect(bad.status).toBe(1)
    expect((JSON.parse(bad.stdout) as { error: { code: string } }).error.code).toBe("invalid_xlsx")
    // --format csv goes through the dispatch inside the script: its table, for spreadsheets.
    const csv = jiju(columbusMoran(["--format", "csv"]))
    expect(csv.status, csv.stderr).toBe(0)
    expect(csv.stdout).toMatch(/^\ufeff.*inference/)
  })

  it("keep a cache of their own when V8 rejects the bundle's (another Node, other flags): written once, then taken", () => {
    const cache = join(temp, "cache")
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cache, JIJU_CACHE_DIR: "" }
    // Flags from the test runner's environment would change V8's, and the bundle's cache would not be taken.
    delete env.NODE_OPTIONS
    const own = join(cache, "jiju", "code-cache")
    const run = (flags: ReadonlyArray<string>) =>
      spawnSync(process.execPath, [...flags, join(dist, "main.js"), ...columbusMoran(["--json"])], { encoding: "utf8", cwd: cli, env })
    // The bundle's cache was made by this Node: it is taken, and nothing is written.
    const plain = run([])
    expect(plain.status, plain.stderr).toBe(0)
    expect(existsSync(own)).toBe(false)
    // Under other V8 flags V8 rejects it: the run keeps a cache of its own for them, and answers the same.
    const flags = ["--no-lazy-feedback-allocation"]
    const first = run(flags)
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toBe(plain.stdout)
    const files = readdirSync(own)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^moran\.command-[\w-]+\.cjs\.v8-[\w.-]+-[0-9a-z]+\.cache$/)
    const written = statSync(join(own, files[0]!)).mtimeMs
    // The next run under the same flags takes it: not written again.
    const second = run(flags)
    expect(second.stdout).toBe(plain.stdout)
    expect(readdirSync(own)).toEqual(files)
    expect(statSync(join(own, files[0]!)).mtimeMs).toBe(written)
  })

  it("leave the help and commands without a script to the dispatch", async () => {
    const io = { stdout: process.stdout, stderr: process.stderr, cwd: cli, env: {} }
    // Outside the bundle (these sources) there is no script at all.
    expect(await runScripted(["moran", "--help"], io)).toBeUndefined()
    const help = jiju(["--help"])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain("regress")
  })
})
