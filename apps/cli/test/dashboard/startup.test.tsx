import { existsSync, readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { render } from "ink-testing-library"
import { createElement } from "react"
import { describe, expect, it } from "vitest"
import type { DashboardSource } from "../../src/dashboard/sources/DashboardSource.js"
import { deferredSource } from "../../src/dashboard/sources/deferredSource.js"
import { App } from "../../src/dashboard/ui/App.js"
import { fakeSource } from "./fixture.js"

const waitFor = async (frame: () => string, ok: (f: string) => boolean, timeout = 5000) => {
  const t0 = Date.now()
  while (!ok(frame())) {
    if (Date.now() - t0 > timeout) throw new Error(`timed out; frame:\n${frame()}`)
    await new Promise((res) => setTimeout(res, 10))
  }
  return frame()
}

describe("dashboard start-up", () => {
  it("draws the frame with a loading status before the source opens, then fills it", async () => {
    let open: (s: DashboardSource) => void = () => {}
    const source = deferredSource(new Promise<DashboardSource>((res) => (open = res)), { zh: "本地数据库", en: "store" })
    const r = render(createElement(App, { source, width: 80, height: 24, lang: "zh", env: {} }))
    const frame = () => r.lastFrame() ?? ""
    // The first frame is there as soon as render returns: nothing it shows waits for the screens or the data.
    const first = frame()
    expect(first).toContain("jiju 集聚")
    expect(first).toContain("[总览]")
    expect(first).toContain("读取数据…")
    expect(first).toContain("本地数据库")
    expect(first).toContain("l EN · q 退出")
    // Keys work while loading: l switches the language.
    r.stdin.write("l")
    const en = await waitFor(frame, (f) => f.includes("[Overview]"))
    expect(en).toContain("loading…")
    expect(en).toContain("store")
    // Still loading while the source has not opened (the screens may have loaded meanwhile).
    await new Promise((res) => setTimeout(res, 100))
    expect(frame()).toContain("loading…")
    open(fakeSource())
    const ready = await waitFor(frame, (f) => f.includes("Zhongyuan zone"))
    expect(ready).toContain("ranking: computed from observations · test data")
    expect(ready).toContain("[Overview]")
    r.unmount()
  })

  it("shows a source that failed to open as an error in the frame", async () => {
    const source = deferredSource(Promise.reject(new Error("store is locked by process 42")), { zh: "本地数据库", en: "store" })
    const r = render(createElement(App, { source, width: 80, height: 24, lang: "zh", env: {} }))
    const f = await waitFor(
      () => r.lastFrame() ?? "",
      (x) => x.includes("出错"),
    )
    expect(f).toContain("出错：store is locked by process 42")
    expect(f).toContain("jiju 集聚")
    r.unmount()
  })
})

// The modules loaded before the first frame, followed through their static imports (type-only imports are erased).
const dashboardDir = join(dirname(fileURLToPath(import.meta.url)), "../../src/dashboard")
const staticImports = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;"]*?\sfrom\s+)?"([^"]+)"/gm)].map((m) => m[1]!)
const graph = (entry: string): { files: string[]; packages: string[] } => {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const spec of staticImports(file)) {
      if (!spec.startsWith(".")) packages.add(spec)
      else {
        const js = resolve(dirname(file), spec)
        visit([js.replace(/\.js$/, ".ts"), js.replace(/\.js$/, ".tsx")].find((f) => existsSync(f))!)
      }
    }
  }
  visit(entry)
  return { files: [...files], packages: [...packages] }
}

describe("the first frame's modules", () => {
  it("import nothing but Node's own modules before the splash", () => {
    const { files, packages } = graph(join(dashboardDir, "dashboard.ts"))
    expect(files.map((f) => f.slice(dashboardDir.length + 1))).toContain("splash.ts")
    expect(packages.filter((p) => !p.startsWith("node:"))).toEqual([])
  })

  it("add only Ink and React for Ink's first frame: the screens and the domain load after it", () => {
    const { files, packages } = graph(join(dashboardDir, "ui/mount.tsx"))
    expect(packages).toContain("ink")
    expect(packages.filter((p) => !p.startsWith("node:") && p !== "ink" && p !== "react")).toEqual([])
    expect(files.some((f) => f.endsWith("Screens.tsx") || f.includes("/data/"))).toBe(false)
  })
})
