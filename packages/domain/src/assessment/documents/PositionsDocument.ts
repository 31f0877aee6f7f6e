import * as Schema from "effect/Schema"
import { BilingualMessage } from "../../model/Bilingual.js"
import { findIndicator } from "../../model/catalogue.js"
import { InputError } from "../../model/errors.js"
import { isPeriodText, previousPeriod } from "../../model/Period.js"
import { AppliedRule } from "../../model/RuleSource.js"
import { competitionRanks } from "../Ranking.js"
import { appliedRule } from "../RuleSources.js"
import { type AssessmentData, DataSource, unknownPeriod } from "./AssessmentData.js"

/** What to place (the flags of `jiju positions`, the query of GET /v1/assessments/positions). */
export interface PositionsOptions {
  /** The indicator, e.g. fixed_investment (总投资) or infrastructure_investment (基础设施投资). */
  readonly indicator: string
  /** The period placed: a year, a half year (2025H1), a quarter or a month. */
  readonly period: string
  /** The earlier period compared with, such as the previous year-end; default the period before. */
  readonly against?: string | undefined
}

/** One zone's position. */
export const ZonePosition = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  group: Schema.String,
  value: Schema.Number,
  /** 1 is first; ties share a place ("1224"). */
  position: Schema.Number,
  /** The position in the earlier period among the zones placed then; null when the zone had no value then. */
  previousPosition: Schema.NullOr(Schema.Number),
  /** previousPosition − position: positive moved up, negative slipped (下滑); null without an earlier position. */
  change: Schema.NullOr(Schema.Number),
})
export type ZonePosition = typeof ZonePosition.Type

/** The positions document: what `jiju positions --json` prints and GET /v1/assessments/positions answers. */
export const PositionsDocument = Schema.Struct({
  indicator: Schema.String,
  indicatorName: BilingualMessage,
  period: Schema.String,
  against: Schema.String,
  /** Every zone with a value, both groups together, first to last. */
  positions: Schema.Array(ZonePosition),
  /** Zones without a value in the period: not placed, never counted as zero. */
  missing: Schema.Array(Schema.Struct({ id: Schema.String, name: Schema.String })),
  /** Zones that started no industrial project (新开工项目数 0) in the period, and those whose figure is missing. */
  noNewProjects: Schema.Struct({
    zones: Schema.Array(Schema.Struct({ id: Schema.String, name: Schema.String })),
    missing: Schema.Array(Schema.String),
  }),
  rules: Schema.Array(AppliedRule),
  source: DataSource,
  demo: Schema.Boolean,
})
export type PositionsDocument = typeof PositionsDocument.Type

const badIndicator = (code: string) => {
  const en = `unknown indicator "${code}"`
  const zh = `未知指标“${code}”`
  return new InputError({ code: "unknown_indicator", message: en, zh, issues: [{ column: "indicator", value: code, en, zh }] })
}

/**
 * The periods a positions document reads: the earlier period and the period. InputError "bad_option".
 * @example positionsPeriods({ indicator: "fixed_investment", period: "2025H1" }) // ["2024H2", "2025H1"]
 */
export const positionsPeriods = (options: PositionsOptions): readonly [string, string] => {
  for (const [column, p] of [
    ["period", options.period],
    ["against", options.against],
  ] as const)
    if (p !== undefined && !isPeriodText(p)) {
      const en = `--${column} must be a period such as 2025, 2025H1, 2025Q1 or 2025-03; got "${p}"`
      const zh = `${column} 应为期间，如 2025、2025H1、2025Q1 或 2025-03；收到“${p}”`
      throw new InputError({ code: "bad_option", message: en, zh, issues: [{ column, value: p, en, zh }] })
    }
  return [options.against ?? previousPeriod(options.period), options.period]
}

const placed = (rows: ReadonlyArray<{ readonly id: string; readonly value: number }>, negative: boolean) => {
  const ranks = competitionRanks(rows.map((r) => (negative ? -r.value : r.value)))
  return new Map(rows.map((r, i) => [r.id, ranks[i]!]))
}

/**
 * 篇8's half-year report: every zone placed on one indicator across both groups (the province-wide order), with the
 * change against an earlier period (e.g. the previous year-end), and the zones that started no industrial project.
 * A zone without a value is listed apart, never placed as zero. InputError "bad_option", "unknown_indicator",
 * "unknown_period".
 * @example positionsDocument(data, { indicator: "fixed_investment", period: "2025H1", against: "2024" }).positions[0]?.position // 1
 */
export const positionsDocument = (data: AssessmentData, options: PositionsOptions): PositionsDocument => {
  const [against, period] = positionsPeriods(options)
  const def = findIndicator(options.indicator)
  if (!def) throw badIndicator(options.indicator)
  if (!data.periods.includes(period)) throw unknownPeriod(period, data.periods)
  const zones = data.input.clusters
  const negative = def.direction === "negative"
  const valuesIn = (p: string) =>
    zones.flatMap((c) => {
      const v = data.input.value(c.id, def.code, p)
      return v === undefined ? [] : [{ id: c.id, value: v }]
    })
  const now = valuesIn(period)
  const rankNow = placed(now, negative)
  const rankThen = placed(valuesIn(against), negative)
  const value = new Map(now.map((r) => [r.id, r.value]))
  const positions = zones
    .filter((c) => value.has(c.id))
    .map((c) => {
      const position = rankNow.get(c.id)!
      const previousPosition = rankThen.get(c.id) ?? null
      return {
        id: c.id,
        name: c.name,
        group: c.group,
        value: value.get(c.id)!,
        position,
        previousPosition,
        change: previousPosition === null ? null : previousPosition - position,
      }
    })
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
  const projects = zones.map((c) => [c, data.input.value(c.id, "new_projects", period)] as const)
  return {
    indicator: def.code,
    indicatorName: { zh: def.zh, en: def.en },
    period,
    against,
    positions,
    missing: zones.filter((c) => !value.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
    noNewProjects: {
      zones: projects.filter(([, v]) => v === 0).map(([c]) => ({ id: c.id, name: c.name })),
      missing: projects.filter(([, v]) => v === undefined).map(([c]) => c.id),
    },
    rules: [appliedRule("p8.positions"), appliedRule("p8.no_new_projects")],
    source: data.source,
    demo: data.hasDemo,
  }
}
