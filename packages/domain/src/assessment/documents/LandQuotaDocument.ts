import * as Schema from "effect/Schema"
import { BilingualMessage } from "../../model/Bilingual.js"
import { findIndicator } from "../../model/catalogue.js"
import type { Bilingual } from "../../model/errors.js"
import { AppliedRule } from "../../model/RuleSource.js"
import { landQuotaLists, outputIntensity, type QuotaAmount } from "../LandQuota.js"
import { appliedRule, ruleSource } from "../RuleSources.js"
import { type AssessedZone, type AssessmentData, DataSource, unknownPeriod } from "./AssessmentData.js"
import { badOption, type PeriodRange } from "./DocumentOptions.js"
import { JudgementSetting, setting } from "./Settings.js"

/** The places per list when none is given: the document's 20 (排后20位 … 排名前20位). */
export const LAND_QUOTA_COUNT = 20

/** What the land quota reads (the flags of `jiju land-quota`, the query of GET /v1/assessments/land-quota). */
export interface LandQuotaOptions {
  /** The year placed; the quota moved is the next year's. */
  readonly period: string
  /** Places per list; default 20 (the document). */
  readonly count?: number | undefined
  /** mu: `cut` 亩 from each zone on the last list; share: `cut` (0–1) of each one's next-year quota. */
  readonly unit?: "mu" | "share" | undefined
  /** The amount cut; none gives the lists only (the document says 适度扣减 without a number). */
  readonly cut?: number | undefined
}

/** A zone on a land-quota list. */
export const LandQuotaEntry = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  group: Schema.String,
  /** 投入产出强度, 万元/亩. */
  value: Schema.Number,
  /** reported (output_intensity) or derived (revenue and built-up area). */
  origin: Schema.Literals(["reported", "derived"]),
  position: Schema.Number,
  positionFromLast: Schema.Number,
  /** 亩 cut (last list) or gained (first list); null without an amount or with a quota missing. */
  mu: Schema.NullOr(Schema.Number),
})
export type LandQuotaEntry = typeof LandQuotaEntry.Type

/** The land-quota document: what `jiju land-quota --json` prints and GET /v1/assessments/land-quota answers. */
export const LandQuotaDocument = Schema.Struct({
  period: Schema.String,
  /** The year whose 用地指标 is cut and given. */
  quotaYear: Schema.String,
  indicator: Schema.String,
  indicatorName: BilingualMessage,
  unit: Schema.String,
  count: Schema.Number,
  places: Schema.Number,
  amount: Schema.NullOr(Schema.Struct({ unit: Schema.Literals(["mu", "share"]), cut: Schema.Number })),
  settings: Schema.Array(JudgementSetting),
  /** Zones placed on the intensity. */
  placed: Schema.Number,
  first: Schema.Array(LandQuotaEntry),
  last: Schema.Array(LandQuotaEntry),
  onBoth: Schema.Array(Schema.String),
  pool: Schema.NullOr(Schema.Number),
  status: Schema.Literals(["lists_only", "complete", "incomplete"]),
  quotaMissing: Schema.Array(Schema.String),
  /** Industrial zones without an intensity (not placed, never counted as zero) and what they lack. */
  missing: Schema.Array(Schema.Struct({ id: Schema.String, name: Schema.String, lacks: Schema.Array(Schema.String) })),
  notes: Schema.Array(BilingualMessage),
  rules: Schema.Array(AppliedRule),
  source: DataSource,
  demo: Schema.Boolean,
})
export type LandQuotaDocument = typeof LandQuotaDocument.Type

/**
 * The checked options: a year, a whole count of 1 or more, a unit and a non-negative amount (a share at most 1).
 * InputError "bad_option" naming the option.
 * @example landQuotaOptions({ period: "2025" }).count // 20
 */
export const landQuotaOptions = (o: LandQuotaOptions): { period: string; count: number; amount: QuotaAmount | null } => {
  if (!/^(19|20)\d{2}$/.test(o.period))
    throw badOption("period", o.period, { en: "a year like 2025 (the quota is yearly)", zh: "年份，如 2025（用地指标按年度）" })
  const count = o.count ?? LAND_QUOTA_COUNT
  if (!(Number.isInteger(count) && count >= 1)) throw badOption("count", count, { en: "a whole number of 1 or more", zh: "不小于 1 的整数" })
  if (o.unit !== undefined && o.unit !== "mu" && o.unit !== "share")
    throw badOption("unit", o.unit, { en: "mu (亩 per zone) or share (of the zone's quota)", zh: "mu（每个集聚区扣减亩数）或 share（占本区指标的比例）" })
  if (o.cut === undefined) {
    if (o.unit !== undefined) throw badOption("cut", o.cut, { en: `an amount to go with unit ${o.unit}`, zh: `与 unit ${o.unit} 配套的数量` })
    return { period: o.period, count, amount: null }
  }
  const unit = o.unit ?? "mu"
  if (!(Number.isFinite(o.cut) && o.cut >= 0 && (unit === "mu" || o.cut <= 1)))
    throw badOption(
      "cut",
      o.cut,
      unit === "mu" ? { en: "a number of 亩, 0 or more", zh: "不小于 0 的亩数" } : { en: "a share from 0 to 1", zh: "0 到 1 之间的比例" },
    )
  return { period: o.period, count, amount: { unit, cut: o.cut } }
}

/**
 * The years the land quota reads: the year placed and the next (whose quota a share is taken of).
 * @example landQuotaRange({ period: "2025" }) // { from: "2025", to: "2026" }
 */
export const landQuotaRange = (o: LandQuotaOptions): PeriodRange => {
  const { period } = landQuotaOptions(o)
  return { from: period, to: String(Number(period) + 1) }
}

/**
 * Whether a zone is an industrial cluster zone (产业集聚区): the land quota, the promotion and the supervision lists
 * concern only these (a zone read from a file without a kind counts as one).
 * @example isIndustrialZone({ id: "a", name: "甲", group: "county", kind: "industrial" }) // true
 */
export const isIndustrialZone = (c: AssessedZone): boolean => c.kind === undefined || c.kind === "industrial"

const amountText = (a: QuotaAmount | null): Bilingual =>
  a === null
    ? { zh: "未设定扣减数量：只列名单", en: "no amount set: the lists only" }
    : a.unit === "mu"
      ? { zh: `后列每个集聚区扣减 ${a.cut} 亩`, en: `${a.cut} mu cut from each zone on the last list` }
      : { zh: `后列每个集聚区扣减其下一年指标的 ${a.cut * 100}%`, en: `${a.cut * 100} % of each last zone's next-year quota cut` }

/**
 * 篇8's land quota for a year: the industrial zones placed on 投入产出强度 (reported, or revenue × 10⁴ over the
 * built-up 亩), the last `count` places losing part of next year's 用地指标 and the first `count` places sharing it.
 * A zone without an intensity is listed apart, never placed as zero. InputError "bad_option", "unknown_period".
 * @example landQuotaDocument(data, { period: "2025", count: 20, unit: "mu", cut: 50 }).last.length // 20
 */
export const landQuotaDocument = (data: AssessmentData, options: LandQuotaOptions): LandQuotaDocument => {
  const { period, count, amount } = landQuotaOptions(options)
  if (!data.periods.includes(period)) throw unknownPeriod(period, data.periods)
  const quotaYear = String(Number(period) + 1)
  const zones = data.input.clusters.filter(isIndustrialZone)
  const v = data.input.value
  const measured = zones.map((c) => ({
    c,
    i: outputIntensity(v(c.id, "output_intensity", period), v(c.id, "revenue", period), v(c.id, "built_up_area", period)),
  }))
  const placed = measured.flatMap(({ c, i }) =>
    i.value === null ? [] : [{ id: c.id, name: c.name, group: c.group, value: i.value, origin: i.origin, quota: v(c.id, "land_quota", quotaYear) }],
  )
  const origin = new Map(placed.map((z) => [z.id, z.origin]))
  const lists = landQuotaLists(placed, { count, amount })
  const def = findIndicator("output_intensity")!
  const withOrigin = (e: (typeof lists.first)[number]) => ({ ...e, origin: origin.get(e.id)! })
  return {
    period,
    quotaYear,
    indicator: def.code,
    indicatorName: { zh: def.zh, en: def.en },
    unit: def.unit,
    count,
    places: lists.places,
    amount,
    settings: [
      setting("count", options.count, LAND_QUOTA_COUNT, ruleSource("p8.land_quota"), { zh: "名单名次数", en: "the places per list" }),
      setting("amount", amount === null ? undefined : `${amount.cut} ${amount.unit}`, null, ruleSource("p8.land_quota.amount"), {
        zh: "扣减数量",
        en: "the amount cut",
      }),
      { name: "distribution", value: "equal", source: ruleSource("p8.land_quota.distribution") },
    ],
    placed: placed.length,
    first: lists.first.map(withOrigin),
    last: lists.last.map(withOrigin),
    onBoth: lists.onBoth,
    pool: lists.pool,
    status: lists.status,
    quotaMissing: lists.quotaMissing,
    missing: measured.flatMap(({ c, i }) => (i.value === null ? [{ id: c.id, name: c.name, lacks: [...i.lacks] }] : [])),
    notes: [
      amountText(amount),
      ...(amount?.unit === "share" && lists.quotaMissing.length > 0
        ? [
            {
              zh: `${lists.quotaMissing.join("、")} 缺 ${quotaYear} 年用地指标（land_quota）：扣减总量未知，前列所得不计`,
              en: `${lists.quotaMissing.join(", ")} lack a ${quotaYear} land quota (land_quota): the pool is unknown and no gain is given`,
            },
          ]
        : []),
      ...lists.notes,
    ],
    rules: [
      appliedRule("p8.land_quota"),
      appliedRule("p8.land_quota.indicator"),
      appliedRule("p8.land_quota.scope"),
      appliedRule("p8.land_quota.ties"),
      appliedRule("p8.land_quota.amount"),
      appliedRule("p8.land_quota.distribution"),
    ],
    source: data.source,
    demo: data.hasDemo,
  }
}
