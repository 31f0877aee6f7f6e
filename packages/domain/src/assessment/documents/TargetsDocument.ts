import * as Schema from "effect/Schema"
import { BilingualMessage, BilingualText } from "../../model/Bilingual.js"
import { ClusterLevel } from "../../model/Cluster.js"
import type { Bilingual } from "../../model/errors.js"
import { InputError } from "../../model/errors.js"
import { yearOf } from "../../model/Period.js"
import { AppliedRule } from "../../model/RuleSource.js"
import { appliedRule } from "../RuleSources.js"
import {
  countyServiceTargets,
  DALIAN_TARGET_YEAR,
  dalianTargets,
  HENGSHUI_TARGET_YEAR,
  hengshuiTargets,
  SHAANXI_BASE_YEAR,
  SHAANXI_TARGET_YEAR,
  shaanxiTargets,
  type TargetSet,
  TargetTracking,
  trackTargets,
} from "../Targets.js"
import { type AssessmentData, DataSource, unknownPeriod } from "./AssessmentData.js"
import { badOption, type PeriodRange, periodOption, yearOption } from "./DocumentOptions.js"

const Code = Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9_]{0,63}$/, { expected: "an indicator code (snake_case)" }))
const Id = Schema.NonEmptyString
const Num = Schema.Finite
const Levels = Schema.Array(ClusterLevel).check(Schema.isMinLength(1))
/** The fields every target may have besides its kind's. */
const common = { id: Id, description: BilingualText, dueYear: Schema.optional(Schema.Int) }

/** A target set as JSON holds it (a `jiju targets --set` file, the body of POST /v1/assessments/targets): the domain's TargetSet. */
export const TargetSetJson = Schema.Struct({
  id: Id,
  name: BilingualText,
  targetYear: Schema.Int,
  targets: Schema.Array(
    Schema.Union([
      Schema.Struct({ ...common, kind: Schema.Literal("count_above"), indicator: Code, op: Schema.Literals([">", ">="]), threshold: Num, count: Schema.Int }),
      Schema.Struct({ ...common, kind: Schema.Literal("count_between"), indicator: Code, min: Num, max: Num, count: Schema.Int }),
      Schema.Struct({ ...common, kind: Schema.Literal("count_level"), levels: Levels, count: Schema.Int }),
      Schema.Struct({ ...common, kind: Schema.Literal("total"), indicator: Code, min: Num }),
      Schema.Struct({ ...common, kind: Schema.Literal("share_of_region"), indicator: Code, regionIndicator: Code, min: Num }),
      Schema.Struct({ ...common, kind: Schema.Literal("annual_growth"), indicator: Code, rate: Num, baseYear: Schema.Int }),
      Schema.Struct({ ...common, kind: Schema.Literal("level"), indicator: Code, aggregate: Schema.Literals(["mean", "region"]), min: Num }),
      Schema.Struct({ ...common, kind: Schema.Literal("each_increase"), indicator: Code, min: Num, levels: Schema.optional(Levels) }),
      Schema.Struct({ ...common, kind: Schema.Literal("each_fact"), fact: Code, levels: Schema.optional(Levels) }),
    ]),
  ).check(Schema.isMinLength(1)),
  notes: Schema.optional(Schema.Array(BilingualText)),
})

/** The built-in target sets: 衡水, 大连, 陕西 (seed 003) and 篇10's county service goal (seed 002). */
export const builtInTargetSets = ["hengshui", "dalian", "shaanxi", "county_services"] as const

/** The id of a built-in target set. */
export type BuiltInTargetSet = (typeof builtInTargetSets)[number]

/** Which targets to track (the flags of `jiju targets`, the query or body of /v1/assessments/targets). */
export interface TargetsOptions {
  /** A built-in set by id, or a set of one's own (decode JSON with {@link TargetSetJson}). */
  readonly set: BuiltInTargetSet | TargetSet
  readonly period: string
  /**
   * The year a built-in set's last stage is due (earlier stages move with it); default from the document's date
   * (衡水 2010, 大连 2018, 陕西 2015, 篇10 2010 — the rules h3.years, d3.years, s3.years and p10.goal_2010).
   */
  readonly targetYear?: number | undefined
  /** 陕西's growth base year; default 2008, the last full year before the document (s3.years). */
  readonly baseYear?: number | undefined
  /** Only zones in this region (6-digit code); its own figures give the shares. */
  readonly region?: string | undefined
}

/** The targets document: what `jiju targets --json` prints and /v1/assessments/targets answers. */
export const TargetsDocument = Schema.Struct({
  ...TargetTracking.fields,
  /** How many zones were tracked. */
  zones: Schema.Number,
  region: Schema.NullOr(Schema.String),
  /** Defaults taken for a built-in set's years. */
  assumptions: Schema.Array(BilingualMessage),
  /** The set's own notes. */
  notes: Schema.Array(BilingualMessage),
  source: DataSource,
  demo: Schema.Boolean,
  /**
   * Which zones were added up: `industrial_clusters` for 003's sets (their targets concern industrial clusters,
   * never the service zones), `service_zones` for 篇10's goal, `all` for a set of one's own.
   */
  scope: Schema.Literals(["industrial_clusters", "service_zones", "all"]),
  /** The rules applied and their sources: what is added up, and that a missing member never counts as zero. */
  rules: Schema.Array(AppliedRule),
})
export type TargetsDocument = typeof TargetsDocument.Type

/**
 * Does region `code` contain region `inner` (a province its cities and counties, a city its counties)?
 * @example regionContains("410000", "410621") // true
 */
export const regionContains = (code: string, inner: string): boolean =>
  code === inner || (code.endsWith("0000") ? inner.startsWith(code.slice(0, 2)) : code.endsWith("00") ? inner.startsWith(code.slice(0, 4)) : false)

const isBuiltIn = (set: TargetsOptions["set"]): set is BuiltInTargetSet => typeof set === "string"

/**
 * The target set the options name, with the defaults taken for a built-in set's years stated as assumptions.
 * InputError "bad_option" (period, targetYear, baseYear, region) or "unknown_target_set".
 * @example resolveTargetSet({ set: "shaanxi", period: "2025" }).set.targets[0]?.kind // "annual_growth"
 */
export const resolveTargetSet = (options: TargetsOptions): { readonly set: TargetSet; readonly assumptions: ReadonlyArray<Bilingual> } => {
  periodOption(options.period)
  const givenTarget = options.targetYear === undefined ? undefined : yearOption(options.targetYear, "targetYear")
  const givenBase = options.baseYear === undefined ? undefined : yearOption(options.baseYear, "baseYear")
  if (options.region !== undefined && !/^[1-9]\d{5}$/.test(options.region))
    throw badOption("region", options.region, { en: "a 6-digit region code", zh: "6 位行政区划代码" })
  if (!isBuiltIn(options.set)) return { set: options.set, assumptions: [] }
  const id: string = options.set
  if (!(builtInTargetSets as ReadonlyArray<string>).includes(id)) {
    const en = `unknown target set "${id}": use ${builtInTargetSets.join(", ")} or a target set of your own as JSON`
    const zh = `未知的目标集“${id}”：可用 ${builtInTargetSets.join("、")}，或以 JSON 给出自定义目标集`
    throw new InputError({ code: "unknown_target_set", message: en, zh, issues: [{ column: "set", value: id, en, zh }] })
  }
  const set =
    id === "hengshui"
      ? hengshuiTargets(givenTarget ?? HENGSHUI_TARGET_YEAR)
      : id === "dalian"
        ? dalianTargets(givenTarget ?? DALIAN_TARGET_YEAR)
        : id === "shaanxi"
          ? shaanxiTargets(givenBase ?? SHAANXI_BASE_YEAR, givenTarget ?? SHAANXI_TARGET_YEAR)
          : countyServiceTargets(givenTarget)
  // 篇10 dates its goal itself (到2010年); the other documents' years are read from their dates and need confirming.
  const fromDate = id !== "county_services"
  const assumptions = [
    ...(givenTarget === undefined && fromDate
      ? [
          {
            zh: `目标年份取 ${set.targetYear}（据文件日期推定，待确认；用 --target-year 设定）`,
            en: `target year ${set.targetYear} (read from the document's date, to be confirmed; set it with --target-year)`,
          },
        ]
      : []),
    ...(givenBase === undefined && id === "shaanxi"
      ? [
          {
            zh: `增长基年取 ${SHAANXI_BASE_YEAR}（文件发布前最近的完整年度，待确认；用 --base-year 设定）`,
            en: `growth base year ${SHAANXI_BASE_YEAR} (the last full year before the document, to be confirmed; set it with --base-year)`,
          },
        ]
      : []),
  ]
  return { set, assumptions }
}

/**
 * The periods tracking `set` in `period` reads: from the earliest growth base year (or the year before, for a
 * yearly increase, or the period's year) to the period.
 * @example targetsPeriodRange(shaanxiTargets(2020, 2030), "2025") // { from: "2020", to: "2025" }
 */
export const targetsPeriodRange = (set: TargetSet, period: string): PeriodRange => {
  const y = yearOf(periodOption(period))
  // Growth reads its base year, a yearly increase the year before.
  const earlier = set.targets.flatMap((t) => (t.kind === "annual_growth" ? [t.baseYear] : t.kind === "each_increase" ? [y - 1] : []))
  return { from: String(Math.min(y, ...earlier)), to: period }
}

/**
 * Track a target set against a period's data over every zone (or the zones of a region, whose own figures give
 * the shares). InputError "bad_option", "unknown_target_set", "unknown_period", or "unknown_region" when no
 * zone lies in the region.
 * @example targetsDocument(data, { set: "hengshui", period: "2025", region: "410621", targetYear: 2027 }).targets[0]?.attained
 */
export const targetsDocument = (data: AssessmentData, options: TargetsOptions): TargetsDocument => {
  const { set, assumptions } = resolveTargetSet(options)
  const period = options.period
  if (!data.periods.includes(period)) throw unknownPeriod(period, data.periods)
  const region = options.region
  // 003's sets concern industrial clusters, 篇10's service zones: the other kind is never added in.
  const scope = isBuiltIn(options.set) ? (set.scope ?? "all") : "all"
  const inScope = (kind: string | undefined) =>
    scope === "all" || (scope === "industrial_clusters" ? kind === undefined || kind === "industrial" : kind !== undefined && kind !== "industrial")
  const zones = data.input.clusters.filter((c) => inScope(c.kind) && (region === undefined || (c.region !== undefined && regionContains(region, c.region))))
  if (zones.length === 0) {
    const en = `no zones in region ${region}`
    const zh = `区域 ${region} 内没有集聚区`
    throw new InputError({ code: "unknown_region", message: en, zh, issues: [{ column: "region", value: region, en, zh }] })
  }
  const levels = new Map(zones.flatMap((c) => (c.level !== undefined ? [[c.id, c.level] as const] : [])))
  const tracking = trackTargets(
    set,
    {
      clusterIds: zones.map((c) => c.id),
      value: data.input.value,
      level: (id: string) => levels.get(id),
      fact: data.input.fact,
      ...(region !== undefined ? { region: (indicator: string, p: string) => data.input.regionValue(region, indicator, p) } : {}),
    },
    period,
  )
  const rules = [...(isBuiltIn(options.set) ? (set.rules ?? []).map(appliedRule) : []), appliedRule("targets.missing")]
  return {
    ...tracking,
    zones: zones.length,
    region: region ?? null,
    assumptions,
    notes: set.notes ?? [],
    source: data.source,
    demo: data.hasDemo,
    scope,
    rules,
  }
}
