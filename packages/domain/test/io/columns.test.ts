import { describe, expect, it } from "vitest"
import { numericColumn, parseNumericText, requireColumn, stringColumn } from "../../src/io/columns.js"
import type { DataTable } from "../../src/io/DataTable.js"
import { InputError } from "../../src/model/errors.js"

const table: DataTable = {
  columns: ["id", "gdp", "code", "name"],
  rows: [
    { id: 1, gdp: 12.5, code: "410102", name: "郑州" },
    { id: 2, gdp: " 1,234.5 ", code: "0410", name: "开封" },
    { id: "3", gdp: "NA", code: 410103, name: "洛阳" },
    { id: 4, gdp: null, code: " A7 ", name: "" },
  ],
}

const caught = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}

describe("requireColumn", () => {
  it("returns an existing column", () => {
    expect(requireColumn(table, "gdp")).toBe("gdp")
  })
  it("names the missing column and lists the available ones", () => {
    const e = caught(() => requireColumn(table, "output"))
    expect(e.code).toBe("unknown_column")
    expect(e.message).toContain('"output"')
    expect(e.message).toContain("id, gdp, code, name")
    expect(e.zh).toContain("output")
  })
})

describe("numericColumn", () => {
  it("parses numbers, numeric text with thousands separators, and missing as NaN when allowed", () => {
    const v = numericColumn(table, "gdp", { allowMissing: true })
    expect(v).toBeInstanceOf(Float64Array)
    expect(Array.from(v.slice(0, 2))).toEqual([12.5, 1234.5])
    expect(Number.isNaN(v[2])).toBe(true)
    expect(Number.isNaN(v[3])).toBe(true)
  })
  it("rejects missing values by default, naming the first row", () => {
    const e = caught(() => numericColumn(table, "gdp"))
    expect(e.code).toBe("missing_value")
    expect(e.issues?.map((i) => i.row)).toEqual([3, 4])
    expect(e.message).toContain("row 3")
  })
  it("rejects other text naming row, column and value", () => {
    const e = caught(() => numericColumn(table, "code"))
    expect(e.code).toBe("not_numeric")
    expect(e.issues).toHaveLength(1)
    expect(e.issues?.[0]).toMatchObject({ row: 4, column: "code", value: " A7 " })
    expect(e.message).toContain('" A7 "')
    expect(e.message).toContain("row 4")
    expect(e.zh).toContain("第 4 行")
  })
  it("reads codes with leading zeros as their numeric value", () => {
    expect(Array.from(numericColumn({ columns: ["c"], rows: [{ c: "0410" }, { c: "1e3" }, { c: "-.5" }] }, "c"))).toEqual([410, 1000, -0.5])
  })
  it("unknown column is reported before anything else", () => {
    expect(caught(() => numericColumn(table, "nope")).code).toBe("unknown_column")
  })
  it("parseNumericText accepts grouped thousands only in groups of three", () => {
    expect(parseNumericText("12,345,678")).toBe(12345678)
    expect(parseNumericText("1,23")).toBeUndefined()
    expect(parseNumericText("12%")).toBeUndefined()
    expect(parseNumericText("-")).toBeUndefined()
    expect(parseNumericText(".")).toBeUndefined()
  })
})

describe("stringColumn", () => {
  it("renders ids canonically", () => {
    expect(stringColumn(table, "id")).toEqual(["1", "2", "3", "4"])
    expect(stringColumn(table, "code")).toEqual(["410102", "0410", "410103", "A7"])
  })
  it("a missing id is an error naming the row", () => {
    const e = caught(() => stringColumn(table, "name"))
    expect(e.code).toBe("missing_id")
    expect(e.issues?.[0]?.row).toBe(4)
  })
})
