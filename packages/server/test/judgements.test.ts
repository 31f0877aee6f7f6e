import { fromWire, jijuApi } from "@jiju/domain/contract"
import { engines } from "@jiju/testkit"
import * as Schema from "effect/Schema"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AssessmentsSetup, assessmentsSetup, cluster } from "./assessmentsSetup.js"

type Row = readonly [id: string, period: string, indicator: string, value: number]

// The test register (hb-qibin in 淇滨区, hb-xunxian in 浚县) plus two CBDs: a county-level one in 浚县 and a
// city-level one in 淇滨区. The submitter's only zone is hb-qibin.
const cbds = [
  cluster("cbd-xun", "410621", { kind: "modern_service", form: "cbd", level: "county", planning: [{ kind: "spatial_plan", state: "approved" }] }),
  cluster("cbd-hebi", "410611", { kind: "modern_service", form: "cbd", level: "city", planning: [{ kind: "spatial_plan", state: "approved" }] }),
]
const taxes = (id: string, year: number, total: number): Row[] =>
  (["vat", "business_tax", "corporate_income_tax"] as const).map((t) => [id, String(year), t, t === "vat" ? total / 2 : total / 4])
const rows: Row[] = [
  // County table for a CBD: ≥ 1.4万 m², ≥ 10 firms, revenue MORE than 5.6亿: exactly 5.6 fails.
  ["cbd-xun", "2025", "floor_area", 1.4],
  ["cbd-xun", "2025", "firms", 10],
  ["cbd-xun", "2025", "operating_revenue", 5.6],
  // City table: ≥ 1万 m², ≥ 30 firms.
  ["cbd-hebi", "2025", "floor_area", 1.2],
  ["cbd-hebi", "2025", "firms", 35],
  // hb-qibin: a leading industry (LQ ≥ 1.5, share ≥ 40 %), local supply short of 30 %: 集聚.
  ["hb-qibin", "2025", "leading_industry_lq", 2.1],
  ["hb-qibin", "2025", "leading_industry_share", 52],
  ["hb-qibin", "2025", "local_supply_ratio", 22],
  ["hb-xunxian", "2025", "leading_industry_lq", 1.1],
  ["hb-qibin", "2025", "revenue", 130],
  ["hb-xunxian", "2025", "revenue", 70],
  ["hb-xunxian", "2025", "value_added", 21],
  ["hb-qibin", "2024", "revenue", 110],
  // Taxes 2009–2012 (base 2009: 40).
  ...taxes("hb-qibin", 2009, 40),
  ...taxes("hb-qibin", 2010, 48),
  ...taxes("hb-qibin", 2011, 36),
  ...taxes("hb-qibin", 2012, 60),
]

describe.each(engines)("certification, stage, diagnosis, incentive and targets on %s", (engine) => {
  let t: AssessmentsSetup
  const get = (path: string, as?: "admin" | "submitter" | "viewer", lang?: "en" | "zh") =>
    t.call("GET", path, { ...(as ? { as } : {}), ...(lang ? { headers: { "accept-language": lang } } : {}) })
  beforeAll(async () => {
    t = await assessmentsSetup(engine)
    await t.store.clusters.insertMany(cbds as never)
    await t.store.observations.upsertMany([
      ...rows.map(([id, period, indicator, value]) => ({ target: { kind: "cluster" as const, id }, period, indicator, value })),
      { target: { kind: "region" as const, id: "410621" }, period: "2025", indicator: "gdp", value: 140 },
    ] as never)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("certifies the service zones, each by its level's table unless one is chosen", async () => {
    const r = await get("/v1/assessments/certification?period=2025", "viewer")
    expect(r.status).toBe(200)
    const doc = await r.json()
    expect(doc).toMatchObject({ period: "2025", source: "store", demo: false })
    const by = new Map<string, { table: string; status: string; failed: Array<{ id: string; shortfall: number }>; unknown: Array<{ id: string }> }>(
      doc.results.map((x: { id: string }) => [x.id, x]),
    )
    // Only zones with a service form are candidates.
    expect([...by.keys()].sort()).toEqual(["cbd-hebi", "cbd-xun"])
    const xun = by.get("cbd-xun")!
    expect(xun).toMatchObject({ table: "county-service-agglomeration", status: "not_certified" })
    expect(xun.failed.map((o) => [o.id, o.shortfall])).toEqual([["revenue", 0]])
    // The register cannot tell public-service capacity: unknown, never guessed.
    expect(xun.unknown.map((o) => o.id)).toEqual(["public_service"])
    // The city table's numbers hold; whether it lies in an approved area within clear boundaries is not recorded.
    expect(by.get("cbd-hebi")).toMatchObject({ table: "city-service-agglomeration", status: "incomplete", failed: [] })
    expect(
      by
        .get("cbd-hebi")!
        .unknown.map((o) => o.id)
        .sort(),
    ).toEqual(["clear_boundaries", "in_approved_area"])
    const county = await (await get("/v1/assessments/certification?period=2025&cluster=cbd-hebi&table=county", "admin")).json()
    expect(county.results).toHaveLength(1)
    expect(county.results[0].table).toBe("county-service-agglomeration")
  })

  it("classifies a submitter's own zone, and refuses it other zones or all zones at once", async () => {
    const r = await get("/v1/assessments/stage?period=2025&cluster=hb-qibin", "submitter")
    expect(r.status).toBe(200)
    const doc = await r.json()
    expect(doc.results).toHaveLength(1)
    expect(doc.results[0]).toMatchObject({ id: "hb-qibin", stage: "agglomeration", stage_decided_by: { indicator: "local_supply_ratio", value: 22, min: 30 } })
    const all = await (await get("/v1/assessments/stage?period=2025", "viewer")).json()
    expect(all.results.find((x: { id: string }) => x.id === "hb-xunxian")).toMatchObject({ stage: "concentration" })
    for (const path of [
      "/v1/assessments/stage?period=2025",
      "/v1/assessments/stage?period=2025&cluster=hb-xunxian",
      "/v1/assessments/certification?period=2025&cluster=cbd-xun",
      "/v1/assessments/diagnosis?period=2025&cluster=hb-xunxian",
      "/v1/assessments/incentive?cluster=hb-xunxian",
      "/v1/assessments/targets?set=hengshui&period=2025",
    ]) {
      const denied = await get(path, "submitter", "en")
      expect(denied.status, path).toBe(403)
      expect((await denied.json()).title).toBe("Forbidden")
    }
    const custom = await t.call("POST", "/v1/assessments/targets", { as: "submitter", body: { set: ownSet, period: "2025" } })
    expect(custom.status).toBe(403)
  })

  it("diagnoses every zone, or the one asked about", async () => {
    const all = await get("/v1/assessments/diagnosis?period=2025", "viewer")
    expect(all.status).toBe(200)
    const doc = await all.json()
    expect(doc.results.map((d: { cluster_id: string }) => d.cluster_id).sort()).toEqual(["cbd-hebi", "cbd-xun", "hb-qibin", "hb-xunxian"])
    expect(doc).not.toHaveProperty("cluster")
    const one = await (await get("/v1/assessments/diagnosis?period=2025&cluster=hb-qibin", "submitter")).json()
    expect(one.cluster).toBe("hb-qibin")
    expect(one.results.map((d: { cluster_id: string }) => d.cluster_id)).toEqual(["hb-qibin"])
    expect(one.results[0].text.zh).toContain("集聚区 hb-qibin")
  })

  it("computes the fiscal incentive with the arithmetic, and states a default share as an assumption", async () => {
    const r = await get("/v1/assessments/incentive?rule=full_refund&from=2010&to=2012&share=0.5&cluster=hb-qibin", "submitter")
    expect(r.status).toBe(200)
    const doc = await r.json()
    expect(doc.policy).toEqual({ base_year: 2009, full_return: { from: 2010, to: 2012 }, increase_return: null, provincial_share: 0.5 })
    expect(doc.assumptions).toEqual([])
    const [zone] = doc.results
    expect(zone).toMatchObject({ cluster_id: "hb-qibin", name: "集聚区 hb-qibin", base: { total: 40 } })
    // Half of the three taxes above the base: 0.5 × (48 − 40) = 4, nothing below the base, 0.5 × (60 − 40) = 10.
    expect(zone.years.map((y: { returned: number }) => y.returned)).toEqual([expect.closeTo(4, 9), 0, expect.closeTo(10, 9)])
    const henan = await (await get("/v1/assessments/incentive", "admin")).json()
    expect(henan.policy).toMatchObject({ base_year: 2009, full_return: { from: 2010, to: 2012 }, increase_return: { from: 2013, to: 2015 } })
    expect(henan.assumptions).toHaveLength(1)
    expect(henan.results).toHaveLength(4)
  })

  it("tracks a built-in target set over a county, and a set of one's own", async () => {
    const r = await get("/v1/assessments/targets?set=hengshui&period=2025&region=410621&target_year=2027", "viewer")
    expect(r.status).toBe(200)
    const doc = await r.json()
    expect(doc).toMatchObject({ set_id: "hengshui", target_year: 2027, years_left: 2, zones: 2, region: "410621", assumptions: [] })
    const share = doc.targets.find((x: { id: string }) => x.id === "economy_share")
    // hb-xunxian's value added 21 of the county's GDP 140: 15 %.
    expect(share.actual).toBeCloseTo(0.15, 12)
    const assumed = await (await get("/v1/assessments/targets?set=dalian&period=2025", "admin")).json()
    expect(assumed.assumptions.map((a: { en: string }) => a.en)).toEqual([expect.stringContaining("2030")])
    const custom = await t.call("POST", "/v1/assessments/targets", { as: "admin", body: { set: ownSet, period: "2025" } })
    expect(custom.status).toBe(200)
    const own = await custom.json()
    expect(own).toMatchObject({ set_id: "plan", zones: 4, region: null, notes: [] })
    // 130 + 70 of revenue against 250: short by 50.
    expect(own.targets[0]).toMatchObject({ actual: 200, attained: false, gap: 50 })
  })

  it("answers documents that the contract's Schemas describe", async () => {
    const cases = [
      [jijuApi.certification, "/v1/assessments/certification?period=2025"],
      [jijuApi.stage, "/v1/assessments/stage?period=2025"],
      [jijuApi.diagnosis, "/v1/assessments/diagnosis?period=2025&cluster=hb-qibin"],
      [jijuApi.incentive, "/v1/assessments/incentive?rule=full_refund&from=2010&to=2012&share=0.5"],
      [jijuApi.targets, "/v1/assessments/targets?set=hengshui&period=2025&region=410621&target_year=2027"],
    ] as const
    for (const [e, path] of cases) {
      const body = await (await get(path, "admin")).json()
      expect(
        () => Schema.decodeUnknownSync(e.success.schema as Schema.Codec<unknown, unknown>, { onExcessProperty: "error" })(fromWire(e.success.schema, body)),
        path,
      ).not.toThrow()
    }
  })

  it("answers 401 without credentials on every endpoint", async () => {
    for (const path of ["certification?period=2025", "stage?period=2025", "diagnosis?period=2025", "incentive", "targets?set=hengshui&period=2025"]) {
      const r = await get(`/v1/assessments/${path}`)
      expect(r.status, path).toBe(401)
      expect((await r.json()).code).toBe("unauthorized")
    }
    // Credentials come before the query is checked.
    expect((await get("/v1/assessments/stage?period=banana")).status).toBe(401)
    expect((await t.call("POST", "/v1/assessments/targets", { body: { set: ownSet, period: "2025" } })).status).toBe(401)
  })

  it("answers 404 for a zone the register lacks, in Chinese or English", async () => {
    for (const path of [
      "stage?period=2025&cluster=hb-none",
      "certification?period=2025&cluster=hb-none",
      "diagnosis?period=2025&cluster=hb-none",
      "incentive?cluster=hb-none",
    ]) {
      const en = await get(`/v1/assessments/${path}`, "admin", "en")
      expect(en.status, path).toBe(404)
      const p = await en.json()
      expect(p).toMatchObject({
        status: 404,
        code: "unknown_cluster",
        title: "Not found",
        errors: [{ code: "unknown_cluster", row: null, column: "cluster", value: "hb-none" }],
      })
      expect(p.detail).toContain('unknown cluster "hb-none"')
    }
    const zh = await get("/v1/assessments/stage?period=2025&cluster=hb-none", "admin", "zh")
    expect(zh.headers.get("content-type")).toContain("application/problem+json")
    expect(await zh.json()).toMatchObject({ code: "unknown_cluster", title: "未找到", detail: expect.stringContaining("未知的集聚区") })
  })

  it("answers 422 for a period without data, naming the periods that have data", async () => {
    for (const path of [
      "stage?period=2031",
      "certification?period=2031",
      "diagnosis?period=2031",
      "targets?set=hengshui&period=2031",
      "incentive?base_year=2001",
    ]) {
      const r = await get(`/v1/assessments/${path}`, "admin", "en")
      expect(r.status, path).toBe(422)
      const p = await r.json()
      expect(p).toMatchObject({ code: "unknown_period", title: "Invalid input" })
      expect(p.detail).toContain("2025")
    }
    const zh = await (await get("/v1/assessments/stage?period=2031", "admin", "zh")).json()
    expect(zh).toMatchObject({ code: "unknown_period", title: "输入数据无效", detail: expect.stringContaining("没有观测数据") })
  })

  it("answers 422 for bad options, naming the option", async () => {
    const bad = async (path: string, code: string, field: string) => {
      const r = await get(`/v1/assessments/${path}`, "admin", "en")
      expect(r.status, path).toBe(422)
      const p = await r.json()
      expect(p.code, path).toBe(code)
      expect(
        p.errors.map((e: { column: string }) => e.column),
        path,
      ).toContain(field)
      return p
    }
    // The query Schemas refuse what is malformed …
    await bad("certification?period=2025&table=province", "invalid_value", "table")
    await bad("stage?period=25", "invalid_value", "period")
    await bad("incentive?rule=half", "invalid_value", "rule")
    await bad("incentive?share=lots", "invalid_value", "share")
    await bad("targets?set=paris&period=2025", "invalid_value", "set")
    await bad("targets?set=hengshui&period=2025&region=41", "invalid_value", "region")
    // … and the domain what is well formed but unusable.
    const share = await bad("incentive?share=1.5", "bad_option", "share")
    expect(share.detail).toContain("0 to 1")
    await bad("incentive?from=2013&to=2012", "bad_option", "from")
    await bad("incentive?rule=full_refund&from=2009", "bad_option", "from")
    const zh = await (await get("/v1/assessments/incentive?share=1.5", "admin", "zh")).json()
    expect(zh).toMatchObject({ code: "bad_option", title: "输入数据无效", detail: expect.stringContaining("0 到 1") })
    // The wire is snake_case: a camelCase parameter is named with its right spelling.
    const camel = await bad("incentive?baseYear=2010", "wrong_case", "base_year")
    expect(camel.detail).toContain('"base_year"')
    const region = await bad("targets?set=dalian&period=2025&region=110000", "unknown_region", "region")
    expect(region.detail).toContain("110000")
    const body = await t.call("POST", "/v1/assessments/targets", {
      as: "admin",
      body: { set: { ...ownSet, targets: [{ ...ownSet.targets[0], min: "lots" }] }, period: "2025" },
      headers: { "accept-language": "en" },
    })
    expect(body.status).toBe(422)
    expect((await body.json()).errors.map((e: { column: string }) => e.column)).toContain("set.targets.0.min")
  })
})

// As the wire carries it: snake_case fields.
const ownSet = {
  id: "plan",
  name: { zh: "县规划", en: "County plan" },
  target_year: 2027,
  targets: [{ id: "sum", kind: "total", indicator: "revenue", min: 250, description: { zh: "营收合计250亿元", en: "revenue 25bn in all" } }],
}
