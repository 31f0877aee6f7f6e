import fc from "fast-check"
import { strFromU8, unzipSync } from "fflate"
import { describe, expect, it } from "vitest"
import { parseCsv, writeCsv } from "../../src/io/csv.js"
import { inertCell } from "../../src/io/SpreadsheetText.js"
import { readXlsx, writeXlsx } from "../../src/io/xlsx.js"

describe("text bound for a spreadsheet", () => {
  it("prefixes an apostrophe to text a spreadsheet would run as a formula", () => {
    for (const t of ["=1+1", '=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\r=1"])
      expect(inertCell(t)).toBe(`'${t}`)
  })

  it("leaves numbers written as text and ordinary text alone", () => {
    for (const t of ["-1.5", "+3", "1e-4", "-.5", "12", "初步", "a=b", "", "'quoted"]) expect(inertCell(t)).toBe(t)
  })

  it("never leaves a text starting with a trigger that is not a number", () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        const out = inertCell(t)
        const risky = /^[=+\-@\t\r]/.test(out) && !/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(out)
        expect(risky).toBe(false)
      }),
    )
  })

  it("writeCsv makes formula text inert and keeps numbers numeric", () => {
    const csv = writeCsv({
      columns: ["note", "value"],
      rows: [
        { note: "=1+1", value: -2 },
        { note: "@x", value: 3.5 },
      ],
    })
    expect(csv).toBe("note,value\r\n'=1+1,-2\r\n'@x,3.5\r\n")
    expect(parseCsv(csv).rows).toEqual([
      { note: "'=1+1", value: -2 },
      { note: "'@x", value: 3.5 },
    ])
  })

  it("writeXlsx stores such text as a string cell, never as a formula", () => {
    const bytes = writeXlsx([{ name: "s", table: { columns: ["note"], rows: [{ note: "=1+1" }] } }])
    const files = unzipSync(bytes)
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!)
    expect(sheet).not.toContain("<f>")
    expect(readXlsx(bytes).rows).toEqual([{ note: "=1+1" }])
  })
})
