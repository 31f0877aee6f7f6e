import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { readTable, writeXlsx } from "@jiju/domain/io"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { golden, relClose, tempFiles, wfile } from "./spatial.js"

interface Global {
  I: number
  expected: number
  variance_normality: number
  z_normality: number
  p_normality: number
  variance_randomization: number
  z_randomization: number
  p_randomization: number
}
type Fixture = { results: Record<string, { global: Global }> }
const KEYS = ["I", "expected", "variance_normality", "z_normality", "p_normality", "variance_randomization", "z_randomization", "p_randomization"] as const

const expectLikeR = (out: Record<string, number | null>, R: Global) => {
  for (const k of KEYS) expect(relClose(out[k]!, R[k]), `${k}: ${out[k]} vs R ${R[k]}`).toBe(true)
}
const errorOf = (r: { json: () => unknown }) => (r.json() as { error: { code: string; message: string } }).error

describe("jiju moran", () => {
  const columbus = ["--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("columbus.gal")]

  it("Columbus CRIME, W and B: the JSON contract and spdep moran.test to 1e-10", async () => {
    const R = golden<Fixture>("moran/columbus.json")
    const w = await runCli(["moran", ...columbus, "--var", "CRIME", "--json"])
    expect(w.code, w.stderr).toBe(0)
    const out = w.json() as Record<string, number | null>
    expect(Object.keys(out)).toEqual([
      "n",
      "I",
      "expected",
      "variance_normality",
      "z_normality",
      "p_normality",
      "variance_randomization",
      "z_randomization",
      "p_randomization",
      "permutations",
      "p_permutation",
    ])
    expect(out).toMatchObject({ n: 49, permutations: 0, p_permutation: null })
    expectLikeR(out, R.results.CRIME_W!.global)
    const b = await runCli(["moran", ...columbus, "--var", "CRIME", "--transform", "b", "--json"])
    expectLikeR(b.json() as Record<string, number>, R.results.CRIME_B!.global)
  })

  it("reads --data from a workbook (the reader loaded only then) as from the CSV", async () => {
    const csv = readFileSync(wfile("columbus.csv"))
    const dir = tempFiles({})
    writeFileSync(join(dir, "columbus.xlsx"), writeXlsx([{ name: "data", table: readTable(csv, "columbus.csv") }]))
    const flags = ["--id", "POLYID", "--weights", wfile("columbus.gal"), "--var", "CRIME", "--json"]
    const fromCsv = await runCli(["moran", "--data", wfile("columbus.csv"), ...flags])
    const fromXlsx = await runCli(["moran", "--data", join(dir, "columbus.xlsx"), ...flags])
    expect(fromXlsx.code, fromXlsx.stderr).toBe(0)
    expect(fromXlsx.json()).toEqual(fromCsv.json())
  })

  it("NC SIDS: an expression for --var, weights matched by FIPS though the GAL order differs, islands", async () => {
    const R = golden<Fixture>("moran/nc_sids.json")
    const r = await runCli(["moran", "--data", wfile("nc_sids.csv"), "--id", "FIPS", "--weights", wfile("nc_cc89.gal"), "--var", "SID74 / BIR74", "--json"])
    expect(r.code, r.stderr).toBe(0)
    expectLikeR(r.json() as Record<string, number>, R.results.rate_W!.global)
  })

  it("GWT weights (inverse distance squared within 3, with islands), row-standardised like nb2listw(glist)", async () => {
    const R = golden<Fixture>("moran/columbus_idw.json")
    const r = await runCli(["moran", "--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("columbus_idw.gwt"), "--var", "CRIME", "--json"])
    expect(r.code, r.stderr).toBe(0)
    expectLikeR(r.json() as Record<string, number>, R.results.CRIME_W!.global)
  })

  it("permutations: seeded and reproducible, p in (0, 1], small for clustered crime", async () => {
    const args = ["moran", ...columbus, "--var", "CRIME", "--permutations", "999", "--seed", "42", "--json"]
    const a = (await runCli(args)).json() as { permutations: number; p_permutation: number }
    const b = (await runCli(args)).json() as { permutations: number; p_permutation: number }
    expect(a.permutations).toBe(999)
    expect(a.p_permutation).toBe(b.p_permutation)
    expect(a.p_permutation).toBeGreaterThan(0)
    expect(a.p_permutation).toBeLessThan(0.01)
  })

  it("prints a readable table without --json", async () => {
    const r = await runCli(["moran", ...columbus, "--var", "CRIME", "--permutations", "99"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("Moran's I of CRIME: 0.485771")
    expect(r.stdout).toMatch(/randomisation\s+0\.008991/)
    expect(r.stdout).toContain("permutation (99)")
  })

  it("errors: unknown column, non-numeric cell, ids that do not match, bad flags", async () => {
    const unknown = await runCli(["moran", ...columbus, "--var", "CRIMES", "--json"])
    expect(unknown.code).toBe(1)
    expect(errorOf(unknown).code).toBe("unknown_column")
    expect(errorOf(unknown).message).toContain('"CRIMES"')
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1)

    const csv = readFileSync(wfile("columbus.csv"), "utf8").split("\n")
    csv[3] = csv[3]!.replace(/^3,[^,]+,/, "3,abc,")
    const dir = tempFiles({ "bad.csv": csv.join("\n") })
    const bad = await runCli(["moran", "--data", join(dir, "bad.csv"), "--id", "POLYID", "--weights", wfile("columbus.gal"), "--var", "CRIME", "--json"])
    expect(bad.code).toBe(1)
    expect(errorOf(bad).code).toBe("not_numeric")
    expect(errorOf(bad).message).toMatch(/row 3/)
    expect(errorOf(bad).message).toContain("abc")

    const mm = await runCli(["moran", "--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("boston_soi.gal"), "--var", "CRIME", "--json"])
    expect(errorOf(mm).code).toBe("ids_mismatch")

    const noVar = await runCli(["moran", ...columbus, "--json"])
    expect(noVar.code).toBe(2)
    expect(errorOf(noVar).code).toBe("usage")
    const badPerm = await runCli(["moran", ...columbus, "--var", "CRIME", "--permutations", "2.5", "--json"])
    expect(errorOf(badPerm).code).toBe("bad_permutations")
  })
})
