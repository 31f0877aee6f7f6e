/**
 * The one rule for whether a value may be stored for a zone, an indicator and a period. The web form, the
 * submission use case (POST /v1/clusters/{id}/observations) and both import paths (`jiju import`, POST
 * /v1/observations/import) ask this module, so that a value refused in one place is refused in all, with the same
 * code and wording:
 *
 * - the zone: known (`unknown_cluster`) and not archived (`cluster_archived`);
 * - the indicator: in the catalogue (`unknown_indicator`) and not archived (`indicator_archived`);
 * - the period: of the grammar (`bad_period`) and begun (`period_not_begun`);
 * - the value against the indicator's unit and direction: finite (`not_finite`), not negative unless the
 *   indicator allows it (`negative_value`), a percentage within 0–100 unless the indicator may be negative (a
 *   growth rate) (`percent_range`), a whole number for counts (`not_integer`);
 * - duplicates: a value already stored for the key, where a first submission is not a correction
 *   (`duplicate_value`), and one key given twice in one input (`duplicate_key`).
 */
import type { Bilingual } from "./errors.js"
import type { IndicatorDefinition } from "./Indicator.js"
import { hasBegun, isPeriodText } from "./Period.js"

/** The stable codes of the rule. */
export type ValueRuleCode =
  | "unknown_cluster"
  | "cluster_archived"
  | "unknown_indicator"
  | "indicator_archived"
  | "bad_period"
  | "period_not_begun"
  | "not_finite"
  | "negative_value"
  | "percent_range"
  | "not_integer"
  | "duplicate_value"
  | "duplicate_key"

/** Which part of a value a problem is about (the caller names the column or field it came from). */
export type ValuePart = "cluster" | "period" | "indicator" | "value"

/** One way a value breaks the rule: stable code, the part at fault, the offending input, the reason in both languages. */
export interface ValueProblem extends Bilingual {
  readonly code: ValueRuleCode
  readonly part: ValuePart
  readonly value: unknown
}

/** A zone as the rule sees it: its id and, when stored, since when it is archived (null: active). */
export interface RuleZone {
  readonly id: string
  readonly archivedAt?: string | null
}

/** An indicator as the rule sees it: its definition and, when stored, since when it is archived (null: active). */
export type RuleIndicator = Pick<IndicatorDefinition, "code" | "zh" | "en" | "unit" | "allowNegative"> & { readonly archivedAt?: string | null }

/** Units that count things (firms, patents, incidents, schools): their values are whole numbers. */
export const COUNT_UNITS: ReadonlySet<string> = new Set(["个", "件", "次", "起", "所"])

/**
 * Whether an indicator's unit counts things, so that its values are whole numbers.
 * @example isCountUnit("件") // true
 */
export const isCountUnit = (unit: string): boolean => COUNT_UNITS.has(unit.trim())

/**
 * Whether an indicator's unit is a percentage.
 * @example isPercentUnit("%") // true
 */
export const isPercentUnit = (unit: string): boolean => unit.trim() === "%"

const show = (v: unknown): string => (typeof v === "string" ? `"${v}"` : String(v))

/**
 * The zone's problem, if any: unknown (undefined entry) or archived. `key` is the zone as the input named it.
 * @example zoneProblem("hb-x", { id: "hb-x", archivedAt: "2025-01-01T00:00:00.000Z" })?.code // "cluster_archived"
 */
export const zoneProblem = (key: string, zone: RuleZone | undefined): ValueProblem | undefined => {
  if (zone === undefined)
    return {
      code: "unknown_cluster",
      part: "cluster",
      value: key,
      en: `unknown cluster ${show(key)} (not an id or name in the register)`,
      zh: `未知的集聚区 ${show(key)}（名录中没有此编号或名称）`,
    }
  if (zone.archivedAt != null)
    return {
      code: "cluster_archived",
      part: "cluster",
      value: key,
      en: `cluster ${zone.id} is archived and takes no new values`,
      zh: `集聚区 ${zone.id} 已归档，不再接收新数据`,
    }
  return undefined
}

/**
 * The indicator's problem, if any: not in the catalogue (undefined definition) or archived. `key` is the
 * indicator as the input named it (code, Chinese or English name).
 * @example indicatorProblem("moonbeams", undefined)?.code // "unknown_indicator"
 */
export const indicatorProblem = (key: string, def: RuleIndicator | undefined): ValueProblem | undefined => {
  if (def === undefined)
    return { code: "unknown_indicator", part: "indicator", value: key, en: `unknown indicator ${show(key)}`, zh: `未知的指标 ${show(key)}` }
  if (def.archivedAt != null)
    return {
      code: "indicator_archived",
      part: "indicator",
      value: key,
      en: `indicator ${def.code} is archived and takes no new values`,
      zh: `指标“${def.zh}”（${def.code}）已归档，不再接收新数据`,
    }
  return undefined
}

/**
 * The period's problem, if any: not of the grammar, or (when `now` is given) not begun yet.
 * @example periodProblem("2099", new Date("2025-06-01T00:00:00Z"))?.code // "period_not_begun"
 */
export const periodProblem = (period: string, now?: Date): ValueProblem | undefined => {
  if (!isPeriodText(period))
    return {
      code: "bad_period",
      part: "period",
      value: period,
      en: `bad period ${show(period)}: expected "2025", "2025Q1" or "2025-03"`,
      zh: `期间 ${show(period)} 无效：应为 "2025"、"2025Q1" 或 "2025-03"`,
    }
  if (now !== undefined && !hasBegun(period, now))
    return { code: "period_not_begun", part: "period", value: period, en: `the period ${period} has not begun`, zh: `期间 ${period} 尚未开始` }
  return undefined
}

/**
 * The value's problem against its indicator's unit and direction, if any: not finite, negative where the indicator
 * does not allow it, a percentage over 100 (indicators that may be negative, such as growth rates, are exempt), or
 * a fraction of a count.
 * @example measureProblem({ code: "firms", zh: "入驻企业数", en: "Firms in the zone", unit: "个", allowNegative: false }, 20.5)?.code // "not_integer"
 */
export const measureProblem = (def: RuleIndicator, value: number): ValueProblem | undefined => {
  if (!Number.isFinite(value))
    return { code: "not_finite", part: "value", value, en: `value ${show(value)} is not a finite number`, zh: `数值 ${show(value)} 不是有限数` }
  if (value < 0 && !def.allowNegative)
    return {
      code: "negative_value",
      part: "value",
      value,
      en: `${def.en} (${def.code}) cannot be negative: ${value}`,
      zh: `${def.zh}（${def.code}）不能为负数：${value}`,
    }
  if (isPercentUnit(def.unit) && !def.allowNegative && value > 100)
    return {
      code: "percent_range",
      part: "value",
      value,
      en: `${def.en} (${def.code}) is a percentage between 0 and 100: ${value}`,
      zh: `${def.zh}（${def.code}）为百分比，应在 0–100 之间：${value}`,
    }
  if (isCountUnit(def.unit) && !Number.isInteger(value))
    return {
      code: "not_integer",
      part: "value",
      value,
      en: `${def.en} (${def.code}) counts ${def.unit}: give a whole number, not ${value}`,
      zh: `${def.zh}（${def.code}）以“${def.unit}”计，应为整数：${value}`,
    }
  return undefined
}

/**
 * The problem of a value already stored for its zone, period and indicator, where the input is a first submission
 * (a correction replaces it instead).
 * `stored` is the value there, `value` the one offered (when known).
 * @example alreadyStored("hb-qibin", "2024", "revenue", 812.5, 813).code // "duplicate_value"
 */
export const alreadyStored = (zone: string, period: string, indicator: string, stored: unknown, value?: unknown): ValueProblem => ({
  code: "duplicate_value",
  part: "value",
  value: value ?? stored,
  en: `${zone} already has a ${period} value for ${indicator} (${show(stored)}); correct it instead`,
  zh: `${zone} 已有 ${period} 的 ${indicator} 数据（${show(stored)}）；如需修改请提交更正`,
})

/**
 * The problem of one zone, period and indicator given twice in one input; `first` names where it was given first
 * (a row number, or a field), `value` is the second one.
 * @example givenTwice("hb-qibin", "2024", "revenue", 2, 10).code // "duplicate_key"
 */
export const givenTwice = (zone: string, period: string, indicator: string, first: string | number, value: unknown): ValueProblem => ({
  code: "duplicate_key",
  part: "value",
  value,
  en: `duplicate: ${zone} ${period} ${indicator} is already given in ${typeof first === "number" ? `row ${first}` : first}`,
  zh: `重复：${zone} ${period} ${indicator} 已在${typeof first === "number" ? `第 ${first} 行` : first}给出`,
})

/** One value to check, with what the caller knows of its zone and indicator. */
export interface ValueCandidate {
  /** The zone as named by the input and its register entry (undefined: not in the register); omitted when the
   * caller checks the zone elsewhere (a submission checks it under the zone's row lock). */
  readonly zone?: { readonly key: string; readonly entry: RuleZone | undefined }
  readonly period: string
  /** The indicator as named by the input and its definition (undefined: not in the catalogue). */
  readonly indicator: { readonly key: string; readonly def: RuleIndicator | undefined }
  readonly value: number
}

/**
 * Every problem of one value under the rule, in the order zone, period, indicator, value (a value is checked
 * against its indicator only when the indicator is known and open). An empty list: the value may be stored.
 * `now` enables the period-not-begun check.
 * @example valueProblems({ period: "2024", indicator: { key: "revenue", def: revenueDef }, value: -5 }, new Date()).map((p) => p.code) // ["negative_value"]
 */
export const valueProblems = (c: ValueCandidate, now?: Date): ReadonlyArray<ValueProblem> => {
  const out: ValueProblem[] = []
  const zone = c.zone ? zoneProblem(c.zone.key, c.zone.entry) : undefined
  if (zone) out.push(zone)
  const period = periodProblem(c.period, now)
  if (period) out.push(period)
  const indicator = indicatorProblem(c.indicator.key, c.indicator.def)
  if (indicator) out.push(indicator)
  else {
    const measure = measureProblem(c.indicator.def!, c.value)
    if (measure) out.push(measure)
  }
  return out
}
