import * as Schema from "effect/Schema"
import { IndicatorCode } from "./ids.js"

/** 正向 (more is better) or 逆向 (less is better, e.g. energy per unit of value added). */
export const Direction = Schema.Literals(["positive", "negative"])
export type Direction = typeof Direction.Type

/** The subsystem an indicator belongs to, as the coupling and evaluation models group them. */
export const Subsystem = Schema.Literals(["scale", "land_infrastructure", "structure_innovation", "finance", "economy", "environment"])
export type Subsystem = typeof Subsystem.Type

/** How often an indicator is reported. */
export const IndicatorFrequency = Schema.Literals(["year", "quarter", "month"])

/** An indicator (指标) of the catalogue. */
export const IndicatorDefinition = Schema.Struct({
  /** Stable snake_case code, e.g. "revenue". */
  code: IndicatorCode,
  /** Chinese name, e.g. "主营业务收入". */
  zh: Schema.NonEmptyString,
  /** English name. */
  en: Schema.NonEmptyString,
  /** Unit as users write it, e.g. "亿元", "万人", "%". */
  unit: Schema.String,
  /** Unit in English, e.g. "100m CNY" for 亿元. */
  unitEn: Schema.String,
  /** Whether more is better ("positive") or less is better ("negative"); normalisation flips negative ones. */
  direction: Direction,
  /** The subsystem used by coupling coordination and composite evaluation. */
  subsystem: Subsystem,
  /** How often the indicator is reported. */
  frequency: IndicatorFrequency,
  /** Whether a negative value is meaningful (growth rates yes, revenue no). */
  allowNegative: Schema.Boolean,
  /** Definition or source note. */
  description: Schema.optional(Schema.String),
})
export type IndicatorDefinition = typeof IndicatorDefinition.Type

/** Chinese and English display names of the subsystems. */
export const subsystemNames: Record<Subsystem, { zh: string; en: string }> = {
  scale: { zh: "规模", en: "Scale" },
  land_infrastructure: { zh: "土地与基础设施", en: "Land and infrastructure" },
  structure_innovation: { zh: "结构与创新", en: "Structure and innovation" },
  finance: { zh: "金融", en: "Finance" },
  economy: { zh: "经济", en: "Economy" },
  environment: { zh: "绿色发展", en: "Green development" },
}

/** An indicator as stored: the definition plus its version (optimistic concurrency) and archive state. */
export const StoredIndicator = Schema.Struct({
  ...IndicatorDefinition.fields,
  /** Incremented on each change; a change names the version it read. */
  version: Schema.Int,
  /** ISO time the indicator was archived (it then takes no new values), or null while active. */
  archivedAt: Schema.NullOr(Schema.String),
})
export type StoredIndicator = typeof StoredIndicator.Type
