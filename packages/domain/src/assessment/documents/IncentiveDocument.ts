import * as Schema from "effect/Schema"
import { BilingualMessage } from "../../model/Bilingual.js"
import { FiscalIncentivePolicy, fiscalIncentive, henanFiscalIncentive, ZoneIncentive } from "../FiscalIncentive.js"
import { type AssessmentData, DataSource, findZone, unknownPeriod } from "./AssessmentData.js"
import { badOption, type PeriodRange, yearOption } from "./DocumentOptions.js"

/** The provincial share when none is given: an assumption, stated with the result (the documents give none). */
export const DEFAULT_PROVINCIAL_SHARE = 0.25

/** The base year when none is given: Henan's (2009). */
export const DEFAULT_INCENTIVE_BASE_YEAR = 2009

/** The return rules: the provincial share above the base, or its year-on-year increase. */
export type IncentiveRule = "full_refund" | "yoy"

/** The incentive to compute (the flags of `jiju incentive`, the query of GET /v1/assessments/incentive). */
export interface IncentiveOptions {
  /** The year whose three taxes fix the base; default 2009. */
  readonly baseYear?: number | undefined
  /** First year of the rule; with `to` and `rule` it replaces Henan's two-rule policy. */
  readonly from?: number | undefined
  readonly to?: number | undefined
  readonly rule?: IncentiveRule | undefined
  /** The province's share of the three taxes, 0–1; default {@link DEFAULT_PROVINCIAL_SHARE} (an assumption). */
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
  /** Defaults taken in place of figures the documents do not give. */
  assumptions: Schema.Array(BilingualMessage),
  source: DataSource,
  demo: Schema.Boolean,
  results: Schema.Array(ZoneIncentiveEntry),
})
export type IncentiveDocument = typeof IncentiveDocument.Type

const optionalYear = (value: number | undefined, option: string) => (value === undefined ? undefined : yearOption(value, option))

/**
 * The policy the options describe. Without a rule and a range: Henan's, moved to the base year (full return for
 * the three years after it, then three years of year-on-year return); with `rule` (default full_refund) one rule
 * over `from`…`to` (default the three years after the base year, or for yoy the three after those).
 * InputError "bad_option" naming the option for a year outside 1900–2099, a share outside 0–1, an unknown
 * rule, `from` after `to`, or a full refund starting by the base year.
 * @example incentivePolicy({ baseYear: 2015 }).fullReturn // { from: 2016, to: 2018 }
 */
export const incentivePolicy = (options: IncentiveOptions): FiscalIncentivePolicy => {
  const baseYear = yearOption(options.baseYear ?? DEFAULT_INCENTIVE_BASE_YEAR, "baseYear")
  const share = options.share ?? DEFAULT_PROVINCIAL_SHARE
  if (!(share >= 0 && share <= 1)) throw badOption("share", share, { en: "a number from 0 to 1", zh: "0 到 1 之间的数" })
  if (options.rule !== undefined && options.rule !== "full_refund" && options.rule !== "yoy")
    throw badOption("rule", options.rule, { en: "full_refund or yoy", zh: "full_refund（超基数全返）或 yoy（同比增量返还）" })
  const givenFrom = optionalYear(options.from, "from")
  const givenTo = optionalYear(options.to, "to")
  if (options.rule === undefined && givenFrom === undefined && givenTo === undefined) {
    const h = henanFiscalIncentive(share)
    const shift = baseYear - h.baseYear
    return {
      ...h,
      baseYear,
      fullReturn: { from: h.fullReturn.from + shift, to: h.fullReturn.to + shift },
      increaseReturn: { from: h.increaseReturn!.from + shift, to: h.increaseReturn!.to + shift },
    }
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
 * @example incentivePeriodRange({}) // { from: "2009", to: "2015" }
 */
export const incentivePeriodRange = (options: IncentiveOptions): PeriodRange => {
  const policy = incentivePolicy(options)
  return { from: String(policy.baseYear), to: String(Math.max(policy.fullReturn.to, policy.increaseReturn?.to ?? 0)) }
}

/**
 * The fiscal incentive (核定基数、超收全返、一定三年) of the zone named or of every zone, year by year with the
 * arithmetic; a default share is stated as an assumption. InputError "bad_option", "unknown_cluster", or
 * "unknown_period" when the base year has no data.
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
  const assumptions =
    options.share === undefined
      ? [
          {
            zh: `省级分成比例取 ${DEFAULT_PROVINCIAL_SHARE}（假设，文件未规定；用 --share 设定）`,
            en: `provincial share ${DEFAULT_PROVINCIAL_SHARE} (an assumption: the documents give none; set it with --share)`,
          },
        ]
      : []
  return { policy, assumptions, source: data.source, demo: data.hasDemo, results }
}
