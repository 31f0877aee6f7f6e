import type { Random } from "@jiju/domain/econometrics"
import type { IndicatorCode } from "@jiju/domain/model"
import type { ObservationInput } from "../repos/observations.js"
import type { DemoCluster } from "./demoClusters.js"

/** The provenance every generated value carries. */
export const DEMO_SOURCE = "demo (synthetic)"
export const DEMO_SUBMITTER = "demo"

/** First and last year of the demo panel. */
export const DEMO_FIRST_YEAR = 2009
export const DEMO_LAST_YEAR = 2025

/**
 * Common growth of zone revenue by year (log points): fast build-up after 2009, slowing through the 2010s, the 2020
 * dip and the 2021 rebound. See README.md.
 */
export const BASE_GROWTH: Readonly<Record<number, number>> = {
  2010: 0.22,
  2011: 0.2,
  2012: 0.17,
  2013: 0.15,
  2014: 0.12,
  2015: 0.1,
  2016: 0.09,
  2017: 0.08,
  2018: 0.07,
  2019: 0.06,
  2020: -0.03,
  2021: 0.12,
  2022: 0.05,
  2023: 0.06,
  2024: 0.06,
  2025: 0.055,
}

/** Indicators generated for industrial zones. */
export const INDUSTRIAL_INDICATORS = [
  "revenue",
  "industrial_value_added",
  "fixed_investment",
  "tax_total",
  "employment",
  "large_firms",
  "firms",
  "new_projects",
  "built_up_area",
  "investment_intensity",
  "standard_factory_area",
  "high_tech_firms",
  "patents_granted",
  "leading_industry_share",
  "local_supply_ratio",
  "energy_per_value_added",
  "sewage_treatment_rate",
  "infrastructure_investment",
  "output_intensity",
] as const

/** Indicators generated for modern service agglomerations. */
export const SERVICE_INDICATORS = [
  "operating_revenue",
  "value_added",
  "fixed_investment",
  "tax_total",
  "employment",
  "firms",
  "specialised_firms",
  "service_projects",
  "built_up_area",
  "floor_area",
] as const

const r2 = (x: number) => Math.round(x * 100) / 100
const r1 = (x: number) => Math.round(x * 10) / 10
const r3 = (x: number) => Math.round(x * 1000) / 1000
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))
const uniform = (rng: Random, lo: number, hi: number) => lo + (hi - lo) * rng.next()

/** The generated panel and the clusters completed with values derived from it (standard factory area). */
export interface DemoPanel {
  readonly clusters: ReadonlyArray<DemoCluster>
  readonly observations: ReadonlyArray<ObservationInput>
}

/**
 * Generate yearly observations 2009–2025 for the demo clusters with the seeded model of README.md.
 * Deterministic: the same clusters and random stream give the same values.
 */
export const demoObservations = (clusters: ReadonlyArray<DemoCluster>, rng: Random): DemoPanel => {
  // One common shock per year, shared by all zones.
  const yearShock = new Map<number, number>()
  for (let t = DEMO_FIRST_YEAR; t <= DEMO_LAST_YEAR; t++) yearShock.set(t, 0.02 * rng.normal())
  const out: ObservationInput[] = []
  const completed: DemoCluster[] = []
  for (const c of clusters) {
    const emit = (year: number, indicator: string, value: number) =>
      out.push({
        target: { kind: "cluster", id: c.id },
        period: String(year) as ObservationInput["period"],
        indicator: indicator as IndicatorCode,
        value,
        source: DEMO_SOURCE,
        submitter: DEMO_SUBMITTER,
        // Annual data are reported by the end of the first quarter of the next year.
        submittedAt: `${year + 1}-03-31T00:00:00.000Z`,
        note: null,
        isDemo: true,
      })
    const industrial = c.kind === "industrial"
    // Zone constants.
    let revenue = (industrial ? 30 : 12) * Math.exp(c.sizeEffect)
    const vaRate = industrial ? uniform(rng, 0.22, 0.3) : uniform(rng, 0.32, 0.45)
    const taxRate = industrial ? uniform(rng, 0.025, 0.05) : uniform(rng, 0.05, 0.08)
    const productivity0 = (industrial ? 80 : 40) * Math.exp(0.15 * rng.normal()) // 万元 per worker
    const firmSize0 = (industrial ? 1.0 : 0.05) * Math.exp(0.2 * rng.normal()) // 亿元 per (large) firm
    const firmsPerLarge = uniform(rng, 1.6, 3)
    const builtShare = uniform(rng, 0.75, 0.95)
    const techShare = Math.exp(0.2 * rng.normal())
    const energy0 = 1.1 * Math.exp(0.35 * rng.normal())
    const sewage0 = uniform(rng, 45, 80)
    const sewageSlope = uniform(rng, 1.5, 3.5)
    const leading0 = uniform(rng, 45, 70)
    const supply0 = uniform(rng, 20, 45)
    let cumulativeInvestment = 0
    let factoryArea = industrial ? uniform(rng, 2, 8) : 0
    for (let t = c.firstYear; t <= DEMO_LAST_YEAR; t++) {
      const age = t - DEMO_FIRST_YEAR
      if (t > c.firstYear) revenue *= Math.exp(BASE_GROWTH[t]! + yearShock.get(t)! + c.growthEffect + 0.05 * rng.normal())
      const investRatio = (0.6 - (0.35 * age) / 16) * Math.exp(0.1 * rng.normal())
      const investment = revenue * investRatio
      cumulativeInvestment += investment
      const productivity = productivity0 * 1.06 ** age
      const employment = revenue / productivity
      const builtUp = Math.min(c.plannedArea, c.plannedArea * builtShare * (0.25 + 0.75 / (1 + Math.exp(-(t - 2013) / 2.5))))
      if (industrial) {
        const largeFirms = Math.max(3, Math.round(revenue / (firmSize0 * 1.07 ** age)))
        const highTech = Math.round(largeFirms * (0.02 + (0.18 * age) / 16) * techShare)
        factoryArea += investment * 0.1
        emit(t, "revenue", r2(revenue))
        emit(t, "industrial_value_added", r2(revenue * vaRate * Math.exp(0.02 * rng.normal())))
        emit(t, "fixed_investment", r2(investment))
        emit(t, "tax_total", r2(revenue * taxRate * Math.exp(0.05 * rng.normal())))
        emit(t, "employment", r3(employment))
        emit(t, "large_firms", largeFirms)
        emit(t, "firms", Math.round(largeFirms * firmsPerLarge))
        emit(t, "new_projects", Math.max(1, Math.round((investment / (2 * 1.05 ** age)) * Math.exp(0.2 * rng.normal()))))
        emit(t, "built_up_area", r2(builtUp))
        emit(t, "investment_intensity", r1((cumulativeInvestment * 1e4) / (builtUp * 1500)))
        emit(t, "standard_factory_area", r2(factoryArea))
        emit(t, "high_tech_firms", highTech)
        emit(t, "patents_granted", Math.round((highTech * 3 * 1.08 ** age + largeFirms * 0.2) * Math.exp(0.25 * rng.normal())))
        emit(t, "leading_industry_share", r1(clamp(leading0 + 0.8 * age + 1.5 * rng.normal(), 30, 95)))
        emit(t, "local_supply_ratio", r1(clamp(supply0 + 1.2 * age + 2 * rng.normal(), 10, 80)))
        emit(t, "energy_per_value_added", r3(energy0 * 0.955 ** age * Math.exp(0.04 * rng.normal())))
        emit(t, "sewage_treatment_rate", r1(clamp(sewage0 + sewageSlope * age + rng.normal(), 0, 99.5)))
        // Synthetic, and drawn from no random number (the values above stay as they were): the infrastructure share
        // of investment falls from 40 % as a zone is built out; output intensity is revenue per mu of built-up land.
        emit(t, "infrastructure_investment", r2(investment * (0.4 - (0.25 * age) / 16)))
        emit(t, "output_intensity", r1((revenue * 1e4) / (builtUp * 1500)))
      } else {
        const firms = Math.max(20, Math.round(revenue / (firmSize0 * 1.05 ** age)))
        emit(t, "operating_revenue", r2(revenue))
        emit(t, "value_added", r2(revenue * vaRate * Math.exp(0.02 * rng.normal())))
        emit(t, "fixed_investment", r2(investment))
        emit(t, "tax_total", r2(revenue * taxRate * Math.exp(0.05 * rng.normal())))
        emit(t, "employment", r3(employment))
        emit(t, "firms", firms)
        emit(t, "specialised_firms", Math.round(firms * 0.3 * Math.exp(0.1 * rng.normal())))
        emit(t, "service_projects", Math.max(1, Math.round((investment / 1.5) * Math.exp(0.2 * rng.normal()))))
        emit(t, "built_up_area", r2(builtUp))
        emit(t, "floor_area", r2(cumulativeInvestment * 0.8))
      }
    }
    completed.push({ ...c, standardFactoryArea: Math.round(factoryArea * 1e4) })
  }
  return { clusters: completed, observations: out }
}
