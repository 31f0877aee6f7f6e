import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import ExcelJS from "exceljs"
import { strToU8, zipSync } from "fflate"
import { describe, expect, it } from "vitest"
import type { DataTable } from "../../src/io/DataTable.js"
import { excelSerialToIso, isDateFormatCode, listSheets, readXlsx, spreadsheetColumnIndex, spreadsheetColumnLetters, writeXlsx } from "../../src/io/xlsx.js"
import { InputError } from "../../src/model/errors.js"

const caught = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/** A hand-written package: prefixed names, inline strings, rich text with phonetic runs, entities, missing refs. */
const handMade = (sheetXml: string, sst = "<sst/>"): Uint8Array =>
  zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/wb.xml"/></Relationships>`,
    ),
    "xl/wb.xml": strToU8(
      `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><x:sheets><x:sheet name="数据 &amp; 说明" sheetId="7" r:id="rId3"/></x:sheets></x:workbook>`,
    ),
    "xl/_rels/wb.xml.rels": strToU8(
      `<Relationships><Relationship Id="rId3" Type="${REL}/worksheet" Target="sheets/s.xml"/><Relationship Id="rId9" Type="${REL}/sharedStrings" Target="../xl/strings.xml"/></Relationships>`,
    ),
    "xl/sheets/s.xml": strToU8(sheetXml),
    "xl/strings.xml": strToU8(sst),
  })

describe("cell references", () => {
  it("converts between letters and indexes", () => {
    expect(spreadsheetColumnIndex("A")).toBe(0)
    expect(spreadsheetColumnIndex("Z")).toBe(25)
    expect(spreadsheetColumnIndex("AA")).toBe(26)
    expect(spreadsheetColumnIndex("AB")).toBe(27)
    expect(spreadsheetColumnIndex("XFD")).toBe(16383)
    expect(spreadsheetColumnLetters(16383)).toBe("XFD")
    expect(spreadsheetColumnLetters(701)).toBe("ZZ")
    expect(spreadsheetColumnLetters(702)).toBe("AAA")
  })
})

describe("dates", () => {
  it("converts Excel serials (1900 system with its phantom leap day, and 1904)", () => {
    expect(excelSerialToIso(1)).toBe("1900-01-01")
    expect(excelSerialToIso(59)).toBe("1900-02-28")
    expect(excelSerialToIso(61)).toBe("1900-03-01")
    expect(excelSerialToIso(43831)).toBe("2020-01-01")
    expect(excelSerialToIso(45292.5)).toBe("2024-01-01 12:00:00")
    expect(excelSerialToIso(0.75)).toBe("18:00:00")
    expect(excelSerialToIso(0, true)).toBe("1904-01-01")
  })
  it("recognises date format codes", () => {
    expect(isDateFormatCode('yyyy"年"m"月"d"日"')).toBe(true)
    expect(isDateFormatCode("[$-804]yyyy/m/d;@")).toBe(true)
    expect(isDateFormatCode("hh:mm:ss")).toBe(true)
    expect(isDateFormatCode("[h]:mm")).toBe(true)
    expect(isDateFormatCode("#,##0.00")).toBe(false)
    expect(isDateFormatCode('[Red]0.0"%"')).toBe(false)
    expect(isDateFormatCode('0.00"days"')).toBe(false)
    expect(isDateFormatCode("[$¥-804]#,##0.00")).toBe(false)
    expect(isDateFormatCode("General")).toBe(false)
  })
})

describe("readXlsx on hand-written XML", () => {
  const sst = `<sst ${NS}><si><t>code</t></si><si><r><rPr><b/></rPr><t>名</t></r><r><t xml:space="preserve">称 </t></r><rPh sb="0" eb="1"><t>めい</t></rPh></si><si><t>A&amp;B &lt;1&gt; _x0009_tab</t></si></sst>`
  const sheet = `<worksheet ${NS}><sheetData>
    <row r="2"><c r="B2" t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><t>v&#x4E2D;</t></is></c></row>
    <row r="3"><c r="B3"><v>0410</v></c><c r="C3" t="s"><v>2</v></c><c r="D3"><v>1.5E3</v></c></row>
    <row r="5"><c r="B5" t="str"><f>A1&amp;"x"</f><v>ok</v></c><c r="C5" t="b"><v>1</v></c><c r="D5" t="e"><v>#DIV/0!</v></c></row>
    <row r="6"><c r="B6"/><c r="C6" t="inlineStr"><is><r><t>rich</t></r><r><t>run</t></r></is></c><c r="D6"><f>1+1</f></c></row>
    <row r="9"><c r="C9" t="s"/></row>
  </sheetData></worksheet>`
  const bytes = handMade(sheet, sst)

  it("lists sheets through the relationships", () => {
    expect(listSheets(bytes)).toEqual(["数据 & 说明"])
  })
  it("reads header from the first non-empty row and keeps row positions", () => {
    const t = readXlsx(bytes)
    expect(t.columns).toEqual(["code", "名称", "v中"])
    expect(t.rows).toEqual([
      { code: 410, 名称: "A&B <1> \ttab", v中: 1500 },
      { code: null, 名称: null, v中: null },
      { code: "ok", 名称: true, v中: "#DIV/0!" },
      { code: null, 名称: "richrun", v中: null },
    ])
  })
  it("selects sheets by name or position and reports unknown ones", () => {
    expect(readXlsx(bytes, { sheet: "数据 & 说明" }).columns).toHaveLength(3)
    const e = caught(() => readXlsx(bytes, { sheet: "Sheet9" }))
    expect(e.code).toBe("unknown_sheet")
    expect(e.message).toContain("数据 & 说明")
    expect(caught(() => readXlsx(bytes, { sheet: 1 })).code).toBe("unknown_sheet")
  })
  it("rejects empty and duplicate headers and stray cells with their references", () => {
    const gap = handMade(
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row></sheetData></worksheet>`,
    )
    const e1 = caught(() => readXlsx(gap))
    expect(e1.code).toBe("empty_header")
    expect(e1.message).toContain("B1")
    const dup = handMade(
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>2019</v></c><c r="B1" t="inlineStr"><is><t> 2019 </t></is></c></row></sheetData></worksheet>`,
    )
    expect(caught(() => readXlsx(dup)).code).toBe("duplicate_header")
    const stray = handMade(
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="4"><c r="A4"><v>1</v></c><c r="C4"><v>9</v></c></row></sheetData></worksheet>`,
    )
    const e3 = caught(() => readXlsx(stray))
    expect(e3.code).toBe("cell_outside_header")
    expect(e3.message).toContain("C4")
    expect(e3.issues?.[0]?.row).toBe(3)
    expect(caught(() => readXlsx(handMade(`<worksheet ${NS}><sheetData/></worksheet>`))).code).toBe("empty_sheet")
  })
  it("rejects non-workbooks, legacy .xls and malformed XML", () => {
    expect(caught(() => readXlsx(strToU8("id,v\n1,2\n"))).code).toBe("invalid_xlsx")
    expect(caught(() => readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).message).toContain(".xls")
    expect(caught(() => readXlsx(handMade(`<worksheet ${NS}><sheetData><row></sheetData></worksheet>`))).code).toBe("invalid_xlsx")
  })
  it("does not expand DOCTYPE entities", () => {
    const evil = handMade(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><worksheet ${NS}><sheetData><row r="1"><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`,
    )
    expect(readXlsx(evil).columns).toEqual(["&b;"])
  })
})

describe("readXlsx on a workbook written by exceljs", () => {
  it("reads Chinese text, numbers, blanks, booleans, formulas with cached values, rich text and two sheets", async () => {
    const wb = new ExcelJS.Workbook()
    const s1 = wb.addWorksheet("集群指标")
    s1.addRow(["代码", "名称", "产值", "是否国家级", "人均"])
    s1.addRow(["410102", "郑州航空港", 1234.5, true, { formula: "C2/10", result: 123.45 }])
    s1.addRow(["0410", "开封", null, false, { formula: "C3/10", result: 0 }])
    s1.addRow(["410305", { richText: [{ text: "洛阳" }, { font: { bold: true }, text: "高新" }] }, -7e-5, null, 3])
    const s2 = wb.addWorksheet("Sheet2")
    s2.addRow(["year", "value", "日期", "开园时间"])
    s2.addRow([2023, 1, new Date(Date.UTC(2024, 2, 31)), new Date(Date.UTC(2020, 0, 1, 8, 30))])
    s2.getCell("C2").numFmt = 'yyyy"年"m"月"d"日"'
    s2.getCell("D2").numFmt = "yyyy-mm-dd hh:mm"
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    expect(listSheets(bytes)).toEqual(["集群指标", "Sheet2"])
    const t = readXlsx(bytes)
    expect(t.columns).toEqual(["代码", "名称", "产值", "是否国家级", "人均"])
    expect(t.rows).toEqual([
      { 代码: "410102", 名称: "郑州航空港", 产值: 1234.5, 是否国家级: true, 人均: 123.45 },
      { 代码: "0410", 名称: "开封", 产值: null, 是否国家级: false, 人均: 0 },
      { 代码: "410305", 名称: "洛阳高新", 产值: -7e-5, 是否国家级: null, 人均: 3 },
    ])
    expect(readXlsx(bytes, { sheet: 1 })).toEqual({
      columns: ["year", "value", "日期", "开园时间"],
      rows: [{ year: 2023, value: 1, 日期: "2024-03-31", 开园时间: "2020-01-01 08:30:00" }],
    })
  })
})

describe("writeXlsx", () => {
  const table: DataTable = {
    columns: ["代码", "名称", "产值", "国家级"],
    rows: [
      { 代码: "0410", 名称: ' 郑州 <航空港> & "港区"', 产值: 1234.5678901234, 国家级: true },
      { 代码: "410102", 名称: "line1\nline2", 产值: null, 国家级: false },
      { 代码: "x", 名称: "ctl\u0001 _x0041_ 😀 \uD800", 产值: -1e-12, 国家级: null },
    ],
  }
  const other: DataTable = {
    columns: ["year", "v"],
    rows: [
      { year: 2023, v: 1 },
      { year: 2024, v: Number.NaN },
    ],
  }

  it("round-trips through readXlsx", () => {
    const bytes = writeXlsx([
      { name: "指标", table },
      { name: "Other", table: other },
    ])
    expect(listSheets(bytes)).toEqual(["指标", "Other"])
    expect(readXlsx(bytes)).toEqual(table)
    expect(readXlsx(bytes, { sheet: "Other" }).rows).toEqual([
      { year: 2023, v: 1 },
      { year: 2024, v: null },
    ])
  })
  it("is readable by exceljs", async () => {
    const bytes = writeXlsx([
      { name: "指标", table },
      { name: "Other", table: other },
    ])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(["指标", "Other"])
    const ws = wb.getWorksheet("指标")!
    expect(ws.getRow(1).values).toEqual([undefined, "代码", "名称", "产值", "国家级"])
    expect(ws.getCell("A2").value).toBe("0410")
    expect(ws.getCell("B2").value).toBe(' 郑州 <航空港> & "港区"')
    expect(ws.getCell("C2").value).toBe(1234.5678901234)
    expect(ws.getCell("D2").value).toBe(true)
    expect(ws.getCell("B3").value).toBe("line1\nline2")
    expect(ws.getCell("C3").value).toBeNull()
    expect(ws.getCell("D3").value).toBe(false)
    expect(ws.getCell("C4").value).toBe(-1e-12)
    expect(ws.getCell("A1").font?.bold).toBe(true)
    expect(wb.getWorksheet("Other")!.getCell("A3").value).toBe(2024)
  })
  it("enforces Excel's sheet-name rules", () => {
    expect(caught(() => writeXlsx([{ name: "a/b", table: other }])).code).toBe("invalid_sheet_name")
    expect(caught(() => writeXlsx([{ name: "x".repeat(32), table: other }])).code).toBe("invalid_sheet_name")
    expect(
      caught(() =>
        writeXlsx([
          { name: "A", table: other },
          { name: "a", table: other },
        ]),
      ).code,
    ).toBe("invalid_sheet_name")
    expect(caught(() => writeXlsx([])).code).toBe("invalid_sheet_name")
  })
})

// Timing on demand only (JIJU_BENCH=1): prints CPU time for a 100,000 x 12 sheet written and read back.
describe.runIf(process.env.JIJU_BENCH === "1")("xlsx timing", () => {
  it("writes and reads 100,000 rows x 12 columns", () => {
    const columns = Array.from({ length: 12 }, (_, j) => `v${j}`)
    const rows = Array.from({ length: 100_000 }, (_, i) => Object.fromEntries(columns.map((c, j) => [c, j === 0 ? `id${i}` : (i * 31 + j) / 7])))
    const cpu = (f: () => unknown): number => {
      const c0 = process.cpuUsage()
      f()
      const c = process.cpuUsage(c0)
      return (c.user + c.system) / 1000
    }
    let bytes: Uint8Array = new Uint8Array()
    const w = cpu(() => (bytes = writeXlsx([{ name: "s", table: { columns, rows } }])))
    let table: DataTable | undefined
    const r = cpu(() => (table = readXlsx(bytes)))
    console.log(`xlsx 100000x12: write ${w.toFixed(0)} ms cpu (${(bytes.length / 1e6).toFixed(1)} MB), read ${r.toFixed(0)} ms cpu`)
    expect(table?.rows[99_999]).toEqual(rows[99_999])
  }, 300_000)
})

describe("readXlsx on a workbook written by R openxlsx, against what readxl reads", () => {
  const here = (name: string): string => fileURLToPath(new URL(`../fixtures/io/${name}`, import.meta.url))
  const bytes = new Uint8Array(readFileSync(here("openxlsx_two_sheets.xlsx")))
  const golden = JSON.parse(readFileSync(here("openxlsx_readxl.json"), "utf8")) as {
    sheets: string[]
    tables: Array<{ sheet: string; columns: string[]; rows: Array<Record<string, unknown>> }>
  }
  it("lists the same sheets", () => {
    expect(listSheets(bytes)).toEqual(golden.sheets)
  })
  for (const t of golden.tables) {
    it(`sheet ${t.sheet}: same columns and cells`, () => {
      const ours = readXlsx(bytes, { sheet: t.sheet })
      expect(ours.columns).toEqual(t.columns)
      // readxl reads error cells such as #N/A as missing.
      const normalised = ours.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "string" && v.startsWith("#") ? null : v])))
      expect(normalised).toEqual(t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c, r[c] ?? null]))))
    })
  }
})
