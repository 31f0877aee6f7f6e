/**
 * Calendar dates of the project register ("2025-03-10"), and how periods of years are counted on them. Dates are
 * days in Beijing time (the zones' own calendar): "today" is the date in UTC+8.
 */
export { IsoDate, isIsoDate } from "../model/IsoDate.js"

const dayMs = 86_400_000

/**
 * The day a moment falls on in Beijing time (UTC+8): what "today" means for the zones.
 * @example beijingDate(new Date("2025-03-09T17:00:00Z")) // "2025-03-10"
 */
export const beijingDate = (now: Date): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/**
 * The date `n` days after `date` (before, for negative `n`).
 * @example addDays("2025-02-27", 2) // "2025-03-01"
 */
export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10)

/**
 * Days from `a` to `b` (negative when `b` is earlier).
 * @example daysBetween("2025-01-01", "2025-03-01") // 59
 */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / dayMs)

/**
 * The last day of a period of `n` years that begins after `date`, counted as the Civil Code counts periods
 * (民法典 第二百零一条、第二百零二条: the first day is not counted; the period ends on the corresponding day of the
 * last year, or on the last day of that month when it has none). From 2023-03-10, two years end on 2025-03-10; from
 * 2024-02-29, on 2026-02-28.
 * @example yearsAfter("2024-02-29", 2) // "2026-02-28"
 */
export const yearsAfter = (date: string, n: number): string => {
  const y = Number(date.slice(0, 4)) + n
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${y}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`
}

/**
 * The later of two dates (either may be null).
 * @example laterDate("2025-01-02", null) // "2025-01-02"
 */
export const laterDate = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b)
