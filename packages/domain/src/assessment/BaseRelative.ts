import type { Direction } from "../model/Indicator.js"
import { type BaseRelativeRule, jiangsuRule } from "./AssessmentScheme.js"

/** One item scored by the base-relative rule, with the arithmetic that produced it. */
export interface BaseRelativeScore {
  /** Points earned, between 0 and (baseShare + capShare) × item points. */
  readonly points: number
  /** Performance ratio r: value/base for a positive indicator, base/value for a negative one. */
  readonly ratio: number
  /** Steps above the base counted (fractional under `proportional`). */
  readonly steps: number
  /** Bonus points above the base share (0 below the base). */
  readonly bonus: number
  /** Whether the bonus hit its cap. */
  readonly capped: boolean
  readonly explanation: { readonly zh: string; readonly en: string }
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toFixed(4))))

/**
 * The Jiangsu base-relative scoring rule (江苏考核计分办法): matching the base earns `baseShare` (80 %) of the
 * item's points; each `step` (5 %) above the base adds `pointsPerStep` (1 point); the bonus is capped at
 * `capShare` (50 %) of the item's points. Below the base the item earns proportionally less:
 * baseShare × points × r, where r = value/base (an assumption: the documents state only the rule above the base).
 * For a negative indicator (less is better) r = base/value, so a zone that cut energy use by 10 % has r ≈ 1.11.
 *
 * Returns undefined when the base is not a positive number (the item cannot be scored; callers report it).
 *
 * @example baseRelativePoints(110, 100, 10).points // 8 + 2 = 10 (10 % above: two 5 % steps)
 * @example baseRelativePoints(90, 100, 10).points  // 8 × 0.9 = 7.2
 */
export const baseRelativePoints = (
  value: number,
  base: number,
  itemPoints: number,
  rule: BaseRelativeRule = jiangsuRule,
  direction: Direction = "positive",
): BaseRelativeScore | undefined => {
  if (!(Number.isFinite(base) && base > 0) || !Number.isFinite(value)) return undefined
  const ratio = direction === "positive" ? value / base : value > 0 ? base / value : Number.POSITIVE_INFINITY
  const atBase = rule.baseShare * itemPoints
  const cap = rule.capShare * itemPoints
  if (ratio < 1) {
    const points = Math.max(0, atBase * ratio)
    return {
      points,
      ratio,
      steps: 0,
      bonus: 0,
      capped: false,
      explanation: {
        en: `below base: ${fmt(rule.baseShare * 100)}% × ${fmt(itemPoints)} × ${fmt(ratio)} = ${fmt(points)}`,
        zh: `低于基数：${fmt(rule.baseShare * 100)}% × ${fmt(itemPoints)} × ${fmt(ratio)} = ${fmt(points)}`,
      },
    }
  }
  const raw = (ratio - 1) / rule.step
  // A small tolerance so that 15 % above a 5 % step counts as 3 whole steps despite binary rounding.
  const steps = rule.steps === "whole_steps" ? Math.floor(raw + 1e-9) : raw
  const uncapped = steps * rule.pointsPerStep
  const capped = uncapped > cap
  const bonus = capped ? cap : uncapped
  const points = atBase + bonus
  const pct = fmt((ratio - 1) * 100)
  return {
    points,
    ratio,
    steps,
    bonus,
    capped,
    explanation: {
      en: `${pct}% above base: ${fmt(atBase)} + ${fmt(steps)} steps × ${fmt(rule.pointsPerStep)}${capped ? ` (capped at ${fmt(cap)})` : ""} = ${fmt(points)}`,
      zh: `超过基数 ${pct}%：${fmt(atBase)} + ${fmt(steps)} 档 × ${fmt(rule.pointsPerStep)}${capped ? `（封顶 ${fmt(cap)}）` : ""} = ${fmt(points)}`,
    },
  }
}
