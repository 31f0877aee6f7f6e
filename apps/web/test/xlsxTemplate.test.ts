import { henan2017Scheme } from "@jiju/domain/assessment"
import { writeXlsx } from "@jiju/domain/io"
import { describe, expect, it } from "vitest"
import { schemeIndicators } from "../src/form/schemeIndicators.js"
import { readTemplate, TEMPLATE_COLUMNS, templateWorkbook } from "../src/form/xlsxTemplate.js"

const items = schemeIndicators(henan2017Scheme)

describe("Excel template", () => {
  it("writes one row per form indicator and reads the filled values back", () => {
    const bytes = templateWorkbook(items, new Map([["revenue", 300]]), { revenue: "330", tax_total: "12.5" })
    expect(bytes[0]).toBe(0x50) // a zip container ("PK")
    const got = readTemplate(bytes, items)
    expect(got).toEqual({ raw: { revenue: "330", tax_total: "12.5" }, unknown: [] })
  })

  it("reads a sheet naming indicators in Chinese and reports the ones it does not know", () => {
    const bytes = writeXlsx([
      {
        name: "填报",
        table: {
          columns: ["指标", "本期 value"],
          rows: [
            { 指标: "主营业务收入", "本期 value": 410 },
            { 指标: "专利授权数", "本期 value": 88 },
            { 指标: "员工满意度", "本期 value": 9 },
            { 指标: "税收", "本期 value": null },
          ],
        },
      },
    ])
    expect(readTemplate(bytes, items)).toEqual({ raw: { revenue: "410", patents_granted: "88" }, unknown: ["员工满意度"] })
  })

  it("has bilingual headers", () => {
    expect(TEMPLATE_COLUMNS).toEqual(["code", "指标 indicator", "单位 unit", "上期 previous", "本期 value"])
  })
})
