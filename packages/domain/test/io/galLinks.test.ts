import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { buildWeights } from "../../src/analyses/WeightsSpec.js"
import { weightsFromNeighbourList } from "../../src/econometrics/weights/neighbourList.js"
import { parseGal, parseGalLinks } from "../../src/io/gal.js"
import { lineTokens, scanTokens, tokenDecimal } from "../../src/io/tokenSpans.js"
import { tokenLines } from "../../src/io/weightsText.js"
import { InputError } from "../../src/model/errors.js"

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/io/${name}`, import.meta.url)), "utf8")
const golden = JSON.parse(fixture("weights_r.json")) as { gal: Array<{ file: string }> }

const outcome = (f: () => unknown): unknown => {
  try {
    return { value: f() }
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    return { code: e.code, message: e.message, zh: e.zh, issues: e.issues }
  }
}

// parseGal's answer in parseGalLinks' form: neighbour ids as positions among the units.
const asLinks = (text: string): unknown =>
  outcome(() => {
    const list = parseGal(text)
    const at = new Map(list.ids.map((id, i) => [id, i]))
    return { ids: list.ids, neighbours: list.neighbours.map((nb) => nb.map((id) => at.get(id))) }
  })

const texts: ReadonlyArray<string> = [
  "3\n1 1\n2\n2 2\n1 3\n3 1\n2\n",
  "\ufeff0 3 shp id\r\n1 1\r\n2\r\n2 2\r\n1 3\r\n3 1\r\n2",
  "3\ra 1\rb\rb 2\ra c\rc 1\rb\r",
  "3\n\n  c 0\n\na 1\n b\t\nb 1\na",
  "3\nc 0\n\na 1\nb\nb 1\na\n",
  "3\u3000\n1\u00a01\n2\n2 1\n1\n3 0\n",
  "3\n0 1\n1\n1 2\n0 2\n2 1\n1\n",
  "2\n01 1\n2\n2 1\n01\n",
  "2\n1 1\n01\n2 1\n1\n",
  "2\n1 1\n3\n2 1\n1\n",
  "2\n1 1\n+2\n2 1\n1\n",
  "2\n1 1\n2\n2 1\n1\n3 0\n",
  "3\n1 1\n2\n2 1\n1\n",
  "2\n1 2\n2 2\n2 1\n1\n",
  "2\n1 2\n2\n2 1\n1\n",
  "2\n1 1\n2\n1 1\n2\n",
  "2\n1 x\n2\n",
  "",
  "x\n",
  "2\na 1\nb\nb 1\nc\n",
  "3\n1 0\n\n2 0\n\n1 0\n",
  "4\n5 0\n6 0\nx 0\n6 0\n",
  "4\n5 0\n7 0\n6 0\n5 0\n",
  "2\n1 01\n2\n2 1\n1\n",
  "2\n1 1 1\n2\n2 1\n1\n",
  "2\na 2\nb b\nb 1\na\n",
  `18\n${Array.from(
    { length: 18 },
    (_, i) =>
      `${i + 1} 17\n${Array.from({ length: 18 }, (_, j) => j + 1)
        .filter((j) => j !== i + 1)
        .join(" ")}`,
  ).join("\n")}\n`,
  `18\n1 17\n${[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 2].join(" ")}\n`,
]

describe("parseGalLinks", () => {
  it("reads every spdep fixture as parseGal does", () => {
    for (const g of golden.gal) expect(outcome(() => parseGalLinks(fixture(g.file)))).toEqual(asLinks(fixture(g.file)))
  })

  it("gives parseGal's result or its error (code, line, message) for odd and bad files", () => {
    for (const text of texts) expect(outcome(() => parseGalLinks(text))).toEqual(asLinks(text))
    expect((outcome(() => parseGalLinks("2\n1 1\n01\n2 1\n1\n")) as { code: string }).code).toBe("unknown_neighbour")
    expect((outcome(() => parseGalLinks("2\n1 2\n2 2\n2 1\n1\n")) as { code: string }).code).toBe("duplicate_neighbour")
  })

  it("makes the same weights as the neighbour list, through the spec the commands use", () => {
    const text = fixture(golden.gal[0]!.file)
    const list = parseGal(text)
    const table = { columns: [], rows: list.ids.length } as never
    const viaSpec = buildWeights({ kind: "file", format: "gal", text }, table, list.ids)
    const viaList = weightsFromNeighbourList(list)
    expect(Array.from(viaSpec.rowPtr)).toEqual(Array.from(viaList.rowPtr))
    expect(Array.from(viaSpec.colIdx)).toEqual(Array.from(viaList.colIdx))
    expect(Array.from(viaSpec.values)).toEqual(Array.from(viaList.values))
  })
})

describe("scanTokens", () => {
  it("splits lines and tokens as tokenLines does", () => {
    for (const text of [...texts, "a\u2028b\n", "\t \n", "x\r\n\r\ny \u000b z\f", "\ufeff"]) {
      const spans = scanTokens(text)
      expect(Array.from({ length: spans.lines }, (_, l) => lineTokens(spans, l))).toEqual(tokenLines(text))
    }
  })

  it("reads decimals as String writes them, and nothing else", () => {
    const spans = scanTokens("0 7 12 007 1e3 -1 999999999999999 9999999999999999 x")
    expect(Array.from({ length: 9 }, (_, t) => tokenDecimal(spans, t))).toEqual([0, 7, 12, -1, -1, -1, 999999999999999, -1, -1])
  })
})
