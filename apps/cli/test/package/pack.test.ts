import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { unzipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// `@jiju/cli` as a user gets it: `pnpm pack` of the built package, installed from the tarball into an empty
// directory outside the repository (so nothing resolves from the workspace), then the installed `jiju` run.
// Dependencies come from npm's cache (`npm install --offline`), or from the npm registry when the cache lacks them.
const cli = fileURLToPath(new URL("../../", import.meta.url))
// R's answers for the Columbus example (spdep moran.test and localmoran, packages/domain/scripts/golden/moran.R).
const golden = JSON.parse(readFileSync(new URL("../../../../packages/domain/test/fixtures/moran/columbus.json", import.meta.url), "utf8")) as {
  results: { CRIME_W: { global: { I: number }; local: Array<{ id: string; Ii: number; z: number }> } }
}
const built = existsSync(join(cli, "dist/main.js"))
if (!built) console.warn("[package] skipped: apps/cli/dist is missing (run the build first)")

const temp = mkdtempSync(join(tmpdir(), "jiju-pack-"))
const project = join(temp, "project")
const jiju = join(project, "node_modules", ".bin", "jiju")
// Only the variables a user's shell has: none of pnpm's or vitest's npm_config_* settings.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_|VITEST|NODE_OPTIONS)/i.test(k))) as Record<string, string>
const store = { ...env, JIJU_DATA_DIR: join(temp, "data"), DATABASE_URL: "", NO_COLOR: "1" }
let tarball = ""
let files: string[] = []
let manifest: Record<string, unknown> = {}

const run = (argv: ReadonlyArray<string>, extra: Record<string, string> = store) => {
  const r = spawnSync(jiju, argv, { cwd: project, env: extra, encoding: "utf8", timeout: 240_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe.skipIf(!built)("@jiju/cli packed, installed from the tarball and run", () => {
  beforeAll(() => {
    execFileSync("pnpm", ["pack", "--pack-destination", temp], { cwd: cli, stdio: "pipe" })
    tarball = join(temp, readdirSync(temp).find((f) => f.endsWith(".tgz"))!)
    files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean)
    manifest = JSON.parse(execFileSync("tar", ["xzf", tarball, "-O", "package/package.json"], { encoding: "utf8" })) as Record<string, unknown>
    execFileSync("mkdir", ["-p", project])
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "jiju-pack-check", private: true }))
    const install = (mode: string) =>
      spawnSync("npm", ["install", mode, "--no-audit", "--no-fund", "--no-package-lock", tarball], { cwd: project, env, encoding: "utf8" })
    let r = install("--offline")
    if (r.status !== 0) r = install("--prefer-offline")
    expect(r.status, r.stderr).toBe(0)
  }, 300_000)
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  it("is a public package: the bundle, the migrations, the worker, the web app and the example, three dependencies", () => {
    expect(manifest.private).toBeUndefined()
    expect(manifest.bin).toEqual({ jiju: "./dist/main.js" })
    expect(manifest.engines).toEqual({ node: ">=20.19" })
    expect(Object.keys(manifest.dependencies as object).sort()).toEqual(["@electric-sql/pglite", "@resvg/resvg-wasm", "pg"])
    for (const f of [
      "package/dist/main.js",
      "package/dist/analysisWorker.mjs",
      "package/dist/migrations/0001_init.sql",
      "package/dist/web/index.html",
      "package/dist/THIRD-PARTY-LICENSES.md",
      "package/examples/columbus.csv",
      "package/examples/columbus.gal",
      "package/README.md",
      "package/LICENSE",
    ])
      expect(files).toContain(f)
    expect(files).not.toContain("package/dist/bundle.json")
    // Nothing of the repository's sources or tests.
    expect(files.filter((f) => /^package\/(src|test|scripts)\//.test(f))).toEqual([])
    // Every module the bundle runs is in it: the install brings PGlite, resvg and pg (with pg's own), nothing else.
    const installed = readdirSync(join(project, "node_modules")).filter((d) => !d.startsWith("."))
    expect(installed.filter((d) => !/^(pg|pg-.*|pgpass|postgres-.*|split2|xtend)$/.test(d)).sort()).toEqual(["@electric-sql", "@jiju", "@resvg"])
  })

  it("jiju --help", () => {
    const r = run(["--help"])
    expect(r.code, r.stderr).toBe(0)
    for (const name of ["moran", "regress", "assess", "serve", "demo"]) expect(r.stdout).toContain(name)
  })

  it("a Moran analysis and a LISA with permutations on the bundled example, as R answers them", () => {
    const example = join(project, "node_modules", "@jiju", "cli", "examples")
    const on = ["--data", join(example, "columbus.csv"), "--id", "POLYID", "--weights", join(example, "columbus.gal"), "--var", "CRIME"]
    const moran = run(["moran", ...on, "--json"])
    expect(moran.code, moran.stderr).toBe(0)
    expect((JSON.parse(moran.stdout) as { I: number }).I).toBeCloseTo(golden.results.CRIME_W.global.I, 12)
    // Permutations: a command may hand them to worker threads, which must load from the installed package too.
    const lisa = run(["lisa", ...on, "--permutations", "999", "--json"])
    expect(lisa.code, lisa.stderr).toBe(0)
    const rows = (JSON.parse(lisa.stdout) as { rows: Array<{ id: string; Ii: number; z: number }> }).rows
    expect(rows.map((r) => r.id)).toEqual(golden.results.CRIME_W.local.map((r) => r.id))
    for (const [i, r] of rows.entries()) {
      expect(r.Ii).toBeCloseTo(golden.results.CRIME_W.local[i]!.Ii, 10)
      expect(r.z).toBeCloseTo(golden.results.CRIME_W.local[i]!.z, 10)
    }
  })

  it("jiju demo, then jiju assess --period 2025 --json on the embedded store", () => {
    const demo = run(["demo"])
    expect(demo.code, demo.stderr).toBe(0)
    const r = run(["assess", "--period", "2025", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout) as { scheme: { id: string }; period: string; groups: Array<{ ranking: unknown[] }>; clusters: unknown[] }
    // Every kind with its own scheme: the document is the industrial kind's run (157 zones), runs lists both kinds.
    expect(doc.scheme.id).toBe("jiju-industrial")
    expect(doc.period).toBe("2025")
    expect(doc.clusters).toHaveLength(157)
    expect(doc.groups.reduce((n, g) => n + g.ranking.length, 0)).toBeGreaterThan(50)
    // The same document as the repository's build on the same store (each run is stored as a draft: its id and
    // time differ): the same jiju.
    const here = spawnSync(process.execPath, [join(cli, "dist/main.js"), "assess", "--period", "2025", "--json"], { env: store, encoding: "utf8" })
    expect(here.status, here.stderr).toBe(0)
    const { run: _mine, runs: _mineAll, ...ours } = doc as unknown as Record<string, unknown>
    const { run: _theirs, runs: _theirsAll, ...theirs } = JSON.parse(here.stdout) as Record<string, unknown>
    expect(ours).toEqual(theirs)
    // The bulletin's charts are drawn by the installed resvg (its WASM read from beside its module).
    const bulletin = join(temp, "bulletin.docx")
    const report = run(["report", "--period", "2025", "--out", bulletin, "--json"])
    expect(report.code, report.stderr).toBe(0)
    const parts = Object.keys(unzipSync(readFileSync(bulletin)))
    // A chart per 36 zones of each group (in equal parts), and the distribution.
    const charts = doc.groups.reduce((n, g) => n + Math.ceil(g.ranking.length / 36), 1)
    expect(parts.filter((p) => /^word\/media\/.+\.png$/.test(p)).length).toBe(charts)
  }, 300_000)

  it("jiju serve answers /health and serves the web app", async () => {
    const server: ChildProcess = spawn(jiju, ["serve", "--port", "0", "--host", "127.0.0.1"], { cwd: project, env: store })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ""
        const timer = setTimeout(() => reject(new Error(`jiju serve did not start:\n${out}`)), 240_000)
        server.stdout!.on("data", (d: Buffer) => {
          out += d.toString()
          const m = /listening on (http:\/\/\S+)/.exec(out)
          if (m) {
            clearTimeout(timer)
            resolve(m[1]!)
          }
        })
        server.stderr!.on("data", (d: Buffer) => {
          out += d.toString()
        })
        server.on("exit", (code) => reject(new Error(`jiju serve exited with ${code}:\n${out}`)))
      })
      const health = await fetch(`${url}/health`)
      expect(health.status).toBe(200)
      const page = await fetch(`${url}/`)
      expect(page.status).toBe(200)
      expect(page.headers.get("content-type")).toMatch(/text\/html/)
      expect(await page.text()).toMatch(/<script[^>]+src="\/assets\//)
    } finally {
      const exited = new Promise((r) => server.once("exit", r))
      server.kill("SIGTERM")
      await exited
    }
  }, 300_000)
})
