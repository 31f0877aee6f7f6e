import * as Schema from "effect/Schema"
import { BilingualText } from "../model/Bilingual.js"
import { PlanKind, type RankingGroup } from "../model/Cluster.js"
import { Direction } from "../model/Indicator.js"
import { IndicatorCode } from "../model/ids.js"
import { RuleSource } from "../model/RuleSource.js"

const NonNegative = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))
const Positive = Schema.Finite.check(Schema.isGreaterThan(0))

/** A scheme's id: lower-case letters, digits and dashes, e.g. "henan-2017". */
export const SchemeId = Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, { expected: "an id of a-z, 0-9 and '-' (max 64)" }))

/** One indicator of a dimension: its catalogue code and weight (null when the weighting method computes it). */
export const SchemeIndicator = Schema.Struct({
  code: IndicatorCode,
  /** Points or relative weight under `given` weighting; null under `equal`, `entropy` or `ahp`. */
  weight: Schema.NullOr(NonNegative),
  /** Overrides the catalogue direction (正向 / 逆向). */
  direction: Schema.optional(Direction),
  /** A common base for `base_relative` normalisation with `base: "given"` (same unit as the indicator). */
  base: Schema.optional(Positive),
  /** Why the indicator is in the scheme: the document naming it, or a Jiju default (built-in schemes carry it). */
  source: Schema.optional(RuleSource),
})
export type SchemeIndicator = typeof SchemeIndicator.Type

/** A dimension (一级指标) such as 经济总量, holding its indicators (二级指标). */
export const SchemeDimension = Schema.Struct({
  id: Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9_]{0,63}$/, { expected: "a snake_case dimension id" })),
  name: BilingualText,
  indicators: Schema.Array(SchemeIndicator).check(Schema.isMinLength(1)),
})
export type SchemeDimension = typeof SchemeDimension.Type

/**
 * How indicator weights are set:
 * - `given`: every indicator carries a weight (points); they are divided by their sum;
 * - `equal`: 1/k each;
 * - `entropy`: 熵值法 on the period's normalised values of the ranked zones;
 * - `ahp`: a Saaty pairwise comparison matrix over the indicators (`level: "indicators"`, k × k, in scheme
 *   order) or over the dimensions (`level: "dimensions"`); the principal eigenvector gives the weights and
 *   CR = CI/RI is reported (CR > 0.1 adds a warning). With dimension-level AHP, indicators inside a
 *   dimension share its weight by their given weights, or equally when those are null.
 */
export const Weighting = Schema.Union([
  Schema.Struct({ method: Schema.Literal("given") }),
  Schema.Struct({ method: Schema.Literal("equal") }),
  Schema.Struct({ method: Schema.Literal("entropy") }),
  Schema.Struct({
    method: Schema.Literal("ahp"),
    level: Schema.Literals(["indicators", "dimensions"]),
    matrix: Schema.Array(Schema.Array(Positive)),
  }),
])
export type Weighting = typeof Weighting.Type

/** The Jiangsu base-relative scoring rule's parameters (defaults: 80 %, 5 %, 1 point, cap 50 %). */
export const BaseRelativeRule = Schema.Struct({
  /** Share of the item's points earned by matching the base (0.8). */
  baseShare: Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 })),
  /** Each this fraction above the base adds `pointsPerStep` (0.05). */
  step: Positive,
  /** Points added per step (1). */
  pointsPerStep: NonNegative,
  /** The bonus is capped at this share of the item's points (0.5). */
  capShare: NonNegative,
  /** `proportional`: 2.5 % above earns half a step; `whole_steps`: only completed steps count. */
  steps: Schema.Literals(["proportional", "whole_steps"]),
})
export type BaseRelativeRule = typeof BaseRelativeRule.Type

/** The Jiangsu rule as the documents state it. */
export const jiangsuRule: BaseRelativeRule = {
  baseShare: 0.8,
  step: 0.05,
  pointsPerStep: 1,
  capShare: 0.5,
  steps: "proportional",
}

/**
 * How raw values become comparable:
 * - `minmax`, `shifted` (into `range`, default [0.01, 0.99]) and `zscore` across the zones scored together;
 * - `base_relative`: the Jiangsu rule against each zone's base, which is its own previous-period value
 *   (`base: "previous_period"`) or a given base (`base: "given"`: the indicator's `base`, or a per-zone base
 *   supplied with the input).
 */
export const Normalisation = Schema.Union([
  Schema.Struct({ method: Schema.Literal("minmax") }),
  Schema.Struct({ method: Schema.Literal("shifted"), range: Schema.optional(Schema.Tuple([NonNegative, Positive])) }),
  Schema.Struct({ method: Schema.Literal("zscore") }),
  Schema.Struct({
    method: Schema.Literal("base_relative"),
    base: Schema.Literals(["previous_period", "given"]),
    rule: Schema.optional(BaseRelativeRule),
  }),
])
export type Normalisation = typeof Normalisation.Type

/** Which zones are normalised together: each ranking group apart (default) or all zones at once. */
export const NormaliseWithin = Schema.Literals(["group", "all"])

/** How many zones of each group are rewarded (top 10 urban-district zones, top 30 county zones by default). */
export const RewardBands = Schema.Struct({
  urban_district: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  county: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
})
export type RewardBands = typeof RewardBands.Type

/**
 * A one-vote veto (一票否决) rule:
 * - `plan`: vetoed when the planning document (e.g. 总体发展规划) is not approved;
 * - `indicator`: vetoed when the indicator compares to the threshold as `op` says (e.g. serious_pollution > 0);
 * - `fact`: vetoed when the input states the named fact true for the zone and period.
 */
export const VetoRule = Schema.Union([
  Schema.Struct({ id: Schema.NonEmptyString, kind: Schema.Literal("plan"), plan: PlanKind, reason: BilingualText }),
  Schema.Struct({
    id: Schema.NonEmptyString,
    kind: Schema.Literal("indicator"),
    indicator: IndicatorCode,
    op: Schema.Literals([">", ">=", "<", "<="]),
    threshold: Schema.Finite,
    reason: BilingualText,
  }),
  Schema.Struct({ id: Schema.NonEmptyString, kind: Schema.Literal("fact"), fact: Schema.NonEmptyString, reason: BilingualText }),
])
export type VetoRule = typeof VetoRule.Type

/** One threshold of a star level: the indicator must reach `min` (≥). */
export const StarThreshold = Schema.Struct({ indicator: IndicatorCode, min: NonNegative })
export type StarThreshold = typeof StarThreshold.Type

/** One rung of a star ladder; a zone holds it only when it meets ALL its thresholds. */
export const StarLevel = Schema.Struct({
  stars: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  name: BilingualText,
  thresholds: Schema.Array(StarThreshold).check(Schema.isMinLength(1)),
})
export type StarLevel = typeof StarLevel.Type

/**
 * A star ladder (晋星升级): an entry threshold (门槛) and levels 1…n. Below entry a zone is not rated
 * (and demoted when it held stars before); meeting entry but not one star gives 0 stars.
 */
export const StarLadder = Schema.Struct({
  id: SchemeId,
  name: BilingualText,
  entry: Schema.Array(StarThreshold).check(Schema.isMinLength(1)),
  levels: Schema.Array(StarLevel).check(Schema.isMinLength(1)),
  /** Which values were set by the documents and which are assumptions. */
  notes: Schema.optional(Schema.Array(BilingualText)),
})
export type StarLadder = typeof StarLadder.Type
/** The JSON form of a star ladder. */
export type StarLadderJson = typeof StarLadder.Encoded

/**
 * Where a scheme's choices come from (the built-in default schemes carry it; a commission's own file may omit it,
 * and is then the commission's configuration): the scheme as a whole, its weights, its normalisation and its
 * reward bands. A part whose source is a Jiju default or outside practice is unconfirmed: publishing a run on it
 * needs the commission's explicit confirmation.
 */
export const SchemeProvenance = Schema.Struct({
  scheme: RuleSource,
  weights: RuleSource,
  normalisation: Schema.optional(RuleSource),
  rewards: Schema.optional(RuleSource),
})
export type SchemeProvenance = typeof SchemeProvenance.Type

/** A comprehensive-evaluation scheme (综合考核方案) as data, decodable from JSON. */
export const AssessmentScheme = Schema.Struct({
  id: SchemeId,
  name: BilingualText,
  description: Schema.optional(BilingualText),
  /** Total points of a perfect score (100). */
  totalPoints: Positive,
  dimensions: Schema.Array(SchemeDimension).check(Schema.isMinLength(1)),
  weighting: Weighting,
  normalisation: Normalisation,
  normaliseWithin: NormaliseWithin,
  rewards: RewardBands,
  veto: Schema.Array(VetoRule),
  stars: Schema.optional(StarLadder),
  notes: Schema.optional(Schema.Array(BilingualText)),
  /** Where the scheme's choices come from; absent in a commission's own file. */
  provenance: Schema.optional(SchemeProvenance),
})
export type AssessmentScheme = typeof AssessmentScheme.Type
/** The JSON form of a scheme (what a file holds). */
export type AssessmentSchemeJson = typeof AssessmentScheme.Encoded

/** The groups a ranking uses, in display order. */
export const rankingGroups: ReadonlyArray<RankingGroup> = ["urban_district", "county"]
