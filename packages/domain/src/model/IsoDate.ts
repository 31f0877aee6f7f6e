import * as Schema from "effect/Schema"

const DATE_PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/**
 * Whether a text is a real calendar date written YYYY-MM-DD (2025-02-29 is not).
 * @example isIsoDate("2024-02-29") // true
 */
export const isIsoDate = (text: string): boolean => {
  if (!DATE_PATTERN.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return d.toISOString().slice(0, 10) === text
}

/** A calendar day, "2025-03-10" (years 1900–2099). */
export const IsoDate = Schema.String.check(
  Schema.isPattern(DATE_PATTERN, { expected: 'a date written "2025-03-10"' }),
  Schema.makeFilter((s: string) => isIsoDate(s), { expected: 'a date written "2025-03-10"' }),
)
export type IsoDate = typeof IsoDate.Type
