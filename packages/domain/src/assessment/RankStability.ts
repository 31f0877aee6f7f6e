import * as Schema from "effect/Schema"
import { type Random, seededRandom } from "../econometrics/random/Random.js"
import { RankingGroup } from "../model/Cluster.js"
import { inputError } from "../model/errors.js"
import { type AssessmentScheme, jiangsuRule } from "./AssessmentScheme.js"
import { baseRelativePoints } from "./BaseRelative.js"
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

const nearestRank = (sorted: ArrayLike<number>, p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!

/**
 * The competition ranks of a group's scores (as competitionRanks: descending, ties within 10⁻⁹ relative of the
 * previous score share its rank) written to ranks[zone][draw]: the scores sorted once (numeric typed-array
 * sort), the rank of each sorted position by the same tie rule, and each zone's rank found by binary search
 * of its score — equal scores share a rank, so any of their positions gives it.
 */
const rankInto = (
  g: { zones: ReadonlyArray<number>; scores: Float64Array; sorted: Float64Array; rankAt: Int32Array },
  ranks: ReadonlyArray<Int32Array>,
  d: number,
): void => {
  const m = g.zones.length
  const sorted = g.sorted
  sorted.set(g.scores)
  sorted.sort()
  // Descending positions pos = 0 … m − 1 are ascending indices m − 1 − pos.
  const rankAt = g.rankAt
  let prev = Number.NaN
  let prevRank = 0
  for (let pos = 0; pos < m; pos++) {
    const s = sorted[m - 1 - pos]!
    const tied = pos > 0 && Math.abs(s - prev) <= 1e-9 * Math.max(1, Math.abs(s), Math.abs(prev))
    const r = tied ? prevRank : pos + 1
    rankAt[m - 1 - pos] = r
    prev = s
    prevRank = r
  }
  for (let i = 0; i < m; i++) {
    const s = g.scores[i]!
    let lo = 0
    let hi = m - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]! < s) lo = mid + 1
      else hi = mid
    }
    ranks[g.zones[i]!]![d] = rankAt[lo]!
  }
}

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
  const index = new Map(ranked.map((c, i) => [c.clusterId, i]))
  // Per group: its zones (indices into `ranked`) and their contributions as dense rows — normalised values,
  // or for base_relative the ratio to the base and the whole steps above it (baseRelativePoints' arithmetic,
  // done inline below with the same operations, so scores and ranks are bit-identical).
  const groups = result.groups.map((g) => {
    const zones = ranked.filter((c) => c.group === g.group).map((c) => index.get(c.clusterId)!)
    const m = zones.length
    const normalised = new Float64Array(baseRelative ? 0 : m * k)
    const ratio = new Float64Array(baseRelative ? m * k : 0)
    const bonus = new Float64Array(baseRelative ? m * k : 0)
    zones.forEach((z, i) => {
      ranked[z]!.contributions.forEach((x, j) => {
        if (!baseRelative) normalised[i * k + j] = x.normalised as number
        else {
          // The per-draw scoring needs a valid base: otherwise fail as baseRelativePoints(…)!.points would.
          const score = baseRelativePoints(x.value!, x.base!, 1, rule, x.direction)!
          ratio[i * k + j] = score.ratio
          bonus[i * k + j] = score.ratio < 1 ? 0 : score.steps * rule.pointsPerStep
        }
      })
    })
    return { zones, normalised, ratio, bonus, scores: new Float64Array(m), sorted: new Float64Array(m), rankAt: new Int32Array(m) }
  })
  const ranks = ranked.map(() => new Int32Array(draws))
  const w = new Float64Array(k)
  const item = new Float64Array(k)
  for (let d = 0; d < draws; d++) {
    let sum = 0
    for (let j = 0; j < k; j++) {
      const x = w0[j]! <= 0 ? 0 : method === "dirichlet" ? gamma(rng, concentration * w0[j]!) : w0[j]! * Math.exp(sigma * rng.normal())
      w[j] = x
      sum += x
    }
    for (let j = 0; j < k; j++) w[j]! /= sum
    for (let j = 0; j < k; j++) item[j] = scheme.totalPoints * w[j]!
    for (const g of groups) {
      const m = g.zones.length
      const scores = g.scores
      for (let i = 0; i < m; i++) {
        let a = 0
        const row = i * k
        if (!baseRelative) for (let j = 0; j < k; j++) a = a + w[j]! * g.normalised[row + j]!
        else
          for (let j = 0; j < k; j++) {
            const r = g.ratio[row + j]!
            const atBase = rule.baseShare * item[j]!
            if (r < 1) a = a + Math.max(0, atBase * r)
            else {
              const cap = rule.capShare * item[j]!
              const uncapped = g.bonus[row + j]!
              // biome-ignore lint/complexity/useMathMinMax: baseRelativePoints' own operation, for identical results
              a = a + (atBase + (uncapped > cap ? cap : uncapped))
            }
          }
        scores[i] = a
      }
      rankInto(g, ranks, d)
    }
  }
  const zones = ranked.map((c, i) => {
    const s = ranks[i]!.sort()
    const band = bands.get(c.group) ?? 0
    let inBand = 0
    for (let t = 0; t < draws; t++) if (s[t]! <= band) inBand++
    return {
      clusterId: c.clusterId,
      group: c.group,
      rank: c.rank!,
      median: nearestRank(s, 0.5),
      p5: nearestRank(s, 0.05),
      p95: nearestRank(s, 0.95),
      min: s[0]!,
      max: s[s.length - 1]!,
      rewardShare: inBand / draws,
    }
  })
  return { draws, seed, method, parameter: method === "dirichlet" ? concentration : sigma, zones }
}
