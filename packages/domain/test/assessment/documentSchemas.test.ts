import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import {
  AssessmentReport,
  AssessmentResult,
  assessmentReport,
  assessPeriod,
  CertificationDocument,
  certificationDocument,
  certificationTableOf,
  DiagnosisDocument,
  decodeScheme,
  defaultProblemCatalogue,
  diagnosisDocument,
  IncentiveDocument,
  incentiveDocument,
  ProblemDefinition,
  RankingsDocument,
  rankingsDocument,
  StageDocument,
  stageDocument,
  TargetsDocument,
  targetsDocument,
} from "../../src/assessment/index.js"
import { fromWire, toWire, wireDocument } from "../../src/contract/index.js"
import { dataOf, type Value } from "./documentData.js"

// Every document a front end shows has a Schema. Encoding keeps only the fields a Schema names, so a document that
// encodes to its own JSON is described completely; the wire form then decodes back to the same document.
const described = <S extends Schema.Top>(schema: S, doc: S["Type"]) => {
  const json = JSON.parse(JSON.stringify(doc))
  expect(Schema.encodeUnknownSync(schema as never)(doc)).toEqual(json)
  const wire = wireDocument(schema, doc)
  expect(Schema.decodeUnknownSync(schema as never)(fromWire(schema, JSON.parse(JSON.stringify(wire))))).toEqual(json)
  return wire as Record<string, unknown>
}

const scheme = decodeScheme({
  id: "schema-test",
  name: { zh: "测试方案", en: "Test scheme" },
  totalPoints: 100,
  dimensions: [
    { id: "scale", name: { zh: "规模", en: "Scale" }, indicators: [{ code: "revenue", weight: null }] },
    { id: "tax", name: { zh: "税收", en: "Tax" }, indicators: [{ code: "tax_total", weight: null }] },
  ],
  weighting: {
    method: "ahp",
    level: "indicators",
    matrix: [
      [1, 2],
      [0.5, 1],
    ],
  },
  normalisation: { method: "minmax" },
  normaliseWithin: "all",
  rewards: { urban_district: 1, county: 1 },
  veto: [{ id: "pollution", kind: "indicator", indicator: "serious_pollution", op: ">", threshold: 0, reason: { zh: "重大污染", en: "serious pollution" } }],
  stars: {
    id: "test-stars",
    name: { zh: "星级", en: "Stars" },
    entry: [{ indicator: "revenue", min: 10 }],
    levels: [{ stars: 1, name: { zh: "一星", en: "One star" }, thresholds: [{ indicator: "revenue", min: 25 }] }],
  },
})

const zones = [
  { id: "a", name: "甲", group: "county" as const, region: "410621", kind: "industrial" as const, managementBody: null },
  { id: "b", name: "乙", group: "county" as const, region: "410621", kind: "industrial" as const },
  { id: "c", name: "丙", group: "urban_district" as const, region: "410611", kind: "industrial" as const },
  { id: "v", name: "否", group: "county" as const, region: "410621" },
  { id: "x", name: "缺", group: "county" as const, region: "410621" },
  { id: "s", name: "商务区", group: "county" as const, region: "410621", kind: "modern_service" as const, form: "cbd" as const, level: "city" as const },
]
const taxes = (id: string, year: number, total: number): Value[] =>
  (["vat", "business_tax", "corporate_income_tax"] as const).map((t) => [id, String(year), t, total / 3])
const values: Value[] = [
  ...(["2024", "2025"] as const).flatMap((p, k): Value[] => [
    ["a", p, "revenue", 30 + k],
    ["a", p, "tax_total", 3],
    ["b", p, "revenue", 20 - k],
    ["b", p, "tax_total", 4],
    ["c", p, "revenue", 12],
    ["c", p, "tax_total", 1],
    ["v", p, "revenue", 40],
    ["v", p, "tax_total", 2],
    ["v", p, "serious_pollution", 1],
    ["x", p, "revenue", 5],
  ]),
  ["a", "2025", "leading_industry_lq", 2],
  ["a", "2025", "leading_industry_share", 45],
  ["a", "2025", "investment_intensity", 1],
  ["b", "2025", "investment_intensity", 9],
  ["s", "2025", "floor_area", 2],
  ["s", "2025", "firms", 40],
  ["a", "2025", "value_added", 13],
  ...taxes("a", 2009, 30),
  ...taxes("a", 2010, 36),
]
const data = dataOf(zones, values, { regions: [["410621", "2025", "gdp", 100]] })

describe("the Schemas of the assessment and judgement documents", () => {
  it("describe the assessment result and report completely, with stars, AHP, vetoes, exclusions and stability", () => {
    const assessed = assessPeriod(scheme, data, "2025", { checksum: "x", stability: { draws: 20, seed: 3 } })
    const { result } = assessed
    expect(result.vetoed.map((z) => z.clusterId)).toEqual(["v"])
    expect(result.excluded.map((z) => z.clusterId).sort()).toEqual(["s", "x"])
    expect(result.weighting.ahp).toBeDefined()
    expect(result.clusters.find((c) => c.clusterId === "a")!.stars).not.toBeNull()
    described(AssessmentResult, result)
    const report = assessmentReport({
      scheme,
      schemeFrom: "file",
      checksum: "x",
      ...assessed,
      source: "store",
      demo: false,
      run: { id: "run_1", published: false, createdAt: "2026-01-01T00:00:00.000Z" },
    })
    const wire = described(AssessmentReport, report)
    // The wire is snake_case throughout: fields the TypeScript side names in camelCase are renamed.
    expect(wire.run).toEqual({ id: "run_1", published: false, created_at: "2026-01-01T00:00:00.000Z" })
    expect((wire.weighting as { ahp: Record<string, unknown> }).ahp).toHaveProperty("lambda_max")
    expect((wire.groups as Array<{ ranking: Array<Record<string, unknown>> }>)[0]!.ranking[0]).toHaveProperty("cluster_id")
    const rankings = described(RankingsDocument, rankingsDocument({ id: "run_1", scheme: scheme.id, period: "2025", published: true, result }, "county"))
    expect((rankings.groups as unknown[]).length).toBe(1)
  })

  it("describe the judgement documents completely", () => {
    described(CertificationDocument, certificationDocument(data, { period: "2025" }))
    const stage = described(StageDocument, stageDocument(data, { period: "2025" }))
    expect((stage.results as Array<Record<string, unknown>>)[0]).toHaveProperty("stage_decided_by")
    described(DiagnosisDocument, diagnosisDocument(data, { period: "2025" }))
    described(DiagnosisDocument, diagnosisDocument(data, { period: "2025", cluster: "a" }))
    described(IncentiveDocument, incentiveDocument(data, { rule: "full_refund", from: 2010, to: 2011, cluster: "a", share: 0.25 }))
    described(IncentiveDocument, incentiveDocument(data, { share: 0.25, rule: "full_refund_then_yoy" }))
    const targets = described(TargetsDocument, targetsDocument(data, { set: "hengshui", period: "2025", region: "410621", targetYear: 2027 }))
    expect(targets).toMatchObject({ set_id: "hengshui", target_year: 2027, years_left: 2 })
    expect((targets.targets as Array<Record<string, unknown>>)[0]).toMatchObject({ due_year: 2027, years_left: 2, source: { kind: "document" } })
    described(TargetsDocument, targetsDocument(data, { set: "dalian", period: "2025" }))
    described(TargetsDocument, targetsDocument(data, { set: "county_services", period: "2025" }))
  })

  it("keeps record keys (indicator codes, taxes) as data and refuses camelCase on the way in", () => {
    const doc = incentiveDocument(data, { rule: "full_refund", from: 2010, to: 2010, cluster: "a", share: 0.25 })
    const wire = wireDocument(IncentiveDocument, doc) as { results: Array<{ years: Array<{ taxes: Record<string, unknown> }> }> }
    expect(Object.keys(wire.results[0]!.years[0]!.taxes)).toEqual(["vat", "business_tax", "corporate_income_tax"])
    expect(() => fromWire(TargetsDocument, { setId: "x" })).toThrow(/set_id/)
    expect(toWire(TargetsDocument, { yearsLeft: 1 })).toEqual({ years_left: 1 })
  })
})

describe("the certification table and the diagnosis rules", () => {
  it("chooses the city table for city-level zones and the county table otherwise, unless one is named", () => {
    expect(certificationTableOf({ level: "city" })?.id).toBe("city-service-agglomeration")
    expect(certificationTableOf({ level: "county" })?.id).toBe("county-service-agglomeration")
    // No table for a provincial-level zone or an unknown level, unless one is chosen.
    expect(certificationTableOf({})).toBeUndefined()
    expect(certificationTableOf({ level: "provincial" })).toBeUndefined()
    expect(certificationTableOf({ level: "city" }, "county")?.id).toBe("county-service-agglomeration")
    expect(certificationTableOf({ level: "county" }, "city")?.id).toBe("city-service-agglomeration")
  })

  it("keeps the diagnosis rules as data a Schema decodes, each with its sources", () => {
    const decoded = Schema.decodeUnknownSync(Schema.Array(ProblemDefinition))(JSON.parse(JSON.stringify(defaultProblemCatalogue)))
    expect(decoded).toEqual(defaultProblemCatalogue)
    for (const p of decoded) expect(p.sources.length, p.id).toBeGreaterThan(0)
  })
})
