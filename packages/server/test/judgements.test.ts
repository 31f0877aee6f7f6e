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
  ["hb-xunxian", "2025", "industrial_value_added", 21],
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
    // The city table's numbers hold; 篇9's conditions the register cannot tell are not recorded: unknown.
    expect(by.get("cbd-hebi")).toMatchObject({ table: "city-service-agglomeration", status: "incomplete", failed: [] })
    const cityFacts = ["clear_boundaries", "employment_absorbed", "in_approved_area", "location_route", "public_service", "scale_and_character", "upgrading"]
    expect(
      by
        .get("cbd-hebi")!
        .unknown.map((o) => o.id)
        .sort(),
    ).toEqual(cityFacts)
    // Stored facts are read as they stand on the period's last day, with who recorded them and on what evidence.
    await t.store.zoneFacts.record(
      cityFacts.map((fact) => ({ cluster: "cbd-hebi", fact, value: fact !== "employment_absorbed", asOf: "2025-06-30", evidence: "市认定材料" })),
      "user:chief",
      "accepted",
      "2025-07-01T00:00:00.000Z",
    )
    const stored = (await (await get("/v1/assessments/certification?period=2025&cluster=cbd-hebi", "viewer")).json()).results[0]
    expect(stored).toMatchObject({ status: "not_certified", unknown: [] })
    expect(stored.failed.map((o: { id: string }) => o.id)).toEqual(["employment_absorbed"])
    expect(stored.failed[0].evidence).toMatchObject({ value: false, as_of: "2025-06-30", origin: "stored", recorded_by: "user:chief", evidence: "市认定材料" })
    expect(stored.failed[0].source).toMatchObject({ kind: "document", document: expect.stringContaining("002"), quote: "吸纳一定数量的从业人员" })
    // A fact dated after the period does not count for it.
    const before = (await (await get("/v1/assessments/certification?period=2024&cluster=cbd-hebi", "viewer")).json()).results[0]
    expect(before.unknown.map((o: { id: string }) => o.id)).toContain("employment_absorbed")
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
      "/v1/assessments/incentive?cluster=hb-xunxian&share=0.25",
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

  it("computes the fiscal incentive with the arithmetic; the share is required, the year-on-year rule an option", async () => {
    const r = await get("/v1/assessments/incentive?rule=full_refund&from=2010&to=2012&share=0.5&cluster=hb-qibin", "submitter")
    expect(r.status).toBe(200)
    const doc = await r.json()
    expect(doc.policy).toEqual({ base_year: 2009, full_return: { from: 2010, to: 2012 }, increase_return: null, provincial_share: 0.5 })
    expect(doc.assumptions).toEqual([])
    const [zone] = doc.results
    expect(zone).toMatchObject({ cluster_id: "hb-qibin", name: "集聚区 hb-qibin", base: { total: 40 } })
    // Half of the three taxes above the base: 0.5 × (48 − 40) = 4, nothing below the base, 0.5 × (60 − 40) = 10.
    expect(zone.years.map((y: { returned: number }) => y.returned)).toEqual([expect.closeTo(4, 9), 0, expect.closeTo(10, 9)])
    expect(zone).toMatchObject({ total_status: "complete", known_returned: expect.closeTo(14, 9) })
    expect(zone.total_returned).toBeCloseTo(14, 9)
    expect(doc.rules.map((x: { id: string }) => x.id)).toEqual(["p8.incentive", "p8.incentive.base", "p8.incentive.years", "p8.incentive.share"])
    const dflt = await (await get("/v1/assessments/incentive?share=0.25", "admin")).json()
    expect(dflt.policy).toMatchObject({ base_year: 2009, full_return: { from: 2010, to: 2012 }, increase_return: null })
    expect(dflt.results).toHaveLength(4)
    // A zone without tax data: every year and the total are missing, never 0.
    const none = dflt.results.find((z: { cluster_id: string }) => z.cluster_id === "hb-xunxian")
    expect(none).toMatchObject({ total_returned: null, known_returned: 0, total_status: "missing", missing_years: [2010, 2011, 2012] })
    const henan = await (await get("/v1/assessments/incentive?share=0.25&rule=full_refund_then_yoy", "admin")).json()
    expect(henan.policy).toMatchObject({ full_return: { from: 2010, to: 2012 }, increase_return: { from: 2013, to: 2015 } })
    expect(henan.rules.find((x: { id: string }) => x.id === "p8.incentive.yoy").source.kind).toBe("practice")
    const missing = await get("/v1/assessments/incentive?cluster=hb-qibin", "admin", "en")
    expect(missing.status).toBe(422)
    expect(await missing.json()).toMatchObject({ code: "missing_share", errors: [{ code: "missing_share", column: "share", value: null }] })
  })

  it("tracks a built-in target set over a county, and a set of one's own", async () => {
    const r = await get("/v1/assessments/targets?set=hengshui&period=2025&region=410621&target_year=2027", "viewer")
    expect(r.status).toBe(200)
    const doc = await r.json()
    // 衡水's targets concern industrial clusters: the county's CBD (cbd-xun) is not added in.
    expect(doc).toMatchObject({
      set_id: "hengshui",
      target_year: 2027,
      years_left: 2,
      zones: 1,
      region: "410621",
      assumptions: [],
      scope: "industrial_clusters",
    })
    expect(doc.rules.map((x: { id: string }) => x.id)).toEqual(["targets.scope", "h3.years", "h3.key_level", "targets.missing"])
    const share = doc.targets.find((x: { id: string }) => x.id === "economy_share")
    expect(share.source).toMatchObject({ kind: "document", section: "衡水 二(二)", quote: "产业集群经济总量占全市县域经济总量的65%以上" })
    // hb-xunxian's industrial value added 21 of the county's GDP 140: 15 %, complete.
    expect(share).toMatchObject({ status: "short", missing: [], bound: null })
    expect(share.actual).toBeCloseTo(0.15, 12)
    const assumed = await (await get("/v1/assessments/targets?set=dalian&period=2025", "admin")).json()
    expect(assumed.assumptions.map((a: { en: string }) => a.en)).toEqual([expect.stringContaining("2018")])
    expect(assumed.targets.map((x: { id: string; due_year: number }) => [x.id, x.due_year])).toEqual([
      ["output_total", 2015],
      ["output_share", 2015],
      ["output_total_2", 2018],
      ["output_share_2", 2018],
      ["above_1000", 2018],
      ["between_200_500", 2018],
    ])
    // 篇10's goal counts the service zones: the two CBDs, one county-level, one city-level.
    const services = await (await get("/v1/assessments/targets?set=county_services&period=2025", "viewer")).json()
    expect(services).toMatchObject({ scope: "service_zones", zones: 2, target_year: 2010, assumptions: [] })
    expect(services.targets.find((x: { id: string }) => x.id === "city_level")).toMatchObject({ actual: 1, target: 6, attained: false })
    const custom = await t.call("POST", "/v1/assessments/targets", { as: "admin", body: { set: ownSet, period: "2025" } })
    expect(custom.status).toBe(200)
    const own = await custom.json()
    expect(own).toMatchObject({ set_id: "plan", zones: 4, region: null, notes: [] })
    // 130 + 70 of revenue against 250, and the two CBDs report no revenue: never counted as zero, the total is
    // incomplete with 200 as its floor.
    expect(own.targets[0]).toMatchObject({ status: "incomplete", actual: null, attained: null, gap: null, bound: { lower: 200, upper: null } })
    expect([...own.targets[0].missing].sort()).toEqual(["cbd-hebi", "cbd-xun"])
  })

  it("places every zone on one indicator for admins and viewers (篇8), never for a zone committee or anonymously", async () => {
    const path = "/v1/assessments/positions?indicator=revenue&period=2025&against=2024"
    expect((await get(path)).status).toBe(401)
    expect((await get(path, "submitter")).status).toBe(403)
    expect((await get(path, "admin")).status).toBe(200)
    const doc = await (await get(path, "viewer")).json()
    expect(doc).toMatchObject({ indicator: "revenue", period: "2025", against: "2024" })
    // hb-qibin 130 (first in 2024 too), hb-xunxian 70 (no 2024 value); the CBDs report no revenue: not placed.
    expect(
      doc.positions.map((p: { id: string; position: number; previous_position: number | null; change: number | null }) => [
        p.id,
        p.position,
        p.previous_position,
        p.change,
      ]),
    ).toEqual([
      ["hb-qibin", 1, 1, 0],
      ["hb-xunxian", 2, null, null],
    ])
    expect(doc.missing.map((z: { id: string }) => z.id).sort()).toEqual(["cbd-hebi", "cbd-xun"])
    expect(doc.rules.map((r: { id: string }) => r.id)).toEqual(["p8.positions", "p8.no_new_projects"])
    const bad = await get("/v1/assessments/positions?indicator=nope&period=2025", "viewer")
    expect(bad.status).toBe(422)
    expect((await bad.json()).code).toBe("unknown_indicator")
  })

  it("answers documents that the contract's Schemas describe", async () => {
    const cases = [
      [jijuApi.certification, "/v1/assessments/certification?period=2025"],
      [jijuApi.stage, "/v1/assessments/stage?period=2025"],
      [jijuApi.diagnosis, "/v1/assessments/diagnosis?period=2025&cluster=hb-qibin"],
      [jijuApi.incentive, "/v1/assessments/incentive?rule=full_refund&from=2010&to=2012&share=0.5"],
      [jijuApi.targets, "/v1/assessments/targets?set=hengshui&period=2025&region=410621&target_year=2027"],
      [jijuApi.positions, "/v1/assessments/positions?indicator=revenue&period=2025&against=2024"],
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
      "incentive?cluster=hb-none&share=0.25",
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
      "incentive?base_year=2001&share=0.25",
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
    await bad("incentive?share=0.25&from=2013&to=2012", "bad_option", "from")
    await bad("incentive?share=0.25&rule=full_refund&from=2009", "bad_option", "from")
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
