/** Paths to the spatial fixtures shared with the domain tests, and temp files for failure cases. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const fixtures = fileURLToPath(new URL("../../../packages/domain/test/fixtures/", import.meta.url))

/** Absolute path of packages/domain/test/fixtures/weights/<name>. */
export const wfile = (name: string): string => join(fixtures, "weights", name)

/** Parsed R golden output packages/domain/test/fixtures/<rel>. */
export const golden = <T>(rel: string): T => JSON.parse(readFileSync(join(fixtures, rel), "utf8")) as T

/** A fresh temp directory with the given files written into it; returns the directory. */
export const tempFiles = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), "jiju-spatial-"))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

/** Relative agreement check used against R's closed forms. */
export const relClose = (a: number | null, b: number | null, tol = 1e-10): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300) || Math.abs(a - b) < 1e-15
