import { describe, expect, it } from "vitest"
import { certify, cityServiceCertification, countyServiceCertification } from "../../src/assessment/index.js"

const allFacts = () => true
const subject = (form: string, values: Record<string, number>, fact: (id: string) => boolean | undefined = allFacts) => ({
  form,
  value: (c: string) => values[c],
  fact: (id: string) => (id.startsWith("approved_by") ? false : fact(id)),
})

describe("county service agglomeration certification (篇10)", () => {
  it("exactly 1.4万 m² passes '1.4万平方米以上' (≥)", () => {
    const r = certify(countyServiceCertification, subject("software_park", { floor_area: 1.4, specialised_firms: 7, operating_revenue: 1.5 }))
    expect(r.status).toBe("certified")
    expect(r.certified).toBe(true)
  })

  it("revenue of exactly 5.6亿 FAILS '超过5.6亿元' (>), with shortfall 0 and a note", () => {
    const r = certify(countyServiceCertification, subject("cbd", { floor_area: 1.4, firms: 10, operating_revenue: 5.6 }))
    expect(r.status).toBe("not_certified")
    expect(r.failed).toHaveLength(1)
    expect(r.failed[0]).toMatchObject({ id: "revenue", op: ">", required: 5.6, actual: 5.6, shortfall: 0 })
    expect(r.failed[0]!.note!.zh).toContain("等于不符合")
    expect(r.text.zh).toContain("年营业收入超过5.6亿元")
  })

  it("reports each failed condition's requirement, actual value and shortfall", () => {
    const r = certify(countyServiceCertification, subject("tech_startup_park", { floor_area: 1.2, firms: 14, operating_revenue: 0.5 }))
    expect(r.failed.map((f) => f.id)).toEqual(["floor_area", "revenue"])
    expect(r.failed[0]!.shortfall).toBeCloseTo(0.2, 12)
    expect(r.failed[1]).toMatchObject({ required: 0.7, actual: 0.5 })
    expect(r.failed[1]!.shortfall).toBeCloseTo(0.2, 12)
    // 7千万元以上 is ≥: exactly 0.7 passes.
    expect(certify(countyServiceCertification, subject("tech_startup_park", { floor_area: 1.4, firms: 14, operating_revenue: 0.7 })).certified).toBe(true)
  })

  it("every zone also needs its plan, a management body and public-service capacity", () => {
    const r = certify(
      countyServiceCertification,
      subject("creative_park", { floor_area: 2, firms: 9, operating_revenue: 0.35 }, (id) => id !== "management_body"),
    )
    expect(r.status).toBe("not_certified")
    expect(r.failed.map((f) => f.id)).toEqual(["management_body"])
  })

  it("science and education: 4 schools, 2万 students, 7 projects, all ≥", () => {
    expect(certify(countyServiceCertification, subject("science_education", { schools: 4, students: 2, service_projects: 7 })).certified).toBe(true)
    expect(certify(countyServiceCertification, subject("science_education", { schools: 3, students: 2, service_projects: 7 })).failed[0]!.shortfall).toBe(1)
  })

  it("missing data makes the answer incomplete, never a pass or a fail by zero", () => {
    const r = certify(countyServiceCertification, subject("trading_market", { operating_area: 15 }))
    expect(r.status).toBe("incomplete")
    expect(r.unknown.map((u) => u.id)).toEqual(["revenue"])
  })

  it("a park approved higher up is certified directly", () => {
    const r = certify(countyServiceCertification, { form: "logistics_park", value: () => undefined, fact: (id) => id === "approved_by_higher_level" })
    expect(r).toMatchObject({ status: "certified", direct: true })
  })

  it("an unknown form is an error", () => {
    expect(() => certify(countyServiceCertification, subject("space_port", {}))).toThrow(/space_port/)
  })
})

describe("city certification (篇9)", () => {
  it("1万 m² and 30 firms pass exactly (以上 = ≥); 29 firms fail by 1", () => {
    expect(certify(cityServiceCertification, subject("cbd", { floor_area: 1, firms: 30 })).certified).toBe(true)
    const r = certify(cityServiceCertification, subject("cbd", { floor_area: 1, firms: 29 }))
    expect(r.failed).toHaveLength(1)
    expect(r.failed[0]).toMatchObject({ id: "firms", required: 30, actual: 29, shortfall: 1 })
  })
})
