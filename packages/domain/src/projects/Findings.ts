/**
 * What the register finds on its own, each finding with its rule's source:
 *
 * - land-recovery candidates (seed 004 二 四是: 组织对近年招商引资项目进行一次“回头看”。对两年以上没有实质性进展且无特殊原因
 *   的项目,已供地的要予以收回);
 * - zones with no newly started industrial project in a half year (seed 002 篇8 二: 宝山集聚区被列为全省9个上半年没有新开工
 *   工业项目的集聚区之一);
 * - idle land and idle plants (seed 004 二 二是、四是: 加强闲置土地处置,实施“腾笼换鸟” … 处于停产、半停产状态,造成厂房闲置和土地
 *   闲置的,要依法依规进行处置);
 * - projects below the investment intensity or floor area ratio of their contract (seed 002 篇5 三: 把…投资强度和密度写进
 *   合同文本; seed 004 二 一是: 进一步提高项目用地容积率).
 */
import * as Schema from "effect/Schema"
import { addDays, IsoDate, yearsAfter } from "./Dates.js"
import type { ContractTerms, ProjectStatus, ProjectType } from "./Project.js"
import { ProjectId } from "./Project.js"
import { ProjectRuleSource, projectDefault, projectDocumentSource } from "./ProjectRuleSource.js"
import { milestonesOf } from "./ProjectStatus.js"
import { weekMonday, weekSunday } from "./Week.js"

/** What the findings read of a project. */
export interface ProjectFacts {
  readonly id: string
  readonly name: string
  readonly cluster: string
  readonly type: ProjectType
  readonly land: number
  readonly floorArea: number
  readonly contract: ContractTerms
  readonly specialReason: string | null
  readonly history: ReadonlyArray<{ readonly status: ProjectStatus; readonly on: string }>
}

/** What the findings read of a weekly report. */
export interface ReportFacts {
  readonly project: string
  readonly week: string
  readonly investmentThisWeek: number
  readonly investmentToDate: number
  readonly progressPercent: number
}

/** 1 亩 = 10,000 / 15 m². */
export const SQUARE_METRES_PER_MU = 10_000 / 15

const byProject = (reports: ReadonlyArray<ReportFacts>): Map<string, ReportFacts[]> => {
  const m = new Map<string, ReportFacts[]>()
  for (const r of reports) {
    const list = m.get(r.project) ?? []
    list.push(r)
    m.set(r.project, list)
  }
  for (const list of m.values()) list.sort((a, b) => (weekMonday(a.week) < weekMonday(b.week) ? -1 : 1))
  return m
}

/**
 * The last day of substantive progress of a project that holds land, up to `asOf`: its land supply (the clock
 * starts there), a later milestone reached (开工, 投产, 达产, or resuming work), or a week whose report shows
 * investment or a gain in physical progress (dated the week's Sunday: the work was done within the week). A stall
 * or a report of nothing done is no progress. Null when the project never got land.
 * @example lastProgressDay(project, reports, "2025-06-30") // "2024-11-17"
 */
export const lastProgressDay = (p: ProjectFacts, reports: ReadonlyArray<ReportFacts>, asOf: string): string | null => {
  const land = p.history.find((h) => h.status === "land_supplied" && h.on <= asOf)?.on
  if (land === undefined) return null
  let last = land
  for (const h of p.history)
    if (h.on <= asOf && h.on > last && (h.status === "started" || h.status === "in_production" || h.status === "at_capacity")) last = h.on
  let before: number | undefined
  for (const r of [...reports].filter((r) => r.project === p.id).sort((a, b) => (weekMonday(a.week) < weekMonday(b.week) ? -1 : 1))) {
    const day = weekSunday(r.week)
    if (day > asOf) break
    if ((r.investmentThisWeek > 0 || (before !== undefined && r.progressPercent > before)) && day > last) last = day
    before = r.progressPercent
  }
  return last
}

/** How close a project is to the two-year rule. */
export const RecoveryState = Schema.Literals(["candidate", "approaching", "exempt"])
export type RecoveryState = typeof RecoveryState.Type

/** A project the two-year review lists. */
export const RecoveryFinding = Schema.Struct({
  project: ProjectId,
  cluster: Schema.String,
  name: Schema.String,
  /** 亩 held. */
  land: Schema.Finite,
  landSuppliedOn: IsoDate,
  lastProgressOn: IsoDate,
  /** The day two years without progress are complete. */
  dueOn: IsoDate,
  /** candidate: two years or more; approaching: within 90 days of it; exempt: two years, but a special reason is recorded. */
  state: RecoveryState,
  specialReason: Schema.NullOr(Schema.String),
})
export type RecoveryFinding = typeof RecoveryFinding.Type

/** The rule of the two-year review. */
export const recoveryRule: ProjectRuleSource = projectDocumentSource("seed 004 二 四是", "对两年以上没有实质性进展且无特殊原因的项目,已供地的要予以收回")

/** Days before the two years are complete from which a project is listed as approaching (Jiju default). */
export const RECOVERY_WARNING_DAYS = 90

/**
 * The two-year review (回头看) on `asOf`: projects holding land, not yet in production and not recovered, whose last
 * substantive progress is two years old or more. Two years are complete on the corresponding day (民法典 第二百零一条、
 * 第二百零二条; "以上" includes the two years themselves): land supplied on 2023-03-10 with no progress since makes a
 * candidate on 2025-03-10, not on 2025-03-09. A recorded special reason makes it "exempt" (无特殊原因); projects within
 * {@link RECOVERY_WARNING_DAYS} days of the rule are "approaching".
 * @example recoveryReview(projects, reports, "2025-03-10").filter((f) => f.state === "candidate")
 */
export const recoveryReview = (projects: ReadonlyArray<ProjectFacts>, reports: ReadonlyArray<ReportFacts>, asOf: string): ReadonlyArray<RecoveryFinding> => {
  const reportsOf = byProject(reports)
  const out: RecoveryFinding[] = []
  for (const p of projects) {
    const history = p.history.filter((h) => h.on <= asOf)
    const m = milestonesOf(history)
    if (m.landSuppliedOn === null || m.landRecoveredOn !== null || m.inProductionOn !== null || m.atCapacityOn !== null) continue
    const last = lastProgressDay({ ...p, history }, reportsOf.get(p.id) ?? [], asOf)!
    const dueOn = yearsAfter(last, 2)
    const state: RecoveryState | undefined =
      asOf >= dueOn
        ? p.specialReason !== null && p.specialReason.trim() !== ""
          ? "exempt"
          : "candidate"
        : asOf >= addDays(dueOn, -RECOVERY_WARNING_DAYS)
          ? "approaching"
          : undefined
    if (state)
      out.push({
        project: p.id,
        cluster: p.cluster,
        name: p.name,
        land: p.land,
        landSuppliedOn: m.landSuppliedOn,
        lastProgressOn: last,
        dueOn,
        state,
        specialReason: p.specialReason,
      })
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.project < b.project ? -1 : 1))
}

/** A half year: "2025H1" (January–June) or "2025H2" (July–December). */
export const HalfYear = Schema.String.check(Schema.isPattern(/^(19|20)\d{2}H[12]$/, { expected: 'a half year written "2025H1" or "2025H2"' }))
export type HalfYear = typeof HalfYear.Type

/**
 * The first and last day of a half year.
 * @example halfYearDays("2025H2") // { from: "2025-07-01", to: "2025-12-31" }
 */
export const halfYearDays = (half: string): { readonly from: string; readonly to: string } => {
  const y = half.slice(0, 4)
  return half.endsWith("H1") ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` }
}

/**
 * The half year a day falls in.
 * @example halfYearOf("2025-07-01") // "2025H2"
 */
export const halfYearOf = (date: string): string => `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`

/** A zone and how many industrial projects it started in the half year. */
export const ZoneStarts = Schema.Struct({ cluster: Schema.String, name: Schema.String, started: Schema.Int })
export type ZoneStarts = typeof ZoneStarts.Type

/** The half-year count of newly started industrial projects, and the zones with none. */
export const HalfYearStarts = Schema.Struct({
  half: HalfYear,
  from: IsoDate,
  to: IsoDate,
  /** False while the half year is still running on the day asked: the list may yet shrink. */
  complete: Schema.Boolean,
  /** Every active industrial zone with its count. */
  zones: Schema.Array(ZoneStarts),
  /** The zones with no newly started industrial project. */
  withoutStarts: Schema.Array(Schema.String),
  source: ProjectRuleSource,
})
export type HalfYearStarts = typeof HalfYearStarts.Type

/** The rule of the half-year list. */
export const halfYearStartsRule: ProjectRuleSource = projectDocumentSource("seed 002 篇8 二", "宝山集聚区被列为全省9个上半年没有新开工工业项目的集聚区之一")

/**
 * Count the industrial projects each active industrial zone started (开工) in a half year, up to `asOf`, and list the
 * zones with none (seed 002 篇8). Zones of other kinds and archived zones are left out.
 * @example halfYearStarts(zones, projects, "2025H1", "2025-07-01").withoutStarts // ["hb-baoshan"]
 */
export const halfYearStarts = (
  zones: ReadonlyArray<{ readonly id: string; readonly name: string; readonly kind: string; readonly archivedAt?: string | null }>,
  projects: ReadonlyArray<ProjectFacts>,
  half: string,
  asOf: string,
): HalfYearStarts => {
  const { from, to } = halfYearDays(half)
  const counts = new Map<string, number>()
  for (const p of projects) {
    if (p.type !== "industrial") continue
    const started = p.history.find((h) => h.status === "started")?.on
    if (started !== undefined && started >= from && started <= to && started <= asOf) counts.set(p.cluster, (counts.get(p.cluster) ?? 0) + 1)
  }
  const active = zones.filter((z) => z.kind === "industrial" && (z.archivedAt ?? null) === null)
  const list = active.map((z) => ({ cluster: z.id, name: z.name, started: counts.get(z.id) ?? 0 })).sort((a, b) => (a.cluster < b.cluster ? -1 : 1))
  return {
    half,
    from,
    to,
    complete: asOf > to,
    zones: list,
    withoutStarts: list.filter((z) => z.started === 0).map((z) => z.cluster),
    source: halfYearStartsRule,
  }
}

/** Why land or a plant stands idle. */
export const IdleReason = Schema.Literals(["not_started", "construction_stalled", "production_stopped"])
export type IdleReason = typeof IdleReason.Type

/** A project whose land or plant stands idle. */
export const IdleFinding = Schema.Struct({
  project: ProjectId,
  cluster: Schema.String,
  name: Schema.String,
  reason: IdleReason,
  /** 亩 idle. */
  land: Schema.Finite,
  /** m² of plant idle (production stopped), else 0. */
  floorArea: Schema.Finite,
  /** Since when: the day the start deadline plus a year passed, or the start of the stall. */
  since: IsoDate,
  source: ProjectRuleSource,
})
export type IdleFinding = typeof IdleFinding.Type

/** The rules of idle land and plants. */
export const idleRules: Record<IdleReason, ProjectRuleSource> = {
  not_started: projectDefault(
    "land supplied and not started one year after the contract's start deadline (or, without one, after the land was supplied) — after the national 闲置土地处置办法 第二条 (满一年未动工开发), outside the seed documents; disposal: seed 004 二 二是 加强闲置土地处置",
    "已供地、超过合同约定开工日期（未约定的自供地之日起）满一年未动工——参照国家《闲置土地处置办法》第二条（满一年未动工开发），不在种子文件之内；处置见 seed 004 二 二是（加强闲置土地处置）",
  ),
  construction_stalled: projectDocumentSource("seed 004 二 四是", "处于停产、半停产状态,造成厂房闲置和土地闲置的,要依法依规进行处置"),
  production_stopped: projectDocumentSource("seed 004 二 四是", "处于停产、半停产状态,造成厂房闲置和土地闲置的,要依法依规进行处置"),
}

/**
 * Land and plants standing idle on `asOf`: land supplied but not built on a year after the start deadline
 * (`not_started`), construction stalled on supplied land (`construction_stalled`), and production stopped
 * (`production_stopped`: the plant and its land). Recovered land is not listed.
 * @example idleAssets(projects, "2025-06-30").map((f) => f.reason)
 */
export const idleAssets = (projects: ReadonlyArray<ProjectFacts>, asOf: string): ReadonlyArray<IdleFinding> => {
  const out: IdleFinding[] = []
  for (const p of projects) {
    const history = p.history.filter((h) => h.on <= asOf)
    const m = milestonesOf(history)
    if (m.landRecoveredOn !== null) continue
    const base = { project: p.id, cluster: p.cluster, name: p.name }
    if (m.stalledSince !== null) {
      const producing = m.inProductionOn !== null || m.atCapacityOn !== null
      if (producing)
        out.push({ ...base, reason: "production_stopped", land: p.land, floorArea: p.floorArea, since: m.stalledSince, source: idleRules.production_stopped })
      else if (m.landSuppliedOn !== null && p.land > 0)
        out.push({ ...base, reason: "construction_stalled", land: p.land, floorArea: 0, since: m.stalledSince, source: idleRules.construction_stalled })
      continue
    }
    if (m.landSuppliedOn !== null && m.startedOn === null && m.inProductionOn === null && p.land > 0) {
      const since = yearsAfter(p.contract.startBy ?? m.landSuppliedOn, 1)
      if (asOf >= since) out.push({ ...base, reason: "not_started", land: p.land, floorArea: 0, since, source: idleRules.not_started })
    }
  }
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.project < b.project ? -1 : 1))
}

/** The contract measures of land use. */
export const IntensityMeasure = Schema.Literals(["investment_intensity", "floor_area_ratio"])
export type IntensityMeasure = typeof IntensityMeasure.Type

/** A project below a land-use measure of its contract. */
export const IntensityBreach = Schema.Struct({
  project: ProjectId,
  cluster: Schema.String,
  name: Schema.String,
  measure: IntensityMeasure,
  /** What the contract asks (万元/亩, or the ratio). */
  contract: Schema.Finite,
  /** What the project reached. */
  actual: Schema.Finite,
  /** actual / contract. */
  share: Schema.Finite,
  source: ProjectRuleSource,
})
export type IntensityBreach = typeof IntensityBreach.Type

/** The rules of contract intensity. */
export const intensityRules: Record<IntensityMeasure, ProjectRuleSource> = {
  investment_intensity: projectDocumentSource("seed 002 篇5 三", "把政府的优惠政策、服务承诺及投资强度和密度写进合同文本"),
  floor_area_ratio: projectDocumentSource("seed 004 二 一是", "对新入驻项目要认真审查和核减项目申请用地规模,进一步提高项目用地容积率"),
}

/**
 * Projects below the land-use terms of their contract on `asOf`, judged once the works should be done (in
 * production, or past the contract's completion day): investment intensity = investment completed to date (the
 * latest weekly report) per 亩 of land; floor area ratio = floor area / (land × 10,000/15 m²). A project without a
 * report, without land, or without the term in its contract is not judged.
 * @example intensityBreaches(projects, reports, "2025-12-31").map((b) => [b.project, b.measure])
 */
export const intensityBreaches = (projects: ReadonlyArray<ProjectFacts>, reports: ReadonlyArray<ReportFacts>, asOf: string): ReadonlyArray<IntensityBreach> => {
  const reportsOf = byProject(reports)
  const out: IntensityBreach[] = []
  for (const p of projects) {
    if (!(p.land > 0)) continue
    const m = milestonesOf(p.history.filter((h) => h.on <= asOf))
    if (m.landRecoveredOn !== null) continue
    const due = m.inProductionOn !== null || m.atCapacityOn !== null || (p.contract.completeBy !== null && asOf > p.contract.completeBy)
    if (!due) continue
    const base = { project: p.id, cluster: p.cluster, name: p.name }
    const latest = (reportsOf.get(p.id) ?? []).filter((r) => weekMonday(r.week) <= asOf).at(-1)
    if (p.contract.investmentIntensity !== null && p.contract.investmentIntensity > 0 && latest) {
      const actual = latest.investmentToDate / p.land
      if (actual < p.contract.investmentIntensity)
        out.push({
          ...base,
          measure: "investment_intensity",
          contract: p.contract.investmentIntensity,
          actual,
          share: actual / p.contract.investmentIntensity,
          source: intensityRules.investment_intensity,
        })
    }
    if (p.contract.floorAreaRatio !== null && p.contract.floorAreaRatio > 0) {
      const actual = p.floorArea / (p.land * SQUARE_METRES_PER_MU)
      if (actual < p.contract.floorAreaRatio)
        out.push({
          ...base,
          measure: "floor_area_ratio",
          contract: p.contract.floorAreaRatio,
          actual,
          share: actual / p.contract.floorAreaRatio,
          source: intensityRules.floor_area_ratio,
        })
    }
  }
  return out.sort((a, b) => a.share - b.share || (a.project < b.project ? -1 : 1))
}

/** Every automatic finding on one day. */
export const ProjectFindings = Schema.Struct({
  asOf: IsoDate,
  recovery: Schema.Struct({ source: ProjectRuleSource, items: Schema.Array(RecoveryFinding) }),
  halfYear: HalfYearStarts,
  idle: Schema.Array(IdleFinding),
  intensity: Schema.Array(IntensityBreach),
})
export type ProjectFindings = typeof ProjectFindings.Type

/**
 * Every automatic finding on `asOf`: the two-year review, the half-year list (of `half`, default the half year
 * before the one `asOf` falls in, the last complete one), idle land and plants, contract intensity breaches.
 * @example projectFindings({ zones, projects, reports, asOf: "2025-07-01" }).halfYear.withoutStarts
 */
export const projectFindings = (input: {
  readonly zones: Parameters<typeof halfYearStarts>[0]
  readonly projects: ReadonlyArray<ProjectFacts>
  readonly reports: ReadonlyArray<ReportFacts>
  readonly asOf: string
  readonly half?: string | undefined
}): ProjectFindings => {
  const { projects, reports, asOf } = input
  const half = input.half ?? halfYearOf(addDays(halfYearDays(halfYearOf(asOf)).from, -1))
  return {
    asOf,
    recovery: { source: recoveryRule, items: recoveryReview(projects, reports, asOf) },
    halfYear: halfYearStarts(input.zones, projects, half, asOf),
    idle: idleAssets(projects, asOf),
    intensity: intensityBreaches(projects, reports, asOf),
  }
}
