import type { AssessmentScheme } from "@jiju/domain/assessment"
import { byDimension, type FormIndicator, schemeIndicators } from "./schemeIndicators.js"

/** What the form collects for one scheme: its indicators in scheme order and grouped by dimension. */
export interface FormScheme {
  readonly scheme: AssessmentScheme
  readonly items: ReadonlyArray<FormIndicator>
  readonly groups: ReturnType<typeof byDimension>
}

/**
 * The form of a scheme (the scheme of the zone's kind, as the server names it).
 * @example formOf(scheme).items.length
 */
export const formOf = (scheme: AssessmentScheme): FormScheme => {
  const items = schemeIndicators(scheme)
  return { scheme, items, groups: byDimension(items) }
}

/**
 * An indicator's position in the form (unknown codes last), for showing stored values in form order.
 * @example formOrder(items, "revenue") // 0
 */
export const formOrder = (items: ReadonlyArray<FormIndicator>, code: string): number => {
  const k = items.findIndex((i) => i.code === code)
  return k === -1 ? items.length : k
}
