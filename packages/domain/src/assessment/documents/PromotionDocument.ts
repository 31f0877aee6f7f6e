import * as Schema from "effect/Schema"
import { BilingualMessage } from "../../model/Bilingual.js"
import { AppliedRule } from "../../model/RuleSource.js"
import { type BasicThreshold, PROMOTION_INDICATORS, type PromotionIndicator, promotionVerdict, promotionVerdictNames } from "../Promotion.js"
import { appliedRule, ruleSource } from "../RuleSources.js"
import { type AssessmentData, DataSource, findZone, unknownPeriod } from "./AssessmentData.js"
import { badOption, type PeriodRange, yearOption } from "./DocumentOptions.js"
import { isIndustrialZone } from "./LandQuotaDocument.js"
import { JudgementSetting, setting } from "./Settings.js"

/** The base year when none is given: 2009, a Jiju default (the documents say 现在). */
export const PROMOTION_BASE_YEAR = 2009
/** The target year when none is given: the document's 2012 (到2012年). */
export const PROMOTION_TARGET_YEAR = 2012

/** What the promotion reads (the flags of `jiju promotion`, the query of GET /v1/assessments/promotion). */
export interface PromotionOptions {
  readonly baseYear?: number | undefined
  readonly targetYear?: number | undefined
  /** The basic threshold for weak-base zones, per indicator, in the catalogue's units; none set when absent. */
  readonly threshold?: BasicThreshold | undefined
  /** One zone; default every industrial zone. */
  readonly cluster?: string | undefined
}

const Verdict = Schema.Literals(["promoted", "kept", "demotion_warning", "incomplete"])

/** One indicator's check in the document. */
export const PromotionCheckEntry = Schema.Struct({
  indicator: Schema.Literals(PROMOTION_INDICATORS),
  base: Schema.NullOr(Schema.Number),
  target: Schema.NullOr(Schema.Number),
  ratio: Schema.NullOr(Schema.Number),
  doubled: Schema.NullOr(Schema.Boolean),
  threshold: Schema.NullOr(Schema.Number),
  reached: Schema.NullOr(Schema.Boolean),
})

/** One zone's verdict in the document. */
export const ZonePromotionEntry = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  group: Schema.String,
  /** The commission's fact weak_base in force at the end of the target year; null when none is recorded. */
  weakBase: Schema.NullOr(Schema.Boolean),
  verdict: Verdict,
  verdictName: BilingualMessage,
  checks: Schema.Array(PromotionCheckEntry),
  missing: Schema.Array(Schema.Struct({ indicator: Schema.String, year: Schema.String })),
  reason: BilingualMessage,
})
export type ZonePromotionEntry = typeof ZonePromotionEntry.Type

/** The promotion document: what `jiju promotion --json` prints and GET /v1/assessments/promotion answers. */
export const PromotionDocument = Schema.Struct({
  baseYear: Schema.Number,
  targetYear: Schema.Number,
  indicators: Schema.Array(Schema.Struct({ code: Schema.String, name: BilingualMessage })),
  /** The basic threshold set by the commission, or null (the documents give no numbers). */
  threshold: Schema.NullOr(Schema.Record(Schema.String, Schema.Number)),
  settings: Schema.Array(JudgementSetting),
  zones: Schema.Array(ZonePromotionEntry),
  counts: Schema.Struct({ promoted: Schema.Number, kept: Schema.Number, demotionWarning: Schema.Number, incomplete: Schema.Number }),
  rules: Schema.Array(AppliedRule),
  source: DataSource,
  demo: Schema.Boolean,
})
export type PromotionDocument = typeof PromotionDocument.Type

/**
 * The checked years and threshold: whole years, the target after the base, thresholds of known indicators that are
 * numbers of 0 or more. InputError "bad_option" naming the option.
 * @example promotionOptions({}) // { baseYear: 2009, targetYear: 2012, threshold: null }
 */
export const promotionOptions = (o: PromotionOptions): { baseYear: number; targetYear: number; threshold: BasicThreshold | null } => {
  const baseYear = yearOption(o.baseYear ?? PROMOTION_BASE_YEAR, "base")
  const targetYear = yearOption(o.targetYear ?? PROMOTION_TARGET_YEAR, "target")
  if (targetYear <= baseYear) throw badOption("target", targetYear, { en: `a year after the base year ${baseYear}`, zh: `晚于基期 ${baseYear} 的年份` })
  if (o.threshold === undefined) return { baseYear, targetYear, threshold: null }
  for (const [k, v] of Object.entries(o.threshold)) {
    if (!(PROMOTION_INDICATORS as ReadonlyArray<string>).includes(k))
      throw badOption(`threshold.${k}`, v, { en: "a threshold of revenue, employment or tax_total", zh: "revenue、employment 或 tax_total 的门槛" })
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) throw badOption(`threshold.${k}`, v, { en: "a number of 0 or more", zh: "不小于 0 的数" })
  }
  return { baseYear, targetYear, threshold: o.threshold }
}

/**
 * The years the promotion reads: the base year to the target year.
 * @example promotionRange({ baseYear: 2009, targetYear: 2012 }) // { from: "2009", to: "2012" }
 */
export const promotionRange = (o: PromotionOptions): PeriodRange => {
  const { baseYear, targetYear } = promotionOptions(o)
  return { from: String(baseYear), to: String(targetYear) }
}

const indicatorNames: Record<PromotionIndicator, { zh: string; en: string }> = {
  revenue: { zh: "营业收入", en: "Revenue" },
  employment: { zh: "从业人员", en: "Employment" },
  tax_total: { zh: "税收", en: "Tax" },
}

/**
 * 篇8's 考核晋级 for the industrial zones (or the one named): the doubling of 营业收入, 从业人员 and 税收 from the base
 * to the target year, the basic threshold for the zones the commission found to have a weak base, and the verdict
 * 晋级 / 保持 / 降级摘牌警示 — or incomplete when a value is missing, never a verdict from zeros. InputError
 * "bad_option", "unknown_cluster", "unknown_period" (a year without any data).
 * @example promotionDocument(data, { baseYear: 2009, targetYear: 2012 }).counts.promoted
 */
export const promotionDocument = (data: AssessmentData, options: PromotionOptions): PromotionDocument => {
  const { baseYear, targetYear, threshold } = promotionOptions(options)
  const base = String(baseYear)
  const target = String(targetYear)
  for (const p of [base, target]) if (!data.periods.includes(p)) throw unknownPeriod(p, data.periods)
  const zones = options.cluster !== undefined ? [findZone(data.input.clusters, options.cluster)] : data.input.clusters.filter(isIndustrialZone)
  const v = data.input.value
  const entries = zones.map((c): ZonePromotionEntry => {
    const weak = data.input.fact(c.id, "weak_base", target)
    const r = promotionVerdict(
      {
        base: Object.fromEntries(PROMOTION_INDICATORS.map((k) => [k, v(c.id, k, base)])),
        target: Object.fromEntries(PROMOTION_INDICATORS.map((k) => [k, v(c.id, k, target)])),
        weakBase: weak,
      },
      threshold,
    )
    return {
      id: c.id,
      name: c.name,
      group: c.group,
      weakBase: weak ?? null,
      verdict: r.verdict,
      verdictName: promotionVerdictNames[r.verdict],
      checks: r.checks,
      missing: r.missing.map((m) => ({ indicator: m.indicator, year: m.which === "base" ? base : target })),
      reason: r.reason,
    }
  })
  const count = (x: ZonePromotionEntry["verdict"]) => entries.filter((e) => e.verdict === x).length
  const thresholdText =
    threshold === null
      ? undefined
      : Object.entries(threshold)
          .map(([k, x]) => `${k}=${x}`)
          .join(",")
  return {
    baseYear,
    targetYear,
    indicators: PROMOTION_INDICATORS.map((code) => ({ code, name: indicatorNames[code] })),
    threshold: threshold === null ? null : { ...threshold },
    settings: [
      setting("base_year", options.baseYear, PROMOTION_BASE_YEAR, ruleSource("p8.promotion.base_year"), { zh: "基期", en: "the base year" }),
      setting("target_year", options.targetYear, PROMOTION_TARGET_YEAR, ruleSource("p8.promotion.doubling"), { zh: "目标年", en: "the target year" }),
      setting("threshold", thresholdText, null, ruleSource("p8.promotion.threshold"), { zh: "基本门槛", en: "the basic threshold" }),
    ],
    zones: entries,
    counts: { promoted: count("promoted"), kept: count("kept"), demotionWarning: count("demotion_warning"), incomplete: count("incomplete") },
    rules: [
      appliedRule("p8.promotion.doubling"),
      appliedRule("p8.promotion.threshold"),
      appliedRule("p8.promotion.base_year"),
      appliedRule("p8.promotion.reading"),
      appliedRule("p8.promotion.indicators"),
      appliedRule("p8.promotion.verdict"),
      appliedRule("p8.promotion.incomplete"),
    ],
    source: data.source,
    demo: data.hasDemo,
  }
}
