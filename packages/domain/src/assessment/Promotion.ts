/**
 * 篇8's 考核晋级: "对于现在基础较好的集聚区,要求到2012年主要指标(企业营业收、从业人员、税收)要实现翻番;对于现在基础
 * 单薄的集聚区,除了翻番以外,还要达到一个基本门槛,否则就会面临降级摘牌". A zone with a good base that has doubled
 * the three indicators is promoted (晋级), one that has not stays (保持); a weak-base zone must also reach the basic
 * threshold (基本门槛), or it faces the demotion warning (降级摘牌). The threshold's numbers and which zones have a
 * weak base are the commission's input; a missing value never decides anything.
 */
import type { Bilingual } from "../model/errors.js"

/** The three main indicators of the doubling (企业营业收、从业人员、税收), by catalogue code. */
export const PROMOTION_INDICATORS = ["revenue", "employment", "tax_total"] as const
export type PromotionIndicator = (typeof PROMOTION_INDICATORS)[number]

/** The verdicts: 晋级, 保持, 降级摘牌警示, or no verdict for want of data. */
export type PromotionVerdict = "promoted" | "kept" | "demotion_warning" | "incomplete"

/** The verdicts' names. */
export const promotionVerdictNames: Record<PromotionVerdict, Bilingual> = {
  promoted: { zh: "晋级", en: "Promoted" },
  kept: { zh: "保持", en: "Unchanged" },
  demotion_warning: { zh: "降级摘牌警示", en: "Demotion warning" },
  incomplete: { zh: "不完整", en: "Incomplete" },
}

/** The basic threshold (基本门槛): the least value of each indicator in the target year; an indicator left out is not checked. */
export type BasicThreshold = Partial<Record<PromotionIndicator, number>>

/** What the promotion reads about one zone. */
export interface PromotionZone {
  readonly base: Partial<Record<PromotionIndicator, number | undefined>>
  readonly target: Partial<Record<PromotionIndicator, number | undefined>>
  /** The commission's finding that the zone's base is weak (基础单薄); undefined when it has made none. */
  readonly weakBase: boolean | undefined
}

/** One indicator's check. */
export interface PromotionCheck {
  readonly indicator: PromotionIndicator
  readonly base: number | null
  readonly target: number | null
  /** target / base; null when either is missing or the base is not positive. */
  readonly ratio: number | null
  /** target ≥ 2 × base; null when it cannot be told. */
  readonly doubled: boolean | null
  /** The basic threshold, when the zone has a weak base (or its base is unknown) and one is set. */
  readonly threshold: number | null
  /** target ≥ threshold; null when no threshold applies or the target is missing. */
  readonly reached: boolean | null
}

/** A zone's verdict with its checks and why. */
export interface PromotionResult {
  readonly verdict: PromotionVerdict
  readonly checks: ReadonlyArray<PromotionCheck>
  /** "indicator year" for each value missing (base or target year). */
  readonly missing: ReadonlyArray<{ readonly indicator: PromotionIndicator; readonly which: "base" | "target" }>
  readonly reason: Bilingual
}

const names: Record<PromotionIndicator, Bilingual> = {
  revenue: { zh: "营业收入", en: "revenue" },
  employment: { zh: "从业人员", en: "employment" },
  tax_total: { zh: "税收", en: "tax" },
}

const listOf = (xs: ReadonlyArray<PromotionIndicator>): Bilingual => ({
  zh: xs.map((x) => names[x].zh).join("、"),
  en: xs.map((x) => names[x].en).join(", "),
})

/**
 * One zone's 考核晋级 verdict. Doubled means the target year's value is at least twice the base year's (exactly twice
 * counts); the threshold is reached at or above it. A good-base zone: all three doubled → promoted, else kept. A
 * weak-base zone: all three doubled and every threshold reached → promoted, else demotion warning. A zone whose base
 * the commission has not classified gets a verdict only when it meets the weak-base requirement (promoted either way);
 * otherwise, like a zone with a value missing or a base of zero, it is incomplete. A weak-base zone with no threshold
 * set is incomplete unless it has already failed the doubling.
 * @example promotionVerdict({ base: { revenue: 10, employment: 1, tax_total: 2 }, target: { revenue: 20, employment: 2, tax_total: 4 }, weakBase: false }, null).verdict // "promoted"
 */
export const promotionVerdict = (zone: PromotionZone, threshold: BasicThreshold | null): PromotionResult => {
  const thresholdApplies = zone.weakBase !== false && threshold !== null
  const missing: Array<{ indicator: PromotionIndicator; which: "base" | "target" }> = []
  const checks = PROMOTION_INDICATORS.map((indicator): PromotionCheck => {
    const base = zone.base[indicator] ?? null
    const target = zone.target[indicator] ?? null
    if (base === null) missing.push({ indicator, which: "base" })
    if (target === null) missing.push({ indicator, which: "target" })
    const known = base !== null && target !== null && base > 0
    const t = thresholdApplies ? (threshold[indicator] ?? null) : null
    return {
      indicator,
      base,
      target,
      ratio: known ? target / base : null,
      doubled: known ? target >= 2 * base : null,
      threshold: t,
      reached: t === null || target === null ? null : target >= t,
    }
  })
  const incomplete = (reason: Bilingual): PromotionResult => ({ verdict: "incomplete", checks, missing, reason })
  if (missing.length > 0) {
    const what = missing.map((m) => `${names[m.indicator].zh}（${m.which === "base" ? "基期" : "目标年"}）`).join("、")
    const whatEn = missing.map((m) => `${names[m.indicator].en} (${m.which} year)`).join(", ")
    return incomplete({ zh: `缺少${what}，不作判断`, en: `${whatEn} missing: no verdict` })
  }
  const zeroBase = checks.filter((c) => c.doubled === null).map((c) => c.indicator)
  if (zeroBase.length > 0) {
    const l = listOf(zeroBase)
    return incomplete({ zh: `${l.zh}基期为 0，无法判断翻番`, en: `${l.en} is zero in the base year: doubling cannot be judged` })
  }
  const short = checks.filter((c) => c.doubled === false).map((c) => c.indicator)
  const below = checks.filter((c) => c.reached === false).map((c) => c.indicator)
  const doubled = short.length === 0
  const shortText = listOf(short)
  if (zone.weakBase === false)
    return doubled
      ? { verdict: "promoted", checks, missing, reason: { zh: "基础较好，三项主要指标均已翻番", en: "good base; all three main indicators doubled" } }
      : {
          verdict: "kept",
          checks,
          missing,
          reason: { zh: `基础较好，${shortText.zh}未翻番`, en: `good base; ${shortText.en} not doubled` },
        }
  if (zone.weakBase === true) {
    if (!doubled)
      return {
        verdict: "demotion_warning",
        checks,
        missing,
        reason: { zh: `基础单薄，${shortText.zh}未翻番，面临降级摘牌`, en: `weak base; ${shortText.en} not doubled: faces demotion` },
      }
    if (threshold === null)
      return incomplete({
        zh: "基础单薄，已翻番，但委员会未设定基本门槛，无法判断",
        en: "weak base and doubled, but the commission has set no basic threshold: no verdict",
      })
    if (below.length > 0) {
      const l = listOf(below)
      return {
        verdict: "demotion_warning",
        checks,
        missing,
        reason: {
          zh: `基础单薄，已翻番，但${l.zh}未达基本门槛，面临降级摘牌`,
          en: `weak base; doubled, but ${l.en} below the basic threshold: faces demotion`,
        },
      }
    }
    return {
      verdict: "promoted",
      checks,
      missing,
      reason: { zh: "基础单薄，已翻番并达到基本门槛", en: "weak base; doubled and at or above the basic threshold" },
    }
  }
  // The commission has not said whether the base is weak: only meeting both requirements decides.
  if (doubled && threshold !== null && below.length === 0)
    return {
      verdict: "promoted",
      checks,
      missing,
      reason: {
        zh: "基础是否单薄未认定，但已翻番并达到基本门槛，两种情形均晋级",
        en: "base status not classified, but doubled and at or above the basic threshold: promoted either way",
      },
    }
  return incomplete({
    zh: "委员会未认定基础是否单薄（事实 weak_base），无法在保持与降级摘牌之间判断",
    en: "the commission has not classified the zone's base (fact weak_base): no verdict between unchanged and demotion",
  })
}
