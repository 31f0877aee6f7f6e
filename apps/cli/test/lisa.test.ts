import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { golden, relClose, tempFiles, wfile } from "./spatial.js"

interface LocalR {
  id: string
  Ii: number
  expected: number
  variance: number
  z: number | null
  p: number | null
  quadrant: string
}
type Fixture = { islands?: string[]; results: Record<string, { local: LocalR[] }> }
interface Row {
  id: string
  Ii: number
  expected: number
  variance: number
  z: number | null
  p: number | null
  p_permutation: number | null
  quadrant: string | null
}

describe("jiju lisa", () => {
  it("Columbus CRIME (W): the JSON contract and spdep localmoran to 1e-10, quadrants by the mean scheme", async () => {
    const R = golden<Fixture>("moran/columbus.json").results.CRIME_W!.local
    const r = await runCli(["lisa", "--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("columbus.gal"), "--var", "CRIME", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const rows = (r.json() as { rows: Row[] }).rows
    expect(Object.keys(rows[0]!)).toEqual(["id", "Ii", "expected", "variance", "z", "p", "p_permutation", "quadrant", "std_value", "std_lag"])
    expect(rows.map((x) => x.id)).toEqual(R.map((x) => x.id))
    rows.forEach((row, i) => {
      const L = R[i]!
      for (const k of ["Ii", "expected", "variance", "z", "p"] as const) expect(relClose(row[k], L[k]), `${row.id} ${k}`).toBe(true)
      expect(row.quadrant).toBe(L.quadrant)
      expect(row.p_permutation).toBeNull()
    })
  })

  it("NC SIDS with islands: islands get null z, p and quadrant; seeded permutations reproduce", async () => {
    const fx = golden<Fixture>("moran/nc_sids.json")
    const args = ["lisa", "--data", wfile("nc_sids.csv"), "--id", "FIPS", "--weights", wfile("nc_cc89.gal"), "--var", "SID74 / BIR74"]
    const a = (await runCli([...args, "--permutations", "199", "--seed", "3", "--json"])).json() as { rows: Row[] }
    const b = (await runCli([...args, "--permutations", "199", "--seed", "3", "--json"])).json() as { rows: Row[] }
    expect(a.rows.map((x) => x.p_permutation)).toEqual(b.rows.map((x) => x.p_permutation))
    const byId = new Map(fx.results.rate_W!.local.map((l) => [l.id, l]))
    for (const row of a.rows) {
      const L = byId.get(row.id)!
      expect(relClose(row.Ii, L.Ii), row.id).toBe(true)
      if (fx.islands!.includes(row.id)) expect(row).toMatchObject({ z: null, p: null, quadrant: null, p_permutation: null })
      else {
        expect(row.quadrant).toBe(L.quadrant)
        expect(row.p_permutation!).toBeGreaterThanOrEqual(1 / 200)
        expect(row.p_permutation!).toBeLessThanOrEqual(0.5)
      }
    }
  })

  it("contiguity from GeoJSON works end to end and prints a table", async () => {
    const r = await runCli(["lisa", "--data", wfile("columbus.geojson"), "--id", "POLYID", "--contiguity", "queen", "--var", "log(CRIME)"])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.trim().split("\n")
    expect(lines[0]).toMatch(/^id\s+Ii\s+E\(Ii\)\s+Var\(Ii\)\s+z\s+p\s+quadrant$/)
    expect(lines).toHaveLength(2 + 49)
  })

  it("errors: GeoJSON without polygons for --contiguity, unknown column", async () => {
    const points = JSON.stringify({
      type: "FeatureCollection",
      features: [1, 2, 3, 4].map((i) => ({ type: "Feature", properties: { id: `p${i}`, v: i }, geometry: { type: "Point", coordinates: [i, i * i] } })),
    })
    const dir = tempFiles({ "points.geojson": points })
    const np = await runCli(["lisa", "--data", join(dir, "points.geojson"), "--id", "id", "--contiguity", "rook", "--var", "v", "--json"])
    expect(np.code).toBe(1)
    expect((np.json() as { error: { code: string } }).error.code).toBe("no_polygons")
    // Points work with --knn, taking the coordinates from the geometry.
    const knn = await runCli(["lisa", "--data", join(dir, "points.geojson"), "--id", "id", "--knn", "2", "--var", "v", "--json"])
    expect(knn.code, knn.stderr).toBe(0)
    const unknown = await runCli(["lisa", "--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("columbus.gal"), "--var", "crime", "--json"])
    expect((unknown.json() as { error: { code: string } }).error.code).toBe("unknown_column")
  })

  it("--threads 1, 2 and 3 give the same permutation p-values, bit for bit; the other columns are untouched", async () => {
    const args = ["lisa", "--data", wfile("nc_sids.csv"), "--id", "FIPS", "--weights", wfile("nc_cc89.gal"), "--var", "SID74 / BIR74"]
    const runs = await Promise.all(
      ["1", "2", "3"].map(async (t) => {
        const r = await runCli([...args, "--permutations", "299", "--seed", "8", "--threads", t, "--json"])
        expect(r.code, r.stderr).toBe(0)
        return (r.json() as { rows: Row[] }).rows
      }),
    )
    expect(runs[1]).toEqual(runs[0])
    expect(runs[2]).toEqual(runs[0])
    const plain = (await runCli([...args, "--json"])).json() as { rows: Row[] }
    runs[0]!.forEach((row, i) => {
      expect({ ...row, p_permutation: null }).toEqual(plain.rows[i])
    })
    expect(runs[0]!.filter((r) => r.p_permutation !== null).length).toBeGreaterThan(90)
    const bad = await runCli([...args, "--permutations", "9", "--threads", "0", "--json"])
    expect(bad.code).toBe(2)
    expect((bad.json() as { error: { code: string } }).error.code).toBe("bad_threads")
  })
})
