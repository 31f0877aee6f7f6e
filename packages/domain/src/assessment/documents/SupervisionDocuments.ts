import * as Schema from "effect/Schema"
import { BilingualMessage } from "../../model/Bilingual.js"
import { findIndicator } from "../../model/catalogue.js"
import { InputError } from "../../model/errors.js"
import { ruleSource } from "../RuleSources.js"
import { CandidateList, SupervisionDecision, speedBase, supervisionCandidates } from "../Supervision.js"
import { type AssessmentData, DataSource, unknownPeriod } from "./AssessmentData.js"
import { badOption, type PeriodRange, periodOption } from "./DocumentOptions.js"
import { isIndustrialZone } from "./LandQuotaDocument.js"
import { JudgementSetting, setting } from "./Settings.js"

/** The growth indicator and list length when none is given (Jiju defaults: the documents give neither). */
export const SUPERVISION_INDICATOR = "revenue"
export const SUPERVISION_COUNT = 10

/** What the candidate lists read (the flags of `jiju supervision candidates`, GET /v1/supervision/candidates). */
export interface SupervisionCandidatesOptions {
  /** The period whose growth over the one before is measured (a year or a half year …). */
  readonly period: string
  readonly indicator?: string | undefined
  readonly count?: number | undefined
}

/** The candidate lists that support the commission's supervision decisions. */
export const SupervisionCandidatesDocument = Schema.Struct({
  period: Schema.String,
  /** The period growth is measured against (the one before). */
  against: Schema.String,
  indicator: Schema.String,
  indicatorName: BilingualMessage,
  settings: Schema.Array(JudgementSetting),
  lists: Schema.Array(CandidateList),
  /** Industrial zones without both values (or with a previous value of zero): on no list, never counted as zero growth. */
  missing: Schema.Array(Schema.Struct({ id: Schema.String, name: Schema.String })),
  note: BilingualMessage,
  source: DataSource,
  demo: Schema.Boolean,
})
export type SupervisionCandidatesDocument = typeof SupervisionCandidatesDocument.Type

/** The decisions recorded, as `jiju supervision list --json` prints them and GET /v1/supervision/decisions answers. */
export const SupervisionDecisionsDocument = Schema.Struct({
  period: Schema.NullOr(Schema.String),
  cluster: Schema.NullOr(Schema.String),
  items: Schema.Array(SupervisionDecision),
})
export type SupervisionDecisionsDocument = typeof SupervisionDecisionsDocument.Type

/**
 * The checked options. InputError "bad_option" or "unknown_indicator".
 * @example supervisionCandidatesOptions({ period: "2025" }) // { period: "2025", indicator: "revenue", count: 10 }
 */
export const supervisionCandidatesOptions = (o: SupervisionCandidatesOptions): { period: string; indicator: string; count: number } => {
  const period = periodOption(o.period)
  const indicator = o.indicator ?? SUPERVISION_INDICATOR
  if (!findIndicator(indicator)) {
    const en = `unknown indicator "${indicator}"`
    const zh = `未知指标“${indicator}”`
    throw new InputError({ code: "unknown_indicator", message: en, zh, issues: [{ column: "indicator", value: indicator, en, zh }] })
  }
  const count = o.count ?? SUPERVISION_COUNT
  if (!(Number.isInteger(count) && count >= 1)) throw badOption("count", count, { en: "a whole number of 1 or more", zh: "不小于 1 的整数" })
  return { period, indicator: findIndicator(indicator)!.code, count }
}

/**
 * The periods the candidate lists read: the one before and the period.
 * @example supervisionCandidatesRanges({ period: "2025H1" }) // [{ from: "2024H2", to: "2024H2" }, { from: "2025H1", to: "2025H1" }]
 */
export const supervisionCandidatesRanges = (o: SupervisionCandidatesOptions): ReadonlyArray<PeriodRange> => {
  const { period } = supervisionCandidatesOptions(o)
  const before = speedBase(period)
  return [
    { from: before, to: before },
    { from: period, to: period },
  ]
}

/**
 * 篇8's supervision lists for a period: the slowest industrial zones by growth of one indicator (on-site supervision),
 * the fastest weak-base county zones (examples for exchange), and the two measures no figure decides (yellow card,
 * 四集一转 model zones) left to the commission. InputError "bad_option", "unknown_indicator", "unknown_period".
 * @example supervisionCandidatesDocument(data, { period: "2025" }).lists[0]?.measure // "on_site_supervision"
 */
export const supervisionCandidatesDocument = (data: AssessmentData, options: SupervisionCandidatesOptions): SupervisionCandidatesDocument => {
  const { period, indicator, count } = supervisionCandidatesOptions(options)
  if (!data.periods.includes(period)) throw unknownPeriod(period, data.periods)
  const against = speedBase(period)
  const zones = data.input.clusters.filter(isIndustrialZone)
  const inputs = zones.map((c) => ({
    clusterId: c.id,
    name: c.name,
    group: c.group,
    value: data.input.value(c.id, indicator, period),
    previous: data.input.value(c.id, indicator, against),
  }))
  const def = findIndicator(indicator)!
  return {
    period,
    against,
    indicator,
    indicatorName: { zh: def.zh, en: def.en },
    settings: [
      setting("indicator", options.indicator, SUPERVISION_INDICATOR, ruleSource("p8.supervision.speed"), { zh: "发展速度指标", en: "the speed indicator" }),
      setting("count", options.count, SUPERVISION_COUNT, ruleSource("p8.supervision.speed"), { zh: "候选名单长度", en: "the list length" }),
    ],
    lists: supervisionCandidates(inputs, { indicator, count }),
    missing: inputs.filter((z) => z.value === undefined || z.previous === undefined || !(z.previous > 0)).map((z) => ({ id: z.clusterId, name: z.name })),
    note: {
      zh: "名单只是依据：督导、黄牌警告与典型推广由委员会决定并记录理由（jiju supervision decide）",
      en: "the lists are support only: supervision, yellow cards and model zones are the commission's decisions, recorded with reasons (jiju supervision decide)",
    },
    source: data.source,
    demo: data.hasDemo,
  }
}
