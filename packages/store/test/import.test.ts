import { parseCsv } from "@jiju/domain/io"
import type { InputError } from "@jiju/domain/model"
import ExcelJS from "exceljs"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { importObservationFile, importObservations } from "../src/import/importObservations.js"
import { clearStore, type Store, storeChecksum, storeCounts } from "../src/Store.js"
import { engines, openTestStore } from "./engines.js"
import { jinshan, liyang, regions } from "./fixtures.js"

const csv = (text: string) => new TextEncoder().encode(text)

const xlsx = async (rows: ReadonlyArray<ReadonlyArray<string | number | null>>): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet("数据")
  for (const r of rows) ws.addRow([...r])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const failure = async (p: Promise<unknown>): Promise<InputError> => {
  try {
    await p
  } catch (e) {
    return e as InputError
  }
  throw new Error("expected the import to fail")
}

describe.each(engines)("observation import on %s", (engine) => {
  let store: Store
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ store, dispose } = await openTestStore(engine))
  })
  afterAll(() => dispose())
  beforeEach(async () => {
    await clearStore(store.db, { keepIndicators: true })
    await store.regions.upsert(regions)
    await store.clusters.create(jinshan)
    await store.clusters.create(liyang)
  })

  it("imports a long CSV (ids, names, Chinese headers) and records the import", async () => {
    const text =
      "集聚区,年份,指标,数值,来源,备注\n" +
      'hb-jinshan,2024,revenue,"1,234.5",统计年鉴,\n' +
      "黎阳产业集聚区,2024,主营业务收入,88,,初步数\n" +
      "hb-liyang,2024,gdp_growth,-1.5,,\n"
    const result = await importObservationFile(store, csv(text), "2024.csv")
    expect(result).toMatchObject({ imported: 3, file: "2024.csv", format: "long" })
    const rows = await store.observations.query({ period: "2024" })
    expect(rows.map((o) => [o.target.id, o.indicator, o.value, o.source, o.note])).toEqual([
      ["hb-jinshan", "revenue", 1234.5, "统计年鉴", null],
      ["hb-liyang", "gdp_growth", -1.5, "2024.csv", null],
      ["hb-liyang", "revenue", 88, "2024.csv", "初步数"],
    ])
    expect(rows.every((o) => o.submitter === "import:2024.csv" && !o.isDemo)).toBe(true)
    const audit = await store.imports.list()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ fileName: "2024.csv", format: "long", rows: 3 })
    expect(audit[0]!.checksum).toMatch(/^[0-9a-f]{64}$/)
  })

  it("imports a wide yearbook XLSX: columns by code, Chinese or English name; blank cells skipped", async () => {
    const bytes = await xlsx([
      ["cluster", "period", "主营业务收入", "tax_total", "Employment"],
      ["hb-jinshan", 2023, 150.5, 6.2, 1.25],
      ["hb-jinshan", 2024, 170, null, 1.4],
      ["hb-liyang", "2024", 60, 2.1, 0.7],
    ])
    const result = await importObservationFile(store, bytes, "yearbook.xlsx")
    expect(result).toMatchObject({ imported: 8, format: "wide" })
    const series = await store.observations.series({ kind: "cluster", id: jinshan.id }, "revenue")
    expect(series.map((o) => [o.period, o.value])).toEqual([
      ["2023", 150.5],
      ["2024", 170],
    ])
    expect((await store.observations.query({ indicators: ["tax_total"] })).length).toBe(2)
  })

  it("refuses a file with bad rows, reports EVERY bad row precisely, and writes nothing", async () => {
    await importObservations(store, parseCsv("cluster,period,indicator,value\nhb-jinshan,2020,revenue,10\n"), { fileName: "seed.csv" })
    const before = { counts: await storeCounts(store.db), sum: await storeChecksum(store.db) }
    const text = [
      "cluster,period,indicator,value",
      "hb-jinshan,2024,revenue,100", // row 2: fine
      "hb-nowhere,2024,revenue,5", // row 3: unknown cluster
      "hb-jinshan,2024,no_such_indicator,5", // row 4: unknown indicator
      "hb-jinshan,24,revenue,5", // row 5: bad period
      "hb-liyang,2024,revenue,abc", // row 6: not numeric
      "hb-liyang,2024,tax_total,inf", // row 7: not finite
      "hb-liyang,2024,employment,-3", // row 8: negative where forbidden
      "hb-jinshan,2024,revenue,101", // row 9: duplicate of row 2
      "hb-liyang,2024Q5,firms,", // row 10: bad period and missing value
      "hb-liyang,2024,gdp_growth,-2", // row 11: fine (growth may be negative)
    ].join("\n")
    const e = await failure(importObservationFile(store, csv(text), "BAD.csv"))
    expect(e.code).toBe("invalid_rows")
    expect(e.message).toContain("BAD.csv")
    expect(e.zh).toContain("未导入")
    expect(e.issues!.map((i) => [i.row, i.column, i.value])).toEqual([
      [3, "cluster", "hb-nowhere"],
      [4, "indicator", "no_such_indicator"],
      [5, "period", 24],
      [6, "value", "abc"],
      [7, "value", "inf"],
      [8, "value", -3],
      [9, "value", 101],
      [10, "period", "2024Q5"],
      [10, "value", null],
    ])
    expect(e.issues![0]!.en).toContain("unknown cluster")
    expect(e.issues![0]!.zh).toContain("未知的集聚区")
    expect(e.issues![5]!.en).toContain("cannot be negative")
    expect(e.issues![6]!.en).toContain("row 2")
    expect(await storeCounts(store.db)).toEqual(before.counts)
    expect(await storeChecksum(store.db)).toBe(before.sum)
    expect((await store.imports.list()).map((i) => i.fileName)).toEqual(["seed.csv"])
  })

  it("wide format: an unknown indicator column is reported on the header row", async () => {
    const e = await failure(importObservations(store, parseCsv("cluster,period,revenue,亩均税收\nhb-jinshan,2024,1,2\n"), { fileName: "w.csv" }))
    expect(e.issues!.map((i) => [i.row, i.column])).toEqual([[1, "亩均税收"]])
  })
})
