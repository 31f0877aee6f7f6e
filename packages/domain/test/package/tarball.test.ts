import { execFileSync } from "node:child_process"
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { pnpm } from "./pnpm.js"

const root = join(import.meta.dirname, "../..")
const built = existsSync(join(root, "dist/index.js"))
const work = mkdtempSync(join(tmpdir(), "jiju-pack-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// The published artefact, not the workspace: pack it, install the tarball into an empty project, run the tour.
describe.runIf(built)("the packed library in an empty project", () => {
  it("installs from the tarball and runs the README tour under Node with R's numbers", { timeout: 240_000 }, () => {
    const packed = JSON.parse(pnpm(["pack", "--json", "--pack-destination", work], root)) as { filename: string }
    const project = join(work, "project")
    execFileSync("mkdir", ["-p", project])
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "tour", private: true, type: "module" }))
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", packed.filename], {
      cwd: project,
      stdio: "pipe",
    })
    copyFileSync(join(root, "examples/tour.mjs"), join(project, "tour.mjs"))
    const fixtures = join(root, "test/fixtures/ols")
    const out = execFileSync("node", ["tour.mjs", join(fixtures, "columbus.csv"), join(fixtures, "columbus.gal")], {
      cwd: project,
      encoding: "utf8",
    })
    const tour = JSON.parse(out) as { rho: number; moran: { I: number }; recommendation: string; assessed: unknown[] }
    const r = JSON.parse(readFileSync(join(root, "test/fixtures/spatial/columbus.json"), "utf8")) as Record<string, unknown>
    const rRho = findNumber(r, ["lag", "eigen", "rho"])
    expect(rRho).toBeDefined()
    expect(Math.abs(tour.rho - rRho!) / Math.abs(rRho!)).toBeLessThan(1e-6)
    // spdep: moran.test(CRIME, nb2listw(col.gal.nb)) gives I = 0.4857709 on Columbus.
    expect(tour.moran.I).toBeCloseTo(0.4857709, 6)
    expect(tour.recommendation).toBe("lag")
    expect(tour.assessed).toHaveLength(2)
  })
})

const findNumber = (o: unknown, path: ReadonlyArray<string>): number | undefined => {
  let cur: unknown = o
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined
    cur = (cur as Record<string, unknown>)[k]
  }
  if (typeof cur === "number") return cur
  if (Array.isArray(cur) && typeof cur[0] === "number") return cur[0]
  if (cur && typeof cur === "object" && typeof (cur as { estimate?: unknown }).estimate === "number") return (cur as { estimate: number }).estimate
  return undefined
}
