import { describe, expect, it } from "vitest"
import { weightsFromNeighbourList } from "../../src/econometrics/weights/neighbourList.js"
import { parseGal } from "../../src/io/gal.js"
import { idLookup } from "../../src/io/idLookup.js"

describe("idLookup", () => {
  it("finds ids numbered 1 … n and 0 … n − 1 by their digits, and nothing that only reads as the same number", () => {
    const one = idLookup(["1", "2", "3", "4"])
    expect(["1", "2", "3", "4"].map(one)).toEqual([0, 1, 2, 3])
    expect(["0", "5", "01", "+2", " 2", "2.0", "", "x", "99999999999999999"].map(one)).toEqual([-1, -1, -1, -1, -1, -1, -1, -1, -1])
    const zero = idLookup(["0", "1", "2"])
    expect(["0", "2", "3", "00"].map(zero)).toEqual([0, 2, -1, -1])
    const offset = idLookup(["1001", "1002"])
    expect(["1001", "1002", "1000", "1"].map(offset)).toEqual([0, 1, -1, -1])
  })

  it("falls back to a map for other ids, the first of repeated ids winning", () => {
    const named = idLookup(["410100", "410200", "411000", "410100"])
    expect(["410100", "410200", "411000", "410300"].map(named)).toEqual([0, 1, 2, -1])
    const gaps = idLookup(["1", "2", "4"])
    expect(["1", "2", "3", "4"].map(gaps)).toEqual([0, 1, -1, 2])
    // A first id with a leading zero is not the sequence 1, 2, …: "1" is not an id here.
    const padded = idLookup(["01", "2", "3"])
    expect(["01", "1", "2", "3"].map(padded)).toEqual([0, -1, 1, 2])
    const unordered = idLookup(["2", "1", "3"])
    expect(["1", "2", "3"].map(unordered)).toEqual([1, 0, 2])
    expect(idLookup([])("1")).toBe(-1)
  })

  it("gives the same weights, and the same errors, for numbered and named ids", () => {
    const gal = (ids: string[]) => `${ids.length}\n${ids[0]} 2\n${ids[1]} ${ids[2]}\n${ids[1]} 1\n${ids[0]}\n${ids[2]} 1\n${ids[0]}\n`
    const numbered = weightsFromNeighbourList(parseGal(gal(["1", "2", "3"])))
    const named = weightsFromNeighbourList(parseGal(gal(["a", "b", "c"])))
    expect(Array.from(numbered.colIdx)).toEqual(Array.from(named.colIdx))
    expect(Array.from(numbered.values)).toEqual([0.5, 0.5, 1, 1])
    expect(() => parseGal("2\n1 1\n3\n2 1\n1\n")).toThrow(/neighbour "3" of unit "1" is not a unit of the file/)
    expect(() => weightsFromNeighbourList({ ids: ["1", "2", "1"], neighbours: [["2"], ["1"], []] })).toThrow(/"1" appears more than once/)
    expect(() => weightsFromNeighbourList({ ids: ["1", "2"], neighbours: [["02"], ["1"]] })).toThrow(/02 \(neighbour of 1\)/)
  })
})
