/**
 * 篇8's supervision (督导): the slowest zones get on-site supervision reported monthly, the least active a yellow
 * card, model zones are promoted and fast-growing weak-base county zones shown as examples. These are the
 * commission's decisions, recorded with their reasons; Jiju supports them with rankings (who grew slowest, which
 * weak-base county zones grew fastest) and never makes them itself.
 */
import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import { findIndicator } from "../model/catalogue.js"
import type { Bilingual } from "../model/errors.js"
import { InputError } from "../model/errors.js"
import { isPeriodText, previousPeriod } from "../model/Period.js"
import { AppliedRule } from "../model/RuleSource.js"
import { competitionRanks } from "./Ranking.js"
import { appliedRule } from "./RuleSources.js"

/** The measures: 现场督导, 黄牌警告, 典型推广 (四集一转), 典型交流 (weak base, fast growth). */
export const SupervisionMeasure = Schema.Literals(["on_site_supervision", "yellow_card", "model_zone", "model_exchange"])
export type SupervisionMeasure = typeof SupervisionMeasure.Type

/** The measures' names. */
export const supervisionMeasureNames: Record<SupervisionMeasure, Bilingual> = {
  on_site_supervision: { zh: "现场督导", en: "On-site supervision" },
  yellow_card: { zh: "黄牌警告", en: "Yellow card" },
  model_zone: { zh: "全省典型推广（四集一转）", en: "Model zone (四集一转)" },
  model_exchange: { zh: "典型交流（基础差、发展快）", en: "Example for exchange (weak base, fast growth)" },
}

/** A monthly report of an on-site supervision. */
export const SupervisionReport = Schema.Struct({
  id: Schema.String,
  /** The month reported, "2025-07". */
  month: Schema.String,
  text: BilingualMessage,
  reportedBy: Schema.String,
  reportedAt: Schema.String,
})
export type SupervisionReport = typeof SupervisionReport.Type

/** What a decision rests on: a ranking (scheme and period, or a document such as positions) and a note. */
export const DecisionEvidence = Schema.Struct({
  /** e.g. "supervision", "positions", or a scheme id. */
  ranking: Schema.NullOr(Schema.String),
  period: Schema.NullOr(Schema.String),
  runId: Schema.NullOr(Schema.String),
  note: Schema.NullOr(Schema.String),
})
export type DecisionEvidence = typeof DecisionEvidence.Type

/** A supervision decision as recorded: the zone, period and measure, the reason, who decided and when. */
export const SupervisionDecision = Schema.Struct({
  id: Schema.String,
  cluster: Schema.String,
  period: Schema.String,
  measure: SupervisionMeasure,
  reason: BilingualMessage,
  evidence: Schema.NullOr(DecisionEvidence),
  decidedBy: Schema.String,
  decidedAt: Schema.String,
  revokedAt: Schema.NullOr(Schema.String),
  reports: Schema.Array(SupervisionReport),
  isDemo: Schema.Boolean,
})
export type SupervisionDecision = typeof SupervisionDecision.Type

/** A decision to record. */
export const NewSupervisionDecision = Schema.Struct({
  cluster: Schema.NonEmptyString,
  period: Schema.String,
  measure: SupervisionMeasure,
  /** The reason, in Chinese (required) and English (optional). */
  reasonZh: Schema.NonEmptyString,
  reasonEn: Schema.optional(Schema.String),
  evidence: Schema.optional(DecisionEvidence),
})
export type NewSupervisionDecision = typeof NewSupervisionDecision.Type

/**
 * Check a decision to record: a period of the grammar, a reason of some substance. InputError "invalid_decision"
 * naming each field.
 * @example checkDecision({ cluster: "hb-qibin", period: "2025", measure: "yellow_card", reasonZh: "连续两季度无新开工项目" })
 */
export const checkDecision = (d: NewSupervisionDecision): NewSupervisionDecision => {
  const issues: Array<{ column: string; value: unknown; en: string; zh: string }> = []
  if (!isPeriodText(d.period)) issues.push({ column: "period", value: d.period, en: 'period must be like "2025" or "2025H1"', zh: "期间应形如 2025 或 2025H1" })
  if (d.reasonZh.trim().length < 4)
    issues.push({ column: "reason_zh", value: d.reasonZh, en: "a decision needs its reason (at least 4 characters)", zh: "决定须写明理由（至少 4 个字）" })
  if (issues.length > 0)
    throw new InputError({ code: "invalid_decision", message: issues.map((i) => i.en).join("; "), zh: issues.map((i) => i.zh).join("；"), issues })
  return d
}

/**
 * Check a monthly report's month ("2025-07"). InputError "invalid_report".
 * @example checkReportMonth("2025-07") // "2025-07"
 */
export const checkReportMonth = (month: string): string => {
  if (/^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(month)) return month
  const en = `month must be like "2025-07"; got "${month}"`
  const zh = `月份应形如 2025-07；收到“${month}”`
  throw new InputError({ code: "invalid_report", message: en, zh, issues: [{ column: "month", value: month, en, zh }] })
}

/** One zone on a candidate list, with the figures that put it there. */
export const SupervisionCandidate = Schema.Struct({
  clusterId: Schema.String,
  name: Schema.String,
  group: Schema.String,
  /** Its place on the list (1 = slowest, or fastest for examples); ties share a place. */
  position: Schema.Number,
  growth: Schema.Number,
  value: Schema.Number,
  previous: Schema.Number,
})
export type SupervisionCandidate = typeof SupervisionCandidate.Type

/** The lists that support the commission's decisions, for one measure. */
export const CandidateList = Schema.Struct({
  measure: SupervisionMeasure,
  name: BilingualMessage,
  /** How many the documents speak of (10-odd, 10, 23, 10). */
  count: Schema.Number,
  candidates: Schema.Array(SupervisionCandidate),
  /** Why the list is what it is, or why there is none (a criterion that no figure measures). */
  note: BilingualMessage,
  rule: AppliedRule,
})
export type CandidateList = typeof CandidateList.Type

/** What {@link supervisionCandidates} reads about each zone. */
export interface SpeedInput {
  readonly clusterId: string
  readonly name: string
  readonly group: string
  readonly value: number | undefined
  readonly previous: number | undefined
}

/**
 * The candidate lists of the four measures for a period: the `count` slowest zones by growth of `indicator` against
 * the previous period (on-site supervision), the `count` fastest county zones among those whose previous value is
 * below the county median (examples for exchange); the yellow card and the model zones have criteria no figure
 * measures (工作不主动、措施不得力; 四集一转), so their lists are left to the commission. Zones without both values are
 * left out, never counted as zero growth.
 * @example supervisionCandidates(zones, { indicator: "revenue", count: 10 }).find((l) => l.measure === "on_site_supervision")?.candidates.length
 */
export const supervisionCandidates = (zones: ReadonlyArray<SpeedInput>, opts: { readonly indicator: string; readonly count: number }): CandidateList[] => {
  const withGrowth = zones
    .filter((z): z is SpeedInput & { value: number; previous: number } => z.value !== undefined && z.previous !== undefined && z.previous > 0)
    .map((z) => ({ ...z, growth: z.value / z.previous - 1 }))
  const list = (rows: typeof withGrowth, order: "asc" | "desc") => {
    const sorted = [...rows].sort((a, b) => (order === "asc" ? a.growth - b.growth : b.growth - a.growth) || a.clusterId.localeCompare(b.clusterId))
    const ranks = competitionRanks(sorted.map((r) => (order === "asc" ? -r.growth : r.growth)))
    return sorted
      .map((r, i) => ({ clusterId: r.clusterId, name: r.name, group: r.group, position: ranks[i]!, growth: r.growth, value: r.value, previous: r.previous }))
      .filter((r) => r.position <= opts.count)
  }
  const county = withGrowth.filter((z) => z.group === "county")
  const sortedBase = county.map((z) => z.previous).sort((a, b) => a - b)
  const k = sortedBase.length >> 1
  const median = sortedBase.length === 0 ? 0 : sortedBase.length % 2 ? sortedBase[k]! : (sortedBase[k - 1]! + sortedBase[k]!) / 2
  const speed = appliedRule("p8.supervision.speed")
  // The indicator in the reader's language.
  const zhName = findIndicator(opts.indicator)?.zh ?? opts.indicator
  const enName = (findIndicator(opts.indicator)?.en ?? opts.indicator).toLowerCase()
  return [
    {
      measure: "on_site_supervision",
      name: supervisionMeasureNames.on_site_supervision,
      count: opts.count,
      candidates: list(withGrowth, "asc"),
      note: {
        zh: `按${zhName}同比增长率由慢到快排列（并列同位）；${speed.source.note!.zh}`,
        en: `slowest first by year-on-year growth of ${enName} (ties share a place); ${speed.source.note!.en}`,
      },
      rule: appliedRule("p8.supervision.on_site"),
    },
    {
      measure: "yellow_card",
      name: supervisionMeasureNames.yellow_card,
      count: 10,
      candidates: [],
      note: {
        zh: "“工作不主动、措施不得力”没有可计量的指标：由委员会决定并记录理由，可参考督导名单与单项位次",
        en: "“not active, measures ineffective” has no measurable indicator: the commission decides and records its reason, with the supervision list and the positions for support",
      },
      rule: appliedRule("p8.supervision.yellow_card"),
    },
    {
      measure: "model_zone",
      name: supervisionMeasureNames.model_zone,
      count: 23,
      candidates: [],
      note: {
        zh: "“四集一转”没有可计量的指标：由委员会决定并记录理由，可参考综合考核排名",
        en: "四集一转 has no measurable indicator: the commission decides and records its reason, with the comprehensive ranking for support",
      },
      rule: appliedRule("p8.supervision.model"),
    },
    {
      measure: "model_exchange",
      name: supervisionMeasureNames.model_exchange,
      count: 10,
      candidates: list(
        county.filter((z) => z.previous < median),
        "desc",
      ),
      note: {
        zh: `县域集聚区中上期${zhName}低于县域中位数（基础差）者，按增长率由快到慢排列`,
        en: `county zones whose previous ${enName} is below the county median (weak base), fastest growth first`,
      },
      rule: appliedRule("p8.supervision.exchange"),
    },
  ]
}

/**
 * The period a supervision period's growth is measured against: the one before it at the same frequency.
 * @example speedBase("2025") // "2024"
 */
export const speedBase = (period: string): string => previousPeriod(period)
