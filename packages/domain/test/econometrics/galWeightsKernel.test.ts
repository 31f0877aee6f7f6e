import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterEach, describe, expect, it } from "vitest"
import { buildWeights } from "../../src/analyses/WeightsSpec.js"
import { galWeightsInKernel, useGalWeightsKernel } from "../../src/econometrics/weights/galWeightsKernel.js"
import { weightsFromLinks } from "../../src/econometrics/weights/links.js"
import { parseGalLinks } from "../../src/io/gal.js"
import { InputError } from "../../src/model/errors.js"

// The WebAssembly kernel must read a regular GAL file into exactly the weights the parser and weightsFromLinks make,
// and leave every other file to them (so that their errors, lines and messages stand).
afterEach(() => useGalWeightsKernel(true))

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/io/${name}`, import.meta.url)), "utf8")

// Every field, typed arrays with their kind, in key order.
const plain = (w: object) => Object.entries(w).map(([k, v]) => [k, ArrayBuffer.isView(v) ? [v.constructor.name, ...(v as Int32Array)] : v])

const outcome = (f: () => object): unknown => {
  try {
    return { value: plain(f()) }
  } catch (e) {
    if (!(e instanceof InputError)) throw e
    return { code: e.code, message: e.message, zh: e.zh, issues: e.issues }
  }
}

// A ring of n units numbered from `from`, each linked to the next two both ways (written in a given line style).
const ring = (n: number, from: number, breakText = "\n", header = String(n)): string => {
  const lines = [header]
  for (let i = 0; i < n; i++) {
    const nb = [(i + n - 2) % n, (i + n - 1) % n, (i + 1) % n, (i + 2) % n].map((j) => j + from)
    lines.push(`${i + from} ${nb.length}`, nb.join(" "))
  }
  return lines.join(breakText) + breakText
}

const regular: ReadonlyArray<readonly [string, string]> = [
  ["a ring numbered from 1", ring(3000, 1)],
  ["from 0, CRLF, a header with names", ring(2500, 0, "\r\n", "0 2500 shapes POLY_ID")],
  ["CR line ends, a byte order mark", `\ufeff${ring(1200, 7, "\r")}`],
  ["islands with and without an empty line, tabs and trailing spaces", "4\n1 1\n2 \n2 1\n1\t\n3 0\n\n4 0\n"],
  ["neighbours out of order, a directed link (not symmetric)", "3\n1 2\n3 2\n2 1\n1\n3 0\n"],
  ["no line end after the last line", "2\n1 1\n2\n2 1\n1"],
  ["vertical tabs and form feeds between tokens", "2\n1\f1\n2\u000b\n2 1\n\f1\n"],
  ["an empty file of no units", "0\n"],
]

const irregular: ReadonlyArray<readonly [string, string]> = [
  ["ids not numbered", "2\na 1\nb\nb 1\na\n"],
  ["ids out of order", "2\n2 1\n1\n1 1\n2\n"],
  ["an id with a leading zero", "2\n01 1\n2\n2 1\n01\n"],
  ["a repeated neighbour", "2\n1 2\n2 2\n2 1\n1\n"],
  ["a self link", "2\n1 1\n1\n2 0\n"],
  ["a wrong neighbour count", "2\n1 2\n2\n2 1\n1\n"],
  ["an unknown neighbour", "2\n1 1\n3\n2 1\n1\n"],
  ["more units than the header", "2\n1 1\n2\n2 1\n1\n3 0\n"],
  ["fewer units than the header", "3\n1 1\n2\n2 1\n1\n"],
  ["a header with a leading zero", "02\n1 1\n2\n2 1\n1\n"],
  ["a bad header", "x\n"],
  ["non-ASCII whitespace", "3\u3000\n1\u00a01\n2\n2 1\n1\n3 0\n"],
  ["a unit line of three tokens", "2\n1 1 1\n2\n2 1\n1\n"],
  ["an empty text", ""],
]

describe("GAL weights in WebAssembly", () => {
  it.each(regular)("%s: the parser's weights, row-standardised and binary", (_, text) => {
    for (const style of ["W", "B"] as const) {
      const kernel = galWeightsInKernel(text, style)
      expect(kernel).toBeDefined()
      const links = parseGalLinks(text)
      expect(plain(kernel!)).toEqual(plain(weightsFromLinks(links.ids, links.neighbours, undefined, style)))
    }
  })

  it("reads the spdep fixtures as the parser does", () => {
    for (const file of ["NY_spdata.gal", "columbus_r.gal", "columbus_spdata.gal", "ncCC89_spdata.gal", "nc_sids_r.gal", "columbus_oldstyle.gal"]) {
      const text = fixture(file)
      const links = parseGalLinks(text)
      const kernel = galWeightsInKernel(text, "W")
      if (kernel !== undefined) expect(plain(kernel), file).toEqual(plain(weightsFromLinks(links.ids, links.neighbours, undefined, "W")))
    }
    expect(galWeightsInKernel(fixture("columbus_r.gal"), "W")).toBeDefined()
  })

  it.each(irregular)("%s: left to the parser, with the same outcome through the spec the commands use", (_, text) => {
    expect(galWeightsInKernel(text, "W")).toBeUndefined()
    const build = () => {
      let ids: string[]
      try {
        ids = [...parseGalLinks(text).ids]
      } catch {
        ids = ["1", "2"]
      }
      return buildWeights({ kind: "file", format: "gal", text }, { columns: [], rows: [] } as never, ids)
    }
    const withKernel = outcome(build)
    useGalWeightsKernel(false)
    expect(withKernel).toEqual(outcome(build))
  })
})
