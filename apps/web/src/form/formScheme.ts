import { henan2017Scheme } from "@jiju/domain/assessment"
import { byDimension, schemeIndicators } from "./schemeIndicators.js"

/** The scheme the form collects data for (the built-in Henan-shaped scheme). */
export const formScheme = henan2017Scheme
/** The form's indicators, in scheme order. */
export const formItems = schemeIndicators(formScheme)
/** The form's indicators grouped by dimension. */
export const formGroups = byDimension(formItems)

/** An indicator's position in the form (unknown codes last), for showing stored values in form order. */
export const formOrder = (code: string): number => {
  const k = formItems.findIndex((i) => i.code === code)
  return k === -1 ? formItems.length : k
}
