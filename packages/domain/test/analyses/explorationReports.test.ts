import { describe, expect, it } from "vitest"
import { densityReport, disparityReport, gwrReport, markovReport, periodRows, sortPeriods, thresholdReport } from "../../src/analyses/index.js"
import { parseCsv } from "../../src/io/csv.js"
import { readCsv } from "../econometrics/weightsFixtures.js"

describe("period handling shared by the disparity, density and Markov reports", () => {
  it("numeric periods in numeric order, other labels as text", () => {
    expect(sortPeriods(["10", "9", "2010"])).toEqual(["9", "10", "2010"])
    expect(sortPeriods(["2019Q2", "2019Q1"])).toEqual(["2019Q1", "2019Q2"])
  })
  it("one period, or an error listing the periods", () => {
    const t = parseCsv("year,v\n2020,1\n2019,2\n2020,3\n")
    expect(periodRows(t, "year")).toEqual([
      { period: "2019", rows: [1] },
      { period: "2020", rows: [0, 2] },
    ])
    expect(() => periodRows(t, "year", "2018")).toThrow(expect.objectContaining({ code: "unknown_period", message: expect.stringContaining("2019, 2020") }))
  })
})

describe("report builders: options and bad input", () => {
  const produc = readCsv("disparity/produc.csv")

  it("disparity: a period without its column is a usage error; all rows pooled otherwise", () => {
    expect(() => disparityReport(produc, { group: "region", value: "gsp", period: "1970" })).toThrow(expect.objectContaining({ code: "usage" }))
    const pooled = disparityReport(produc, { group: "region", value: "gsp / emp" }) as { n: number; groups: Record<string, unknown> }
    expect(pooled.n).toBe(816)
    expect(Object.keys(pooled.groups)).toHaveLength(9)
  })

  it("density: the values may be an expression; a missing value names its row", () => {
    const d = densityReport(produc, { value: "log(gsp / emp)" }) as { x: number[] }
    expect(d.x).toHaveLength(512)
    const t = parseCsv("id,v\na,1\nb,\nc,3\n")
    expect(() => densityReport(t, { value: "v" })).toThrow(expect.objectContaining({ code: "missing_value" }))
  })

  it("gwr: exactly one of bandwidth, neighbours and select", () => {
    const c = readCsv("weights/columbus.csv")
    const base = { formula: "CRIME ~ INC", coords: ["X", "Y"] as const, kernel: "gaussian" as const }
    expect(() => gwrReport(c, base)).toThrow(expect.objectContaining({ code: "bad_option" }))
    expect(() => gwrReport(c, { ...base, bandwidth: 4, select: "cv" })).toThrow(expect.objectContaining({ code: "bad_option" }))
    expect(gwrReport(c, { ...base, neighbours: 12 }).adaptive).toBe(true)
  })

  it("threshold: a missing value in the formula's variables is named, not silently dropped", () => {
    const text = readCsv("threshold/produc.csv")
    const rows = text.rows.map((r, i) => (i === 4 ? { ...r, lpc: null } : r))
    expect(() =>
      thresholdReport({ ...text, rows }, { unit: "state", period: "year", formula: "log(gsp) ~ lpc", thresholdVar: "unemp", regimeVar: "lpcap", bootstrap: 0 }),
    ).toThrow(expect.objectContaining({ code: "missing_value", message: expect.stringContaining("row 5") }))
  })

  it("markov: a unit twice in one period names both rows", () => {
    const t = parseCsv("id,year,v\na,1,1\na,1,2\nb,1,3\na,2,4\nb,2,5\n")
    expect(() => markovReport(t, { id: "id", period: "year", var: "v", classes: 2 })).toThrow(
      expect.objectContaining({ code: "duplicate_observation", message: expect.stringContaining("rows 1 and 2") }),
    )
  })
})
