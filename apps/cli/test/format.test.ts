import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { toCsv } from "../src/csvText.js"
import { runCli } from "./helpers.js"
import { wfile } from "./spatial.js"

/** A minimal RFC 4180 reader for the tests: rows of cells, quotes undone. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ",") {
      row.push(cell)
      cell = ""
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ""
      i++
    } else cell += ch
  }
  return rows
}

const fx = (f: string) => join(import.meta.dirname, "fixtures", "assessment", f)
const stageFiles = ["--data", fx("stage-data.csv"), "--clusters", fx("stage-zones.csv")]
const columbus = ["--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("columbus.gal"), "--var", "CRIME"]

describe("--format csv|json|table", () => {
  it("writes a command's table as CSV for spreadsheets (BOM, CRLF), the same rows the JSON holds", async () => {
    const csv = await runCli(["stage", "--period", "2025", ...stageFiles, "--format", "csv"])
    expect(csv.code, csv.stderr).toBe(0)
    expect(csv.stdout.startsWith("\uFEFF")).toBe(true)
    const rows = parseCsv(csv.stdout.slice(1))
    const json = (await runCli(["stage", "--period", "2025", ...stageFiles, "--json"])).json() as { results: Array<{ id: string; name: string }> }
    expect(rows[0]![0]).toBe("编号 ID")
    expect(rows.slice(1).map((r) => r[0])).toEqual(json.results.map((r) => r.id))
    expect(rows.slice(1).map((r) => r[1])).toEqual(json.results.map((r) => r.name))
    // Every row has the header's width; the count line went to stderr, not into the CSV.
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length)
    expect(csv.stderr).toMatch(/个集聚区 zones/)
  })

  it("moran: the inference table with the numbers the text table shows; --format=csv works too", async () => {
    const a = await runCli(["moran", ...columbus, "--format=csv"])
    expect(a.code, a.stderr).toBe(0)
    const rows = parseCsv(a.stdout.slice(1))
    expect(rows.map((r) => r[0])).toEqual(["推断 inference", "normality", "randomisation"])
    const json = (await runCli(["moran", ...columbus, "--json"])).json() as { z_normality: number }
    expect(Number(rows[1]![2])).toBeCloseTo(json.z_normality, 5)
  })

  it("--format json is --json and --format table the default text", async () => {
    const viaFormat = await runCli(["moran", ...columbus, "--format", "json"])
    const viaFlag = await runCli(["moran", ...columbus, "--json"])
    expect(viaFormat.json()).toEqual(viaFlag.json())
    expect((await runCli(["moran", ...columbus, "--format", "table"])).stdout).toBe((await runCli(["moran", ...columbus])).stdout)
  })

  it("refuses an unknown format, csv with --json, and a command without a table (exit 2, one line)", async () => {
    const xml = await runCli(["moran", ...columbus, "--format", "xml"])
    expect(xml.code).toBe(2)
    expect(xml.stderr).toMatch(/^jiju: --format must be table, csv or json; got "xml"\n$/)
    expect((await runCli(["moran", ...columbus, "--format", "csv", "--json"])).code).toBe(2)
    const none = await runCli(["moran", ...columbus, "--format"])
    expect(none.code).toBe(2)
  })
})

describe("--format csv and formula text", () => {
  it("makes a cell that a spreadsheet would run inert, keeping negative numbers", () => {
    const out = toCsv([{ header: ["zone", "note", "change"], rows: [["hb-a", '=HYPERLINK("http://evil.example")', "-3"]] }])
    expect(parseCsv(out.slice(1))[1]).toEqual(["hb-a", `'=HYPERLINK("http://evil.example")`, "-3"])
  })
})
