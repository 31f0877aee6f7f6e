import * as Schema from "effect/Schema"
import type { Bilingual } from "../../model/errors.js"
import { commission, RuleSource } from "../../model/RuleSource.js"

/** One parameter a judgement used (a count, an amount, a year, a threshold), its value and where the value came from. */
export const JudgementSetting = Schema.Struct({
  name: Schema.String,
  value: Schema.NullOr(Schema.Union([Schema.Number, Schema.String])),
  source: RuleSource,
})
export type JudgementSetting = typeof JudgementSetting.Type

/**
 * A parameter as a judgement document lists it: the commission's value when it gave one (source "commission"),
 * else the default with the default's own source (a document's number or a Jiju default).
 * @example setting("count", undefined, 20, ruleSource("p8.land_quota"), { zh: "名次数", en: "places" }).value // 20
 */
export const setting = (
  name: string,
  given: number | string | null | undefined,
  fallback: number | string | null,
  defaultSource: RuleSource,
  what: Bilingual,
): JudgementSetting =>
  given === undefined || given === null
    ? { name, value: fallback, source: defaultSource }
    : { name, value: given, source: commission({ zh: `${what.zh}由委员会设定`, en: `${what.en} set by the commission` }) }
