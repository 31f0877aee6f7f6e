import * as Schema from "effect/Schema"

/** A name or text in both product languages. */
export const BilingualText = Schema.Struct({
  /** Simplified Chinese. */
  zh: Schema.NonEmptyString,
  /** English. */
  en: Schema.NonEmptyString,
})
export type BilingualText = typeof BilingualText.Type

/** A text in both languages as result documents carry it: either may be empty (a unit that has none). */
export const BilingualMessage = Schema.Struct({ zh: Schema.String, en: Schema.String })

/** The two user-facing languages; zh-CN is the default. */
export type Language = "zh" | "en"
