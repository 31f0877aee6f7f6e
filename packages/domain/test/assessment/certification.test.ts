import { describe, expect, it } from "vitest"
import { certificationTableOf, certify, cityServiceCertification, countyServiceCertification, noTableResult } from "../../src/assessment/index.js"

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

describe("the tables follow the documents' wording", () => {
  const every = [countyServiceCertification, cityServiceCertification].flatMap((t) => [
    ...t.commonConditions.map((c) => [t.id, c] as const),
    ...t.forms.flatMap((f) => f.conditions.map((c) => [`${t.id} ${f.form}`, c] as const)),
  ])

  it.each(every.map(([where, c]) => [`${where} ${c.id}`, c] as const))("%s: the operator is the quote's (以上 ≥, 超过 / 超 >)", (_name, c) => {
    expect(c.source.kind).toBe("document")
    const quote = c.source.quote!
    // The quote holds the requirement's number; 超 (more than) makes it strict, 以上 / 达到 / no qualifier not.
    expect(quote.includes("超") ? ">" : ">=").toBe(c.op)
    expect(c.requirement.zh.replace(/（|）/g, (x) => (x === "（" ? "(" : ")"))).toContain(
      quote.replace(/^经营方式先进的专业类市场/, "").replace(/^建筑面积1\.4万平方米以上.*/, "建筑面积1.4万平方米以上"),
    )
  })

  it.each(every.map(([where, c]) => [`${where} ${c.id}`, c] as const))("%s: at the threshold and just above it", (_name, c) => {
    const table = countyServiceCertification.forms.some((f) => f.conditions.includes(c)) ? countyServiceCertification : cityServiceCertification
    const form = table.forms.find((f) => f.conditions.includes(c))?.form ?? "cbd"
    const values = (x: number) => {
      const all: Record<string, number> = {}
      for (const k of [...table.commonConditions, ...(table.forms.find((f) => f.form === form)?.conditions ?? [])]) all[k.indicator] = k.threshold + 1
      all[c.indicator] = x
      return all
    }
    const at = certify(table, subject(form, values(c.threshold)))
    expect(at.status).toBe(c.op === ">=" ? "certified" : "not_certified")
    if (c.op === ">") expect(at.failed[0]).toMatchObject({ id: c.id, shortfall: 0 })
    expect(certify(table, subject(form, values(c.threshold + 1e-9))).status).toBe("certified")
    const below = certify(table, subject(form, values(c.threshold - 0.5)))
    expect(below.failed.map((o) => o.id)).toEqual([c.id])
    expect(below.failed[0]!.shortfall).toBeCloseTo(0.5, 12)
  })

  it("county: every yes/no condition and the trading market's qualifier are facts with their quotes", () => {
    expect(countyServiceCertification.common.map((f) => [f.id, f.source.quote])).toEqual([
      ["positioning_plan", "有明确的产业定位和空间布局规划"],
      ["management_body", "有专门的管理机构和专职的工作人员"],
      ["public_service", "有较为完善的公共服务能力"],
    ])
    const market = countyServiceCertification.forms.find((f) => f.form === "trading_market")!
    expect(market.facts.map((f) => f.id)).toEqual(["advanced_specialised_market"])
    const r = certify(
      countyServiceCertification,
      subject("trading_market", { operating_area: 14, operating_revenue: 11 }, (id) => id !== "advanced_specialised_market"),
    )
    expect(r.failed.map((o) => o.id)).toEqual(["advanced_specialised_market"])
    // Eight forms and the cultural-services zones (the tourism-and-culture row) all have conditions.
    expect(countyServiceCertification.forms.map((f) => f.form).sort()).toEqual(
      [
        "cbd",
        "creative_park",
        "cultural_services",
        "logistics_park",
        "science_education",
        "software_park",
        "tech_startup_park",
        "tourism_leisure",
        "trading_market",
      ].sort(),
    )
  })

  it("city: 篇9 items 1–3 in full, including public-service capacity and employment, and item 4 certifies directly", () => {
    expect(cityServiceCertification.common.map((f) => f.id)).toEqual([
      "in_approved_area",
      "layout_plans",
      "clear_boundaries",
      "location_route",
      "scale_and_character",
      "employment_absorbed",
      "management_body",
      "public_service",
      "upgrading",
    ])
    const noJobs = certify(
      cityServiceCertification,
      subject("cbd", { floor_area: 1, firms: 30 }, (id) => id !== "employment_absorbed"),
    )
    expect(noJobs.failed.map((o) => [o.id, o.source.quote])).toEqual([["employment_absorbed", "吸纳一定数量的从业人员"]])
    const unknownService = certify(
      cityServiceCertification,
      subject("cbd", { floor_area: 1, firms: 30 }, (id) => (id === "public_service" ? undefined : true)),
    )
    expect(unknownService.status).toBe("incomplete")
    expect(unknownService.unknown.map((o) => o.id)).toEqual(["public_service"])
    expect(certify(cityServiceCertification, { form: "cbd", value: () => undefined, fact: (id) => id === "approved_by_state_or_province" }).direct).toBe(true)
  })

  it("a provincial-level zone gets no table unless the commission chooses one; never the county table silently", () => {
    expect(certificationTableOf({ level: "provincial" })).toBeUndefined()
    expect(certificationTableOf({})).toBeUndefined()
    expect(certificationTableOf({ level: "provincial" }, "county")?.id).toBe("county-service-agglomeration")
    const r = noTableResult("cbd", "provincial")
    expect(r).toMatchObject({ status: "no_table", certified: false, failed: [], passed: [], unknown: [] })
    expect(r.text.zh).toContain("省级集聚区")
    expect(r.text.en).toContain("the commission chooses")
  })
})
