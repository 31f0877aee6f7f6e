/**
 * Which scheme each kind of zone is assessed with, and what of a scheme still waits for the commission's
 * confirmation before a run on it may be published.
 */
import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import { ClusterKind, clusterKindNames } from "../model/Cluster.js"
import { type Bilingual, InputError } from "../model/errors.js"
import { needsConfirmation, RuleSource } from "../model/RuleSource.js"
import { type AssessmentScheme, SchemeId } from "./AssessmentScheme.js"
import { ruleSource } from "./RuleSources.js"

/** The scheme id each kind uses. */
export type KindSchemeMap = Readonly<Record<ClusterKind, string>>

/**
 * The built-in mapping (a Jiju default, `scheme.default.kinds`): every kind its own default scheme.
 * @example defaultKindSchemes.modern_service // "jiju-service"
 */
export const defaultKindSchemes: KindSchemeMap = {
  industrial: "jiju-industrial",
  modern_service: "jiju-service",
  financial: "jiju-financial",
  shipping_logistics: "jiju-shipping",
}

/** The kinds in display order. */
export const clusterKinds: ReadonlyArray<ClusterKind> = ClusterKind.literals

const badSetting = (value: string, en: string, zh: string): InputError =>
  new InputError({
    code: "invalid_kind_schemes",
    message: `JIJU_KIND_SCHEMES: ${en}`,
    zh: `JIJU_KIND_SCHEMES：${zh}`,
    issues: [{ column: "JIJU_KIND_SCHEMES", value, en: `JIJU_KIND_SCHEMES: ${en}`, zh: `JIJU_KIND_SCHEMES：${zh}` }],
  })

/**
 * The commission's mapping from the deployment setting `JIJU_KIND_SCHEMES` ("kind=scheme,…"); kinds it does not
 * name keep the built-in scheme. InputError "invalid_kind_schemes" for an unknown kind, a malformed id or a kind
 * named twice.
 * @example parseKindSchemes("industrial=henan-2017").industrial // "henan-2017"
 */
export const parseKindSchemes = (setting: string | undefined): KindSchemeMap => {
  const out: Record<ClusterKind, string> = { ...defaultKindSchemes }
  const seen = new Set<string>()
  for (const part of (setting ?? "").split(",").map((s) => s.trim())) {
    if (part === "") continue
    const [kind, scheme, ...rest] = part.split("=").map((s) => s.trim())
    if (scheme === undefined || rest.length > 0) throw badSetting(part, `"${part}" is not kind=scheme`, `“${part}”不是“类型=方案”的形式`)
    if (!(kind! in clusterKindNames))
      throw badSetting(part, `unknown kind "${kind}" (${clusterKinds.join(", ")})`, `未知的集聚区类型“${kind}”（${clusterKinds.join("、")}）`)
    if (!Schema.is(SchemeId)(scheme)) throw badSetting(part, `"${scheme}" is not a scheme id`, `“${scheme}”不是方案编号`)
    if (seen.has(kind!)) throw badSetting(part, `kind "${kind}" is named twice`, `类型“${kind}”重复`)
    seen.add(kind!)
    out[kind as ClusterKind] = scheme
  }
  return out
}

/** One part of a scheme that still holds a Jiju default or outside practice. */
export const UnconfirmedItem = Schema.Struct({
  /** "weights", "normalisation", "rewards", "scheme" or "indicator:<code>". */
  item: Schema.String,
  what: BilingualMessage,
  source: RuleSource,
})
export type UnconfirmedItem = typeof UnconfirmedItem.Type

const parts = [
  ["scheme", { zh: "方案的构成", en: "the scheme's make-up" }],
  ["weights", { zh: "指标权重", en: "the indicator weights" }],
  ["normalisation", { zh: "标准化方法", en: "the normalisation" }],
  ["rewards", { zh: "奖励名次", en: "the reward bands" }],
] as const

/**
 * What of a scheme the commission has not confirmed: every part of its provenance, and every indicator, whose
 * source is a Jiju default or outside practice. A scheme without provenance (a commission's own file, or a
 * built-in example such as henan-2017) lists nothing.
 * @example unconfirmedDefaults(jijuIndustrialScheme).map((u) => u.item) // ["weights", "normalisation"]
 */
export const unconfirmedDefaults = (scheme: AssessmentScheme): ReadonlyArray<UnconfirmedItem> => {
  const p = scheme.provenance
  if (p === undefined) return []
  const out: UnconfirmedItem[] = []
  for (const [item, what] of parts) {
    const source = p[item]
    if (source !== undefined && needsConfirmation(source)) out.push({ item, what, source })
  }
  for (const d of scheme.dimensions)
    for (const i of d.indicators)
      if (i.source !== undefined && needsConfirmation(i.source))
        out.push({ item: `indicator:${i.code}`, what: { zh: `指标 ${i.code}`, en: `the indicator ${i.code}` }, source: i.source })
  return out
}

/** The commission's confirmation of a scheme's defaults, as a published run records it. */
export const DefaultsConfirmation = Schema.Struct({
  /** Who confirmed (the signed-in admin, or the operator at the command line). */
  by: Schema.String,
  /** When (ISO time). */
  at: Schema.String,
  /** The parts confirmed. */
  items: Schema.Array(UnconfirmedItem),
  /** The rule the confirmation answers. */
  source: RuleSource,
})
export type DefaultsConfirmation = typeof DefaultsConfirmation.Type

/**
 * The confirmation a run records when its scheme's defaults were confirmed by `by` at `at`; null when the scheme
 * has nothing to confirm.
 * @example confirmDefaults(jijuIndustrialScheme, "admin", "2026-01-01T00:00:00Z")?.items.length // 2
 */
export const confirmDefaults = (scheme: AssessmentScheme, by: string, at: string): DefaultsConfirmation | null => {
  const items = unconfirmedDefaults(scheme)
  return items.length === 0 ? null : { by, at, items, source: ruleSource("scheme.default.confirmation") }
}

/**
 * The refusal of publishing a run whose scheme holds unconfirmed defaults: InputError "defaults_unconfirmed"
 * listing each part and its source.
 * @example defaultsUnconfirmed(jijuIndustrialScheme).code // "defaults_unconfirmed"
 */
export const defaultsUnconfirmed = (scheme: AssessmentScheme): InputError => {
  const items = unconfirmedDefaults(scheme)
  const en = `scheme "${scheme.id}" holds Jiju defaults the commission has not confirmed (${items.map((i) => i.what.en).join(", ")}): publish with --confirm-defaults (API: confirm_defaults: true) to confirm them, or use a scheme of the commission's own`
  const zh = `方案“${scheme.id}”含有委员会尚未确认的 Jiju 默认值（${items.map((i) => i.what.zh).join("、")}）：确认后发布请加 --confirm-defaults（API：confirm_defaults: true），或改用委员会自己的方案`
  return new InputError({
    code: "defaults_unconfirmed",
    message: en,
    zh,
    issues: items.map((i) => ({
      code: "defaults_unconfirmed",
      column: i.item,
      value: i.source.kind,
      en: `${i.item}: ${i.source.note?.en ?? i.what.en}`,
      zh: `${i.item}：${i.source.note?.zh ?? i.what.zh}`,
    })),
  })
}

/**
 * What a run's documents say of its scheme's Jiju defaults: who confirmed them and when, or that they are not
 * confirmed; null for a scheme that holds none.
 * @example defaultsStatement(unconfirmedDefaults(jijuIndustrialScheme), null)?.zh // "本方案含未经委员会确认的 Jiju 默认值：指标权重、标准化方法"
 */
export const defaultsStatement = (unconfirmed: ReadonlyArray<UnconfirmedItem>, confirmation: DefaultsConfirmation | null): Bilingual | null => {
  if (confirmation !== null)
    return {
      zh: `本方案的 Jiju 默认值（${confirmation.items.map((i) => i.what.zh).join("、")}）已由 ${confirmation.by} 于 ${confirmation.at} 确认`,
      en: `The scheme's Jiju defaults (${confirmation.items.map((i) => i.what.en).join(", ")}) were confirmed by ${confirmation.by} at ${confirmation.at}`,
    }
  if (unconfirmed.length === 0) return null
  return {
    zh: `本方案含未经委员会确认的 Jiju 默认值：${unconfirmed.map((i) => i.what.zh).join("、")}`,
    en: `The scheme holds Jiju defaults the commission has not confirmed: ${unconfirmed.map((i) => i.what.en).join(", ")}`,
  }
}
