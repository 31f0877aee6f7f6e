// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { describe, expect, it } from "vitest"

/** The production build (apps/web/dist, made by `vite build`): what the first page load fetches, gzipped. */
const dist = resolve(fileURLToPath(new URL(".", import.meta.url)), "../dist")
const built = existsSync(join(dist, "index.html"))
if (!built) console.warn("[web bundle] SKIPPED: apps/web/dist is missing (run pnpm build)")

const LIMIT_KB = 300
const kb = (n: number) => Math.round((n / 1024) * 10) / 10

describe.skipIf(!built)("production bundle", () => {
  const html = built ? readFileSync(join(dist, "index.html"), "utf8") : ""
  // The entry script and the chunks it preloads are the initial JavaScript; everything else loads on demand.
  const initial = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!)
  const size = (file: string) => {
    const bytes = readFileSync(join(dist, file))
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  }

  it(`loads under ${LIMIT_KB} KB of gzipped JavaScript at first, without ECharts`, () => {
    expect(initial.length).toBeGreaterThan(0)
    const sizes = initial.map((f) => ({ file: f, ...size(f) }))
    const total = sizes.reduce((a, s) => a + s.gzip, 0)
    const lazy = readdirSync(join(dist, "assets"))
      .filter((f) => f.endsWith(".js") && !initial.includes(`assets/${f}`))
      .map((f) => ({ file: f, ...size(`assets/${f}`) }))
    console.log(
      `[web bundle] initial JS ${kb(total)} KB gzip (${sizes.map((s) => `${s.file} ${kb(s.raw)} KB → ${kb(s.gzip)} KB`).join(", ")}); ` +
        `lazy: ${lazy.map((s) => `${s.file} ${kb(s.gzip)} KB`).join(", ")}`,
    )
    expect(total).toBeLessThan(LIMIT_KB * 1024)
    for (const f of initial) expect(readFileSync(join(dist, f), "utf8")).not.toContain("registerMap")
    expect(lazy.some((s) => readFileSync(join(dist, "assets", s.file), "utf8").includes("registerMap"))).toBe(true)
  })
})
