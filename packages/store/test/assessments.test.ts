import { type AssessmentSchemeJson, decodeScheme, henan2017Scheme, runAssessment, valueLookup } from "@jiju/domain/assessment"
import { InputError } from "@jiju/domain/model"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { assessmentRepo, assessmentValues, loadAssessmentData, schemeChecksum } from "../src/assessments/index.js"
import type { Store } from "../src/Store.js"
import { engines, openTestStore } from "./engines.js"
import { jinshan, regions } from "./fixtures.js"

// A two-indicator scheme and three county zones with hand-picked values: z1 ranks first, z2 second, z3 is excluded.
const schemeJson = {
  id: "tiny-test",
  name: { zh: "测试方案", en: "Test scheme" },
  totalPoints: 100,
  dimensions: [
    {
      id: "scale",
      name: { zh: "规模", en: "Scale" },
      indicators: [
        { code: "revenue", weight: 60 },
        { code: "tax_total", weight: 40 },
      ],
    },
  ],
  weighting: { method: "given" },
  normalisation: { method: "minmax" },
  normaliseWithin: "group",
  rewards: { urban_district: 1, county: 1 },
  veto: [],
} satisfies AssessmentSchemeJson
const scheme = decodeScheme(schemeJson)
const clusters = [
  { id: "z1", name: "甲", group: "county" as const },
  { id: "z2", name: "乙", group: "county" as const },
  { id: "z3", name: "丙", group: "county" as const },
]
const rows = (period: string, a: number, b: number) => [
  { clusterId: "z1", indicator: "revenue", period, value: a },
  { clusterId: "z1", indicator: "tax_total", period, value: 5 },
  { clusterId: "z2", indicator: "revenue", period, value: b },
  { clusterId: "z2", indicator: "tax_total", period, value: 1 },
  { clusterId: "z3", indicator: "revenue", period, value: 7 },
]

describe.each(engines)("stored assessments on %s", (engine) => {
  let store: Store
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ store, dispose } = await openTestStore(engine))
  })
  afterAll(() => dispose())

  it("saves a scheme once per id; the checksum ignores key order; built-in ids are reserved", async () => {
    const repo = assessmentRepo(store.db)
    const saved = await repo.schemes.save(scheme, "tester")
    expect(saved.definition).toEqual(scheme)
    expect(saved.name).toEqual({ zh: "测试方案", en: "Test scheme" })
    const reordered = Object.fromEntries(Object.entries(schemeJson).reverse())
    expect(schemeChecksum(decodeScheme(reordered))).toBe(saved.checksum)
    expect((await repo.schemes.save(scheme)).checksum).toBe(saved.checksum)
    expect((await repo.schemes.list()).map((s) => s.id)).toEqual(["tiny-test"])
    const changed = decodeScheme({ ...henan2017Scheme, totalPoints: 50 })
    await expect(repo.schemes.save(changed)).rejects.toThrow(InputError)
    await expect(repo.schemes.save(changed)).rejects.toMatchObject({ code: "scheme_id_taken" })
    // The unchanged built-in may be stored (it is the same definition).
    expect((await repo.schemes.save(henan2017Scheme)).checksum).toBe(schemeChecksum(henan2017Scheme))
  })

  it("stores runs with one row per zone; latest, publish and history read them back", async () => {
    const { runs } = assessmentRepo(store.db)
    const value = valueLookup([...rows("2024", 10, 20), ...rows("2025", 30, 20)])
    const r2024 = runAssessment(scheme, { clusters, value }, "2024")
    const first = await runs.save({ result: r2024, createdBy: "tester", schemeChecksum: schemeChecksum(scheme) })
    const r2025 = runAssessment(scheme, { clusters, value }, "2025", (await runs.latest("tiny-test", "2024"))!.result)
    const second = await runs.save({ result: r2025, published: true })

    expect(first.published).toBe(false)
    expect(first.result).toEqual(JSON.parse(JSON.stringify(r2024)))
    expect((await runs.latest("tiny-test", "2025"))?.id).toBe(second.id)
    expect(await runs.latest("tiny-test", "2024", { publishedOnly: true })).toBeUndefined()
    expect((await runs.publish(first.id)).published).toBe(true)
    await expect(runs.publish("run_nope")).rejects.toMatchObject({ code: "not_found" })
    expect(await runs.periods("tiny-test")).toEqual(["2024", "2025"])

    // 2024: z2 has more revenue (20 vs 10) but z1 more tax; by hand z1 = 60·0 + 40·1 = 40, z2 = 60·1 + 40·0 = 60.
    // 2025: z1 = 60·1 + 40·1 = 100, z2 = 0 → z1 moves from 2nd to 1st.
    const h1 = await runs.history("tiny-test", "z1")
    expect(h1.map((h) => [h.period, h.status, h.rank, h.rankChange, h.reward])).toEqual([
      ["2024", "ranked", 2, null, false],
      ["2025", "ranked", 1, 1, true],
    ])
    expect(h1[0]!.score).toBeCloseTo(40, 12)
    expect(h1[1]!.score).toBeCloseTo(100, 12)
    // A writer that inserts the run itself (as the API does) gets the per-zone rows too.
    const r2026 = runAssessment(scheme, { clusters, value: valueLookup(rows("2026", 1, 2)) }, "2026")
    await store.db.query("insert into assessment_runs (id, scheme, period, result, created_by) values ($1, $2, $3, $4::jsonb, $5)", [
      "run_direct",
      "tiny-test",
      "2026",
      JSON.stringify(r2026),
      "api",
    ])
    expect((await runs.history("tiny-test", "z2")).map((h) => [h.period, h.rank, h.runId === "run_direct"])).toEqual([
      ["2024", 1, false],
      ["2025", 2, false],
      ["2026", 1, true],
    ])
    // The head names the latest run of a period and its state without reading the result.
    expect(await runs.head("tiny-test", "2026")).toEqual({ id: "run_direct", published: false })
    expect(await runs.head("tiny-test", "2024")).toEqual({ id: first.id, published: true })
    expect(await runs.head("tiny-test", "1999")).toBeUndefined()
    const h3 = await runs.history("tiny-test", "z3")
    expect(h3.map((h) => [h.status, h.rank, h.score])).toEqual([
      ["excluded", null, null],
      ["excluded", null, null],
      ["excluded", null, null],
    ])
  })

  it("reads a period range of cluster and region values as plain rows", async () => {
    await store.regions.upsert(regions)
    await store.clusters.create(jinshan)
    const at = (kind: "cluster" | "region", id: string, period: string, indicator: string, value: number, isDemo = false) =>
      ({ target: { kind, id }, period, indicator, value, isDemo }) as never
    await store.observations.upsertMany([
      at("cluster", "hb-jinshan", "2023", "revenue", 1),
      at("cluster", "hb-jinshan", "2024", "revenue", 2),
      at("cluster", "hb-jinshan", "2025", "revenue", 3),
      at("cluster", "hb-jinshan", "2025Q1", "revenue", 9),
      at("region", "410611", "2024", "gdp", 50, true),
    ])
    const { rows, hasDemo } = await assessmentValues(store.db, { from: "2024", to: "2025" })
    const seen = rows.map((r) => [r.target.kind, r.target.id, r.period, r.indicator, r.value]).sort((a, b) => String(a).localeCompare(String(b)))
    expect(seen).toEqual([
      ["cluster", "hb-jinshan", "2024", "revenue", 2],
      ["cluster", "hb-jinshan", "2025", "revenue", 3],
      ["region", "410611", "2024", "gdp", 50],
    ])
    expect(hasDemo).toBe(true)
    expect((await assessmentValues(store.db, { from: "2023", to: "2023" })).hasDemo).toBe(false)
    expect(await assessmentValues(store.db, { from: "2019", to: "2020" })).toEqual({ rows: [], hasDemo: false })
    // What the documents read: the register's zones, the range's values, every period with data.
    const data = await loadAssessmentData(store.db, { from: "2024", to: "2025" })
    expect(data).toMatchObject({ source: "store", hasDemo: true, periods: ["2023", "2024", "2025", "2025Q1"] })
    expect(data.input.clusters.map((c) => c.id)).toEqual(["hb-jinshan"])
    expect([data.input.value("hb-jinshan", "revenue", "2024"), data.input.value("hb-jinshan", "revenue", "2023")]).toEqual([2, undefined])
    expect(data.input.regionValue("410611", "gdp", "2024")).toBe(50)
  })

  it("assessmentValues: every double comes back bit for bit (read as JSON arrays)", async () => {
    // The zone of the test before; years of their own.
    const awkward = [0.1 + 0.2, 1 / 3, -2.5e-310, 5e-324, 1.7976931348623157e308, -1e-300, 123456789.12345679, 2 ** 53 + 2]
    await store.observations.upsertMany(
      awkward.map((value, i) => ({ target: { kind: "cluster", id: "hb-jinshan" }, period: String(2000 + i), indicator: "revenue", value }) as never),
    )
    const { rows } = await assessmentValues(store.db, { from: "2000", to: "2007" })
    const back = [...rows].sort((a, b) => a.period.localeCompare(b.period)).map((r) => r.value)
    expect(back).toEqual(awkward)
  })
})
