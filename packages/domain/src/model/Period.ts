import * as Schema from "effect/Schema"

/**
 * The period grammar, the one definition every reader uses (the Schema below, file imports, the web form; the
 * store's check constraint in migration 0001 spells the same pattern): a year "2025", a quarter "2025Q1" or a
 * month "2025-03", years 1900–2099.
 */
export const PERIOD_PATTERN = /^(19|20)\d{2}(Q[1-4]|-(0[1-9]|1[0-2]))?$/

/**
 * A reporting period: a year "2025", a quarter "2025Q1" or a month "2025-03".
 * Periods of one frequency sort as strings.
 */
export const Period = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(PERIOD_PATTERN, {
      expected: 'a period like "2025", "2025Q1" or "2025-03"',
    }),
  ),
  Schema.brand("Period"),
)
export type Period = typeof Period.Type

/**
 * Whether a text is a period of the grammar ({@link PERIOD_PATTERN}).
 * @example isPeriodText("2025Q1") // true
 */
export const isPeriodText = (text: string): boolean => PERIOD_PATTERN.test(text)

/** The frequency of a period. */
export type Frequency = "year" | "quarter" | "month"

/**
 * The frequency of a period string: "year", "quarter" or "month".
 * @example frequencyOf("2025Q1") // "quarter"
 */
export const frequencyOf = (p: string): Frequency => (p.includes("Q") ? "quarter" : p.includes("-") ? "month" : "year")

/**
 * The calendar year of a period of any frequency.
 * @example yearOf("2025-03") // 2025
 */
export const yearOf = (p: string): number => Number(p.slice(0, 4))

/**
 * The period one step earlier at the same frequency ("2025" → "2024", "2025Q1" → "2024Q4"); use it to find
 * the comparison period for rank changes and growth rates.
 * @example previousPeriod("2025-01") // "2024-12"
 */
export const previousPeriod = (p: string): string => {
  const y = yearOf(p)
  switch (frequencyOf(p)) {
    case "year":
      return String(y - 1)
    case "quarter": {
      const q = Number(p.slice(5))
      return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`
    }
    case "month": {
      const m = Number(p.slice(5))
      return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`
    }
  }
}

/**
 * The inclusive range from `n` periods before `p` to `p` (what a comparison over `n` earlier periods loads).
 * @example periodsBack("2025", 2) // { from: "2023", to: "2025" }
 */
export const periodsBack = (p: string, n: number): { readonly from: string; readonly to: string } => {
  let from = p
  for (let i = 0; i < n; i++) from = previousPeriod(from)
  return { from, to: p }
}

/**
 * The first month of a period (1–12), to tell whether it has begun.
 * @example periodStart("2025Q3") // { year: 2025, month: 7 }
 */
export const periodStart = (p: string): { readonly year: number; readonly month: number } => {
  const y = yearOf(p)
  switch (frequencyOf(p)) {
    case "year":
      return { year: y, month: 1 }
    case "quarter":
      return { year: y, month: (Number(p.slice(5)) - 1) * 3 + 1 }
    case "month":
      return { year: y, month: Number(p.slice(5)) }
  }
}

/**
 * Whether a period has begun at `now` (its first month is this month or earlier, in UTC): values for a period
 * that has not begun cannot have been observed.
 * @example hasBegun("2025Q3", new Date("2025-06-30T00:00:00Z")) // false
 */
export const hasBegun = (p: string, now: Date): boolean => {
  const s = periodStart(p)
  const y = now.getUTCFullYear()
  return s.year < y || (s.year === y && s.month <= now.getUTCMonth() + 1)
}
