import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, relative } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { columbusMoran } from "./columbus.js"

// What `jiju` loads before it writes its first byte, counted on the built bundle (dist/) in a real process: the
// start-up cost of a command is the code it loads, and a count does not depend on how busy the machine is (no
// timing here; pnpm bench times the start-up). The limits sit a little above today's counts, so that a command
// that starts pulling in more (the store, effect's index, Ink, another command) fails here.
const cli = fileURLToPath(new URL("../../", import.meta.url))
const dist = join(cli, "dist")
const main = join(dist, "main.js")
const hook = pathToFileURL(fileURLToPath(new URL("./countLoads.mjs", import.meta.url))).href

interface Chunk {
  readonly file: string
  readonly modules: ReadonlyArray<string>
}

const temp = mkdtempSync(join(tmpdir(), "jiju-loads-"))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** Run `jiju argv` and report what it had loaded when it wrote its first byte. */
const loadsBeforeFirstByte = (name: string, argv: ReadonlyArray<string>) => {
  if (!existsSync(main)) throw new Error("apps/cli/dist is missing: run pnpm build first")
  const chunks = new Map((JSON.parse(readFileSync(join(dist, "bundle.json"), "utf8")) as Chunk[]).map((c) => [c.file, c]))
  const log = join(temp, `${name}.log`)
  const r = spawnSync(process.execPath, ["--import", hook, main, ...argv], {
    encoding: "utf8",
    env: { ...process.env, JIJU_LOAD_LOG: log, NO_COLOR: "1" },
    cwd: cli,
  })
  expect(r.status, r.stderr).toBe(0)
  const urls = readFileSync(`${log}.first`, "utf8").split("\n").filter(Boolean)
  const files = urls.filter((u) => u.startsWith("file:")).map((u) => fileURLToPath(u))
  const ours = files.filter((f) => dirname(f) === dist).map((f) => relative(dist, f))
  // A source module in two files (the dispatch in main.js's chunks and in a command script) counts once.
  const modules = [...new Set(ours.flatMap((f) => chunks.get(f)?.modules ?? [`(not in bundle.json) ${f}`]))]
  return {
    stdout: r.stdout,
    chunks: ours,
    modules,
    builtins: urls.filter((u) => u.startsWith("node:")),
    outside: files.filter((f) => dirname(f) !== dist),
  }
}

const report = (what: string, l: ReturnType<typeof loadsBeforeFirstByte>) =>
  console.log(`${what}: ${l.chunks.length} chunks, ${l.modules.length} source modules, ${l.builtins.length} node: builtins before the first byte`)

describe("jiju start-up: modules loaded before the first byte (the bundle in dist/)", () => {
  it("jiju --help loads the entry and the catalog of commands, no command and no dependency", () => {
    const l = loadsBeforeFirstByte("help", ["--help"])
    report("jiju --help", l)
    expect(l.stdout).toContain("moran")
    // Today: main.js and the error and output helpers (4 chunks, 6 modules), no builtin but what Node loads itself.
    expect(l.chunks.length).toBeLessThanOrEqual(5)
    expect(l.modules.length).toBeLessThanOrEqual(8)
    expect(l.modules.filter((m) => !m.startsWith("apps/cli/src/"))).toEqual([])
    expect(l.outside).toEqual([])
  })

  it("jiju moran --json on a CSV and a GAL file loads its own chunk and the domain code it needs, nothing of the store", () => {
    const l = loadsBeforeFirstByte("moran", columbusMoran(["--json"]))
    report("jiju moran --json", l)
    expect((JSON.parse(l.stdout) as { I: number }).I).toBeCloseTo(0.4855, 3)
    // Today: main.js with the dispatch's 3 chunks, then the moran command's script (src/scripted.ts) with its code
    // cache: 5 files, 63 modules (effect's Data and its helpers: 15 of them).
    expect(l.chunks.filter((f) => /^moran\.command-.*\.cjs$/.test(f))).toHaveLength(1)
    expect(l.chunks.length).toBeLessThanOrEqual(8)
    expect(l.modules.length).toBeLessThanOrEqual(70)
    const loaded = l.modules.join("\n")
    // Not effect's index, Schema or the runtime; not the store, the application core, the server, the contract or Ink.
    for (const absent of [
      /effect\/dist\/index\.js/,
      /effect\/dist\/Schema\.js/,
      /effect\/dist\/Effect\.js/,
      /packages\/(store|app|server)\//,
      /domain\/src\/contract\//,
      /\/(ink|react)\//,
      // The workbook reader: a CSV file does not need it.
      /fflate/,
      /domain\/src\/io\/xlsx\.ts/,
    ])
      expect(loaded).not.toMatch(absent)
    expect(l.modules.filter((m) => m.startsWith("apps/cli/src/commands/"))).toEqual(["apps/cli/src/commands/catalog.ts", "apps/cli/src/commands/moran.ts"])
    expect(l.outside).toEqual([])
  })
})
