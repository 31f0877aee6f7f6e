/**
 * Indicators the project register gives for a zone and a period, marked "derived from projects" (由项目库推算):
 * 新开工项目数, 亿元以上项目数, fixed-asset investment from the weekly reports, investment intensity. They are shown
 * beside any value the zone submitted; a difference is a conflict to look at, never a replacement. An assessment may
 * use them where no value was submitted.
 */
import * as Schema from "effect/Schema"
import type { ValueLookup } from "../assessment/AssessmentInput.js"
import type { Bilingual } from "../model/errors.js"
import { frequencyOf, Period, previousPeriod, yearOf } from "../model/Period.js"
import type { ProjectFacts, ReportFacts } from "./Findings.js"
import { ProjectId } from "./Project.js"
import { type ProjectRuleSource, projectDefault, projectDocumentSource } from "./ProjectRuleSource.js"
import { milestonesOf } from "./ProjectStatus.js"
import { weekMonday } from "./Week.js"

/** The indicators the register derives, by catalogue code. */
export const DerivedIndicator = Schema.Literals(["new_projects", "major_projects", "fixed_investment", "investment_intensity"])
export type DerivedIndicator = typeof DerivedIndicator.Type

/** How each indicator is derived, and its source. */
export const derivedMethods: Record<DerivedIndicator, Bilingual & { readonly source: ProjectRuleSource }> = {
  new_projects: {
    zh: "期内开工的项目数（各类项目）",
    en: "projects that started (开工) within the period, of every type",
    source: projectDefault(
      "新开工项目数 counts projects of every type whose 开工 day falls in the period (seed 002 篇8 counts 新开工工业项目 the same way)",
      "新开工项目数：开工日期在期内的各类项目（seed 002 篇8 以同样方式统计新开工工业项目）",
    ),
  },
  major_projects: {
    zh: "总投资 1 亿元及以上、期内在建的项目数",
    en: "projects of 100m yuan (1亿) total investment or more under construction at some time in the period",
    source: projectDocumentSource("seed 002 篇5 二 3", "今年新上在建固定资产投资1000万元以上工业项目21个,其中超亿元项目1个"),
  },
  fixed_investment: {
    zh: "各项目累计完成投资在期末与上期末之差之和（亿元）",
    en: "the sum over projects of investment to date at the period's end less that at the previous period's end (亿元)",
    source: projectDefault(
      "investment completed in the period, from the weekly reports' investment to date (a week counts in the period its Monday falls in)",
      "期内完成投资：按周报的累计完成投资计算（一周计入其周一所在的期间）",
    ),
  },
  investment_intensity: {
    zh: "期末持有土地项目的累计完成投资之和 ÷ 其用地之和（万元/亩）",
    en: "investment to date over land (万元/亩), over the projects holding land at the period's end that have reported",
    source: projectDefault(
      "投资强度 as investment completed per 亩 of land held (seed 002 篇5 三 writes 投资强度 into the contract)",
      "投资强度：每亩持有土地的累计完成投资（seed 002 篇5 三 将投资强度写进合同）",
    ),
  },
}

/** The provenance every derived value carries. */
export const DERIVED_PROVENANCE = "derived_from_projects" as const

/** A value derived from the register. */
export const DerivedValue = Schema.Struct({
  cluster: Schema.String,
  period: Period,
  indicator: DerivedIndicator,
  value: Schema.Finite,
  provenance: Schema.Literal(DERIVED_PROVENANCE),
  /** The projects counted or summed. */
  basis: Schema.Array(ProjectId),
})
export type DerivedValue = typeof DerivedValue.Type

/**
 * The first and last day of a period of the grammar (year, half-year, quarter, month).
 * @example periodDays("2025Q2") // { from: "2025-04-01", to: "2025-06-30" };  periodDays("2025H2").from // "2025-07-01"
 */
export const periodDays = (period: string): { readonly from: string; readonly to: string } => {
  const y = yearOf(period)
  const last = (m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
  const first = (m: number) => `${y}-${String(m).padStart(2, "0")}-01`
  switch (frequencyOf(period)) {
    case "year":
      return { from: first(1), to: last(12) }
    case "half": {
      const h = Number(period.slice(5))
      return { from: first(h * 6 - 5), to: last(h * 6) }
    }
    case "quarter": {
      const q = Number(period.slice(5))
      return { from: first(q * 3 - 2), to: last(q * 3) }
    }
    case "month": {
      const m = Number(period.slice(5))
      return { from: first(m), to: last(m) }
    }
  }
}

/** The least total investment of a 亿元以上 project (万元). */
export const MAJOR_PROJECT_WAN = 10_000

/**
 * Derive the register's indicators for one period (year, quarter or month), for every zone with a project signed by
 * the period's end: 新开工项目数 and 亿元以上项目数 always (0 is a finding), fixed investment when a project of the
 * zone has reported by then, investment intensity when such projects hold land. Sorted by zone, then indicator.
 * @example deriveIndicators(projects, reports, "2025").filter((v) => v.indicator === "new_projects")
 */
export const deriveIndicators = (
  projects: ReadonlyArray<ProjectFacts & { readonly totalInvestment: number }>,
  reports: ReadonlyArray<ReportFacts>,
  period: string,
): ReadonlyArray<DerivedValue> => {
  const { from, to } = periodDays(period)
  const prevEnd = periodDays(previousPeriod(period)).to
  // Investment to date of each project at a day: its latest report whose week began by then.
  const toDate = new Map<string, Array<{ monday: string; value: number }>>()
  for (const r of reports) {
    const list = toDate.get(r.project) ?? []
    list.push({ monday: weekMonday(r.week), value: r.investmentToDate })
    toDate.set(r.project, list)
  }
  for (const list of toDate.values()) list.sort((a, b) => (a.monday < b.monday ? -1 : 1))
  const investedBy = (project: string, day: string): number | undefined => {
    let v: number | undefined
    for (const x of toDate.get(project) ?? []) if (x.monday <= day) v = x.value
    return v
  }
  const zones = new Map<string, Array<ProjectFacts & { readonly totalInvestment: number }>>()
  for (const p of projects) {
    const signed = p.history.find((h) => h.status === "signed")?.on
    if (signed === undefined || signed > to) continue
    const list = zones.get(p.cluster) ?? []
    list.push(p)
    zones.set(p.cluster, list)
  }
  const out: DerivedValue[] = []
  const row = (cluster: string, indicator: DerivedIndicator, value: number, basis: string[]): DerivedValue => ({
    cluster,
    period: period as Period,
    indicator,
    value,
    provenance: DERIVED_PROVENANCE,
    basis: basis.sort(),
  })
  for (const cluster of [...zones.keys()].sort()) {
    const list = zones.get(cluster)!
    const started: string[] = []
    const major: string[] = []
    const invested: string[] = []
    let investment = 0
    const holding: string[] = []
    let toDateSum = 0
    let landSum = 0
    for (const p of list) {
      const m = milestonesOf(p.history.filter((h) => h.on <= to))
      if (m.startedOn !== null && m.startedOn >= from && m.startedOn <= to) started.push(p.id)
      const producing = [m.inProductionOn, m.atCapacityOn].filter((d): d is string => d !== null).sort()[0]
      const building = m.startedOn !== null && (producing === undefined || producing >= from) && (m.landRecoveredOn === null || m.landRecoveredOn >= from)
      if (p.totalInvestment >= MAJOR_PROJECT_WAN && building) major.push(p.id)
      const end = investedBy(p.id, to)
      if (end !== undefined) {
        invested.push(p.id)
        investment += end - (investedBy(p.id, prevEnd) ?? 0)
        if (m.landSuppliedOn !== null && m.landRecoveredOn === null && p.land > 0) {
          holding.push(p.id)
          toDateSum += end
          landSum += p.land
        }
      }
    }
    out.push(row(cluster, "new_projects", started.length, started))
    out.push(row(cluster, "major_projects", major.length, major))
    if (invested.length > 0) out.push(row(cluster, "fixed_investment", investment / 10_000, invested))
    if (landSum > 0) out.push(row(cluster, "investment_intensity", toDateSum / landSum, holding))
  }
  const rank: Record<DerivedIndicator, number> = { new_projects: 0, major_projects: 1, fixed_investment: 2, investment_intensity: 3 }
  return out.sort((a, b) => (a.cluster < b.cluster ? -1 : a.cluster > b.cluster ? 1 : rank[a.indicator] - rank[b.indicator]))
}

/** Relative difference above which a derived amount conflicts with a submitted one (counts must be equal): Jiju default. */
export const CONFLICT_TOLERANCE = 0.01

/**
 * Whether a derived value and a submitted one disagree: counts when they differ at all; amounts when they differ by
 * more than {@link CONFLICT_TOLERANCE} of the submitted value (a statistical report rounds).
 * @example conflicts("fixed_investment", 10.05, 10) // false
 */
export const conflicts = (indicator: DerivedIndicator, derived: number, submitted: number): boolean =>
  indicator === "new_projects" || indicator === "major_projects"
    ? derived !== submitted
    : Math.abs(derived - submitted) > CONFLICT_TOLERANCE * Math.abs(submitted) || (submitted === 0 && derived !== 0)

/** A submitted value as the comparison shows it. */
export const SubmittedValue = Schema.Struct({ value: Schema.Finite, source: Schema.String, submitter: Schema.String, submittedAt: Schema.String })
export type SubmittedValue = typeof SubmittedValue.Type

/** A derived value beside the value submitted for the same zone, indicator and period. */
export const DerivedComparison = Schema.Struct({
  ...DerivedValue.fields,
  /** The value the zone submitted (or an import brought), when there is one. */
  submitted: Schema.NullOr(SubmittedValue),
  conflict: Schema.Boolean,
  /** derived − submitted; null without a submitted value. */
  difference: Schema.NullOr(Schema.Finite),
})
export type DerivedComparison = typeof DerivedComparison.Type

/**
 * Put each derived value beside the submitted one of its key, flagging conflicts; the submitted value is kept.
 * @example compareWithSubmitted(derived, (c, i, p) => stored.get(`${c}|${i}|${p}`)).filter((x) => x.conflict)
 */
export const compareWithSubmitted = (
  derived: ReadonlyArray<DerivedValue>,
  submitted: (cluster: string, indicator: string, period: string) => SubmittedValue | undefined,
): ReadonlyArray<DerivedComparison> =>
  derived.map((d) => {
    const s = submitted(d.cluster, d.indicator, d.period)
    return {
      ...d,
      submitted: s ?? null,
      conflict: s !== undefined && conflicts(d.indicator, d.value, s.value),
      difference: s === undefined ? null : d.value - s.value,
    }
  })

/** What an assessment took from the register: the derived values it used, and the conflicts it left as submitted. */
export interface DerivedUse {
  readonly value: ValueLookup
  readonly used: ReadonlyArray<DerivedValue>
  readonly conflicts: ReadonlyArray<{ readonly derived: DerivedValue; readonly submitted: number }>
}

/**
 * A value lookup that answers the submitted value where there is one, else the derived one: what an assessment
 * reads when it is asked to use the register. The derived values used and the conflicts are returned to be shown.
 * @example const { value, used } = withDerivedValues(input.value, derived)
 */
export const withDerivedValues = (submitted: ValueLookup, derived: ReadonlyArray<DerivedValue>): DerivedUse => {
  const map = new Map(derived.map((d) => [`${d.cluster}\u0000${d.indicator}\u0000${d.period}`, d]))
  const used: DerivedValue[] = []
  const clashes: Array<{ derived: DerivedValue; submitted: number }> = []
  for (const d of derived) {
    const s = submitted(d.cluster, d.indicator, d.period)
    if (s === undefined) used.push(d)
    else if (conflicts(d.indicator, d.value, s)) clashes.push({ derived: d, submitted: s })
  }
  return {
    value: (c, i, p) => submitted(c, i, p) ?? map.get(`${c}\u0000${i}\u0000${p}`)?.value,
    used,
    conflicts: clashes,
  }
}

/**
 * The notes an assessment shows about derived values: how many it used, per indicator, and every conflict left as
 * submitted.
 * @example derivedNotes(use, "2025")[0].en // "2025: 12 values derived from projects were used where none was submitted (new_projects 7, major_projects 5)"
 */
export const derivedNotes = (use: Pick<DerivedUse, "used" | "conflicts">, period: string): ReadonlyArray<Bilingual> => {
  const notes: Bilingual[] = []
  const inPeriod = use.used.filter((u) => u.period === period)
  if (inPeriod.length > 0) {
    const per = new Map<string, number>()
    for (const u of inPeriod) per.set(u.indicator, (per.get(u.indicator) ?? 0) + 1)
    const list = [...per.entries()].map(([k, n]) => `${k} ${n}`).join(", ")
    notes.push({
      zh: `${period}：未填报之处使用了 ${inPeriod.length} 个由项目库推算的数值（${list}）`,
      en: `${period}: ${inPeriod.length} values derived from projects were used where none was submitted (${list})`,
    })
  }
  for (const c of use.conflicts.filter((x) => x.derived.period === period))
    notes.push({
      zh: `${c.derived.cluster} ${c.derived.indicator} ${period}：填报值 ${c.submitted} 与项目库推算值 ${round(c.derived.value)} 不一致，采用填报值`,
      en: `${c.derived.cluster} ${c.derived.indicator} ${period}: the submitted ${c.submitted} differs from the ${round(c.derived.value)} derived from projects; the submitted value is kept`,
    })
  return notes
}

const round = (x: number) => Math.round(x * 10_000) / 10_000
