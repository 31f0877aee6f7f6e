import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import { findIndicator } from "../model/catalogue.js"
import type { Bilingual } from "../model/errors.js"
import type { StarLadder, StarThreshold } from "./AssessmentScheme.js"

/** A threshold not met: what is required, what the zone has and how far short it is. */
export const ThresholdShortfall = Schema.Struct({
  indicator: Schema.String,
  zh: Schema.String,
  en: Schema.String,
  /** Unit in Chinese (亿元) and English (100m CNY), from the catalogue. */
  unit: Schema.String,
  unitEn: Schema.String,
  required: Schema.Number,
  actual: Schema.Number,
  /** required − actual (> 0). */
  shortfall: Schema.Number,
  /** shortfall / required. */
  shortfallShare: Schema.Number,
})
export type ThresholdShortfall = typeof ThresholdShortfall.Type

/** How a zone's stars moved against the previous period. */
export const StarMovement = Schema.Literals(["promoted", "demoted", "unchanged", "first_rating", "not_rated", "unknown"])
export type StarMovement = typeof StarMovement.Type

/** A zone's star rating for one period (JSON-ready). */
export const StarRating = Schema.Struct({
  ladderId: Schema.String,
  /** Stars held (0 = meets the entry threshold only); null when not rated (below entry or data missing). */
  stars: Schema.NullOr(Schema.Number),
  status: Schema.Literals(["rated", "below_entry", "missing_data"]),
  /** Stars held in the previous period: null when not rated then, absent when there was no previous rating. */
  previousStars: Schema.optional(Schema.NullOr(Schema.Number)),
  movement: StarMovement,
  /** Indicators the ladder needs that have no value for this zone and period. */
  missing: Schema.Array(Schema.String),
  /** Below entry: the entry thresholds not met. */
  entryShortfalls: Schema.Array(ThresholdShortfall),
  /** The next level up and the thresholds short of it (null at the top of the ladder or when not computable). */
  next: Schema.NullOr(Schema.Struct({ stars: Schema.Number, name: BilingualMessage, shortfalls: Schema.Array(ThresholdShortfall) })),
  text: BilingualMessage,
})
export type StarRating = typeof StarRating.Type

const describe = (code: string) => {
  const d = findIndicator(code)
  return { zh: d?.zh ?? code, en: d?.en ?? code, unit: d?.unit ?? "", unitEn: d?.unitEn ?? "" }
}

const shortfalls = (thresholds: ReadonlyArray<StarThreshold>, lookup: (code: string) => number | undefined): ThresholdShortfall[] =>
  thresholds.flatMap((t) => {
    const actual = lookup(t.indicator)
    if (actual === undefined || actual >= t.min) return []
    return [
      {
        indicator: t.indicator,
        ...describe(t.indicator),
        required: t.min,
        actual,
        shortfall: t.min - actual,
        shortfallShare: t.min > 0 ? (t.min - actual) / t.min : 0,
      },
    ]
  })

const fmtStars = (s: number | null | undefined): Bilingual =>
  s === null || s === undefined
    ? { zh: "未评级", en: "not rated" }
    : s === 0
      ? { zh: "入门（0 星）", en: "entry (0 stars)" }
      : { zh: `${s} 星`, en: `${s} star${s === 1 ? "" : "s"}` }

/**
 * Rate a zone on a star ladder (晋星升级). A zone holds level L when it meets ALL thresholds (≥) of every
 * level up to L; meeting the entry threshold (门槛) but not one star gives 0 stars; below entry it is not
 * rated, which counts as a demotion when it held a rating the period before. A missing value is never taken
 * as zero: the rating is then `missing_data` unless the values present already fail the entry threshold.
 *
 * @param previousStars stars of the previous period (null = not rated then, undefined = no previous rating).
 * @example rateStars(serviceTwoZonesStarLadder, (c) => ({ value_added: 6, tax_total: 0.8, employment: 0.31 })[c]).stars // 1
 */
export const rateStars = (ladder: StarLadder, lookup: (code: string) => number | undefined, previousStars?: number | null): StarRating => {
  const needed = new Set([...ladder.entry.map((t) => t.indicator), ...ladder.levels.flatMap((l) => l.thresholds.map((t) => t.indicator))])
  const missing = [...needed].filter((c) => lookup(c) === undefined)
  const entryMissing = ladder.entry.some((t) => lookup(t.indicator) === undefined)
  const entryShort = shortfalls(ladder.entry, lookup)
  const levels = [...ladder.levels].sort((a, b) => a.stars - b.stars)
  const base = { ladderId: ladder.id, previousStars, missing }
  if (entryShort.length > 0) {
    const movement: StarMovement = typeof previousStars === "number" ? "demoted" : "not_rated"
    const list = entryShort.map((s) => `${s.zh} ${s.actual} < ${s.required}${s.unit}`).join("，")
    const listEn = entryShort.map((s) => `${s.en} ${s.actual} < ${s.required} ${s.unitEn}`).join(", ")
    return {
      ...base,
      stars: null,
      status: "below_entry",
      movement,
      entryShortfalls: entryShort,
      next: { stars: 0, name: { zh: "入门门槛", en: "entry threshold" }, shortfalls: entryShort },
      text: {
        zh: `未达入门门槛（${list}）${movement === "demoted" ? `，由 ${fmtStars(previousStars).zh}降级` : ""}`,
        en: `below the entry threshold (${listEn})${movement === "demoted" ? `; demoted from ${fmtStars(previousStars).en}` : ""}`,
      },
    }
  }
  if (entryMissing)
    return {
      ...base,
      stars: null,
      status: "missing_data",
      movement: "unknown",
      entryShortfalls: [],
      next: null,
      text: { zh: `数据缺失，无法评星：${missing.join("、")}`, en: `cannot rate: missing ${missing.join(", ")}` },
    }
  let stars = 0
  let blockedByMissing = false
  for (const level of levels) {
    if (level.thresholds.some((t) => lookup(t.indicator) === undefined)) {
      blockedByMissing = true
      break
    }
    if (shortfalls(level.thresholds, lookup).length > 0) break
    stars = level.stars
  }
  if (blockedByMissing)
    return {
      ...base,
      stars: null,
      status: "missing_data",
      movement: "unknown",
      entryShortfalls: [],
      next: null,
      text: { zh: `数据缺失，无法评星：${missing.join("、")}`, en: `cannot rate: missing ${missing.join(", ")}` },
    }
  const movement: StarMovement =
    previousStars === undefined
      ? "first_rating"
      : previousStars === null || stars > previousStars
        ? "promoted"
        : stars < previousStars
          ? "demoted"
          : "unchanged"
  const nextLevel = levels.find((l) => l.stars > stars)
  const next = nextLevel ? { stars: nextLevel.stars, name: nextLevel.name, shortfalls: shortfalls(nextLevel.thresholds, lookup) } : null
  const moveZh = {
    promoted: `，由${fmtStars(previousStars).zh}晋升`,
    demoted: `，由 ${fmtStars(previousStars).zh}降级`,
    unchanged: "，保持不变",
    first_rating: "，首次评定",
  } as Record<string, string>
  const moveEn = {
    promoted: `, promoted from ${fmtStars(previousStars).en}`,
    demoted: `, demoted from ${fmtStars(previousStars).en}`,
    unchanged: ", unchanged",
    first_rating: ", first rating",
  } as Record<string, string>
  return {
    ...base,
    stars,
    status: "rated",
    movement,
    entryShortfalls: [],
    next,
    text: { zh: `${fmtStars(stars).zh}${moveZh[movement] ?? ""}`, en: `${fmtStars(stars).en}${moveEn[movement] ?? ""}` },
  }
}
