import * as Schema from "effect/Schema"
import { entropyWeights } from "../econometrics/composite/EntropyWeights.js"
import { DEFAULT_SHIFTED_RANGE, normalise } from "../econometrics/composite/Normalise.js"
import { BilingualMessage } from "../model/Bilingual.js"
import { RankingGroup, rankingGroupNames } from "../model/Cluster.js"
import type { Bilingual } from "../model/errors.js"
import { previousPeriod } from "../model/Period.js"
import { AhpResult } from "./Ahp.js"
import type { AssessedCluster, AssessmentInput } from "./AssessmentInput.js"
import { type AssessmentScheme, jiangsuRule, rankingGroups } from "./AssessmentScheme.js"
import { baseRelativePoints } from "./BaseRelative.js"
import { ClusterExplanation, explainCluster } from "./Explanation.js"
import { competitionRanks } from "./Ranking.js"
import { flattenIndicators, schemeWeights } from "./SchemeWeights.js"
import { rateStars, StarRating } from "./Stars.js"
import { evaluateVeto, VetoHit } from "./Veto.js"

/** One indicator's part in a zone's score: the value, how it was normalised and weighted, the points earned. */
export const IndicatorContribution = Schema.Struct({
  /** Indicator code, e.g. "revenue". */
  code: Schema.String,
  /** Id of the scheme dimension the indicator belongs to. */
  dimension: Schema.String,
  /** Chinese indicator name. */
  zh: Schema.String,
  /** English indicator name. */
  en: Schema.String,
  /** Unit as users write it, e.g. "亿元". */
  unit: Schema.String,
  /** "positive": more is better; "negative": less is better. */
  direction: Schema.Literals(["positive", "negative"]),
  /** The zone's value this period; null when missing. */
  value: Schema.NullOr(Schema.Number),
  /** The base under `base_relative` normalisation (null otherwise or when missing). */
  base: Schema.NullOr(Schema.Number),
  /** The normalised value (under `base_relative`: points earned / item points, 0.8 at the base). */
  normalised: Schema.NullOr(Schema.Number),
  /** The indicator's weight (sums to 1 over the scheme). */
  weight: Schema.Number,
  /** Points earned (weight × total points × normalised for min-max, shifted and z-score). */
  points: Schema.NullOr(Schema.Number),
  /** The arithmetic for `base_relative` items. */
  arithmetic: Schema.optional(BilingualMessage),
})
export type IndicatorContribution = typeof IndicatorContribution.Type

/** A zone's outcome: score, rank, reward, stars, veto, missing data, contributions and explanation (JSON-ready). */
export const ClusterAssessment = Schema.Struct({
  /** The zone's id. */
  clusterId: Schema.String,
  /** Chinese name. */
  name: Schema.String,
  /** English name, or null when unknown. */
  nameEn: Schema.NullOr(Schema.String),
  /** Ranking group the zone is ranked in. */
  group: RankingGroup,
  /** `ranked`; `vetoed` (一票否决: no rank, no reward); `excluded` (missing data, see `reasons`). */
  status: Schema.Literals(["ranked", "vetoed", "excluded"]),
  /** Total points (out of the scheme's totalPoints); null when vetoed or excluded. */
  score: Schema.NullOr(Schema.Number),
  /** Points per scheme dimension, in scheme order. */
  dimensions: Schema.Array(Schema.Struct({ id: Schema.String, zh: Schema.String, en: Schema.String, points: Schema.NullOr(Schema.Number) })),
  /** Competition rank in its group ("1224"); null when not ranked. */
  rank: Schema.NullOr(Schema.Number),
  /** Number of ranked zones in its group. */
  groupSize: Schema.Number,
  /** Rank in the previous period's assessment; null when not ranked then or not given. */
  previousRank: Schema.NullOr(Schema.Number),
  /** previousRank − rank: positive moved up, negative moved down; null when either is missing. */
  rankChange: Schema.NullOr(Schema.Number),
  /** rankChange as text ("上升 2 位" / "up 2 places"), see rankChangeText. */
  rankChangeText: Schema.NullOr(BilingualMessage),
  /** Whether the rank falls within the group's reward band (top N). */
  reward: Schema.Boolean,
  /** Veto rules the zone triggered (一票否决). */
  veto: Schema.Array(VetoHit),
  /** Indicator codes with no value for the period (or no base under `base_relative`). */
  missing: Schema.Array(Schema.String),
  /** Why the zone is not ranked. */
  reasons: Schema.Array(BilingualMessage),
  /** Checks that could not be made and other remarks. */
  notes: Schema.Array(BilingualMessage),
  /** Per-indicator breakdown of the score, in scheme order. */
  contributions: Schema.Array(IndicatorContribution),
  /** Star rating when the run was given a star ladder, else null. */
  stars: Schema.NullOr(StarRating),
  /** Plain-language account of the score and rank, in both languages. */
  explanation: ClusterExplanation,
})
export type ClusterAssessment = typeof ClusterAssessment.Type

/** One ranked zone of a group's ranking. */
export const RankedZone = Schema.Struct({
  clusterId: Schema.String,
  name: Schema.String,
  rank: Schema.Number,
  score: Schema.Number,
  reward: Schema.Boolean,
})
export type RankedZone = typeof RankedZone.Type

/** A group's ranking in order. */
export const GroupRanking = Schema.Struct({
  /** The ranking group. */
  group: RankingGroup,
  /** Display name of the group. */
  name: BilingualMessage,
  /** Ranked zones. */
  size: Schema.Number,
  /** How many are rewarded (top N). */
  rewardBand: Schema.Number,
  /** Ranked zones, best first; `rank` is 1-based competition rank. */
  ranking: Schema.Array(RankedZone),
})
export type GroupRanking = typeof GroupRanking.Type

/** A zone listed apart from the ranking (vetoed, or excluded for missing data), with the reasons. */
export const UnrankedZone = Schema.Struct({ clusterId: Schema.String, name: Schema.String, reasons: Schema.Array(BilingualMessage) })
export type UnrankedZone = typeof UnrankedZone.Type

/** Everything an assessment run produced (plain objects, numbers and strings only). */
export const AssessmentResult = Schema.Struct({
  /** Id of the scheme used. */
  schemeId: Schema.String,
  /** Display name of the scheme. */
  schemeName: BilingualMessage,
  /** The assessed period, e.g. "2025". */
  period: Schema.String,
  /** The comparison period for rank changes, or null. */
  previousPeriod: Schema.NullOr(Schema.String),
  /** Points a perfect zone would score (e.g. 100). */
  totalPoints: Schema.Number,
  /** Normalisation method applied to the indicator values. */
  normalisation: Schema.Literals(["minmax", "shifted", "zscore", "base_relative"]),
  /** How weights were set; the AHP consistency check or the entropies when those methods were used. */
  weighting: Schema.Struct({
    method: Schema.Literals(["given", "equal", "entropy", "ahp"]),
    ahp: Schema.optional(AhpResult),
    entropy: Schema.optional(Schema.Array(Schema.Struct({ code: Schema.String, entropy: Schema.Number }))),
  }),
  /** Final weight of each indicator (they sum to 1). */
  weights: Schema.Array(Schema.Struct({ code: Schema.String, dimension: Schema.String, weight: Schema.Number })),
  /** Problems with the run as a whole (e.g. missing planning data), in both languages. */
  warnings: Schema.Array(BilingualMessage),
  /** One ranking per group (urban district, county). */
  groups: Schema.Array(GroupRanking),
  /** Every zone's result, ranked or not. */
  clusters: Schema.Array(ClusterAssessment),
  /** Vetoed zones, listed apart as the documents require. */
  vetoed: Schema.Array(UnrankedZone),
  /** Zones left out of the ranking for missing data. */
  excluded: Schema.Array(UnrankedZone),
})
export type AssessmentResult = typeof AssessmentResult.Type

/** Options of {@link runAssessment}. */
export interface RunAssessmentOptions {
  /** Override the scheme's reward bands. */
  readonly rewards?: Partial<Record<RankingGroup, number>>
}

/**
 * Text for a rank change (positive = moved up): "上升 3 位" / "up 3 places"; "新进入排名" when there was no
 * previous rank; null when the change is unknown.
 * @example rankChangeText(-1, 4) // { zh: "下降 1 位", en: "down 1 place" }
 */
export const rankChangeText = (change: number | null, previousRank: number | null): Bilingual | null => {
  if (previousRank === null) return { zh: "新进入排名", en: "newly ranked" }
  if (change === null) return null
  if (change > 0) return { zh: `上升 ${change} 位`, en: `up ${change} place${change === 1 ? "" : "s"}` }
  if (change < 0) return { zh: `下降 ${-change} 位`, en: `down ${-change} place${change === -1 ? "" : "s"}` }
  return { zh: "名次不变", en: "unchanged" }
}

interface Work {
  readonly cluster: AssessedCluster
  readonly values: (number | null)[]
  readonly bases: (number | null)[]
  readonly missing: string[]
  readonly veto: ReadonlyArray<VetoHit>
  readonly notes: Bilingual[]
  normalised: (number | null)[]
  points: (number | null)[]
  arithmetic: (Bilingual | undefined)[]
}

/**
 * Run a comprehensive evaluation (综合考核) for one period.
 *
 * Steps: read each zone's values (and bases under `base_relative`); apply veto rules; leave out zones with
 * missing data — a missing value is never treated as zero: the zone is excluded from the ranking with the
 * reason "missing: X"; normalise each indicator across the ranked zones of a group (or of all groups, as the
 * scheme says); weight (given, equal, AHP, or entropy computed on the pooled normalised values of the ranked
 * zones); score = Σ points; rank each group by competition ranking; reward the top N; compare with the
 * previous result (rank change, star movement); rate stars; explain.
 *
 * Vetoed zones are neither scored nor ranked and are listed in `vetoed`; their contributions still show the
 * raw values.
 *
 * @param previousResult the previous period's result, for rank changes, star movement and what moved.
 * @example runAssessment(henan2017Scheme, { clusters, value }, "2025").groups[0]?.ranking[0]
 */
export const runAssessment = (
  scheme: AssessmentScheme,
  input: AssessmentInput,
  period: string,
  previousResult?: AssessmentResult,
  options: RunAssessmentOptions = {},
): AssessmentResult => {
  const flat = flattenIndicators(scheme)
  const k = flat.length
  const warnings: Bilingual[] = []
  const norm = scheme.normalisation
  const prevPeriod = previousPeriod(period)
  const baseRelative = norm.method === "base_relative"

  // 1. Values, bases, veto.
  const work: Work[] = input.clusters.map((cluster) => {
    const values = flat.map((f) => input.value(cluster.id, f.code, period) ?? null)
    const bases = flat.map((f) => {
      if (norm.method !== "base_relative") return null
      const b = norm.base === "previous_period" ? input.value(cluster.id, f.code, prevPeriod) : (input.base?.(cluster.id, f.code) ?? f.base)
      return b !== undefined && b > 0 ? b : null
    })
    const missing = flat.filter((_, j) => values[j] === null || (baseRelative && bases[j] === null)).map((f) => f.code)
    const v = evaluateVeto(scheme.veto, cluster, period, input)
    return {
      cluster,
      values,
      bases,
      missing,
      veto: v.hits,
      notes: [...v.notes],
      normalised: flat.map(() => null),
      points: flat.map(() => null),
      arithmetic: flat.map(() => undefined),
    }
  })
  const eligible = work.filter((w) => w.veto.length === 0 && w.missing.length === 0)

  // 2. Normalise within each scope.
  if (!baseRelative) {
    const scopes = scheme.normaliseWithin === "group" ? rankingGroups.map((g) => eligible.filter((w) => w.cluster.group === g)) : [eligible]
    for (const scope of scopes) {
      if (scope.length === 0) continue
      flat.forEach((f, j) => {
        const col = normalise(
          scope.map((w) => w.values[j]!),
          {
            method: norm.method,
            direction: f.direction,
            shiftedRange: norm.method === "shifted" ? (norm.range ?? DEFAULT_SHIFTED_RANGE) : DEFAULT_SHIFTED_RANGE,
            label: f.code,
          },
        )
        scope.forEach((w, i) => {
          w.normalised[j] = col[i]!
        })
      })
      if (scope.length === 1)
        warnings.push({
          zh: `${rankingGroupNames[scope[0]!.cluster.group].zh}组只有 1 个参评集聚区，标准化值无比较意义`,
          en: `the ${rankingGroupNames[scope[0]!.cluster.group].en.toLowerCase()} group has a single ranked zone; its normalised values compare with nothing`,
        })
    }
  }

  // 3. Weights.
  let weights: number[]
  let ahp: AhpResult | undefined
  let entropy: { code: string; entropy: number }[] | undefined
  const fixed = schemeWeights(scheme)
  if (fixed) {
    weights = [...fixed.weights]
    ahp = fixed.ahp
    warnings.push(...fixed.warnings)
  } else if (eligible.length < 2) {
    weights = flat.map(() => 1 / k)
    warnings.push({
      zh: "参评集聚区少于 2 个，无法计算熵值权重，改用等权重",
      en: "fewer than 2 ranked zones: entropy weights cannot be computed; equal weights used",
    })
  } else {
    // Under base_relative the entropy is taken on the performance ratios r = value/base (or base/value).
    const columns = flat.map((f, j) =>
      eligible.map((w) => {
        if (!baseRelative) return w.normalised[j]!
        const r = f.direction === "positive" ? w.values[j]! / w.bases[j]! : w.values[j]! > 0 ? w.bases[j]! / w.values[j]! : 1e6
        return Math.min(Math.max(r, 0), 1e6)
      }),
    )
    const ew = entropyWeights(
      columns,
      flat.map((f) => f.code),
    )
    weights = Array.from(ew.weights)
    entropy = flat.map((f, j) => ({ code: f.code, entropy: ew.entropy[j]! }))
    if (ew.degenerate)
      warnings.push({
        zh: "所有指标在参评集聚区间均无差异，熵值法退化为等权重",
        en: "no indicator varies across the ranked zones; entropy weights fall back to equal",
      })
  }

  // 4. Points.
  const rule = norm.method === "base_relative" ? (norm.rule ?? jiangsuRule) : jiangsuRule
  for (const w of eligible) {
    flat.forEach((f, j) => {
      const itemPoints = scheme.totalPoints * weights[j]!
      if (baseRelative) {
        const s = baseRelativePoints(w.values[j]!, w.bases[j]!, itemPoints, rule, f.direction)!
        w.points[j] = s.points
        w.normalised[j] = itemPoints > 0 ? s.points / itemPoints : rule.baseShare * Math.min(s.ratio, 1)
        w.arithmetic[j] = s.explanation
      } else w.points[j] = itemPoints * w.normalised[j]!
    })
  }
  const scoreOf = (w: Work) => (w.veto.length === 0 && w.missing.length === 0 ? w.points.reduce<number>((a, p) => a + (p ?? 0), 0) : null)

  // 5. Rank each group.
  const rankOf = new Map<string, number>()
  const groupSizes = new Map<RankingGroup, number>()
  const bands: Record<RankingGroup, number> = { ...scheme.rewards, ...options.rewards } as Record<RankingGroup, number>
  const groups: GroupRanking[] = rankingGroups.map((g) => {
    const members = eligible.filter((w) => w.cluster.group === g)
    const scores = members.map((w) => scoreOf(w)!)
    const ranks = competitionRanks(scores)
    members.forEach((w, i) => {
      rankOf.set(w.cluster.id, ranks[i]!)
    })
    groupSizes.set(g, members.length)
    const ranking = members
      .map((w, i) => ({ clusterId: w.cluster.id, name: w.cluster.name, rank: ranks[i]!, score: scores[i]!, reward: ranks[i]! <= bands[g] }))
      .sort((a, b) => a.rank - b.rank || a.clusterId.localeCompare(b.clusterId))
    return { group: g, name: rankingGroupNames[g], size: members.length, rewardBand: bands[g], ranking }
  })

  // 6. Assemble each zone's outcome.
  const prevById = new Map((previousResult?.clusters ?? []).map((c) => [c.clusterId, c]))
  const clusters: ClusterAssessment[] = work.map((w) => {
    const id = w.cluster.id
    const score = scoreOf(w)
    const rank = rankOf.get(id) ?? null
    const prev = prevById.get(id)
    const previousRank = prev?.rank ?? null
    const rankChange = rank !== null && previousRank !== null ? previousRank - rank : null
    const reasons: Bilingual[] = [
      ...w.veto.map((h) => ({ zh: `一票否决：${h.reason.zh}（${h.evidence.zh}）`, en: `vetoed: ${h.reason.en} (${h.evidence.en})` })),
      ...(w.missing.length > 0 ? [{ zh: `缺少数据：${w.missing.join("、")}`, en: `missing: ${w.missing.join(", ")}` }] : []),
    ]
    const stars = scheme.stars
      ? rateStars(
          scheme.stars,
          (code) => input.value(id, code, period),
          // A previous rating blocked by missing data says nothing about the previous level.
          prev?.stars && prev.stars.status !== "missing_data" ? prev.stars.stars : undefined,
        )
      : null
    const contributions: IndicatorContribution[] = flat.map((f, j) => ({
      code: f.code,
      dimension: f.dimension,
      zh: f.zh,
      en: f.en,
      unit: f.unit,
      direction: f.direction,
      value: w.values[j]!,
      base: w.bases[j]!,
      normalised: w.normalised[j]!,
      weight: weights[j]!,
      points: w.points[j]!,
      ...(w.arithmetic[j] ? { arithmetic: w.arithmetic[j] } : {}),
    }))
    const dimensions = scheme.dimensions.map((d) => ({
      id: d.id,
      zh: d.name.zh,
      en: d.name.en,
      points: score === null ? null : contributions.filter((c) => c.dimension === d.id).reduce((a, c) => a + (c.points ?? 0), 0),
    }))
    return {
      clusterId: id,
      name: w.cluster.name,
      nameEn: w.cluster.nameEn ?? null,
      group: w.cluster.group,
      status: w.veto.length > 0 ? "vetoed" : w.missing.length > 0 ? "excluded" : "ranked",
      score,
      dimensions,
      rank,
      groupSize: groupSizes.get(w.cluster.group) ?? 0,
      previousRank,
      rankChange,
      rankChangeText: rank === null ? null : rankChangeText(rankChange, previousRank),
      reward: rank !== null && rank <= bands[w.cluster.group],
      veto: w.veto,
      missing: w.missing,
      reasons,
      notes: w.notes,
      contributions,
      stars,
      explanation: { zh: "", en: "", strengths: [], weaknesses: [], rankDrivers: [], nextStar: null },
    } satisfies ClusterAssessment
  })
  const withExplanations = clusters.map((c) => ({ ...c, explanation: explainCluster(c, clusters, prevById.get(c.clusterId)) }))

  return {
    schemeId: scheme.id,
    schemeName: scheme.name,
    period,
    previousPeriod: previousResult?.period ?? null,
    totalPoints: scheme.totalPoints,
    normalisation: norm.method,
    weighting: { method: scheme.weighting.method, ...(ahp ? { ahp } : {}), ...(entropy ? { entropy } : {}) },
    weights: flat.map((f, j) => ({ code: f.code, dimension: f.dimension, weight: weights[j]! })),
    warnings,
    groups,
    clusters: withExplanations,
    vetoed: withExplanations.filter((c) => c.status === "vetoed").map((c) => ({ clusterId: c.clusterId, name: c.name, reasons: c.reasons })),
    excluded: withExplanations.filter((c) => c.status === "excluded").map((c) => ({ clusterId: c.clusterId, name: c.name, reasons: c.reasons })),
  }
}
