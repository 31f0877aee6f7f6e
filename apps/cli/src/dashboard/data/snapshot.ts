import { type AssessmentResult, builtInSchemes } from "@jiju/domain/assessment"
import { type Bilingual, frequencyOf, type Observation, previousPeriod } from "@jiju/domain/model"
import type { DashboardRegister, DashboardSource } from "../sources/DashboardSource.js"
import { mark } from "../timing.js"

/** Province-wide totals of the latest period (sums over the zones that reported). */
export interface ProvinceTotals {
  readonly zones: number
  /** 营业收入: main business revenue plus service zones' operating revenue, 亿元. */
  readonly revenue: number
  readonly revenueGrowth: number | null
  /** 固定资产投资, 亿元. */
  readonly investment: number
  readonly investmentGrowth: number | null
  /** 从业人员, 万人. */
  readonly employment: number
  readonly employmentGrowth: number | null
}

/** A scheme the overview can show: its id and name. */
export interface DashboardScheme {
  readonly id: string
  readonly name: Bilingual
}

/** Everything the screens share, read once at start (and again when the scheme changes). */
export interface Snapshot {
  readonly register: DashboardRegister
  /** The latest period with data, or null for an empty store. */
  readonly period: string | null
  readonly previous: string | null
  readonly scheme: DashboardScheme
  readonly result: AssessmentResult | null
  /** Where the ranking came from: a stored run, or a preview the application core computed from the observations. */
  readonly resultFrom: "stored" | "computed" | "none"
  readonly totals: ProvinceTotals
  /** True when any zone or value is generated demo data. */
  readonly isDemo: boolean
  /** Milliseconds spent loading. */
  readonly loadMs: number
  /**
   * True for the snapshot kept when the dashboard last closed the store (its files unchanged since), shown until
   * the store has opened and the core answers again (data/snapshotCache.ts).
   */
  readonly kept?: boolean
}

/** The schemes the overview can show, in the order `s` cycles through them. */
export const dashboardSchemes: ReadonlyArray<DashboardScheme> = Object.values(builtInSchemes).map((s) => ({ id: s.id, name: s.name }))

// The totals' indicators: 营业收入 (main business revenue, or a service zone's operating revenue), 固定资产投资, 从业人员.
const REVENUE = ["revenue", "operating_revenue"]
const TOTALS = [...REVENUE, "fixed_investment", "employment"]

const sumOf = (rows: ReadonlyArray<Observation>, ids: ReadonlySet<string>, codes: ReadonlyArray<string>, period: string | null) => {
  let sum = 0
  let count = 0
  if (period === null) return { sum, count }
  for (const o of rows)
    if (o.period === period && o.target.kind === "cluster" && ids.has(o.target.id) && codes.includes(o.indicator)) {
      sum += o.value
      count++
    }
  return { sum, count }
}

const growth = (now: number, before: { sum: number; count: number }) => (before.count > 0 && before.sum > 0 ? now / before.sum - 1 : null)

/**
 * Province totals of zones, revenue, investment and employment for a period (sums over the zones that reported),
 * with growth on the previous one.
 * @example provinceTotals(rows, ["a", "b"], "2025", "2024").revenue
 */
export const provinceTotals = (
  rows: ReadonlyArray<Observation>,
  ids: ReadonlyArray<string>,
  period: string | null,
  previous: string | null,
): ProvinceTotals => {
  const zones = new Set(ids)
  const r = sumOf(rows, zones, REVENUE, period)
  const i = sumOf(rows, zones, ["fixed_investment"], period)
  const e = sumOf(rows, zones, ["employment"], period)
  return {
    zones: ids.length,
    revenue: r.sum,
    revenueGrowth: growth(r.sum, sumOf(rows, zones, REVENUE, previous)),
    investment: i.sum,
    investmentGrowth: growth(i.sum, sumOf(rows, zones, ["fixed_investment"], previous)),
    employment: e.sum,
    employmentGrowth: growth(e.sum, sumOf(rows, zones, ["employment"], previous)),
  }
}

/**
 * Read the register, the latest ranking and the province totals: the ranking is the application core's — the
 * stored run when there is one, else its preview of the period (the same as GET /v1/assessments/preview).
 * @example const snap = await loadSnapshot(source); snap.result?.groups[0]?.ranking[0]?.name
 */
export const loadSnapshot = async (source: DashboardSource, scheme: DashboardScheme = dashboardSchemes[0]!): Promise<Snapshot> => {
  const started = performance.now()
  const register = await source.register()
  mark("register read")
  // The latest year when there is one: a half-year (2025H1) sorts after its year but holds part of it, on few indicators.
  const period = register.periods.filter((p) => frequencyOf(p) === "year").at(-1) ?? register.periods.at(-1) ?? null
  const previous = period === null ? null : previousPeriod(period)
  const live = register.clusters.filter((c) => c.archivedAt === null)
  const [rows, ranking] =
    period === null
      ? [[], null]
      : await Promise.all([source.observations({ from: previous!, to: period, indicators: TOTALS }), source.ranking(scheme.id, period)])
  mark("snapshot read")
  return {
    register,
    period,
    previous,
    scheme,
    result: ranking?.result ?? null,
    resultFrom: ranking?.from ?? "none",
    totals: provinceTotals(
      rows,
      live.map((c) => c.id),
      period,
      previous,
    ),
    isDemo: live.some((c) => c.isDemo) || rows.some((o) => o.isDemo),
    loadMs: performance.now() - started,
  }
}
