import { seededRandom } from "@jiju/domain/econometrics"
import { describe, expect, it } from "vitest"
import { demoClusters } from "../src/demo/demoClusters.js"
import { DEMO_SOURCE, demoObservations } from "../src/demo/demoObservations.js"
import { henanRegions } from "../src/demo/henanRegions.js"
import { demoData } from "../src/demo/loadDemo.js"

describe("the demo's inputs to the judgements", () => {
  const d = demoData()
  const obs = (indicator: string, period: string) => d.observations.filter((o) => o.indicator === indicator && o.period === period)
  const key = (o: { target: { id: string }; period: string }) => `${o.target.id}|${o.period}`

  it("leave the yearly panel as it was: the judgements' inputs draw from a stream of their own", () => {
    const rng = seededRandom(2009)
    const panel = demoObservations(demoClusters(henanRegions(), rng), rng).observations
    expect(d.observations.slice(0, panel.length)).toEqual(panel)
    expect(d.observations.slice(panel.length).every((o) => o.isDemo === true && o.source === DEMO_SOURCE)).toBe(true)
  })

  it("split 税收 into the incentive's three taxes 2009–2015, one zone in 25 without 2011's corporate income tax", () => {
    const tax = new Map(d.observations.filter((o) => o.indicator === "tax_total").map((o) => [key(o), o.value]))
    const vat = obs("vat", "2010")
    // The industrial zones from 2009, the service zones from their first year, 2012.
    expect(vat.length).toBe(d.clusters.filter((c) => c.kind === "industrial").length)
    expect(obs("vat", "2012").length).toBe(d.clusters.length)
    for (const v of vat) {
      const bt = obs("business_tax", "2010").find((o) => o.target.id === v.target.id)!
      const cit = obs("corporate_income_tax", "2010").find((o) => o.target.id === v.target.id)!
      expect(v.value + bt.value + cit.value).toBeCloseTo(tax.get(key(v))!, 1)
    }
    expect(obs("vat", "2016")).toEqual([])
    // Zones with 2011's VAT but no corporate income tax: the year is missing for the incentive, never zero.
    const cit = new Set(obs("corporate_income_tax", "2011").map((o) => o.target.id))
    const missing = obs("vat", "2011").filter((o) => !cit.has(o.target.id))
    expect(missing.length).toBeGreaterThanOrEqual(5)
    expect(missing.length).toBeLessThanOrEqual(8)
  })

  it("report the half-year 2025H1: investment and 新开工工业项目, nine zones with none, 宝山 among them (篇8)", () => {
    const projects = obs("new_projects", "2025H1")
    const industrial = d.clusters.filter((c) => c.kind === "industrial")
    expect(projects.length).toBe(industrial.length)
    const none = projects.filter((o) => o.value === 0).map((o) => o.target.id)
    expect(none).toHaveLength(9)
    expect(none).toContain("hb-baoshan")
    expect(obs("fixed_investment", "2025H1").length).toBe(industrial.length)
    expect(obs("infrastructure_investment", "2025H1").length).toBe(industrial.length)
    // Half a year is less than the year.
    const year = new Map(obs("fixed_investment", "2025").map((o) => [o.target.id, o.value]))
    for (const o of obs("fixed_investment", "2025H1")) expect(o.value).toBeLessThan(year.get(o.target.id)!)
  })

  it("give the targets and the stages what they read: gross output, regions' GDP and output, LQ, brands, associations", () => {
    expect(obs("gross_output", "2025").length).toBeGreaterThan(150)
    const regionGdp = obs("gdp", "2025").filter((o) => o.target.kind === "region")
    expect(regionGdp.map((o) => o.target.id)).toContain("410000")
    expect(regionGdp.map((o) => o.target.id)).toContain("410621")
    expect(obs("gross_output", "2025").some((o) => o.target.kind === "region" && o.target.id === "410600")).toBe(true)
    const lq = obs("leading_industry_lq", "2025")
    expect(lq.length).toBeGreaterThan(150)
    expect(lq.every((o) => o.value > 1)).toBe(true)
    const brands = new Map(obs("brands", "2024").map((o) => [o.target.id, o.value]))
    for (const o of obs("brands", "2025")) expect(o.value).toBeGreaterThanOrEqual(brands.get(o.target.id)!)
    const associations = d.facts.filter((f) => f.fact === "industry_association")
    expect(associations.some((f) => f.value)).toBe(true)
    expect(associations.some((f) => !f.value)).toBe(true)
    expect(associations.length).toBeLessThan(d.clusters.filter((c) => c.kind === "industrial").length)
  })
})
