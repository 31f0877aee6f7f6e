import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { indicatorCatalogue } from "../../src/model/catalogue.js"
import { hasBegun, isPeriodText, periodStart } from "../../src/model/Period.js"
import {
  alreadyStored,
  givenTwice,
  indicatorProblem,
  isCountUnit,
  isPercentUnit,
  measureProblem,
  periodProblem,
  valueProblems,
  zoneProblem,
} from "../../src/model/ValueRule.js"

const def = (code: string) => indicatorCatalogue.find((d) => d.code === code)!
const now = new Date("2025-06-15T12:00:00Z")

describe("the value rule", () => {
  it("names unknown and archived zones", () => {
    expect(zoneProblem("hb-x", undefined)?.code).toBe("unknown_cluster")
    expect(zoneProblem("hb-x", { id: "hb-x", archivedAt: "2025-01-01T00:00:00.000Z" })).toMatchObject({
      code: "cluster_archived",
      part: "cluster",
      value: "hb-x",
    })
    expect(zoneProblem("hb-x", { id: "hb-x", archivedAt: null })).toBeUndefined()
    expect(zoneProblem("hb-x", { id: "hb-x" })).toBeUndefined()
  })

  it("names unknown and archived indicators, in both languages", () => {
    expect(indicatorProblem("moonbeams", undefined)).toMatchObject({ code: "unknown_indicator", part: "indicator", value: "moonbeams" })
    const p = indicatorProblem("专利授权数", { ...def("patents_granted"), archivedAt: "2025-01-01T00:00:00.000Z" })!
    expect(p).toMatchObject({ code: "indicator_archived", value: "专利授权数" })
    expect(p.zh).toBe("指标“专利授权数”（patents_granted）已归档，不再接收新数据")
    expect(p.en).toBe("indicator patents_granted is archived and takes no new values")
    expect(indicatorProblem("revenue", def("revenue"))).toBeUndefined()
  })

  it("refuses periods outside the grammar, and periods that have not begun when given the clock", () => {
    expect(periodProblem("2024Q5")?.code).toBe("bad_period")
    expect(periodProblem("2024-13")?.code).toBe("bad_period")
    expect(periodProblem("2099")).toBeUndefined()
    expect(periodProblem("2026", now)?.code).toBe("period_not_begun")
    expect(periodProblem("2025Q3", now)?.code).toBe("period_not_begun")
    expect(periodProblem("2025-07", now)?.code).toBe("period_not_begun")
    expect(periodProblem("2025-06", now)).toBeUndefined()
    expect(periodProblem("2025Q2", now)).toBeUndefined()
    expect(periodProblem("2025", now)).toBeUndefined()
  })

  it("checks a value against its indicator's unit and direction", () => {
    expect(measureProblem(def("revenue"), Number.NaN)?.code).toBe("not_finite")
    expect(measureProblem(def("revenue"), Number.POSITIVE_INFINITY)?.code).toBe("not_finite")
    expect(measureProblem(def("revenue"), -5)?.code).toBe("negative_value")
    expect(measureProblem(def("gdp_growth"), -5)).toBeUndefined()
    expect(measureProblem(def("local_supply_ratio"), 100)).toBeUndefined()
    expect(measureProblem(def("local_supply_ratio"), 100.5)?.code).toBe("percent_range")
    expect(measureProblem(def("gdp_growth"), 130)).toBeUndefined()
    expect(measureProblem(def("high_tech_firms"), 20.5)?.code).toBe("not_integer")
    expect(measureProblem(def("high_tech_firms"), 20)).toBeUndefined()
    expect(measureProblem(def("employment"), 6.2)).toBeUndefined()
    expect(measureProblem(def("revenue"), -5)?.zh).toBe("主营业务收入（revenue）不能为负数：-5")
  })

  it("knows count and percent units", () => {
    expect(["个", "件", "次", "起", "所"].every(isCountUnit)).toBe(true)
    expect(isCountUnit("万人")).toBe(false)
    expect(isPercentUnit("%")).toBe(true)
    expect(isPercentUnit("亿元")).toBe(false)
  })

  it("words duplicates of stored values and within one input", () => {
    expect(alreadyStored("hb-qibin", "2024", "revenue", 812.5, 900)).toMatchObject({ code: "duplicate_value", part: "value", value: 900 })
    expect(givenTwice("hb-qibin", "2024", "revenue", 4, 1).en).toContain("already given in row 4")
    expect(givenTwice("hb-qibin", "2024", "revenue", "values.revenue", 1).zh).toContain("values.revenue")
  })

  it("lists every problem of a value in order zone, period, indicator; a value is judged only under a known, open indicator", () => {
    const problems = valueProblems(
      {
        zone: { key: "hb-old", entry: { id: "hb-old", archivedAt: "2025-01-01" } },
        period: "2030",
        indicator: { key: "moonbeams", def: undefined },
        value: -1,
      },
      now,
    )
    expect(problems.map((p) => p.code)).toEqual(["cluster_archived", "period_not_begun", "unknown_indicator"])
    expect(valueProblems({ period: "2024", indicator: { key: "revenue", def: def("revenue") }, value: -1 }, now).map((p) => p.code)).toEqual(["negative_value"])
    expect(valueProblems({ period: "2024", indicator: { key: "revenue", def: def("revenue") }, value: 1 }, now)).toEqual([])
  })

  it("accepts exactly the finite values a catalogue indicator allows (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...indicatorCatalogue), fc.double({ noNaN: false }), (d, x) => {
        const p = measureProblem(d, x)
        const ok =
          Number.isFinite(x) &&
          (d.allowNegative || x >= 0) &&
          !(d.unit === "%" && !d.allowNegative && x > 100) &&
          (!["个", "件", "次", "起", "所"].includes(d.unit) || Number.isInteger(x))
        expect(p === undefined).toBe(ok)
      }),
    )
  })
})

describe("the period grammar", () => {
  it("is one pattern for the Schema, the files and the form", () => {
    for (const p of ["2025", "2025Q1", "2025-03", "1999-12"]) expect(isPeriodText(p)).toBe(true)
    for (const p of ["25", "2025Q0", "2025-00", "2025-1", "2101", "2025H1"]) expect(isPeriodText(p)).toBe(false)
  })

  it("starts a period on its first month and says whether it has begun", () => {
    expect(periodStart("2025")).toEqual({ year: 2025, month: 1 })
    expect(periodStart("2025Q4")).toEqual({ year: 2025, month: 10 })
    expect(periodStart("2025-11")).toEqual({ year: 2025, month: 11 })
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const at = new Date(Date.UTC(y, m - 1, 15))
        const month = `${y}-${String(m).padStart(2, "0")}`
        expect(hasBegun(month, at)).toBe(true)
        expect(hasBegun(String(y + 1), at)).toBe(false)
        expect(hasBegun(String(y), at)).toBe(true)
        expect(hasBegun(`${y}Q${Math.ceil(m / 3)}`, at)).toBe(true)
      }),
    )
  })
})
