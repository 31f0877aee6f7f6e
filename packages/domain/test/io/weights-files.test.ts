import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { parseGal, writeGal } from "../../src/io/gal.js"
import { parseGwt, writeGwt } from "../../src/io/gwt.js"
import { InputError } from "../../src/model/errors.js"

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/io/${name}`, import.meta.url)), "utf8")

interface RGal {
  file: string
  n: number
  links: number
  ids: string[]
  neighbours: string[][]
}
interface RGwt extends RGal {
  weight_total: number
  weights: number[][]
}
/** What spdep read from each file (scripts/golden/io.R). */
const golden = JSON.parse(fixture("weights_r.json")) as { gal: RGal[]; gwt: RGwt[] }

const caught = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}

const sorted = (xs: ReadonlyArray<string>): string[] => [...xs].sort()

describe("parseGal against spdep::read.gal", () => {
  for (const g of golden.gal) {
    it(`${g.file}: ${g.n} units, ${g.links} links`, () => {
      const list = parseGal(fixture(g.file))
      expect(list.ids).toEqual(g.ids)
      expect(list.neighbours.reduce((s, nb) => s + nb.length, 0)).toBe(g.links)
      list.neighbours.forEach((nb, i) => {
        expect(sorted(nb)).toEqual(sorted(g.neighbours[i]!))
      })
      expect(list.weights).toBeUndefined()
    })
  }
  it("writeGal reproduces spdep's write.nb.gal output byte for byte", () => {
    expect(writeGal(parseGal(fixture("columbus_oldstyle.gal")))).toBe(fixture("columbus_oldstyle.gal"))
    expect(writeGal(parseGal(fixture("columbus_r.gal")), { shapefile: "columbus", idVariable: "POLYID" })).toBe(fixture("columbus_r.gal"))
    expect(writeGal(parseGal(fixture("nc_sids_r.gal")), { shapefile: "sids", idVariable: "FIPSNO" })).toBe(fixture("nc_sids_r.gal"))
    // GeoDa-style file with two islands (empty neighbour lines).
    expect(writeGal(parseGal(fixture("ncCC89_spdata.gal")), { shapefile: "sids", idVariable: "rn" })).toBe(fixture("ncCC89_spdata.gal"))
  })
})

describe("parseGwt against spdep::read.gwt2nb", () => {
  for (const g of golden.gwt) {
    it(`${g.file}: ${g.n} units, ${g.links} links, weights total ${g.weight_total}`, () => {
      const list = parseGwt(fixture(g.file))
      expect(list.ids).toEqual(g.ids)
      const w = list.weights!
      expect(list.neighbours.reduce((s, nb) => s + nb.length, 0)).toBe(g.links)
      const total = w.flat().reduce((s, x) => s + x, 0)
      expect(Math.abs(total - g.weight_total)).toBeLessThan(1e-9 * Math.max(1, g.weight_total))
      list.neighbours.forEach((nb, i) => {
        // spdep sorts each neighbour set; compare (neighbour, weight) pairs as sets.
        const ours = nb.map((id, k) => `${id}:${w[i]![k]}`).sort()
        const theirs = g.neighbours[i]!.map((id, k) => `${id}:${g.weights[i]![k]}`).sort()
        expect(ours).toEqual(theirs)
      })
    })
  }
  it("writeGwt output parses back to the same list", () => {
    for (const f of ["columbus_W.gwt", "nc_sids_W.gwt", "baltk4_spdata.gwt"]) {
      const list = parseGwt(fixture(f))
      expect(parseGwt(writeGwt(list, { shapefile: "s", idVariable: "ID" }))).toEqual(list)
    }
  })
})

describe("GAL errors name the line", () => {
  it("header problems", () => {
    expect(caught(() => parseGal("")).code).toBe("bad_header")
    expect(caught(() => parseGal("x\n")).code).toBe("bad_header")
    const e = caught(() => parseGal("0 3 shp id\na 1\nb\nb 1\na\n"))
    expect(e.code).toBe("n_mismatch")
    expect(e.message).toContain("Line 1")
  })
  it("wrong neighbour count, duplicate unit, unknown neighbour", () => {
    const wrong = caught(() => parseGal("2\na 2\nb\nb 1\na\n"))
    expect(wrong.code).toBe("wrong_neighbour_count")
    expect(wrong.issues?.[0]?.row).toBe(3)
    const dup = caught(() => parseGal("2\na 1\nb\na 1\nb\n"))
    expect(dup.code).toBe("duplicate_unit")
    expect(dup.issues?.[0]?.row).toBe(4)
    const unknown = caught(() => parseGal("2\na 1\nb\nb 1\nc\n"))
    expect(unknown.code).toBe("unknown_neighbour")
    expect(unknown.message).toContain("Line 5")
    expect(unknown.message).toContain('"c"')
    expect(caught(() => parseGal("2\na one\nb\n")).code).toBe("bad_unit_line")
    expect(caught(() => parseGal("2\na 2\nb b\nb 1\na\n")).code).toBe("duplicate_neighbour")
  })
  it("accepts islands with an empty or missing neighbour line and CRLF", () => {
    expect(parseGal("3\r\na 1\r\nb\r\nb 1\r\na\r\nc 0\r\n")).toEqual({ ids: ["a", "b", "c"], neighbours: [["b"], ["a"], []] })
    expect(parseGal("3\nc 0\na 1\nb\nb 1\na")).toEqual({ ids: ["c", "a", "b"], neighbours: [[], ["b"], ["a"]] })
  })
  it("writeGal rejects ids it cannot write", () => {
    expect(caught(() => writeGal({ ids: ["a b"], neighbours: [[]] })).code).toBe("bad_id")
    expect(caught(() => writeGal({ ids: ["a"], neighbours: [] })).code).toBe("bad_list")
  })
})

describe("GWT errors name the line", () => {
  it("bad lines, weights, duplicate links and counts", () => {
    const w = caught(() => parseGwt("0 2 s id\n1 2 0.5\n2 1 abc\n"))
    expect(w.code).toBe("bad_weight")
    expect(w.issues?.[0]?.row).toBe(3)
    expect(caught(() => parseGwt("0 2 s id\n1 2\n")).code).toBe("bad_gwt_line")
    expect(caught(() => parseGwt("0 2 s id\n1 2 1\n1 2 1\n")).code).toBe("duplicate_link")
    // Non-index ids with an island: ids cannot be inferred.
    expect(caught(() => parseGwt("0 3 s id\na b 1\nb a 1\n")).code).toBe("n_mismatch")
    expect(parseGwt("0 3 s id\na b 1\nb a 1\n", { ids: ["a", "b", "c"] }).neighbours).toEqual([["b"], ["a"], []])
    const unknown = caught(() => parseGwt("0 3 s id\na b 1\nb z 1\n", { ids: ["a", "b", "c"] }))
    expect(unknown.code).toBe("unknown_unit")
    expect(unknown.issues?.[0]?.row).toBe(3)
    expect(caught(() => parseGwt("3\n1 2 1\n", { ids: ["1", "2"] })).code).toBe("n_mismatch")
  })
  it("index ids 1..n include islands, as spdep reads them", () => {
    expect(parseGwt("3\n1 2 0.5\n2 1 0.25\n")).toEqual({ ids: ["1", "2", "3"], neighbours: [["2"], ["1"], []], weights: [[0.5], [0.25], []] })
  })
  it("writeGwt writes binary weights when none are given", () => {
    expect(writeGwt({ ids: ["a", "b"], neighbours: [["b"], ["a"]] })).toBe("0 2 unknown id\na b 1\nb a 1\n")
  })
})
