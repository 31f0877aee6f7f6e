import type { ZoneFactRecord } from "@jiju/domain/assessment"
import { type Random, seededRandom } from "@jiju/domain/econometrics"
import type { Cluster, IndicatorCode } from "@jiju/domain/model"
import type { ObservationInput } from "../repos/observations.js"
import { DEMO_LAST_YEAR, DEMO_SOURCE, DEMO_SUBMITTER } from "./demoObservations.js"

/** The half-year the demo reports, for the province's half-year positions (篇8). */
export const DEMO_HALF_YEAR = `${DEMO_LAST_YEAR}H1`

/** The years of the tax split: the incentive's base year 2009 to 2015 (营业税 ended with 2016's reform). */
const TAX_YEARS: { readonly from: number; readonly to: number } = { from: 2009, to: 2015 }

/** Zones without a 新开工工业项目 in the half year: 宝山 (named so in 篇8) and eight more, nine as in the document. */
const NO_NEW_PROJECTS = 9

/**
 * The inputs the judgements read that the yearly panel lacks, generated from it and from a stream of their own
 * (`seed` + 1, so the panel's values do not change): the three taxes of the fiscal incentive (2009–2015, one zone
 * in 25 without 2011's corporate income tax, to show a missing year), gross industrial output, infrastructure
 * investment, the leading industry's location quotient against national shares, brands (名牌及著名商标数), the
 * regions' GDP and industrial output (the targets' shares), the half-year {@link DEMO_HALF_YEAR} of investment and
 * 新开工工业项目 (nine zones with none), and industry-association facts. Synthetic and marked demo, as the panel.
 * @example demoJudgementInputs(clusters, observations, 2009).observations.some((o) => o.period === "2025H1") // true
 */
export const demoJudgementInputs = (
  clusters: ReadonlyArray<Cluster>,
  panel: ReadonlyArray<ObservationInput>,
  seed: number,
): { readonly observations: ReadonlyArray<ObservationInput>; readonly facts: ReadonlyArray<ZoneFactRecord> } => {
  const rng = seededRandom(seed + 1)
  const u = (lo: number, hi: number) => lo + (hi - lo) * rng.next()
  const value = new Map<string, number>()
  for (const o of panel) value.set(`${o.target.id}|${o.indicator}|${o.period}`, o.value)
  const get = (id: string, indicator: string, period: string | number) => value.get(`${id}|${indicator}|${period}`)
  const out: ObservationInput[] = []
  const emit = (kind: "cluster" | "region", id: string, period: string, indicator: string, v: number) =>
    out.push({
      target: { kind, id } as ObservationInput["target"],
      period: period as ObservationInput["period"],
      indicator: indicator as IndicatorCode,
      value: v,
      source: DEMO_SOURCE,
      submitter: DEMO_SUBMITTER,
      // A year is reported by the end of the next March, a half-year by the end of July.
      submittedAt: period.includes("H") ? `${period.slice(0, 4)}-07-31T00:00:00.000Z` : `${Number(period) + 1}-03-31T00:00:00.000Z`,
      note: null,
      isDemo: true,
    })
  const sorted = [...clusters].sort((a, b) => a.id.localeCompare(b.id))
  const industrial = sorted.filter((c) => c.kind === "industrial")
  const years = (from: number) => Array.from({ length: DEMO_LAST_YEAR - from + 1 }, (_, i) => from + i)

  // The three taxes of the incentive, splitting each zone's 税收.
  sorted.forEach((c, k) => {
    const vat = u(0.45, 0.6)
    const business = u(0.1, 0.2)
    for (let y = TAX_YEARS.from; y <= TAX_YEARS.to; y++) {
      const tax = get(c.id, "tax_total", y)
      if (tax === undefined) continue
      const v = r2(tax * vat)
      const b = r2(tax * business)
      emit("cluster", c.id, String(y), "vat", v)
      emit("cluster", c.id, String(y), "business_tax", b)
      if (!(k % 25 === 7 && y === 2011)) emit("cluster", c.id, String(y), "corporate_income_tax", r2(Math.max(0, tax - v - b)))
    }
  })

  // Industrial zones: gross output, infrastructure investment, the leading industry's LQ, brands.
  const region = new Map<string, number>()
  const addRegion = (code: string, indicator: string, year: number, v: number) => {
    const key = `${code}|${indicator}|${year}`
    region.set(key, (region.get(key) ?? 0) + v)
  }
  for (const c of industrial) {
    const outputRatio = u(1.02, 1.12)
    const infraShare = u(0.2, 0.35)
    // The leading industry's share of national industrial output, %: LQ = the zone's share over the nation's.
    const nationalShare = u(12, 30)
    let brands = Math.floor(u(0, 4))
    for (const y of years(2009)) {
      const revenue = get(c.id, "revenue", y)
      if (revenue === undefined) continue
      const output = r2(revenue * outputRatio)
      emit("cluster", c.id, String(y), "gross_output", output)
      const investment = get(c.id, "fixed_investment", y)
      if (investment !== undefined) {
        // The yearly panel holds infrastructure investment for industrial zones; the draw stays so that the rest of
        // this stream (and every value after it) is what it was.
        const infra = r2(investment * infraShare * u(0.9, 1.1))
        if (get(c.id, "infrastructure_investment", y) === undefined) emit("cluster", c.id, String(y), "infrastructure_investment", infra)
      }
      const leading = get(c.id, "leading_industry_share", y)
      if (leading !== undefined) emit("cluster", c.id, String(y), "leading_industry_lq", r3(leading / nationalShare))
      brands += Math.floor(u(0, 6))
      emit("cluster", c.id, String(y), "brands", brands)
      const va = get(c.id, "industrial_value_added", y)
      for (const code of containing(c.region)) {
        addRegion(code, "gross_output", y, output)
        if (va !== undefined) addRegion(code, "industrial_value_added", y, va)
      }
    }
  }
  // The regions' own figures: the zones' industrial output is 60–90 % of the region's, their value added 30–60 % of GDP.
  const regionShare = new Map<string, readonly [number, number]>()
  for (const [key, v] of [...region.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [code, indicator, year] = key.split("|") as [string, string, string]
    if (!regionShare.has(code)) regionShare.set(code, [u(0.6, 0.9), u(0.3, 0.6)])
    const [outputShare, gdpShare] = regionShare.get(code)!
    if (indicator === "gross_output") emit("region", code, year, "gross_output", r2(v / outputShare))
    else emit("region", code, year, "gdp", r2(v / gdpShare))
  }

  // The half-year: investment and 新开工工业项目, nine zones with none (宝山 among them, as 篇8 reports).
  const others = industrial.filter((c) => c.id !== "hb-baoshan")
  const none = new Set([...(industrial.some((c) => c.id === "hb-baoshan") ? ["hb-baoshan"] : []), ...pick(others, NO_NEW_PROJECTS - 1, rng).map((c) => c.id)])
  for (const c of industrial) {
    const investment = get(c.id, "fixed_investment", DEMO_LAST_YEAR)
    if (investment === undefined) continue
    const h1 = r2(investment * u(0.4, 0.55))
    emit("cluster", c.id, DEMO_HALF_YEAR, "fixed_investment", h1)
    emit("cluster", c.id, DEMO_HALF_YEAR, "infrastructure_investment", r2(h1 * u(0.2, 0.35)))
    const projects = get(c.id, "new_projects", DEMO_LAST_YEAR) ?? 0
    emit("cluster", c.id, DEMO_HALF_YEAR, "new_projects", none.has(c.id) ? 0 : Math.max(1, Math.round(projects * u(0.3, 0.6))))
  }

  // Industry associations (衡水's target): most zones have one, every seventh has none, every eleventh unrecorded.
  const facts: ZoneFactRecord[] = []
  industrial.forEach((c, i) => {
    if (i % 11 === 5) return
    facts.push({
      id: `demo-${c.id}-industry_association`,
      cluster: c.id,
      fact: "industry_association",
      value: i % 7 !== 3,
      asOf: "2014-12-31",
      evidence: "演示数据（合成） demo (synthetic)",
      status: "accepted",
      recordedBy: "demo",
      recordedAt: "2025-01-01T00:00:00.000Z",
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      isDemo: true,
    })
  })
  return { observations: out, facts }
}

const r2 = (x: number) => Math.round(x * 100) / 100
const r3 = (x: number) => Math.round(x * 1000) / 1000

/** The county, its city and its province (GB/T 2260 codes). */
const containing = (county: string): string[] => [county, `${county.slice(0, 4)}00`, `${county.slice(0, 2)}0000`]

/** `k` distinct zones drawn from `from`, in draw order. */
const pick = <T>(from: ReadonlyArray<T>, k: number, rng: Random): T[] => {
  const a = [...from]
  rng.shuffle(a, Math.min(k, a.length))
  return a.slice(0, Math.min(k, a.length))
}
