import { describe, expect, it } from "vitest"
import { type CertificationTableName, certificationDocument, certificationPeriodRange } from "../../src/assessment/index.js"
import { dataOf, inputErrorOf, type Value } from "./documentData.js"

// Two CBDs and an industrial zone. The county table asks a CBD for ≥ 1.4万 m², ≥ 10 firms and revenue above 5.6亿
// plus three yes/no conditions; the city table for ≥ 1万 m², ≥ 30 firms and its own yes/no conditions.
const zones = [
  { id: "cbd-county", name: "县中央商务区", group: "county" as const, form: "cbd" as const, level: "county" as const },
  { id: "cbd-city", name: "市中央商务区", group: "urban_district" as const, form: "cbd" as const, level: "city" as const },
  { id: "ind", name: "产业集聚区", group: "county" as const, form: null },
]
const cbd = (id: string, floor: number, firms: number, revenue: number): Value[] => [
  [id, "2025", "floor_area", floor],
  [id, "2025", "firms", firms],
  [id, "2025", "operating_revenue", revenue],
]
const facts = ["positioning_plan", "management_body", "public_service"].map((fact) => ({ clusterId: "cbd-county", fact, period: "2025", value: true }))
const data = dataOf(zones, [...cbd("cbd-county", 1.4, 10, 5.7), ...cbd("cbd-city", 1.4, 12, 8), ["ind", "2025", "revenue", 50]], { facts })

describe("certificationDocument", () => {
  it("is the period, where the data came from and one result per zone with a service form", () => {
    const doc = certificationDocument(data, { period: "2025" })
    expect(Object.keys(doc)).toEqual(["period", "source", "demo", "results", "rules"])
    expect(doc).toMatchObject({ period: "2025", source: "store", demo: false })
    expect(doc.results.map((r) => r.id)).toEqual(["cbd-county", "cbd-city"])
    for (const r of doc.results) expect(r).toMatchObject({ id: r.id, name: zones.find((z) => z.id === r.id)!.name })
  })

  it("certifies a county CBD exactly at 1.4万 m² and 10 firms with revenue above 5.6亿", () => {
    const [county] = certificationDocument(data, { period: "2025", cluster: "cbd-county" }).results
    expect(county).toMatchObject({ table: "county-service-agglomeration", status: "certified", certified: true, failed: [], unknown: [] })
  })

  it("judges a city-level zone by the city table unless a table is chosen", () => {
    const byDefault = certificationDocument(data, { period: "2025", cluster: "cbd-city" }).results[0]!
    expect(byDefault.table).toBe("city-service-agglomeration")
    // 12 firms are short of the city's 30.
    expect(byDefault.failed.map((o) => [o.id, o.shortfall])).toEqual([["firms", 18]])
    const county = certificationDocument(data, { period: "2025", cluster: "cbd-city", table: "county" }).results[0]!
    expect(county.table).toBe("county-service-agglomeration")
    expect(county.failed).toEqual([])
    // Nothing states its county-table yes/no conditions: incomplete, not certified by default.
    expect(county.status).toBe("incomplete")
  })

  it("checks the options before anything is loaded", () => {
    expect(certificationPeriodRange({ period: "2025", table: "city" })).toEqual({ from: "2025", to: "2025" })
    const table = inputErrorOf(() => certificationPeriodRange({ period: "2025", table: "province" as CertificationTableName }))
    expect(table).toMatchObject({ code: "bad_option", issues: [{ column: "table", value: "province" }] })
    expect(table.message).toContain("county or city")
    expect(table.zh).toContain("county")
    const period = inputErrorOf(() => certificationDocument(data, { period: "25" }))
    expect(period).toMatchObject({ code: "bad_option", issues: [{ column: "period" }] })
  })

  it("names an unknown zone, a period without data, and a zone the table has no conditions for", () => {
    expect(inputErrorOf(() => certificationDocument(data, { period: "2025", cluster: "nope" })).code).toBe("unknown_cluster")
    const period = inputErrorOf(() => certificationDocument(data, { period: "2024" }))
    expect(period.code).toBe("unknown_period")
    expect(period.message).toContain("2025")
    expect(period.zh).toContain("2025")
    expect(inputErrorOf(() => certificationDocument(data, { period: "2025", cluster: "ind", table: "county" })).code).toBe("unknown_form")
    // A zone whose level the register does not give gets no table unless one is chosen.
    expect(certificationDocument(data, { period: "2025", cluster: "ind" }).results[0]).toMatchObject({ status: "no_table", table: null, level: null })
  })
})
