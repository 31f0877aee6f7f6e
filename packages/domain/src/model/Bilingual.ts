import * as Schema from "effect/Schema"

/** A name or text in both product languages. */
export const BilingualText = Schema.Struct({
  /** Simplified Chinese. */
  zh: Schema.NonEmptyString,
  /** English. */
  en: Schema.NonEmptyString,
})
export type BilingualText = typeof BilingualText.Type

/** The two user-facing languages; zh-CN is the default. */
export type Language = "zh" | "en"
