/**
 * Weeks of the weekly reporting system (周汇报制度, seed 002 篇5 三), named as ISO 8601 weeks ("2025-W07": Monday to
 * Sunday, the first week of a year being the one with its first Thursday), and the deadline of a week's report.
 */
import * as Schema from "effect/Schema"
import { addDays } from "./Dates.js"

const WEEK_PATTERN = /^((19|20)\d{2})-W(0[1-9]|[1-4]\d|5[0-3])$/

const mondayOfWeek1 = (year: number): number => {
  const jan4 = Date.UTC(year, 0, 4)
  const dow = (new Date(jan4).getUTCDay() + 6) % 7 // Monday 0
  return jan4 - dow * 86_400_000
}

/**
 * How many ISO weeks a year has (52 or 53).
 * @example weeksInYear(2020) // 53
 */
export const weeksInYear = (year: number): number => Math.round((mondayOfWeek1(year + 1) - mondayOfWeek1(year)) / (7 * 86_400_000))

/**
 * Whether a text names an ISO week that exists ("2021-W53" does not).
 * @example isIsoWeek("2020-W53") // true
 */
export const isIsoWeek = (text: string): boolean => {
  const m = WEEK_PATTERN.exec(text)
  return m !== null && Number(m[3]) <= weeksInYear(Number(m[1]))
}

/** An ISO week, "2025-W07". */
export const IsoWeek = Schema.String.check(
  Schema.isPattern(WEEK_PATTERN, { expected: 'a week written "2025-W07"' }),
  Schema.makeFilter((s: string) => isIsoWeek(s), { expected: 'a week written "2025-W07"' }),
)
export type IsoWeek = typeof IsoWeek.Type

/**
 * The Monday a week begins on.
 * @example weekMonday("2025-W01") // "2024-12-30"
 */
export const weekMonday = (week: string): string => {
  const year = Number(week.slice(0, 4))
  const n = Number(week.slice(6))
  return new Date(mondayOfWeek1(year) + (n - 1) * 7 * 86_400_000).toISOString().slice(0, 10)
}

/**
 * The Sunday a week ends on.
 * @example weekSunday("2025-W01") // "2025-01-05"
 */
export const weekSunday = (week: string): string => addDays(weekMonday(week), 6)

/**
 * The week a day falls in.
 * @example weekOf("2025-01-01") // "2025-W01"
 */
export const weekOf = (date: string): string => {
  const t = Date.parse(`${date}T00:00:00Z`)
  const dow = (new Date(t).getUTCDay() + 6) % 7
  const thursday = new Date(t + (3 - dow) * 86_400_000)
  const year = thursday.getUTCFullYear()
  const n = Math.floor((t - dow * 86_400_000 - mondayOfWeek1(year)) / (7 * 86_400_000)) + 1
  return `${year}-W${String(n).padStart(2, "0")}`
}

/**
 * The week `n` weeks after `week` (before, for negative `n`).
 * @example addWeeks("2024-W52", 2) // "2025-W02"
 */
export const addWeeks = (week: string, n: number): string => weekOf(addDays(weekMonday(week), 7 * n))

/**
 * Every week from `from` to `to`, both included (none when `to` is earlier).
 * @example weeksBetween("2024-W52", "2025-W02") // ["2024-W52", "2025-W01", "2025-W02"]
 */
export const weeksBetween = (from: string, to: string): ReadonlyArray<string> => {
  const out: string[] = []
  for (let w = from; weekMonday(w) <= weekMonday(to); w = addWeeks(w, 1)) out.push(w)
  return out
}

/**
 * When a week's report is due: the Monday after the week, 12:00 Beijing time (04:00 UTC), so that the week is
 * complete when it is reported and the weekly meeting has it (Jiju default; seed 002 篇5 三 sets a weekly report
 * and a weekly meeting without a time).
 * @example reportDeadline("2025-W10") // "2025-03-10T04:00:00.000Z"
 */
export const reportDeadline = (week: string): string => `${addDays(weekMonday(week), 7)}T04:00:00.000Z`
