import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { pnpm } from "./pnpm.js"

const root = join(import.meta.dirname, "../..")

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })

describe("the published package", () => {
  it("packs only dist, README, LICENSE, CHANGELOG and package.json", { timeout: 60_000 }, () => {
    const out = pnpm(["pack", "--dry-run", "--json"], root)
    const files = (JSON.parse(out) as { files: Array<{ path: string }> }).files.map((f) => f.path)
    expect(files.length).toBeGreaterThan(10)
    const outside = files.filter((f) => !/^(dist\/|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$)/.test(f))
    expect(outside).toEqual([])
    expect(files).toContain("dist/index.js")
    expect(files).toContain("dist/index.d.ts")
  })

  it("keeps the core free of Node built-ins so it runs in browsers", () => {
    const offenders = filesUnder(join(root, "src"))
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => /from\s+["'](node:|fs["']|path["']|child_process|worker_threads)/.test(readFileSync(f, "utf8")))
    expect(offenders).toEqual([])
  })

  it("declares an export with types for every subpath", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      exports: Record<string, string | Record<string, string>>
      sideEffects: boolean
    }
    expect(pkg.sideEffects).toBe(false)
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === "string") continue
      expect(target.types, subpath).toMatch(/^\.\/dist\/.*\.d\.ts$/)
      expect(target.default, subpath).toMatch(/^\.\/dist\/.*\.js$/)
    }
  })
})
