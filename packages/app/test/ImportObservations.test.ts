import type { Cluster, ClusterId, Region, RegionCode } from "@jiju/domain/model"
import { InputError } from "@jiju/domain/model"
import { clearStore, storeChecksum, storeCounts } from "@jiju/store"
import { engines, openTestStore, rejected } from "@jiju/testkit"
import ExcelJS from "exceljs"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { type Actor, operator } from "../src/Actor.js"
import { type AppRuntime, makeAppRuntime } from "../src/AppRuntime.js"
import { importObservationFile } from "../src/observations/ImportObservations.js"

const regions: Region[] = [
  { code: "410000" as RegionCode, name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false },
  { code: "410600" as RegionCode, name: "鹤壁市", level: "prefecture", parent: "410000" as RegionCode, macroZone: "central", isDistrict: false },
  { code: "410611" as RegionCode, name: "淇滨区", level: "county", parent: "410600" as RegionCode, macroZone: "central", isDistrict: true },
  { code: "410621" as RegionCode, name: "浚县", level: "county", parent: "410600" as RegionCode, macroZone: "central", isDistrict: false },
]

const zone = (id: string, name: string, region: string, group: "urban_district" | "county"): Cluster => ({
  id: id as ClusterId,
  name,
  kind: "industrial",
  form: null,
  level: "provincial",
  group,
  region: region as RegionCode,
  plannedArea: 15,
  established: "2009",
  leadingIndustries: ["电子信息"],
  managementBody: null,
  planning: [],
  infrastructure: { road: true, water: true, power: true, drainage: true, telecom: true, gas: false, heat: false, levelledSite: true, sewagePlant: true },
  standardFactoryArea: 100000,
  financing: { count: 1, registeredCapital: 2, cumulativeFinancing: 10 },
  isDemo: false,
})
const jinshan = zone("hb-jinshan", "金山产业集聚区", "410611", "urban_district")
const liyang = zone("hb-liyang", "黎阳产业集聚区", "410621", "county")

const csv = (text: string) => new TextEncoder().encode(text)

const xlsx = async (rows: ReadonlyArray<ReadonlyArray<string | number | null>>): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet("数据")
  for (const r of rows) ws.addRow([...r])
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe.each(engines)("observation import on %s", (engine) => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let app: AppRuntime
  const op: Actor = operator("zhang")
  const run = (bytes: Uint8Array, fileName: string, format?: "long" | "wide") => app.run(importObservationFile(op, { bytes, fileName, format }))
  beforeAll(async () => {
    t = await openTestStore(engine)
    app = await makeAppRuntime({ db: t.db, config: { now: () => new Date("2025-06-15T00:00:00Z") } })
  })
  afterAll(async () => {
    await app.dispose()
    await t.dispose()
  })
  beforeEach(async () => {
    await clearStore(t.db, { keepIndicators: true })
    await t.store.regions.upsert(regions)
    await t.store.clusters.create(jinshan)
    await t.store.clusters.create(liyang)
  })

  it("imports a long CSV (ids, names, Chinese headers), records the import and audits it", async () => {
    const text =
      "集聚区,年份,指标,数值,来源,备注\n" +
      'hb-jinshan,2024,revenue,"1,234.5",统计年鉴,\n' +
      "黎阳产业集聚区,2024,主营业务收入,88,,初步数\n" +
      "hb-liyang,2024,gdp_growth,-1.5,,\n"
    const result = await run(csv(text), "2024.csv")
    expect(result).toMatchObject({ imported: 3, file: "2024.csv", format: "long" })
    const rows = await t.store.observations.query({ period: "2024" })
    expect(rows.map((o) => [o.target.id, o.indicator, o.value, o.source, o.note])).toEqual([
      ["hb-jinshan", "revenue", 1234.5, "统计年鉴", null],
      ["hb-liyang", "gdp_growth", -1.5, "2024.csv", null],
      ["hb-liyang", "revenue", 88, "2024.csv", "初步数"],
    ])
    expect(rows.every((o) => o.submitter === "operator:zhang" && !o.isDemo && o.submittedAt === "2025-06-15T00:00:00.000Z")).toBe(true)
    const record = await t.store.imports.list()
    expect(record).toHaveLength(1)
    expect(record[0]).toMatchObject({ id: result.importId, fileName: "2024.csv", format: "long", rows: 3, importedBy: "operator:zhang" })
    expect(record[0]!.checksum).toMatch(/^[0-9a-f]{64}$/)
    const trail = await t.store.audit.history("import", String(result.importId))
    expect(trail.map((e) => [e.actor, e.action])).toEqual([["operator:zhang", "import"]])
  })

  it("imports a wide yearbook XLSX: columns by code, Chinese or English name; blank cells skipped", async () => {
    const bytes = await xlsx([
      ["cluster", "period", "主营业务收入", "tax_total", "Employment"],
      ["hb-jinshan", 2023, 150.5, 6.2, 1.25],
      ["hb-jinshan", 2024, 170, null, 1.4],
      ["hb-liyang", "2024", 60, 2.1, 0.7],
    ])
    const result = await run(bytes, "yearbook.xlsx")
    expect(result).toMatchObject({ imported: 8, format: "wide" })
    const series = await t.store.observations.series({ kind: "cluster", id: jinshan.id }, "revenue")
    expect(series.map((o) => [o.period, o.value])).toEqual([
      ["2023", 150.5],
      ["2024", 170],
    ])
    expect((await t.store.observations.query({ indicators: ["tax_total"] })).length).toBe(2)
  })

  it("refuses a file with bad rows, reports EVERY bad row precisely, and writes nothing", async () => {
    await run(csv("cluster,period,indicator,value\nhb-jinshan,2020,revenue,10\n"), "seed.csv")
    const before = { counts: await storeCounts(t.db), sum: await storeChecksum(t.db) }
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
      "hb-liyang,2025Q3,revenue,1", // row 12: a quarter that has not begun on 15 June 2025
    ].join("\n")
    const e = await rejected(run(csv(text), "BAD.csv"), InputError)
    expect(e.code).toBe("invalid_rows")
    expect(e.message).toContain("BAD.csv")
    expect(e.zh).toContain("未导入")
    expect(e.issues!.map((i) => [i.code, i.row, i.column, i.value])).toEqual([
      ["unknown_cluster", 3, "cluster", "hb-nowhere"],
      ["unknown_indicator", 4, "indicator", "no_such_indicator"],
      ["bad_period", 5, "period", 24],
      ["not_numeric", 6, "value", "abc"],
      ["not_finite", 7, "value", "inf"],
      ["negative_value", 8, "value", -3],
      ["duplicate_key", 9, "value", 101],
      ["bad_period", 10, "period", "2024Q5"],
      ["missing_value", 10, "value", null],
      ["period_not_begun", 12, "period", "2025Q3"],
    ])
    expect(e.issues![0]!.en).toContain("unknown cluster")
    expect(e.issues![0]!.zh).toContain("未知的集聚区")
    expect(e.issues![5]!.en).toContain("cannot be negative")
    expect(e.issues![6]!.en).toContain("row 2")
    expect(await storeCounts(t.db)).toEqual(before.counts)
    expect(await storeChecksum(t.db)).toBe(before.sum)
    expect((await t.store.imports.list()).map((i) => i.fileName)).toEqual(["seed.csv"])
  })

  it("wide format: an unknown indicator column is reported on the header row", async () => {
    const e = await rejected(run(csv("cluster,period,revenue,亩均税收\nhb-jinshan,2024,1,2\n"), "w.csv"), InputError)
    expect(e.issues!.map((i) => [i.row, i.column])).toEqual([[1, "亩均税收"]])
  })

  it("refuses a file it cannot read, and callers other than admins", async () => {
    expect((await rejected(run(csv("cluster,period\n"), "data.pdf"), InputError)).code).toBeTruthy()
    const viewer: Actor = { kind: "user", id: "u", name: "v", role: "viewer", clusterIds: [] }
    await expect(app.run(importObservationFile(viewer, { bytes: csv("a"), fileName: "a.csv" }))).rejects.toMatchObject({ _tag: "Forbidden" })
    await expect(app.run(importObservationFile(undefined, { bytes: csv("a"), fileName: "a.csv" }))).rejects.toMatchObject({ _tag: "Unauthorized" })
  })
})
