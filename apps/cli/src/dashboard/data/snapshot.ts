import {
  type AssessmentResult,
  type AssessmentScheme,
  assessmentInputFromRegister,
  builtInSchemes,
  diagnose,
  henan2017Scheme,
  type RegisterInput,
  runAssessment,
  type ZoneDiagnosis,
} from "@jiju/domain/assessment"
import { previousPeriod } from "@jiju/domain/model"
import type { DashboardRegister, DashboardSource } from "../sources/DashboardSource.js"

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

/** Everything the screens share, read once at start (and again when the scheme changes). */
export interface Snapshot {
  readonly register: DashboardRegister
  /** The latest period with data, or null for an empty store. */
  readonly period: string | null
  readonly previous: string | null
  readonly scheme: AssessmentScheme
  readonly result: AssessmentResult | null
  /** Where the ranking came from: a stored run, or computed here from observations. */
  readonly resultFrom: "stored" | "computed" | "none"
  readonly totals: ProvinceTotals
  /** True when any zone or value is generated demo data. */
  readonly isDemo: boolean
  /** The latest and previous periods' observations as the assessment functions read them. */
  readonly input: RegisterInput
  /** Diagnoses of every zone for the period, computed on first use. */
  diagnoses(): ReadonlyArray<ZoneDiagnosis>
  /** Milliseconds spent loading. */
  readonly loadMs: number
}

/** The schemes the overview can show, in the order `s` cycles through them. */
export const dashboardSchemes: ReadonlyArray<AssessmentScheme> = Object.values(builtInSchemes)

const sumOf = (input: RegisterInput, ids: ReadonlyArray<string>, codes: ReadonlyArray<string>, period: string | null) => {
  if (period === null) return { sum: 0, count: 0 }
  let sum = 0
  let count = 0
  for (const id of ids)
    for (const code of codes) {
      const v = input.value(id, code, period)
      if (v !== undefined) {
        sum += v
        count++
      }
    }
  return { sum, count }
}

const growth = (now: number, before: { sum: number; count: number }) => (before.count > 0 && before.sum > 0 ? now / before.sum - 1 : null)

/**
 * Province totals of zones, revenue, investment and employment for a period, with growth on the previous one.
 * @example provinceTotals(input, ["a", "b"], "2025", "2024").revenue
 */
export const provinceTotals = (input: RegisterInput, ids: ReadonlyArray<string>, period: string | null, previous: string | null): ProvinceTotals => {
  const rev = ["revenue", "operating_revenue"]
  const r = sumOf(input, ids, rev, period)
  const i = sumOf(input, ids, ["fixed_investment"], period)
  const e = sumOf(input, ids, ["employment"], period)
  return {
    zones: ids.length,
    revenue: r.sum,
    revenueGrowth: growth(r.sum, sumOf(input, ids, rev, previous)),
    investment: i.sum,
    investmentGrowth: growth(i.sum, sumOf(input, ids, ["fixed_investment"], previous)),
    employment: e.sum,
    employmentGrowth: growth(e.sum, sumOf(input, ids, ["employment"], previous)),
  }
}

/**
 * Read the register and the latest two periods, and get the latest ranking: the stored run when there is one,
 * else computed with the domain's runAssessment (the previous period first, for rank changes).
 * @example const snap = await loadSnapshot(source); snap.result?.groups[0]?.ranking[0]?.name
 */
export const loadSnapshot = async (source: DashboardSource, scheme: AssessmentScheme = henan2017Scheme): Promise<Snapshot> => {
  const started = performance.now()
  const register = await source.register()
  const period = register.periods.at(-1) ?? null
  const previous = period === null ? null : previousPeriod(period)
  const live = register.clusters.filter((c) => c.archivedAt === null)
  const [observations, stored] =
    period === null ? [[], undefined] : await Promise.all([source.observations({ from: previous!, to: period }), source.storedAssessment(scheme.id, period)])
  const input = assessmentInputFromRegister(live, observations)
  let result: AssessmentResult | null = stored ?? null
  let resultFrom: Snapshot["resultFrom"] = stored ? "stored" : "none"
  if (!result && period !== null && observations.length > 0) {
    const before = observations.some((o) => o.period === previous) ? runAssessment(scheme, input, previous!) : undefined
    result = runAssessment(scheme, input, period, before)
    resultFrom = "computed"
  }
  let diagnoses: ReadonlyArray<ZoneDiagnosis> | undefined
  return {
    register,
    period,
    previous,
    scheme,
    result,
    resultFrom,
    totals: provinceTotals(
      input,
      live.map((c) => c.id),
      period,
      previous,
    ),
    isDemo: live.some((c) => c.isDemo) || observations.some((o) => o.isDemo),
    input,
    diagnoses: () => (diagnoses ??= period === null ? [] : diagnose(input, period)),
    loadMs: performance.now() - started,
  }
}
