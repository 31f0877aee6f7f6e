import type { ReadStream, WriteStream } from "node:tty"
import { render } from "ink-testing-library"
import { createElement } from "react"
import { describe, expect, it } from "vitest"
import type { DashboardSource } from "../../src/dashboard/sources/DashboardSource.js"
import { deferredSource } from "../../src/dashboard/sources/deferredSource.js"
import { showSplash } from "../../src/dashboard/splash.js"
import { App } from "../../src/dashboard/ui/App.js"
import { displayWidth } from "../../src/dashboard/ui/text.js"

const ESC = String.fromCharCode(27)
const sgr = new RegExp(`${ESC}\\[[0-9;]*m`, "g")

/** A terminal of the given size that records what is written and the raw-mode switches. */
const terminal = (columns = 80, rows = 24, isTTY = true) => {
  let written = ""
  const raw: boolean[] = []
  const write = (s: string) => {
    written += s
    return true
  }
  const stdout = { isTTY, columns, rows, write } as unknown as WriteStream
  const stdin = { isTTY: true, setRawMode: (on: boolean) => raw.push(on) } as unknown as ReadStream
  return { stdout, stdin, raw, written: () => written }
}

/** The splash's lines without colour and the cursor move back to its first line. */
const lines = (written: string) =>
  written
    .replace(new RegExp(`\\n${ESC}\\[\\d+A$`), "")
    .replace(sgr, "")
    .split("\n")

describe("splash (the first frame, before Ink loads)", () => {
  it("writes the frame App draws while loading, line for line, and goes back to its first line", () => {
    const t = terminal()
    const splash = showSplash(t.stdout, t.stdin, {}, "zh", { zh: "本地数据库", en: "store" })
    expect(splash).not.toBeNull()
    expect(t.written()).toMatch(new RegExp(`\\n${ESC}\\[23A$`))
    expect(lines(t.written())).toHaveLength(23)
    expect(t.raw).toEqual([true])
  })

  it.each([
    ["zh", 80, 24],
    ["en", 80, 24],
    ["en", 44, 12],
  ] as const)("matches Ink's first frame (%s, %i×%i), so nothing moves or flashes when Ink takes over", (lang, columns, rows) => {
    const t = terminal(columns, rows)
    showSplash(t.stdout, t.stdin, {}, lang, { zh: "本地数据库", en: "store" })
    const never = new Promise<DashboardSource>(() => {})
    const r = render(createElement(App, { source: deferredSource(never, { zh: "本地数据库", en: "store" }), width: columns, height: rows, lang, env: {} }))
    const own = lines(t.written()).map((l) => l.trimEnd())
    const ink = (r.lastFrame() ?? "").split("\n").map((l) => l.trimEnd())
    r.unmount()
    expect(own).toHaveLength(ink.length)
    // Line for line the same text; a line cut short may stop a wide character earlier than Ink's, never later,
    // so Ink's line covers it.
    for (const [i, line] of own.entries()) {
      if (line === ink[i]) continue
      expect(line.endsWith("…") && ink[i]!.endsWith("…") && ink[i]!.startsWith(line.slice(0, -1))).toBe(true)
      expect(displayWidth(line)).toBeLessThanOrEqual(displayWidth(ink[i]!))
    }
  })

  it("colours the title unless NO_COLOR is set", () => {
    const coloured = terminal()
    showSplash(coloured.stdout, coloured.stdin, {}, "en", { zh: "本地数据库", en: "store" })
    expect(coloured.written()).toContain(`${ESC}[1;36mjiju 集聚 `)
    const plain = terminal()
    showSplash(plain.stdout, plain.stdin, { NO_COLOR: "1" }, "en", { zh: "本地数据库", en: "store" })
    expect(plain.written()).not.toMatch(new RegExp(`${ESC}\\[[0-9;]*3\\dm`))
    expect(lines(plain.written())[0]).toContain("[Overview]")
    expect(lines(plain.written()).at(-2)).toBe("store")
  })

  it("fits a narrow terminal", () => {
    const t = terminal(40, 12)
    showSplash(t.stdout, t.stdin, {}, "en", { zh: "本地数据库", en: "store" })
    const own = lines(t.written())
    expect(own).toHaveLength(11)
    for (const l of own) expect(displayWidth(l)).toBeLessThanOrEqual(39)
  })

  it("draws nothing where Ink would not draw in place", () => {
    for (const [t, env] of [
      [terminal(80, 24, false), {}],
      [terminal(), { CI: "true" }],
      [terminal(), { TERM: "dumb" }],
      [terminal(80, 9), {}],
    ] as const) {
      expect(showSplash(t.stdout, t.stdin, env, "zh", { zh: "本地数据库", en: "store" })).toBeNull()
      expect(t.written()).toBe("")
      expect(t.raw).toEqual([])
    }
  })

  it("erases itself and gives the line mode back when the dashboard fails before Ink draws", () => {
    const t = terminal()
    const splash = showSplash(t.stdout, t.stdin, {}, "zh", { zh: "本地数据库", en: "store" })!
    splash.dispose()
    splash.dispose()
    expect(t.written().endsWith(`${ESC}[J`)).toBe(true)
    expect(t.raw).toEqual([true, false])
  })
})
