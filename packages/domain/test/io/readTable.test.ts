import { describe, expect, it } from "vitest"
import { readTable } from "../../src/io/readTable.js"
import { readTextTable } from "../../src/io/textTable.js"
import { writeXlsx } from "../../src/io/xlsx.js"
import { InputError } from "../../src/model/errors.js"

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

const caught = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}

describe("readTable", () => {
  it("dispatches CSV, TSV and TXT, decoding GBK", () => {
    expect(readTable(utf8("id,v\n1,2\n"), "a.CSV").rows).toEqual([{ id: 1, v: 2 }])
    expect(readTable(utf8("id\tv\n1\t2\n"), "dir/a.tsv").rows).toEqual([{ id: 1, v: 2 }])
    // "区,v\n郑州,1" in GBK: 区 = C7 F8, 郑 = D6 A3, 州 = D6 DD.
    const gbk = new Uint8Array([0xc7, 0xf8, 0x2c, 0x76, 0x0a, 0xd6, 0xa3, 0xd6, 0xdd, 0x2c, 0x31, 0x0a])
    expect(readTable(gbk, "导出.txt")).toEqual({ columns: ["区", "v"], rows: [{ 区: "郑州", v: 1 }] })
  })
  it("reads text files alone and leaves workbooks and other formats to readTable", () => {
    const csv = utf8("id;v\n1;2,5\n")
    expect(readTextTable(csv, "a.csv")).toEqual(readTable(csv, "a.csv"))
    expect(readTextTable(utf8("id\tv\n1\t2\n"), "a.TSV")).toEqual({ columns: ["id", "v"], rows: [{ id: 1, v: 2 }] })
    expect(readTextTable(utf8("id|v\n1|2\n"), "a.txt", { delimiter: "|" })?.rows).toEqual([{ id: 1, v: 2 }])
    const workbook = writeXlsx([{ name: "A", table: { columns: ["x"], rows: [{ x: 1 }] } }])
    expect(readTextTable(workbook, "saved-as.csv")).toBeUndefined()
    expect(readTable(workbook, "saved-as.csv").rows).toEqual([{ x: 1 }])
    expect(readTextTable(utf8("[]"), "a.json")).toBeUndefined()
    expect(readTextTable(workbook, "a.xlsx")).toBeUndefined()
  })
  it("dispatches XLSX with sheet selection", () => {
    const bytes = writeXlsx([
      { name: "A", table: { columns: ["x"], rows: [{ x: 1 }] } },
      { name: "B", table: { columns: ["y"], rows: [{ y: "z" }] } },
    ])
    expect(readTable(bytes, "book.xlsx").columns).toEqual(["x"])
    expect(readTable(bytes, "book.xlsx", { sheet: "B" }).rows).toEqual([{ y: "z" }])
    expect(readTable(bytes, "renamed.csv").columns).toEqual(["x"])
  })
  it("dispatches JSON records and GeoJSON (by extension or content)", () => {
    expect(readTable(utf8('[{"a":1}]'), "r.json").rows).toEqual([{ a: 1 }])
    const fc = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1},"geometry":{"type":"Point","coordinates":[1,2]}}]}'
    const viaJson = readTable(utf8(fc), "g.json")
    expect(viaJson.geometry).toEqual([{ type: "Point", coordinates: [1, 2] }])
    expect(readTable(utf8(fc), "g.geojson")).toEqual(viaJson)
  })
  it("rejects other formats listing the supported ones", () => {
    const e = caught(() => readTable(new Uint8Array(4), "old.xls"))
    expect(e.code).toBe("unsupported_format")
    expect(e.message).toContain(".xlsx")
    expect(e.message).toContain(".csv")
    expect(e.message).toContain("save the workbook as .xlsx")
    expect(caught(() => readTable(new Uint8Array(1), "noext")).code).toBe("unsupported_format")
  })
})
