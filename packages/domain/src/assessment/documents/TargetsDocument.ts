import * as Schema from "effect/Schema"
import { BilingualMessage, BilingualText } from "../../model/Bilingual.js"
import type { Bilingual } from "../../model/errors.js"
import { InputError } from "../../model/errors.js"
import { yearOf } from "../../model/Period.js"
import { dalianTargets, hengshuiTargets, shaanxiTargets, type TargetSet, TargetTracking, trackTargets } from "../Targets.js"
import { type AssessmentData, DataSource, unknownPeriod } from "./AssessmentData.js"
import { badOption, type PeriodRange, periodOption, yearOption } from "./DocumentOptions.js"

const Code = Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9_]{0,63}$/, { expected: "an indicator code (snake_case)" }))
const Id = Schema.NonEmptyString
const Num = Schema.Finite

/** A target set as JSON holds it (a `jiju targets --set` file, the body of POST /v1/assessments/targets): the domain's TargetSet. */
export const TargetSetJson = Schema.Struct({
  id: Id,
  name: BilingualText,
  targetYear: Schema.Int,
  targets: Schema.Array(
    Schema.Union([
      Schema.Struct({
        id: Id,
        kind: Schema.Literal("count_above"),
        indicator: Code,
        op: Schema.Literals([">", ">="]),
        threshold: Num,
        count: Schema.Int,
        description: BilingualText,
      }),
      Schema.Struct({ id: Id, kind: Schema.Literal("total"), indicator: Code, min: Num, description: BilingualText }),
      Schema.Struct({ id: Id, kind: Schema.Literal("share_of_region"), indicator: Code, regionIndicator: Code, min: Num, description: BilingualText }),
      Schema.Struct({ id: Id, kind: Schema.Literal("annual_growth"), indicator: Code, rate: Num, baseYear: Schema.Int, description: BilingualText }),
      Schema.Struct({
        id: Id,
        kind: Schema.Literal("level"),
        indicator: Code,
        aggregate: Schema.Literals(["mean", "region"]),
        min: Num,
        description: BilingualText,
      }),
    ]),
  ).check(Schema.isMinLength(1)),
  notes: Schema.optional(Schema.Array(BilingualText)),
})

/** The built-in target sets: 衡水, 大连, 陕西. */
export const builtInTargetSets = ["hengshui", "dalian", "shaanxi"] as const

/** The id of a built-in target set. */
export type BuiltInTargetSet = (typeof builtInTargetSets)[number]

/** Which targets to track (the flags of `jiju targets`, the query or body of /v1/assessments/targets). */
export interface TargetsOptions {
  /** A built-in set by id, or a set of one's own (decode JSON with {@link TargetSetJson}). */
  readonly set: BuiltInTargetSet | TargetSet
  readonly period: string
  /** The year built-in sets are due; default the period's year + 5 (an assumption, stated). */
  readonly targetYear?: number | undefined
  /** 陕西's growth base year; default the period's year − 5 (an assumption, stated). */
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
  const y = yearOf(periodOption(options.period))
  const targetYear = options.targetYear === undefined ? y + 5 : yearOption(options.targetYear, "targetYear")
  const baseYear = options.baseYear === undefined ? y - 5 : yearOption(options.baseYear, "baseYear")
  if (options.region !== undefined && !/^[1-9]\d{5}$/.test(options.region))
    throw badOption("region", options.region, { en: "a 6-digit region code", zh: "6 位行政区划代码" })
  if (!isBuiltIn(options.set)) return { set: options.set, assumptions: [] }
  const id: string = options.set
  if (!(builtInTargetSets as ReadonlyArray<string>).includes(id)) {
    const en = `unknown target set "${id}": use ${builtInTargetSets.join(", ")} or a target set of your own as JSON`
    const zh = `未知的目标集“${id}”：可用 ${builtInTargetSets.join("、")}，或以 JSON 给出自定义目标集`
    throw new InputError({ code: "unknown_target_set", message: en, zh, issues: [{ column: "set", value: id, en, zh }] })
  }
  const set = id === "hengshui" ? hengshuiTargets(targetYear) : id === "dalian" ? dalianTargets(targetYear) : shaanxiTargets(baseYear, targetYear)
  const assumptions = [
    ...(options.targetYear === undefined
      ? [{ zh: `目标年份取 ${targetYear}（假设；用 --target-year 设定）`, en: `target year ${targetYear} (an assumption; set it with --target-year)` }]
      : []),
    ...(options.baseYear === undefined && id === "shaanxi"
      ? [{ zh: `增长基年取 ${baseYear}（假设；用 --base-year 设定）`, en: `growth base year ${baseYear} (an assumption; set it with --base-year)` }]
      : []),
  ]
  return { set, assumptions }
}

/**
 * The periods tracking `set` in `period` reads: from the earliest growth base year (or the period's year) to the period.
 * @example targetsPeriodRange(shaanxiTargets(2020, 2030), "2025") // { from: "2020", to: "2025" }
 */
export const targetsPeriodRange = (set: TargetSet, period: string): PeriodRange => {
  const growthYears = set.targets.flatMap((t) => (t.kind === "annual_growth" ? [t.baseYear] : []))
  return { from: String(Math.min(yearOf(periodOption(period)), ...growthYears)), to: period }
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
  const zones = data.input.clusters.filter((c) => region === undefined || (c.region !== undefined && regionContains(region, c.region)))
  if (zones.length === 0) {
    const en = `no zones in region ${region}`
    const zh = `区域 ${region} 内没有集聚区`
    throw new InputError({ code: "unknown_region", message: en, zh, issues: [{ column: "region", value: region, en, zh }] })
  }
  const tracking = trackTargets(
    set,
    {
      clusterIds: zones.map((c) => c.id),
      value: data.input.value,
      ...(region !== undefined ? { region: (indicator: string, p: string) => data.input.regionValue(region, indicator, p) } : {}),
    },
    period,
  )
  return { ...tracking, zones: zones.length, region: region ?? null, assumptions, notes: set.notes ?? [], source: data.source, demo: data.hasDemo }
}
