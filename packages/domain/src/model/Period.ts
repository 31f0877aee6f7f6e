import * as Schema from "effect/Schema"

/**
 * A reporting period: a year "2025", a quarter "2025Q1" or a month "2025-03".
 * Periods of one frequency sort as strings.
 */
export const Period = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^(19|20)\d{2}(Q[1-4]|-(0[1-9]|1[0-2]))?$/, {
      expected: 'a period like "2025", "2025Q1" or "2025-03"',
    }),
  ),
  Schema.brand("Period"),
)
export type Period = typeof Period.Type

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
