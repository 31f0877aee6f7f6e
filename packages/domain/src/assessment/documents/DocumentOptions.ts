import * as Schema from "effect/Schema"
import type { Bilingual } from "../../model/errors.js"
import { InputError } from "../../model/errors.js"
import { Period } from "../../model/Period.js"

/** The periods a document reads, inclusive and of one frequency: what its caller loads before building it. */
export interface PeriodRange {
  readonly from: string
  readonly to: string
}

const shown = (value: unknown): string => (typeof value === "string" ? `"${value}"` : String(value))

/**
 * InputError "bad_option": the option `option` got `value` where `expected` was needed.
 * @example badOption("rule", "half", { en: "full_refund or yoy", zh: "full_refund 或 yoy" }).message // 'rule must be full_refund or yoy; got "half"'
 */
export const badOption = (option: string, value: unknown, expected: Bilingual): InputError => {
  const en = `${option} must be ${expected.en}; got ${shown(value)}`
  const zh = `${option} 应为${expected.zh}；收到 ${shown(value)}`
  return new InputError({ code: "bad_option", message: en, zh, issues: [{ column: option, value, en, zh }] })
}

const isPeriod = Schema.is(Period)

/**
 * `value` when it is a period ("2025", "2025Q1", "2025-03"), else InputError "bad_option".
 * @example periodOption("2025") // "2025"
 */
export const periodOption = (value: string, option = "period"): string => {
  if (!isPeriod(value)) throw badOption(option, value, { en: 'a period like "2025", "2025Q1" or "2025-03"', zh: "形如 2025、2025Q1 或 2025-03 的期间" })
  return value
}

/**
 * `value` when it is a whole year from 1900 to 2099, else InputError "bad_option".
 * @example yearOption(2009, "baseYear") // 2009
 */
export const yearOption = (value: number, option: string): number => {
  if (!(Number.isInteger(value) && value >= 1900 && value <= 2099))
    throw badOption(option, value, { en: "a year from 1900 to 2099, like 2010", zh: "1900 至 2099 之间的年份，如 2010" })
  return value
}
