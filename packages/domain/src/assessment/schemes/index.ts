import type { AssessmentScheme, StarLadder } from "../AssessmentScheme.js"
import { henan2017Scheme } from "./henan2017.js"
import { jijuFinancialScheme, jijuIndustrialScheme, jijuServiceScheme, jijuShippingScheme } from "./jijuDefaults.js"
import { serviceTwoZonesScheme, serviceTwoZonesStarLadder } from "./serviceTwoZones.js"

export * from "./henan2017.js"
export * from "./jijuDefaults.js"
export * from "./serviceTwoZones.js"

/**
 * The built-in schemes by id, for `--scheme <id>` style lookups.
 * @example builtInSchemes["henan-2017"]?.dimensions.length // 4
 */
export const builtInSchemes: Readonly<Record<string, AssessmentScheme>> = {
  [henan2017Scheme.id]: henan2017Scheme,
  [serviceTwoZonesScheme.id]: serviceTwoZonesScheme,
  [jijuIndustrialScheme.id]: jijuIndustrialScheme,
  [jijuServiceScheme.id]: jijuServiceScheme,
  [jijuFinancialScheme.id]: jijuFinancialScheme,
  [jijuShippingScheme.id]: jijuShippingScheme,
}

/** The built-in star ladders by id. */
export const builtInStarLadders: Readonly<Record<string, StarLadder>> = {
  [serviceTwoZonesStarLadder.id]: serviceTwoZonesStarLadder,
}
