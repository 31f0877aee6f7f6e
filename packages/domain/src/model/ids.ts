import * as Schema from "effect/Schema"

/** A GB/T 2260 administrative division code: six digits, e.g. "410600" (鹤壁市). */
export const RegionCode = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[1-9]\d{5}$/, { expected: "a 6-digit GB/T 2260 code" })),
  Schema.brand("RegionCode"),
)
export type RegionCode = typeof RegionCode.Type

/** A cluster zone's id: lower-case letters, digits and dashes, e.g. "hb-baoshan". */
export const ClusterId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, { expected: "an id of a-z, 0-9 and '-' (max 64)" })),
  Schema.brand("ClusterId"),
)
export type ClusterId = typeof ClusterId.Type

/** An indicator's code in the catalogue, snake_case, e.g. "revenue". */
export const IndicatorCode = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[a-z][a-z0-9_]{0,63}$/, { expected: "a snake_case indicator code" })),
  Schema.brand("IndicatorCode"),
)
export type IndicatorCode = typeof IndicatorCode.Type
