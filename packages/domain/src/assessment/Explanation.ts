import * as Schema from "effect/Schema"
import { rankingGroupNames } from "../model/Cluster.js"
import type { ClusterAssessment } from "./RunAssessment.js"
import { ThresholdShortfall } from "./Stars.js"

/** An indicator compared with the median of the zone's group (normalised values). */
export const RelativeStanding = Schema.Struct({
  code: Schema.String,
  zh: Schema.String,
  en: Schema.String,
  normalised: Schema.Number,
  groupMedian: Schema.Number,
  /** normalised − groupMedian. */
  difference: Schema.Number,
})
export type RelativeStanding = typeof RelativeStanding.Type

/** An indicator whose points changed since the previous period. */
export const RankDriver = Schema.Struct({
  code: Schema.String,
  zh: Schema.String,
  en: Schema.String,
  pointsBefore: Schema.Number,
  pointsNow: Schema.Number,
  change: Schema.Number,
})
export type RankDriver = typeof RankDriver.Type

/** A plain-language account of a zone's result, in Chinese and English, with the facts it rests on. */
export const ClusterExplanation = Schema.Struct({
  zh: Schema.String,
  en: Schema.String,
  /** Up to two indicators furthest above the group median. */
  strengths: Schema.Array(RelativeStanding),
  /** Up to two indicators furthest below the group median. */
  weaknesses: Schema.Array(RelativeStanding),
  /** Up to three indicators with the largest change in points since the previous period. */
  rankDrivers: Schema.Array(RankDriver),
  /** What the next star needs (thresholds short and by how much). */
  nextStar: Schema.NullOr(Schema.Struct({ stars: Schema.Number, shortfalls: Schema.Array(ThresholdShortfall) })),
})
export type ClusterExplanation = typeof ClusterExplanation.Type

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

// Medians of each indicator's normalised value over the ranked zones of a group, computed once per run (the
// `all` array) instead of once per zone: explaining every zone of a 3,000-zone run was quadratic.
const mediansOf = new WeakMap<ReadonlyArray<ClusterAssessment>, Map<string, number[] | undefined>>()
const groupMedians = (all: ReadonlyArray<ClusterAssessment>, group: string): number[] | undefined => {
  let byGroup = mediansOf.get(all)
  if (byGroup === undefined) {
    byGroup = new Map()
    mediansOf.set(all, byGroup)
  }
  if (byGroup.has(group)) return byGroup.get(group)
  const peers = all.filter((p) => p.group === group && p.status === "ranked")
  const k = peers[0]?.contributions.length ?? 0
  const medians = peers.length < 2 ? undefined : Array.from({ length: k }, (_, j) => median(peers.map((p) => p.contributions[j]!.normalised!)))
  byGroup.set(group, medians)
  return medians
}

const r2 = (x: number) => Number(x.toFixed(2))
const r3 = (x: number) => Number(x.toPrecision(3))

/**
 * Explain one zone's outcome: its strongest and weakest indicators relative to its group (normalised value
 * against the group median), what moved its rank since the previous period (largest changes in points), and
 * what would lift it by one star (each threshold short and by how much).
 *
 * @param all every zone of the same run (for group medians).
 * @param previous the same zone in the previous period's result.
 * @example explainCluster(result.clusters[0], result.clusters).zh
 */
export const explainCluster = (c: ClusterAssessment, all: ReadonlyArray<ClusterAssessment>, previous?: ClusterAssessment): ClusterExplanation => {
  const group = rankingGroupNames[c.group]
  const nextStar = c.stars?.next ? { stars: c.stars.next.stars, shortfalls: c.stars.next.shortfalls } : null
  const starZh =
    nextStar && nextStar.shortfalls.length > 0
      ? `${nextStar.stars === 0 ? "达到入门门槛" : `升至 ${nextStar.stars} 星`}还差：${nextStar.shortfalls.map((s) => `${s.zh} ${r3(s.shortfall)}${s.unit}（需 ${s.required}，现 ${s.actual}）`).join("，")}。`
      : ""
  const starEn =
    nextStar && nextStar.shortfalls.length > 0
      ? `To reach ${nextStar.stars === 0 ? "the entry threshold" : `${nextStar.stars} stars`} it needs: ${nextStar.shortfalls.map((s) => `${s.en} +${r3(s.shortfall)} ${s.unitEn} (required ${s.required}, has ${s.actual})`).join(", ")}.`
      : ""
  const starsZh = c.stars ? `星级：${c.stars.text.zh}。` : ""
  const starsEn = c.stars ? `Stars: ${c.stars.text.en}.` : ""
  if (c.status !== "ranked") {
    const why = c.reasons.map((r) => r.zh).join("；")
    const whyEn = c.reasons.map((r) => r.en).join("; ")
    return {
      zh: `${c.name}未参加${group.zh}组排名：${why}。${starsZh}${starZh}`,
      en: `${c.nameEn ?? c.name} is not ranked in the ${group.en.toLowerCase()} group: ${whyEn}. ${starsEn} ${starEn}`.trim(),
      strengths: [],
      weaknesses: [],
      rankDrivers: [],
      nextStar,
    }
  }
  const medians = groupMedians(all, c.group)
  const standings: RelativeStanding[] =
    medians === undefined
      ? []
      : c.contributions.map((x, j) => {
          const med = medians[j]!
          return { code: x.code, zh: x.zh, en: x.en, normalised: x.normalised!, groupMedian: med, difference: x.normalised! - med }
        })
  const sorted = [...standings].sort((a, b) => b.difference - a.difference)
  const strengths = sorted.filter((s) => s.difference > 0).slice(0, 2)
  const weaknesses = sorted
    .filter((s) => s.difference < 0)
    .reverse()
    .slice(0, 2)
  const rankDrivers: RankDriver[] =
    previous && previous.status === "ranked"
      ? c.contributions
          .flatMap((x) => {
            const before = previous.contributions.find((p) => p.code === x.code)?.points
            return before === null || before === undefined
              ? []
              : [{ code: x.code, zh: x.zh, en: x.en, pointsBefore: before, pointsNow: x.points!, change: x.points! - before }]
          })
          .filter((d) => Math.abs(d.change) > 1e-9)
          .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
          .slice(0, 3)
      : []
  const sign = (x: number) => (x >= 0 ? `+${r2(x)}` : `${r2(x)}`)
  const head = `${c.name}得分 ${r2(c.score!)}，${group.zh}组第 ${c.rank}/${c.groupSize} 名${c.rankChangeText ? `（${c.rankChangeText.zh}）` : ""}${c.reward ? "，进入奖励名次" : ""}。`
  const headEn = `${c.nameEn ?? c.name} scored ${r2(c.score!)}, ranked ${c.rank} of ${c.groupSize} in the ${group.en.toLowerCase()} group${c.rankChangeText ? ` (${c.rankChangeText.en})` : ""}${c.reward ? ", within the reward band" : ""}.`
  const sw =
    strengths.length + weaknesses.length > 0
      ? `相对组内中位数，${strengths.length ? `优势指标：${strengths.map((s) => `${s.zh}（${r2(s.normalised)}，中位数 ${r2(s.groupMedian)}）`).join("、")}` : "无高于中位数的指标"}；${weaknesses.length ? `短板指标：${weaknesses.map((s) => `${s.zh}（${r2(s.normalised)}，中位数 ${r2(s.groupMedian)}）`).join("、")}` : "无低于中位数的指标"}。`
      : ""
  const swEn =
    strengths.length + weaknesses.length > 0
      ? ` Against the group median, ${strengths.length ? `strongest: ${strengths.map((s) => `${s.en} (${r2(s.normalised)} vs ${r2(s.groupMedian)})`).join(", ")}` : "no indicator above the median"}; ${weaknesses.length ? `weakest: ${weaknesses.map((s) => `${s.en} (${r2(s.normalised)} vs ${r2(s.groupMedian)})`).join(", ")}` : "no indicator below the median"}.`
      : ""
  const dr = rankDrivers.length ? `与上期相比变化最大的得分项：${rankDrivers.map((d) => `${d.zh} ${sign(d.change)} 分`).join("、")}。` : ""
  const drEn = rankDrivers.length ? ` Largest changes in points since the last period: ${rankDrivers.map((d) => `${d.en} ${sign(d.change)}`).join(", ")}.` : ""
  return {
    zh: `${head}${sw}${dr}${starsZh}${starZh}`,
    en: `${headEn}${swEn}${drEn}${starsEn ? ` ${starsEn}` : ""}${starEn ? ` ${starEn}` : ""}`,
    strengths,
    weaknesses,
    rankDrivers,
    nextStar,
  }
}
