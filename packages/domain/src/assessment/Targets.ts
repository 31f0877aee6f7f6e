import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import { findIndicator } from "../model/catalogue.js"
import type { Bilingual } from "../model/errors.js"
import { yearOf } from "../model/Period.js"
import type { ValueLookup } from "./AssessmentInput.js"

/**
 * A development target over a set of clusters:
 * - `count_above`: at least `count` clusters with the indicator above (`>`) or at (`>=`) the threshold;
 * - `total`: the clusters' sum reaches `min`;
 * - `share_of_region`: the clusters' sum is at least `min` (a fraction) of the region's total of `regionIndicator`;
 * - `annual_growth`: the clusters' sum grows by `rate` a year from `baseYear`;
 * - `level`: the clusters' mean (or the region's value) reaches `min`.
 */
export type Target =
  | {
      readonly id: string
      readonly kind: "count_above"
      readonly indicator: string
      readonly op: ">" | ">="
      readonly threshold: number
      readonly count: number
      readonly description: Bilingual
    }
  | { readonly id: string; readonly kind: "total"; readonly indicator: string; readonly min: number; readonly description: Bilingual }
  | {
      readonly id: string
      readonly kind: "share_of_region"
      readonly indicator: string
      readonly regionIndicator: string
      readonly min: number
      readonly description: Bilingual
    }
  | {
      readonly id: string
      readonly kind: "annual_growth"
      readonly indicator: string
      readonly rate: number
      readonly baseYear: number
      readonly description: Bilingual
    }
  | {
      readonly id: string
      readonly kind: "level"
      readonly indicator: string
      readonly aggregate: "mean" | "region"
      readonly min: number
      readonly description: Bilingual
    }

/** A named set of targets due in `targetYear`. */
export interface TargetSet {
  /** Stable id, e.g. "hengshui". */
  readonly id: string
  /** Display name. */
  readonly name: Bilingual
  /** Year by which the targets are due. */
  readonly targetYear: number
  /** The targets. */
  readonly targets: ReadonlyArray<Target>
  /** Assumptions made in turning the document into targets. */
  readonly notes?: ReadonlyArray<Bilingual>
}

/**
 * 衡水 (seed 003): 3 clusters with revenue above 100亿 and 5 more above 50亿 (tracked as 8 above 50亿),
 * clusters ≥ 65 % of the county economy (tracked as the clusters' value added over the region's GDP — an
 * assumption: the document says 经济总量). Pass the result to {@link trackTargets}.
 * @example hengshuiTargets(2025).targets.map((t) => t.id) // ["above_100", "above_50", "economy_share"]
 */
export const hengshuiTargets = (targetYear: number): TargetSet => ({
  id: "hengshui",
  name: { zh: "衡水市产业集群发展目标", en: "Hengshui cluster targets" },
  targetYear,
  targets: [
    {
      id: "above_100",
      kind: "count_above",
      indicator: "revenue",
      op: ">",
      threshold: 100,
      count: 3,
      description: { zh: "年营业收入超100亿元的产业集群3个", en: "3 clusters with revenue above 10bn CNY" },
    },
    {
      id: "above_50",
      kind: "count_above",
      indicator: "revenue",
      op: ">",
      threshold: 50,
      count: 8,
      description: { zh: "另有5个超50亿元（共8个超50亿元）", en: "5 more above 5bn CNY (8 above 5bn in all)" },
    },
    {
      id: "economy_share",
      kind: "share_of_region",
      indicator: "value_added",
      regionIndicator: "gdp",
      min: 0.65,
      description: { zh: "产业集群经济总量占县域经济总量65%以上", en: "clusters at least 65% of the county economy" },
    },
  ],
  notes: [{ zh: "假设：经济总量以增加值 / 地区生产总值计算。", en: "Assumption: economic weight measured as value added over GDP." }],
})

/**
 * 大连 (seed 003): the 15 clusters reach 8800亿 gross output, ≥ 80 % of industrial output above designated size.
 * Pass the result to {@link trackTargets}.
 * @example dalianTargets(2025).targets.length // 2
 */
export const dalianTargets = (targetYear: number): TargetSet => ({
  id: "dalian",
  name: { zh: "大连市产业集群发展目标", en: "Dalian cluster targets" },
  targetYear,
  targets: [
    {
      id: "output_total",
      kind: "total",
      indicator: "gross_output",
      min: 8800,
      description: { zh: "15个产业集群总产值规模达到8800亿元", en: "15 clusters' gross output reaches 880bn CNY" },
    },
    {
      id: "output_share",
      kind: "share_of_region",
      indicator: "gross_output",
      regionIndicator: "gross_output",
      min: 0.8,
      description: { zh: "占全市规模以上工业总产值的80%以上", en: "at least 80% of the city's industrial output" },
    },
  ],
})

/**
 * 陕西 (seed 003): sales +25 % and value added +18 % a year from `baseYear`, local supply ratio from < 30 % to ≥ 50 %.
 * Pass the result to {@link trackTargets}.
 * @example shaanxiTargets(2020, 2025).targetYear // 2025
 */
export const shaanxiTargets = (baseYear: number, targetYear: number): TargetSet => ({
  id: "shaanxi",
  name: { zh: "陕西省产业集群发展目标", en: "Shaanxi cluster targets" },
  targetYear,
  targets: [
    {
      id: "sales_growth",
      kind: "annual_growth",
      indicator: "revenue",
      rate: 0.25,
      baseYear,
      description: { zh: "产业集群销售收入年均增长25%左右", en: "cluster sales up about 25% a year" },
    },
    {
      id: "va_growth",
      kind: "annual_growth",
      indicator: "value_added",
      rate: 0.18,
      baseYear,
      description: { zh: "增加值年均增长18%左右", en: "value added up about 18% a year" },
    },
    {
      id: "local_supply",
      kind: "level",
      indicator: "local_supply_ratio",
      aggregate: "mean",
      min: 50,
      description: { zh: "产业集群省内配套率由不到30%提高到50%以上", en: "local supply ratio from under 30% to 50% or more" },
    },
  ],
})

/** The kinds of target. */
export const TargetKind = Schema.Literals(["count_above", "total", "share_of_region", "annual_growth", "level"])

/** One target tracked (JSON-ready). */
export const TargetProgress = Schema.Struct({
  /** Target id within its set. */
  id: Schema.String,
  /** The target's kind. */
  kind: TargetKind,
  /** The target as the document words it. */
  description: BilingualMessage,
  /** The value reached in the tracked period (count, sum, share, rate or level); null when it cannot be computed. */
  actual: Schema.NullOr(Schema.Number),
  /** The value to reach. */
  target: Schema.Number,
  /** Whether the target is met now; null when actual is unknown. */
  attained: Schema.NullOr(Schema.Boolean),
  /** actual / target (for `annual_growth`: realised rate / target rate). */
  attainment: Schema.NullOr(Schema.Number),
  /** target − actual when short, else 0. */
  gap: Schema.NullOr(Schema.Number),
  /** Growth a year needed from now to reach the target by the target year (null when not applicable). */
  requiredAnnualGrowth: Schema.NullOr(Schema.Number),
  /** For `level` targets: points a year needed. */
  requiredAnnualChange: Schema.NullOr(Schema.Number),
  /** Clusters without a value (left out of sums and counts). */
  missing: Schema.Array(Schema.String),
  /** For `count_above`: the clusters not yet above, closest first, with the growth a year each needs. */
  candidates: Schema.Array(Schema.Struct({ clusterId: Schema.String, value: Schema.Number, requiredAnnualGrowth: Schema.NullOr(Schema.Number) })),
  /** Summary sentence in both languages. */
  text: BilingualMessage,
})
export type TargetProgress = typeof TargetProgress.Type

/** A target set tracked in one period (JSON-ready): what {@link trackTargets} answers. */
export const TargetTracking = Schema.Struct({
  setId: Schema.String,
  name: BilingualMessage,
  /** The period tracked. */
  period: Schema.String,
  targetYear: Schema.Number,
  /** targetYear − the period's year. */
  yearsLeft: Schema.Number,
  targets: Schema.Array(TargetProgress),
})
export type TargetTracking = typeof TargetTracking.Type

/** What {@link trackTargets} reads. */
export interface TargetInput {
  readonly clusterIds: ReadonlyArray<string>
  readonly value: ValueLookup
  /** The region's own figures (county GDP, the city's industrial output). */
  readonly region?: (indicator: string, period: string) => number | undefined
}

const pct = (x: number) => `${Number((x * 100).toFixed(2))}%`
const num = (x: number) => String(Number(x.toPrecision(6)))

/**
 * Track a target set against one period's observations: attainment, gap and the growth a year needed to
 * close it by the target year, g = (target / actual)^(1 / years left) − 1. A cluster without a value is left
 * out and listed in `missing`, never counted as zero.
 *
 * @example trackTargets(dalianTargets(2024), { clusterIds, value, region }, "2022").targets[0]?.requiredAnnualGrowth
 */
export const trackTargets = (set: TargetSet, input: TargetInput, period: string): TargetTracking => {
  const year = yearOf(period)
  const yearsLeft = set.targetYear - year
  const growthNeeded = (target: number, actual: number) => (yearsLeft > 0 && actual > 0 ? (target / actual) ** (1 / yearsLeft) - 1 : null)
  const sumOf = (indicator: string, p: string) => {
    const vals = input.clusterIds.map((id) => [id, input.value(id, indicator, p)] as const)
    return {
      sum: vals.reduce((a, [, v]) => a + (v ?? 0), 0),
      missing: vals.filter(([, v]) => v === undefined).map(([id]) => id),
      present: vals.filter(([, v]) => v !== undefined).length,
    }
  }
  const targets: TargetProgress[] = set.targets.map((t) => {
    const unit = findIndicator(t.indicator)?.unit ?? ""
    const unitEn = findIndicator(t.indicator)?.unitEn ?? ""
    const base = { id: t.id, kind: t.kind, description: t.description, requiredAnnualChange: null, candidates: [] as TargetProgress["candidates"] }
    switch (t.kind) {
      case "count_above": {
        const vals = input.clusterIds.map((id) => [id, input.value(id, t.indicator, period)] as const)
        const above = (v: number) => (t.op === ">" ? v > t.threshold : v >= t.threshold)
        const count = vals.filter(([, v]) => v !== undefined && above(v)).length
        const missing = vals.filter(([, v]) => v === undefined).map(([id]) => id)
        const candidates = vals
          .filter((x): x is readonly [string, number] => x[1] !== undefined && !above(x[1]))
          .sort((a, b) => b[1] - a[1])
          .map(([clusterId, value]) => ({ clusterId, value, requiredAnnualGrowth: growthNeeded(t.threshold, value) }))
        const gap = Math.max(0, t.count - count)
        const needed = candidates.slice(0, gap)
        const required = gap === 0 ? 0 : needed.length < gap ? null : needed[needed.length - 1]!.requiredAnnualGrowth
        return {
          ...base,
          actual: count,
          target: t.count,
          attained: count >= t.count,
          attainment: count / t.count,
          gap,
          requiredAnnualGrowth: required,
          missing,
          candidates,
          text: {
            zh: `${t.description.zh}：现有 ${count} 个，${gap === 0 ? "已达成" : `还差 ${gap} 个${required !== null ? `，最接近的候选需年均增长 ${pct(required)}` : ""}`}`,
            en: `${t.description.en}: ${count} now, ${gap === 0 ? "attained" : `${gap} short${required !== null ? `; the nearest candidates need ${pct(required)} a year` : ""}`}`,
          },
        }
      }
      case "total": {
        const { sum, missing } = sumOf(t.indicator, period)
        const gap = Math.max(0, t.min - sum)
        const g = gap === 0 ? 0 : growthNeeded(t.min, sum)
        return {
          ...base,
          actual: sum,
          target: t.min,
          attained: sum >= t.min,
          attainment: sum / t.min,
          gap,
          requiredAnnualGrowth: g,
          missing,
          text: {
            zh: `${t.description.zh}：现为 ${num(sum)}${unit}（${pct(sum / t.min)}），${gap === 0 ? "已达成" : `差 ${num(gap)}${unit}${g !== null ? `，需年均增长 ${pct(g)}` : ""}`}`,
            en: `${t.description.en}: ${num(sum)} ${unitEn} now (${pct(sum / t.min)}), ${gap === 0 ? "attained" : `${num(gap)} ${unitEn} short${g !== null ? `; needs ${pct(g)} a year` : ""}`}`,
          },
        }
      }
      case "share_of_region": {
        const { sum, missing } = sumOf(t.indicator, period)
        const total = input.region?.(t.regionIndicator, period)
        if (total === undefined || !(total > 0))
          return {
            ...base,
            actual: null,
            target: t.min,
            attained: null,
            attainment: null,
            gap: null,
            requiredAnnualGrowth: null,
            missing,
            text: { zh: `${t.description.zh}：缺少地区 ${t.regionIndicator} 数据`, en: `${t.description.en}: no regional ${t.regionIndicator}` },
          }
        const share = sum / total
        const gap = Math.max(0, t.min - share)
        return {
          ...base,
          actual: share,
          target: t.min,
          attained: share >= t.min,
          attainment: share / t.min,
          gap,
          requiredAnnualGrowth: null,
          missing,
          text: {
            zh: `${t.description.zh}：现为 ${pct(share)}，${gap === 0 ? "已达成" : `差 ${pct(gap)}`}`,
            en: `${t.description.en}: ${pct(share)} now, ${gap === 0 ? "attained" : `${pct(gap)} short`}`,
          },
        }
      }
      case "annual_growth": {
        const now = sumOf(t.indicator, period)
        const then = sumOf(t.indicator, String(t.baseYear))
        const missing = [...new Set([...now.missing, ...then.missing])]
        const span = year - t.baseYear
        if (span <= 0 || then.sum <= 0 || missing.length > 0)
          return {
            ...base,
            actual: null,
            target: t.rate,
            attained: null,
            attainment: null,
            gap: null,
            requiredAnnualGrowth: null,
            missing,
            text: {
              zh: `${t.description.zh}：无法计算（需基年与当期完整数据）`,
              en: `${t.description.en}: cannot compute (needs complete base-year and current data)`,
            },
          }
        const realised = (now.sum / then.sum) ** (1 / span) - 1
        const goal = then.sum * (1 + t.rate) ** (set.targetYear - t.baseYear)
        const g = growthNeeded(goal, now.sum)
        return {
          ...base,
          actual: realised,
          target: t.rate,
          attained: realised >= t.rate,
          attainment: realised / t.rate,
          gap: Math.max(0, t.rate - realised),
          requiredAnnualGrowth: g,
          missing,
          text: {
            zh: `${t.description.zh}：${t.baseYear} 年以来年均增长 ${pct(realised)}${g !== null ? `；按期达到 ${num(goal)}${unit} 需此后年均增长 ${pct(g)}` : ""}`,
            en: `${t.description.en}: ${pct(realised)} a year since ${t.baseYear}${g !== null ? `; reaching ${num(goal)} ${unitEn} on time needs ${pct(g)} a year from now` : ""}`,
          },
        }
      }
      case "level": {
        const { sum, missing, present } = sumOf(t.indicator, period)
        const actual = t.aggregate === "region" ? (input.region?.(t.indicator, period) ?? null) : present > 0 ? sum / present : null
        if (actual === null)
          return {
            ...base,
            actual: null,
            target: t.min,
            attained: null,
            attainment: null,
            gap: null,
            requiredAnnualGrowth: null,
            missing,
            text: { zh: `${t.description.zh}：缺少数据`, en: `${t.description.en}: no data` },
          }
        const gap = Math.max(0, t.min - actual)
        const perYear = gap > 0 && yearsLeft > 0 ? gap / yearsLeft : gap === 0 ? 0 : null
        return {
          ...base,
          actual,
          target: t.min,
          attained: actual >= t.min,
          attainment: actual / t.min,
          gap,
          requiredAnnualGrowth: gap === 0 ? 0 : growthNeeded(t.min, actual),
          requiredAnnualChange: perYear,
          missing,
          text: {
            zh: `${t.description.zh}：现为 ${num(actual)}${unit}，${gap === 0 ? "已达成" : `差 ${num(gap)}${unit}${perYear !== null ? `，需每年提高 ${num(perYear)}${unit}` : ""}`}`,
            en: `${t.description.en}: ${num(actual)} ${unitEn} now, ${gap === 0 ? "attained" : `${num(gap)} ${unitEn} short${perYear !== null ? `; needs +${num(perYear)} ${unitEn} a year` : ""}`}`,
          },
        }
      }
      default: {
        const unknown: never = t
        return unknown
      }
    }
  })
  return { setId: set.id, name: set.name, period, targetYear: set.targetYear, yearsLeft, targets }
}
