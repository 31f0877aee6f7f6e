import { describe, expect, it } from "vitest"
import {
  alignWeights,
  contiguityWeights,
  distanceBandWeights,
  inverseDistanceWeights,
  knnWeights,
  summariseWeights,
  tableContiguityWeights,
  toNeighbourList,
  transformWeights,
  weightsFromLinks,
  weightsFromNeighbourList,
} from "../../src/econometrics/weights/index.js"
import type { SpatialWeights } from "../../src/econometrics/weights/SpatialWeights.js"
import { numericColumn, stringColumn } from "../../src/io/columns.js"
import type { Geometry } from "../../src/io/DataTable.js"
import { parseGeoJson } from "../../src/io/geojson.js"
import { InputError } from "../../src/model/errors.js"
import { type LinkSets, readCsv, readGal, readGeoJson, readJson, readText } from "./weightsFixtures.js"

/** Our weights as { id: sorted neighbour ids }, to compare with spdep's link sets. */
const linkSets = (w: SpatialWeights): LinkSets => {
  const out: LinkSets = {}
  w.ids.forEach((id, i) => {
    const nb: string[] = []
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) nb.push(w.ids[w.colIdx[p]!]!)
    out[id] = nb.sort()
  })
  return out
}
const sorted = (s: LinkSets): LinkSets => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, [...v].sort()]))

const catchError = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}

const square = (x: number, y: number, size = 1): Geometry => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
})

describe("contiguity from polygons against spdep poly2nb / cell2nb", () => {
  it("7 × 7 lattice: queen and rook equal cell2nb and poly2nb", () => {
    const R = readJson<Record<string, LinkSets>>("weights/grid7_links.json")
    const { ids, geometries } = readGeoJson("weights/grid7.geojson", "id")
    const queen = contiguityWeights(ids, geometries, { rule: "queen" })
    const rook = contiguityWeights(ids, geometries, { rule: "rook" })
    expect(linkSets(queen)).toEqual(sorted(R.queen!))
    expect(linkSets(rook)).toEqual(sorted(R.rook!))
    expect(linkSets(queen)).toEqual(sorted(R.poly_queen!))
    expect(linkSets(rook)).toEqual(sorted(R.poly_rook!))
    expect(queen.symmetric && rook.symmetric).toBe(true)
  })

  it("Columbus polygons: queen and rook equal poly2nb", () => {
    const R = readJson<Record<string, LinkSets>>("weights/columbus_links.json")
    const { ids, geometries } = readGeoJson("weights/columbus.geojson", "POLYID")
    expect(linkSets(contiguityWeights(ids, geometries, { rule: "queen" }))).toEqual(sorted(R.queen!))
    // The same through the io GeoJSON reader and the table helper.
    const table = parseGeoJson(readText("weights/columbus.geojson"))
    expect(linkSets(tableContiguityWeights(table, "POLYID", { rule: "queen" }))).toEqual(sorted(R.queen!))
    expect(linkSets(contiguityWeights(ids, geometries, { rule: "rook" }))).toEqual(sorted(R.rook!))
  })

  it("North Carolina counties (MultiPolygons): queen and rook equal poly2nb", () => {
    const R = readJson<Record<string, LinkSets>>("weights/nc_sids_links.json")
    const { ids, geometries } = readGeoJson("weights/nc_sids.geojson", "FIPS")
    expect(linkSets(contiguityWeights(ids, geometries, { rule: "queen" }))).toEqual(sorted(R.queen!))
    expect(linkSets(contiguityWeights(ids, geometries, { rule: "rook" }))).toEqual(sorted(R.rook!))
  })

  it("snaps vertices that differ by float noise, and rook needs a shared edge (either orientation)", () => {
    const eps = 1e-10
    // b shares a's right edge with tiny noise and reversed ring orientation; c touches b only at a corner.
    const a = square(0, 0)
    const b: Geometry = {
      type: "Polygon",
      coordinates: [
        [
          [1 + eps, 0],
          [1 - eps, 1 + eps],
          [2, 1],
          [2, 0],
          [1 + eps, 0],
        ],
      ],
    }
    const c = square(2, 1)
    const queen = contiguityWeights(["a", "b", "c"], [a, b, c], { rule: "queen" })
    const rook = contiguityWeights(["a", "b", "c"], [a, b, c], { rule: "rook" })
    expect(linkSets(queen)).toEqual({ a: ["b"], b: ["a", "c"], c: ["b"] })
    expect(linkSets(rook)).toEqual({ a: ["b"], b: ["a"], c: [] })
    expect(summariseWeights(rook).islands).toEqual(["c"])
    // With snapping switched off the noisy edge is no longer shared.
    expect(linkSets(contiguityWeights(["a", "b", "c"], [a, b, c], { rule: "rook", snap: 0 })).a).toEqual([])
  })

  it("rook: a common boundary with an extra vertex on one side only is still an edge", () => {
    const a = square(0, 0)
    // b's left edge has a midpoint vertex at (1, 0.5) that a does not have.
    const b: Geometry = {
      type: "Polygon",
      coordinates: [
        [
          [1, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 0.5],
          [1, 0],
        ],
      ],
    }
    expect(linkSets(contiguityWeights(["a", "b"], [a, b], { rule: "rook" }))).toEqual({ a: ["b"], b: ["a"] })
  })

  it("rejects data without polygons, naming the problem", () => {
    const point: Geometry = { type: "Point", coordinates: [0, 0] }
    expect(catchError(() => contiguityWeights(["a", "b"], [point, point])).code).toBe("no_polygons")
    const e = catchError(() => contiguityWeights(["a", "b"], [square(0, 0), point]))
    expect(e.code).toBe("not_polygon")
    expect(e.message).toContain("Row 2")
    expect(catchError(() => contiguityWeights(["a", "b"], [square(0, 0), null])).code).toBe("missing_geometry")
    // A table without geometry (read from CSV) has no polygons either.
    const csv = readCsv("weights/columbus.csv")
    expect(catchError(() => tableContiguityWeights(csv, "POLYID")).code).toBe("no_polygons")
  })

  it("builds contiguity for 3,100 polygons of 80 vertices each with the exact lattice link counts (speed: pnpm bench)", () => {
    const cols = 62
    const rowsN = 50
    const k = 20 // vertices per side: boundaries densified like real county outlines
    const ids: string[] = []
    const geoms: Geometry[] = []
    for (let r = 0; r < rowsN; r++) {
      for (let c = 0; c < cols; c++) {
        const x0 = 116 + c * 0.05
        const y0 = 30 + r * 0.05
        const ring: Array<[number, number]> = []
        for (let t = 0; t < k; t++) ring.push([x0 + (0.05 * t) / k, y0])
        for (let t = 0; t < k; t++) ring.push([x0 + 0.05, y0 + (0.05 * t) / k])
        for (let t = 0; t < k; t++) ring.push([x0 + 0.05 - (0.05 * t) / k, y0 + 0.05])
        for (let t = 0; t < k; t++) ring.push([x0, y0 + 0.05 - (0.05 * t) / k])
        ring.push(ring[0]!)
        ids.push(`${r}-${c}`)
        geoms.push({ type: "Polygon", coordinates: [ring] })
      }
    }
    const queen = summariseWeights(contiguityWeights(ids, geoms, { rule: "queen" }))
    const rook = summariseWeights(contiguityWeights(ids, geoms, { rule: "rook" }))
    expect(queen.n).toBe(3100)
    // Interior cells have 8 queen neighbours, edge cells 5, corners 3; rook: 4, 3, 2.
    expect(queen.links).toBe(8 * 48 * 60 + 5 * 2 * (48 + 60) + 3 * 4)
    expect(rook.links).toBe(4 * 48 * 60 + 3 * 2 * (48 + 60) + 2 * 4)
  })
})

describe("k nearest neighbours and distance bands against spdep knearneigh / dnearneigh", () => {
  const columbus = readCsv("weights/columbus.csv")
  const colIds = stringColumn(columbus, "POLYID")
  const colXY = { x: numericColumn(columbus, "X"), y: numericColumn(columbus, "Y") }
  const colR = readJson<Record<string, LinkSets>>("weights/columbus_links.json")

  it("Columbus knn k = 4 and k = 1 (asymmetric)", () => {
    const w4 = knnWeights(colIds, colXY, 4)
    expect(linkSets(w4)).toEqual(sorted(colR.knn4!))
    expect(w4.symmetric).toBe(false)
    expect(linkSets(knnWeights(colIds, colXY, 1))).toEqual(sorted(colR.knn1!))
    expect(Array.from(w4.values).every((v) => v === 0.25)).toBe(true)
  })

  it("Columbus distance bands 3 and 1.5 (the latter leaves islands)", () => {
    expect(linkSets(distanceBandWeights(colIds, colXY, 3))).toEqual(sorted(colR.dist_band_3!))
    const w = distanceBandWeights(colIds, colXY, 1.5)
    expect(linkSets(w)).toEqual(sorted(colR.dist_band_1_5!))
    const expectedIslands = Object.entries(colR.dist_band_1_5!)
      .filter(([, v]) => v.length === 0)
      .map(([k]) => k)
    expect(expectedIslands.length).toBeGreaterThan(0)
    expect(summariseWeights(w).islands).toEqual(colIds.filter((id) => expectedIslands.includes(id)))
    expect(w.symmetric).toBe(true)
  })

  it("Boston tracts (UTM): knn k = 5 and distance band 2 km", () => {
    const boston = readCsv("weights/boston.csv")
    const ids = stringColumn(boston, "id")
    const xy = { x: numericColumn(boston, "x"), y: numericColumn(boston, "y") }
    const R = readJson<Record<string, LinkSets>>("weights/boston_links.json")
    expect(linkSets(knnWeights(ids, xy, 5))).toEqual(sorted(R.knn5!))
    expect(linkSets(distanceBandWeights(ids, xy, 2))).toEqual(sorted(R.dist_band_2!))
  })

  it("lattice centroids: ties at equal distance broken like knearneigh, bands inclusive (≤ d)", () => {
    const grid = readCsv("weights/grid7.csv")
    const ids = stringColumn(grid, "id")
    const xy = { x: numericColumn(grid, "x"), y: numericColumn(grid, "y") }
    const R = readJson<Record<string, LinkSets>>("weights/grid7_links.json")
    expect(linkSets(knnWeights(ids, xy, 4))).toEqual(sorted(R.knn4!))
    expect(linkSets(knnWeights(ids, xy, 5))).toEqual(sorted(R.knn5!))
    expect(linkSets(distanceBandWeights(ids, xy, 1))).toEqual(sorted(R.dist_band_1!))
    expect(linkSets(distanceBandWeights(ids, xy, 1.5))).toEqual(sorted(R.dist_band_1_5!))
  })

  it("inverse distance: 1/d^alpha within the band, row-standardised or raw", () => {
    const ids = ["a", "b", "c"]
    const xy = { x: [0, 3, 0], y: [0, 0, 4] } // d(a,b) = 3, d(a,c) = 4, d(b,c) = 5
    const raw = inverseDistanceWeights(ids, xy, { band: 4.5, alpha: 2, style: "U" })
    expect(linkSets(raw)).toEqual({ a: ["b", "c"], b: ["a"], c: ["a"] })
    expect(Array.from(raw.values)).toEqual([1 / 9, 1 / 16, 1 / 9, 1 / 16])
    const rowW = inverseDistanceWeights(ids, xy, { alpha: 1 })
    // Row a: (1/3, 1/4) / (7/12) = (4/7, 3/7).
    expect(rowW.values[0]).toBeCloseTo(4 / 7, 14)
    expect(rowW.values[1]).toBeCloseTo(3 / 7, 14)
    expect(catchError(() => inverseDistanceWeights(["a", "b"], { x: [1, 1], y: [2, 2] })).code).toBe("coincident_points")
  })

  it("rejects k outside 1 … n − 1 and a negative band", () => {
    expect(catchError(() => knnWeights(colIds, colXY, 49)).code).toBe("invalid_k")
    expect(catchError(() => knnWeights(colIds, colXY, 0)).code).toBe("invalid_k")
    expect(catchError(() => distanceBandWeights(colIds, colXY, -1)).code).toBe("invalid_distance")
  })
})

describe("neighbour lists, alignment by id, styles, summary", () => {
  it("Columbus GAL: summary matches spdep's summary(col.gal.nb) and GAL round trip", () => {
    const gal = readGal("weights/columbus.gal")
    const w = weightsFromNeighbourList(gal)
    // spdep: 49 regions, 230 nonzero links, average 4.693878, least 2, most 10 links.
    const s = summariseWeights(w)
    expect(s).toMatchObject({ n: 49, links: 230, islands: [], minNeighbours: 2, maxNeighbours: 10, symmetric: true })
    expect(s.meanNeighbours).toBeCloseTo(4.693878, 6)
    const back = toNeighbourList(transformWeights(w, "B"))
    expect(back.ids).toEqual(gal.ids)
    expect(back.neighbours.map((r) => [...r].sort())).toEqual(gal.neighbours.map((r) => [...r].sort()))
    expect(back.weights).toBeUndefined()
  })

  it("NC ncCC89: the GAL order differs from the data; alignment is by id value and keeps the links", () => {
    const gal = readGal("weights/nc_cc89.gal")
    const data = stringColumn(readCsv("weights/nc_sids.csv"), "FIPS")
    expect(gal.ids).not.toEqual(data)
    const w = alignWeights(weightsFromNeighbourList(gal, { style: "B" }), data)
    expect(w.ids).toEqual(data)
    const byId = Object.fromEntries(gal.ids.map((id, i) => [id, [...gal.neighbours[i]!].sort()]))
    expect(linkSets(w)).toEqual(byId)
    expect([...summariseWeights(w).islands].sort()).toEqual(["37055", "37095"])
  })

  it("ids_mismatch lists the ids found on only one side", () => {
    const w = weightsFromNeighbourList({ ids: ["a", "b", "c"], neighbours: [["b"], ["a", "c"], ["b"]] })
    const e = catchError(() => alignWeights(w, ["a", "b", "x"]))
    expect(e.code).toBe("ids_mismatch")
    expect(e.message).toContain("in the data but not the weights: x")
    expect(e.message).toContain("in the weights but not the data: c")
    expect(catchError(() => alignWeights(w, ["a", "a", "b"])).code).toBe("duplicate_id")
    const many = weightsFromNeighbourList({ ids: Array.from({ length: 30 }, (_, i) => `w${i}`), neighbours: Array.from({ length: 30 }, () => []) })
    expect(catchError(() => alignWeights(many, ["q"])).message).toContain("(30 in all)")
  })

  it("data in the weights' own order use the weights as they are, and still refuse a repeated id", () => {
    const w = weightsFromNeighbourList({ ids: ["a", "b", "c"], neighbours: [["b", "c"], ["a"], ["a"]] })
    expect(alignWeights(w, ["a", "b", "c"])).toBe(w)
    const twice = { ...w, ids: ["a", "b", "a"] }
    const e = catchError(() => alignWeights(twice, ["a", "b", "a"]))
    expect(e.code).toBe("duplicate_id")
    expect(e.issues?.[0]?.row).toBe(3)
  })

  it("reordering keeps each unit's weights", () => {
    const w = weightsFromNeighbourList({ ids: ["a", "b", "c"], neighbours: [["b", "c"], ["a"], ["a"]] })
    const r = alignWeights(w, ["c", "a", "b"])
    expect(linkSets(r)).toEqual({ a: ["b", "c"], b: ["a"], c: ["a"] })
    expect(Array.from(r.rowPtr)).toEqual([0, 1, 3, 4])
    expect(Array.from(r.colIdx)).toEqual([1, 0, 2, 1])
    expect(Array.from(r.values)).toEqual([1, 0.5, 0.5, 1])
  })

  it("GWT-style weights: W row-standardises them, B binarises, U keeps; errors for bad lists", () => {
    const list = { ids: ["a", "b", "c"], neighbours: [["b", "c"], ["a"], ["a"]], weights: [[1, 3], [2], [5]] }
    expect(Array.from(weightsFromNeighbourList(list).values)).toEqual([0.25, 0.75, 1, 1])
    expect(Array.from(weightsFromNeighbourList(list, { style: "B" }).values)).toEqual([1, 1, 1, 1])
    const u = weightsFromNeighbourList(list, { style: "U" })
    expect(Array.from(u.values)).toEqual([1, 3, 2, 5])
    expect(Array.from(transformWeights(u, "W").values)).toEqual([0.25, 0.75, 1, 1])
    expect(catchError(() => weightsFromNeighbourList({ ids: ["a", "b"], neighbours: [["z"], []] })).code).toBe("unknown_neighbour")
    expect(catchError(() => weightsFromNeighbourList({ ids: ["a", "a"], neighbours: [[], []] })).code).toBe("duplicate_id")
    expect(catchError(() => weightsFromLinks(["a", "b"], [[0], []], undefined, "B")).code).toBe("self_link")
    expect(catchError(() => weightsFromLinks(["a", "b"], [[1, 1], [0]], undefined, "B")).code).toBe("duplicate_link")
  })

  it("islands keep empty rows under W; the symmetric flag tracks the relation", () => {
    const w = weightsFromNeighbourList({ ids: ["a", "b", "c"], neighbours: [["b"], [], []] })
    expect(Array.from(w.rowPtr)).toEqual([0, 1, 1, 1])
    expect(w.symmetric).toBe(false)
    expect(summariseWeights(w)).toMatchObject({ islands: ["b", "c"], minNeighbours: 0, maxNeighbours: 1, links: 1 })
  })
})
