import * as Schema from "effect/Schema"
import { BilingualMessage } from "../../model/Bilingual.js"
import { InputError } from "../../model/errors.js"
import { AppliedRule } from "../../model/RuleSource.js"
import { FiscalIncentivePolicy, fiscalIncentive, henanFiscalIncentive, ZoneIncentive } from "../FiscalIncentive.js"
import { appliedRule } from "../RuleSources.js"
import { type AssessmentData, DataSource, findZone, unknownPeriod } from "./AssessmentData.js"
import { badOption, type PeriodRange, yearOption } from "./DocumentOptions.js"

/**
 * A share to try the arithmetic with in examples and tests. Never applied by default: the documents give no
 * proportion (按比例上缴省财政部分), so the commission states it (`--share`, `share`).
 */
export const DEFAULT_PROVINCIAL_SHARE = 0.25

/** The base year when none is given: Henan's (2009). */
export const DEFAULT_INCENTIVE_BASE_YEAR = 2009

/**
 * The return rules: the provincial share above the base (the documents' rule, 篇8), its year-on-year increase, or
 * Henan's later practice of three years of full return followed by three of year-on-year return (outside the
 * documents: an option, never the default).
 */
export type IncentiveRule = "full_refund" | "yoy" | "full_refund_then_yoy"

/** The rules `--rule` accepts. */
export const incentiveRules: ReadonlyArray<IncentiveRule> = ["full_refund", "yoy", "full_refund_then_yoy"]

/** The incentive to compute (the flags of `jiju incentive`, the query of GET /v1/assessments/incentive). */
export interface IncentiveOptions {
  /** The year whose three taxes fix the base; default 2009. */
  readonly baseYear?: number | undefined
  /** First year of the rule (default the year after the base year). */
  readonly from?: number | undefined
  readonly to?: number | undefined
  readonly rule?: IncentiveRule | undefined
  /** The province's share of the three taxes, 0–1: required (the documents give none); InputError "missing_share" without it. */
  readonly share?: number | undefined
  /** One zone; default every zone. */
  readonly cluster?: string | undefined
}

/** One zone's incentive in the document. */
export const ZoneIncentiveEntry = Schema.Struct({ name: Schema.String, ...ZoneIncentive.fields })
export type ZoneIncentiveEntry = typeof ZoneIncentiveEntry.Type

/** The incentive document: what `jiju incentive --json` prints and GET /v1/assessments/incentive answers. */
export const IncentiveDocument = Schema.Struct({
  policy: FiscalIncentivePolicy,
  /** Defaults taken in place of figures the documents do not give (none: the share is required). */
  assumptions: Schema.Array(BilingualMessage),
  /** The rules applied and their sources (the year-on-year rule, when chosen, is outside practice). */
  rules: Schema.Array(AppliedRule),
  source: DataSource,
  demo: Schema.Boolean,
  results: Schema.Array(ZoneIncentiveEntry),
})
export type IncentiveDocument = typeof IncentiveDocument.Type

const optionalYear = (value: number | undefined, option: string) => (value === undefined ? undefined : yearOption(value, option))

/**
 * InputError "missing_share": the incentive needs the provincial share, which the documents do not give.
 * @example missingShare().code // "missing_share"
 */
export const missingShare = (): InputError => {
  const en =
    "share is required: the province's share of 增值税, 营业税 and 企业所得税 (按比例上缴省财政部分, 0–1); the documents give no proportion, so the commission states it (--share 0.25)"
  const zh = "须给出 share：按比例上缴省财政部分的比例（0 到 1 之间，增值税、营业税、企业所得税）；文件未规定比例，由委员会给出（如 --share 0.25）"
  return new InputError({ code: "missing_share", message: en, zh, issues: [{ column: "share", value: null, en, zh }] })
}

/**
 * The policy the options describe. Without a rule: the documents' (篇8), the provincial share above the base
 * returned in full for the three years after the base year (一定三年) or over `from`…`to`. `yoy` returns the
 * year-on-year increase over `from`…`to` (default the three years after the full-return years);
 * `full_refund_then_yoy` is Henan's later practice, three years of each. The share is required.
 * InputError "missing_share", or "bad_option" naming the option for a year outside 1900–2099, a share outside
 * 0–1, an unknown rule, `from` after `to`, or a full refund starting by the base year.
 * @example incentivePolicy({ baseYear: 2015, share: 0.25 }).fullReturn // { from: 2016, to: 2018 }
 */
export const incentivePolicy = (options: IncentiveOptions): FiscalIncentivePolicy => {
  const baseYear = yearOption(options.baseYear ?? DEFAULT_INCENTIVE_BASE_YEAR, "baseYear")
  if (options.rule !== undefined && !incentiveRules.includes(options.rule))
    throw badOption("rule", options.rule, {
      en: "full_refund, yoy or full_refund_then_yoy",
      zh: "full_refund（超基数全返）、yoy（同比增量返还）或 full_refund_then_yoy（先全返后增量返还）",
    })
  const share = options.share
  if (share === undefined) throw missingShare()
  if (!(share >= 0 && share <= 1)) throw badOption("share", share, { en: "a number from 0 to 1", zh: "0 到 1 之间的数" })
  const givenFrom = optionalYear(options.from, "from")
  const givenTo = optionalYear(options.to, "to")
  if (options.rule === "full_refund_then_yoy") {
    const h = henanFiscalIncentive(share)
    const shift = baseYear - h.baseYear
    const from = givenFrom ?? h.fullReturn.from + shift
    if (from <= baseYear) throw badOption("from", from, { en: `a year after the base year ${baseYear}`, zh: `晚于基年 ${baseYear} 的年份` })
    // Three years of full return from `from`, then year-on-year return to `to` (default three years more).
    const to = givenTo ?? from + 5
    if (to < from + 3)
      throw badOption("to", to, { en: `a year from ${from + 3} on (three years of full return come first)`, zh: `不早于 ${from + 3} 年（先全额返还三年）` })
    return { baseYear, fullReturn: { from, to: from + 2 }, increaseReturn: { from: from + 3, to }, provincialShare: share }
  }
  const rule = options.rule ?? "full_refund"
  const from = givenFrom ?? (rule === "full_refund" ? baseYear + 1 : baseYear + 4)
  const to = givenTo ?? (rule === "full_refund" ? baseYear + 3 : baseYear + 6)
  if (from > to) throw badOption("from", from, { en: `a year no later than to (${to})`, zh: `不晚于截止年 to（${to}）的年份` })
  if (rule === "full_refund" && from <= baseYear)
    throw badOption("from", from, { en: `a year after the base year ${baseYear}`, zh: `晚于基年 ${baseYear} 的年份` })
  // An empty full-return range (from > to) leaves only the year-on-year rule.
  return rule === "full_refund"
    ? { baseYear, fullReturn: { from, to }, increaseReturn: null, provincialShare: share }
    : { baseYear, fullReturn: { from: to + 1, to }, increaseReturn: { from, to }, provincialShare: share }
}

/**
 * The years the incentive reads: the base year to the policy's last year. InputError "bad_option" as {@link incentivePolicy}.
 * @example incentivePeriodRange({ share: 0.25 }) // { from: "2009", to: "2012" }
 */
export const incentivePeriodRange = (options: IncentiveOptions): PeriodRange => {
  const policy = incentivePolicy(options)
  return { from: String(policy.baseYear), to: String(Math.max(policy.fullReturn.to, policy.increaseReturn?.to ?? 0)) }
}

/**
 * The fiscal incentive (核定基数、超收全返、一定三年) of the zone named or of every zone, year by year with the
 * arithmetic, and the rules applied with their sources. InputError "missing_share", "bad_option",
 * "unknown_cluster", or "unknown_period" when the base year has no data.
 * @example incentiveDocument(data, { share: 0.25, cluster: "hb-baoshan" }).results[0]?.totalReturned
 */
export const incentiveDocument = (data: AssessmentData, options: IncentiveOptions): IncentiveDocument => {
  const policy = incentivePolicy(options)
  const zones = options.cluster !== undefined ? [findZone(data.input.clusters, options.cluster)] : data.input.clusters
  const base = String(policy.baseYear)
  if (!data.periods.includes(base)) throw unknownPeriod(base, data.periods)
  const results = fiscalIncentive(
    policy,
    zones.map((c) => c.id),
    data.input.value,
  ).map((z, i) => ({ name: zones[i]!.name, ...z }))
  const fullReturn = policy.fullReturn.from <= policy.fullReturn.to
  const rules = [
    appliedRule("p8.incentive"),
    appliedRule("p8.incentive.base"),
    ...(fullReturn ? [appliedRule("p8.incentive.years")] : []),
    appliedRule("p8.incentive.share"),
    ...(policy.increaseReturn !== null ? [appliedRule("p8.incentive.yoy")] : []),
  ]
  return { policy, assumptions: [], rules, source: data.source, demo: data.hasDemo, results }
}
