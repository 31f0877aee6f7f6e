import * as Schema from "effect/Schema"
import { RegionCode } from "./ids.js"

/** 东部 / 中部 / 西部 / 东北: the four macro zones of China's regional statistics. */
export const MacroZone = Schema.Literals(["east", "central", "west", "northeast"])
export type MacroZone = typeof MacroZone.Type

/** Chinese and English display names of the macro zones. */
export const macroZoneNames: Record<MacroZone, { zh: string; en: string }> = {
  east: { zh: "东部", en: "East" },
  central: { zh: "中部", en: "Central" },
  west: { zh: "西部", en: "West" },
  northeast: { zh: "东北", en: "Northeast" },
}

/** Administrative level: province (省), prefecture city (省辖市/地级市), county or district (县/市辖区/县级市). */
export const RegionLevel = Schema.Literals(["province", "prefecture", "county"])
export type RegionLevel = typeof RegionLevel.Type

/** A region (区域) of the GB/T 2260 hierarchy. */
export const Region = Schema.Struct({
  /** Six-digit GB/T 2260 code, e.g. "410600". */
  code: RegionCode,
  /** Chinese name, e.g. "鹤壁市". */
  name: Schema.NonEmptyString,
  /** English name (pinyin or official), when known. */
  nameEn: Schema.optional(Schema.String),
  level: RegionLevel,
  /** Code of the enclosing region (a county's prefecture, a prefecture's province); null for provinces. */
  parent: Schema.NullOr(RegionCode),
  /** 东部 / 中部 / 西部 / 东北 zone, for grouping regional statistics. */
  macroZone: MacroZone,
  /** County-level units that are city districts (市辖区) rank with the urban group. */
  isDistrict: Schema.Boolean,
})
export type Region = typeof Region.Type

/**
 * The province code a region belongs to ("410102" → "410000"); GB/T 2260 codes keep the province in the first two digits.
 * @example provinceOf(RegionCode.make("410102")) // "410000"
 */
export const provinceOf = (code: RegionCode): string => `${code.slice(0, 2)}0000`

/**
 * The prefecture code a county-level region belongs to ("410102" → "410100"); use to roll county data up to cities.
 * @example prefectureOf(RegionCode.make("410102")) // "410100"
 */
export const prefectureOf = (code: RegionCode): string => `${code.slice(0, 4)}00`

/** A region as stored: the register entry plus its version (optimistic concurrency) and archive state. */
export const StoredRegion = Schema.Struct({
  ...Region.fields,
  /** Incremented on each change; a change names the version it read. */
  version: Schema.Int,
  /** ISO time the region was archived, or null while active. */
  archivedAt: Schema.NullOr(Schema.String),
})
export type StoredRegion = typeof StoredRegion.Type
