import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"

// Every exported function and class of @jiju/domain carries a JSDoc with an @example (the published API reference
// is generated from these comments). Helpers marked @internal are left out of the reference and of this check.

const src = join(import.meta.dirname, "../../src")

// Gaps still open in econometrics/spatial, which is being written; remove entries as their docs land.
const knownGaps: ReadonlyArray<string> = []

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  )

const exportPattern = /^export (?:async function|function|const|class|abstract class) (\w+)/gm

/** The JSDoc block that ends right before `at`, if any (only whitespace may separate it from the export). */
const docBefore = (text: string, at: number): string | undefined => {
  const before = text.slice(0, at).trimEnd()
  if (!before.endsWith("*/")) return undefined
  const start = before.lastIndexOf("/**")
  return start < 0 ? undefined : before.slice(start)
}

/** Exported functions and classes (constants only when they hold a function) without a JSDoc @example. */
const undocumented = (file: string): string[] => {
  const text = readFileSync(file, "utf8")
  const out: string[] = []
  for (const m of text.matchAll(exportPattern)) {
    const end = text.indexOf("\n", m.index)
    const line = text.slice(m.index, end < 0 ? undefined : end)
    const isConst = line.startsWith("export const ")
    if (isConst && !line.includes("=>") && !line.includes("= (") && !/=\s*</.test(line)) continue
    const doc = docBefore(text, m.index)
    if (doc?.includes("@internal")) continue
    if (!doc?.includes("@example")) out.push(`${relative(src, file).split("\\").join("/")} ${m[1]}`)
  }
  return out
}

describe("API documentation", () => {
  const files = sourceFiles(src)
  const offenders = files.flatMap(undocumented)

  it("scans the whole source tree", () => {
    expect(files.length).toBeGreaterThan(100)
    expect(files.some((f) => f.includes("econometrics/spatial"))).toBe(true)
  })

  it("gives every exported function and class a JSDoc with an @example", () => {
    const missing = offenders.filter((o) => !knownGaps.includes(o))
    expect(missing, `exports without a JSDoc @example (add one, or mark the helper @internal):\n${missing.join("\n")}`).toEqual([])
  })

  it("detects a missing example", () => {
    const sample =
      "/** Adds. */\nexport const add = (a: number) => a\n/**\n * Subtracts.\n * @example sub(1) // 1\n */\nexport function sub(a: number) { return a }\n"
    const found = [...sample.matchAll(exportPattern)].filter((m) => !docBefore(sample, m.index)?.includes("@example"))
    expect(found.map((m) => m[1])).toEqual(["add"])
  })
})
