import * as Schema from "effect/Schema"
import { type Random, seededRandom } from "../econometrics/random/Random.js"
import { RankingGroup } from "../model/Cluster.js"
import { inputError } from "../model/errors.js"
import { type AssessmentScheme, jiangsuRule } from "./AssessmentScheme.js"
import { baseRelativePoints } from "./BaseRelative.js"
import { competitionRanks } from "./Ranking.js"
import type { AssessmentResult } from "./RunAssessment.js"

/** Options of {@link rankStability}. */
export interface RankStabilityOptions {
  /** Number of weight draws (default 1000). */
  readonly draws?: number
  readonly seed?: number
  /**
   * `dirichlet` (default): weights ~ Dirichlet(c · w), mean w, variance w(1 − w)/(c + 1);
   * `lognormal`: w_j · exp(σ z_j), renormalised to sum 1.
   */
  readonly method?: "dirichlet" | "lognormal"
  /** Dirichlet concentration c (default 100; larger = closer to the scheme weights). */
  readonly concentration?: number
  /** Log-normal σ (default 0.2, about ±20 %). */
  readonly sigma?: number
}

/** One zone's ranks over the weight draws. */
export const ZoneRankStability = Schema.Struct({
  clusterId: Schema.String,
  group: RankingGroup,
  /** Rank under the scheme's own weights. */
  rank: Schema.Number,
  median: Schema.Number,
  /** 5th and 95th percentiles of the rank (nearest-rank method). */
  p5: Schema.Number,
  p95: Schema.Number,
  min: Schema.Number,
  max: Schema.Number,
  /** Share of draws in which the zone is in its group's reward band. */
  rewardShare: Schema.Number,
})
export type ZoneRankStability = typeof ZoneRankStability.Type

/** The result of {@link rankStability} (JSON-ready). */
export const RankStability = Schema.Struct({
  draws: Schema.Number,
  seed: Schema.Number,
  method: Schema.Literals(["dirichlet", "lognormal"]),
  parameter: Schema.Number,
  zones: Schema.Array(ZoneRankStability),
})
export type RankStability = typeof RankStability.Type

/** A Gamma(shape, 1) deviate (Marsaglia–Tsang; shape < 1 boosted by U^(1/shape)). */
const gamma = (rng: Random, shape: number): number => {
  if (shape < 1) return gamma(rng, shape + 1) * rng.next() ** (1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = rng.normal()
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = rng.next()
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v
  }
}

const nearestRank = (sorted: ReadonlyArray<number>, p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!

/**
 * Rank stability under perturbed weights (Monte Carlo): draw weights around the scheme's weights (Dirichlet
 * with concentration c, or multiplicative log-normal noise renormalised), re-score the ranked zones of a
 * result with the same normalised values (or the same values and bases under `base_relative`), rank each
 * group, and report per zone the rank's 5th–95th percentile and min–max and the share of draws in the reward
 * band. Reproducible from `seed` (seededRandom).
 *
 * @throws InputError `bad_option` for draws < 1, concentration ≤ 0 or σ < 0.
 * @example rankStability(henan2017Scheme, result, { draws: 500, seed: 7 }).zones[0]?.rewardShare
 */
export const rankStability = (scheme: AssessmentScheme, result: AssessmentResult, options: RankStabilityOptions = {}): RankStability => {
  const draws = options.draws ?? 1000
  const seed = options.seed ?? 1
  const method = options.method ?? "dirichlet"
  const concentration = options.concentration ?? 100
  const sigma = options.sigma ?? 0.2
  if (!(Number.isInteger(draws) && draws >= 1))
    throw inputError("bad_option", `draws must be a positive integer, got ${draws}`, `抽样次数须为正整数，实际 ${draws}`, { column: "draws", value: draws })
  if (method === "dirichlet" && !(concentration > 0))
    throw inputError("bad_option", `concentration must be > 0, got ${concentration}`, `集中参数须大于 0，实际 ${concentration}`, {
      column: "concentration",
      value: concentration,
    })
  if (method === "lognormal" && !(sigma >= 0))
    throw inputError("bad_option", `sigma must be ≥ 0, got ${sigma}`, `σ 须不小于 0，实际 ${sigma}`, { column: "sigma", value: sigma })
  const rng = seededRandom(seed)
  const w0 = result.weights.map((w) => w.weight)
  const k = w0.length
  const ranked = result.clusters.filter((c) => c.status === "ranked")
  const baseRelative = scheme.normalisation.method === "base_relative"
  const rule = scheme.normalisation.method === "base_relative" ? (scheme.normalisation.rule ?? jiangsuRule) : jiangsuRule
  const bands = new Map(result.groups.map((g) => [g.group, g.rewardBand]))
  const members = result.groups.map((g) => ranked.filter((c) => c.group === g.group))
  const ranks = ranked.map(() => new Array<number>(draws))
  const index = new Map(ranked.map((c, i) => [c.clusterId, i]))
  const w = new Array<number>(k)
  for (let d = 0; d < draws; d++) {
    let sum = 0
    for (let j = 0; j < k; j++) {
      const x = w0[j]! <= 0 ? 0 : method === "dirichlet" ? gamma(rng, concentration * w0[j]!) : w0[j]! * Math.exp(sigma * rng.normal())
      w[j] = x
      sum += x
    }
    for (let j = 0; j < k; j++) w[j]! /= sum
    for (const group of members) {
      const scores = group.map((c) =>
        c.contributions.reduce((a, x, j) => {
          if (!baseRelative) return a + w[j]! * x.normalised!
          return a + baseRelativePoints(x.value!, x.base!, scheme.totalPoints * w[j]!, rule, x.direction)!.points
        }, 0),
      )
      const r = competitionRanks(scores)
      group.forEach((c, i) => {
        ranks[index.get(c.clusterId)!]![d] = r[i]!
      })
    }
  }
  const zones = ranked.map((c, i) => {
    const s = ranks[i]!.sort((a, b) => a - b)
    const band = bands.get(c.group) ?? 0
    return {
      clusterId: c.clusterId,
      group: c.group,
      rank: c.rank!,
      median: nearestRank(s, 0.5),
      p5: nearestRank(s, 0.05),
      p95: nearestRank(s, 0.95),
      min: s[0]!,
      max: s[s.length - 1]!,
      rewardShare: s.filter((r) => r <= band).length / draws,
    }
  })
  return { draws, seed, method, parameter: method === "dirichlet" ? concentration : sigma, zones }
}
