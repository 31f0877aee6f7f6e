import { describe, expect, it } from "vitest"
import { detectImportFormat, invalidRowsError, validateObservationTable } from "../../src/intake/ObservationTable.js"
import type { DataTable } from "../../src/io/DataTable.js"
import { indicatorCatalogue } from "../../src/model/catalogue.js"
import { issuesOf } from "../../src/model/errors.js"

const register = {
  clusters: [
    { id: "hb-jinshan", name: "金山产业集聚区" },
    { id: "hb-liyang", name: "黎阳产业集聚区" },
  ],
  indicators: indicatorCatalogue,
}

const table = (columns: string[], rows: Array<Array<string | number | null>>): DataTable => ({
  columns,
  rows: rows.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j] ?? null]))),
})

describe("validateObservationTable", () => {
  it("detects the layout from the header", () => {
    expect(detectImportFormat(["cluster", "period", "indicator", "value"])).toBe("long")
    expect(detectImportFormat(["集聚区", "年份", "指标", "数值"])).toBe("long")
    expect(detectImportFormat(["cluster", "period", "revenue", "税收"])).toBe("wide")
  })

  it("long layout: resolves clusters by id or name and indicators by code, 中文 or English; parses numeric text", () => {
    const v = validateObservationTable(
      table(
        ["cluster", "period", "indicator", "value", "note"],
        [
          ["hb-jinshan", 2024, "revenue", "1,234.5", null],
          ["黎阳产业集聚区", "2024Q1", "税收", 3, "季报"],
          ["hb-liyang", "2024-03", "Employment", " 0.25 ", null],
        ],
      ),
      register,
    )
    expect(v).toEqual({
      ok: true,
      format: "long",
      values: [
        { cluster: "hb-jinshan", period: "2024", indicator: "revenue", value: 1234.5, source: null, note: null, row: 2 },
        { cluster: "hb-liyang", period: "2024Q1", indicator: "tax_total", value: 3, source: null, note: "季报", row: 3 },
        { cluster: "hb-liyang", period: "2024-03", indicator: "employment", value: 0.25, source: null, note: null, row: 4 },
      ],
    })
  })

  it("reports every bad cell with its spreadsheet row, column, value and both languages", () => {
    const v = validateObservationTable(
      table(
        ["cluster", "period", "indicator", "value"],
        [
          ["x", "2024", "revenue", 1], // 2: unknown cluster
          ["hb-jinshan", "2024Q5", "revenue", 1], // 3: bad period
          ["hb-jinshan", "2024", "gdp_growth", -2], // 4: fine, growth may be negative
          ["hb-jinshan", "2024", "revenue", -2], // 5: negative revenue
          ["hb-jinshan", "2024", "tax_total", "∞"], // 6: not finite
          ["hb-jinshan", "2024", "firms", "twelve"], // 7: not numeric
          ["hb-jinshan", "2024", "gdp_growth", 1], // 8: duplicate of row 4
          [null, null, null, null], // 9: nothing at all
        ],
      ),
      register,
    )
    expect(v.ok).toBe(false)
    if (v.ok) return
    expect(v.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ["unknown_cluster", 2, "cluster", "x"],
      ["bad_period", 3, "period", "2024Q5"],
      ["negative_value", 5, "value", -2],
      ["not_finite", 6, "value", "∞"],
      ["not_numeric", 7, "value", "twelve"],
      ["duplicate_key", 8, "value", 1],
      ["unknown_cluster", 9, "cluster", null],
      ["bad_period", 9, "period", null],
      ["unknown_indicator", 9, "indicator", null],
    ])
    expect(v.issues[2]!.en).toBe("Main business revenue (revenue) cannot be negative: -2")
    expect(v.issues[2]!.zh).toBe("主营业务收入（revenue）不能为负数：-2")
    expect(v.issues[5]!.en).toContain("already given in row 4")
    const e = invalidRowsError("bad.csv", v.issues)
    expect(e.code).toBe("invalid_rows")
    expect(e.message).toBe("bad.csv: 9 problem(s) in 7 row(s); nothing was imported")
    expect(e.issues).toHaveLength(9)
    // Each issue keeps its own code in the one issue shape.
    expect(issuesOf(e).map((i) => i.code)).toEqual(v.issues.map((i) => i.code))
  })

  it("wide layout: blank cells are skipped, unknown headers are reported on row 1, missing columns named", () => {
    const ok = validateObservationTable(
      table(
        ["集聚区", "年度", "revenue", "规模以上企业数"],
        [
          ["hb-jinshan", 2023, 10, null],
          ["hb-liyang", 2023, null, 7],
        ],
      ),
      register,
    )
    expect(ok.ok && ok.values.map((x) => [x.cluster, x.indicator, x.value])).toEqual([
      ["hb-jinshan", "revenue", 10],
      ["hb-liyang", "large_firms", 7],
    ])
    const bad = validateObservationTable(table(["cluster", "revenue", "亩均产值"], [["hb-jinshan", 1, 2]]), register)
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ["missing_column", 1, "period"],
      ["unknown_indicator", 1, "亩均产值"],
    ])
  })
})

describe("validateObservationTable under the value rule", () => {
  const now = new Date("2025-06-15T00:00:00Z")
  const archivedAt = "2025-01-01T00:00:00.000Z"
  const withArchive = {
    clusters: [...register.clusters, { id: "hb-old", name: "旧集聚区", archivedAt }],
    indicators: indicatorCatalogue.map((d) => (d.code === "patents_granted" ? { ...d, archivedAt } : { ...d, archivedAt: null })),
  }

  it("refuses values for archived zones and indicators, periods not begun, percentages over 100 and fractional counts", () => {
    const v = validateObservationTable(
      table(
        ["cluster", "period", "indicator", "value"],
        [
          ["hb-old", "2024", "revenue", 1], // 2: archived zone
          ["旧集聚区", "2024", "revenue", 1], // 3: archived zone, by name
          ["hb-jinshan", "2024", "patents_granted", 3], // 4: archived indicator
          ["hb-jinshan", "2025Q3", "revenue", 1], // 5: not begun on 15 June 2025
          ["hb-jinshan", "2025Q2", "revenue", 1], // 6: fine, begun in April
          ["hb-jinshan", "2024", "local_supply_ratio", 130], // 7: a percentage over 100
          ["hb-jinshan", "2024", "gdp_growth", 130], // 8: fine, a growth rate may exceed 100
          ["hb-jinshan", "2024", "firms", "20.5"], // 9: a fraction of a count
        ],
      ),
      withArchive,
      { now },
    )
    expect(v.ok).toBe(false)
    if (v.ok) return
    expect(v.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ["cluster_archived", 2, "cluster", "hb-old"],
      ["cluster_archived", 3, "cluster", "旧集聚区"],
      ["indicator_archived", 4, "indicator", "patents_granted"],
      ["period_not_begun", 5, "period", "2025Q3"],
      ["percent_range", 7, "value", 130],
      ["not_integer", 9, "value", "20.5"],
    ])
    expect(v.issues[2]!.zh).toContain("已归档")
  })

  it("wide layout: a value in an archived indicator's column is refused where it stands; a blank one is not", () => {
    const v = validateObservationTable(
      table(
        ["cluster", "period", "revenue", "专利授权数"],
        [
          ["hb-jinshan", 2024, 10, null],
          ["hb-liyang", 2024, 5, 3],
        ],
      ),
      withArchive,
      { now },
    )
    expect(!v.ok && v.issues.map((i) => [i.code, i.row, i.column, i.value])).toEqual([["indicator_archived", 3, "专利授权数", 3]])
  })

  it("leaves the period unchecked against the clock without `now`", () => {
    const v = validateObservationTable(table(["cluster", "period", "indicator", "value"], [["hb-jinshan", "2099", "revenue", 1]]), withArchive)
    expect(v.ok).toBe(true)
  })
})
