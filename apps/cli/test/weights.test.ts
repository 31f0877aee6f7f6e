import { readFileSync } from "node:fs"
import { join } from "node:path"
import { parseGal } from "@jiju/domain"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { golden, tempFiles, wfile } from "./spatial.js"

type LinkSets = Record<string, string[]>
const totalLinks = (s: LinkSets) => Object.values(s).reduce((t, v) => t + v.length, 0)

describe("jiju weights", () => {
  it("summarises a GAL file (Columbus col.gal.nb: spdep reports 230 links, 2–10 neighbours)", async () => {
    const r = await runCli(["weights", "--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("columbus.gal"), "--json"])
    expect(r.code).toBe(0)
    const out = r.json() as Record<string, unknown>
    expect(Object.keys(out)).toEqual(["n", "links", "islands", "min_neighbours", "max_neighbours", "mean_neighbours"])
    expect(out).toMatchObject({ n: 49, links: 230, islands: [], min_neighbours: 2, max_neighbours: 10 })
    expect(out.mean_neighbours).toBeCloseTo(4.693878, 6)
  })

  it("queen and rook contiguity from GeoJSON polygons give poly2nb's link counts", async () => {
    const R = golden<Record<string, LinkSets>>("weights/columbus_links.json")
    for (const rule of ["queen", "rook"] as const) {
      const r = await runCli(["weights", "--data", wfile("columbus.geojson"), "--id", "POLYID", "--contiguity", rule, "--json"])
      expect(r.code, r.stderr).toBe(0)
      expect((r.json() as { links: number }).links).toBe(totalLinks(R[rule]!))
    }
  })

  it("knn and distance band from coordinate columns; islands are listed", async () => {
    const R = golden<Record<string, LinkSets>>("weights/columbus_links.json")
    const knn = await runCli(["weights", "--data", wfile("columbus.csv"), "--id", "POLYID", "--knn", "4", "--coords", "X,Y", "--json"])
    expect(knn.json()).toMatchObject({ n: 49, links: 196, min_neighbours: 4, max_neighbours: 4, mean_neighbours: 4 })
    const band = await runCli(["weights", "--data", wfile("columbus.csv"), "--id", "POLYID", "--distance-band", "1.5", "--coords", "X,Y", "--json"])
    const expectedIslands = Object.entries(R.dist_band_1_5!)
      .filter(([, v]) => v.length === 0)
      .map(([k]) => k)
    const out = band.json() as { islands: string[]; links: number; min_neighbours: number }
    expect([...out.islands].sort()).toEqual([...expectedIslands].sort())
    expect(out.links).toBe(totalLinks(R.dist_band_1_5!))
    expect(out.min_neighbours).toBe(0)
  })

  it("--out writes a GAL file with the same links, in the data's id order", async () => {
    const dir = tempFiles({})
    const r = await runCli([
      "weights",
      "--data",
      wfile("nc_sids.csv"),
      "--id",
      "FIPS",
      "--weights",
      wfile("nc_cc89.gal"),
      "--out",
      join(dir, "nc.gal"),
      "--json",
    ])
    expect(r.code, r.stderr).toBe(0)
    const written = parseGal(readFileSync(join(dir, "nc.gal"), "utf8"))
    const original = parseGal(readFileSync(wfile("nc_cc89.gal"), "utf8"))
    const sets = (l: { ids: string[]; neighbours: string[][] }) => Object.fromEntries(l.ids.map((id, i) => [id, [...l.neighbours[i]!].sort()]))
    expect(sets(written)).toEqual(sets(original))
    expect(written.ids[0]).toBe("37009") // the CSV's first row, not the GAL's
    expect((r.json() as { islands: string[] }).islands.sort()).toEqual(["37055", "37095"])
  })

  it("prints a readable table without --json", async () => {
    const r = await runCli(["weights", "--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("columbus.gal")])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/links\s+230/)
    expect(r.stdout).toMatch(/islands\s+none/)
  })

  it("errors: no polygons for --contiguity, ids that do not match, missing or conflicting sources", async () => {
    const points = JSON.stringify({
      type: "FeatureCollection",
      features: [1, 2, 3].map((i) => ({ type: "Feature", properties: { id: `p${i}` }, geometry: { type: "Point", coordinates: [i, i] } })),
    })
    const dir = tempFiles({ "points.geojson": points })
    const np = await runCli(["weights", "--data", join(dir, "points.geojson"), "--id", "id", "--contiguity", "queen", "--json"])
    expect(np.code).toBe(1)
    expect((np.json() as { error: { code: string } }).error.code).toBe("no_polygons")
    expect(np.stderr.trim().split("\n")).toHaveLength(1)
    expect(np.stderr).toContain("GeoJSON FeatureCollection of Polygon or MultiPolygon")

    const mm = await runCli(["weights", "--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("nc_cc89.gal"), "--json"])
    expect(mm.code).toBe(1)
    const e = (mm.json() as { error: { code: string; message: string } }).error
    expect(e.code).toBe("ids_mismatch")
    expect(e.message).toContain("in the data but not the weights: 1, 2, 3")
    expect(e.message).toContain("in the weights but not the data: 37001")

    const none = await runCli(["weights", "--data", wfile("columbus.csv"), "--json"])
    expect(none.code).toBe(2)
    expect((none.json() as { error: { code: string } }).error.code).toBe("missing_weights")
    const both = await runCli(["weights", "--data", wfile("columbus.csv"), "--knn", "3", "--coords", "X,Y", "--contiguity", "queen", "--json"])
    expect((both.json() as { error: { code: string } }).error.code).toBe("conflicting_weights")
    const badId = await runCli(["weights", "--data", wfile("columbus.csv"), "--id", "NOPE", "--knn", "3", "--coords", "X,Y", "--json"])
    expect(badId.code).toBe(1)
    expect((badId.json() as { error: { code: string; message: string } }).error).toMatchObject({ code: "unknown_column" })
    const noCoords = await runCli(["weights", "--data", wfile("columbus.csv"), "--knn", "3", "--json"])
    expect((noCoords.json() as { error: { code: string } }).error.code).toBe("missing_coords")
    const badRule = await runCli(["weights", "--data", wfile("columbus.geojson"), "--contiguity", "bishop", "--json"])
    expect((badRule.json() as { error: { code: string } }).error.code).toBe("bad_contiguity")
  })
})
