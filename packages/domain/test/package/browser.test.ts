import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gzipSync } from "node:zlib"
import { build, type Rollup } from "vite"
import { afterAll, describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "../..")
const built = existsSync(join(root, "dist/index.js"))
const work = mkdtempSync(join(tmpdir(), "jiju-browser-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// gzip budgets per subpath for a browser bundle that imports the whole subpath (no tree shaking help). The
// econometrics budget grew from 60 to 90 kB with the spatial Durbin family, spatial panels, GWR, Dagum, density,
// Markov and threshold models (62 kB with all of them, before the supernodal solvers), and to 100 kB with the
// WebAssembly kernels of minimum degree, the symbolic analysis, the similarity of W and GAL reading (6 kB of module
// bytes and 2 kB of their callers; 91.3 kB in all); a browser page imports only what it uses. The assessment budget grew from 75 to 90 kB with the rule register (every rule with the documents'
// Chinese quotes, which the web shows as 依据 lines), the zone facts and the positions document (84 kB), and to 100 kB
// with 篇8's land quota, promotion and supervision documents and their rules (86.9 → 92.7 kB) and the documents'
// target sets carrying every number they give, each with its quote and year (+4.4 kB).
const budgets: Record<string, number> = {
  model: 45_000,
  io: 40_000,
  econometrics: 100_000,
  assessment: 100_000,
}

const bundle = async (subpath: string) => {
  const entry = join(work, `${subpath}.js`)
  writeFileSync(entry, `import * as m from "@jiju/domain/${subpath}"\nwindow.jiju = m\n`)
  const out = (await build({
    root: work,
    logLevel: "silent",
    configFile: false,
    resolve: { alias: [{ find: /^@jiju\/domain\/(.+)$/, replacement: join(root, "dist/$1/index.js") }] },
    build: { write: false, minify: true, rollupOptions: { input: entry } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[]
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output)
  const code = outputs.flatMap((o) => (o.type === "chunk" ? [o.code] : [])).join("\n")
  return { code, gzip: gzipSync(code).length }
}

describe.runIf(built)("the library in a browser bundle", () => {
  for (const [subpath, budget] of Object.entries(budgets)) {
    it(`bundles @jiju/domain/${subpath} for the browser within ${budget / 1000} kB gzip`, { timeout: 120_000 }, async () => {
      const { code, gzip } = await bundle(subpath)
      // A browser bundle must not pull in Node built-ins.
      expect(code).not.toMatch(/from\s*["']node:|require\(["'](fs|path|node:)/)
      expect(gzip).toBeGreaterThan(1_000)
      expect(gzip).toBeLessThan(budget)
      console.log(`@jiju/domain/${subpath}: ${(gzip / 1000).toFixed(1)} kB gzip`)
    })
  }
})
