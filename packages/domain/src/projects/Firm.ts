/**
 * The enterprise register: firms in the zones and the investors behind their projects, with their standing on the
 * leading-firm lists (seed 003 衡水 四(四): 实施“培龙育鹰”计划 … 遵照“六好”原则筛选出100家“龙鹰”企业, the 龙型 and 鹰型
 * firms given priority support) and as 500强 investors (seed 004, 003: 国内500强甚至国际500强企业; seed 002 篇7: 龙头项目).
 * The documents name the 六好 principle without listing it: each membership carries the criteria the commission
 * recorded, as text.
 */
import * as Schema from "effect/Schema"
import { ClusterId } from "../model/ids.js"
import { FirmId } from "./Project.js"
import { ProjectRuleSource } from "./ProjectRuleSource.js"

/** A firm's size class (大型, 中型, 小型, 微型). */
export const FirmSize = Schema.Literals(["large", "medium", "small", "micro"])
export type FirmSize = typeof FirmSize.Type

/** Names of the size classes. */
export const firmSizeNames: Record<FirmSize, { readonly zh: string; readonly en: string }> = {
  large: { zh: "大型", en: "large" },
  medium: { zh: "中型", en: "medium" },
  small: { zh: "小型", en: "small" },
  micro: { zh: "微型", en: "micro" },
}

/** The 500强 ranking a firm is on: China's top 500 (中国企业500强), China's private top 500, or the world's (世界500强). */
export const Fortune500List = Schema.Literals(["china", "china_private", "world"])
export type Fortune500List = typeof Fortune500List.Type

/** Names of the 500强 lists. */
export const fortune500Names: Record<Fortune500List, { readonly zh: string; readonly en: string }> = {
  china: { zh: "中国企业500强", en: "China Top 500" },
  china_private: { zh: "中国民营企业500强", en: "China Private Top 500" },
  world: { zh: "世界500强", en: "Fortune Global 500" },
}

/** A firm's place on a 500强 list, and the list's year. */
export const Fortune500 = Schema.Struct({ list: Fortune500List, year: Schema.Int.check(Schema.isBetween({ minimum: 1990, maximum: 2099 })) })
export type Fortune500 = typeof Fortune500.Type

/** The fields of a firm in the register. */
export const Firm = Schema.Struct({
  id: FirmId,
  name: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)),
  nameEn: Schema.optional(Schema.String.check(Schema.isMaxLength(200))),
  /** The zone it is in; null for an investor from elsewhere. */
  cluster: Schema.NullOr(ClusterId),
  industry: Schema.String.check(Schema.isMaxLength(100)),
  size: Schema.NullOr(FirmSize),
  /** Its 500强 standing, when it has one. */
  fortune500: Schema.NullOr(Fortune500),
  isDemo: Schema.Boolean,
})
export type Firm = typeof Firm.Type

/** The leading-firm lists of 培龙育鹰: 龙型 (dragon: large leaders) and 鹰型 (eagle: fast-growing firms). */
export const LeadingList = Schema.Literals(["dragon", "eagle"])
export type LeadingList = typeof LeadingList.Type

/** Names of the leading-firm lists. */
export const leadingListNames: Record<LeadingList, { readonly zh: string; readonly en: string }> = {
  dragon: { zh: "龙型企业", en: "dragon (leading) firm" },
  eagle: { zh: "鹰型企业", en: "eagle (growth) firm" },
}

/** One membership of a leading-firm list: the list, its year, the criteria recorded, the decision's source. */
export const LeadingMembership = Schema.Struct({
  list: LeadingList,
  year: Schema.Int.check(Schema.isBetween({ minimum: 1990, maximum: 2099 })),
  /** The reasons the commission recorded (the 六好 principle's points, as it states them). */
  criteria: Schema.Array(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200))),
  source: ProjectRuleSource,
})
export type LeadingMembership = typeof LeadingMembership.Type

/** The leading-list memberships of a firm, as set in one change. */
export const FirmLists = Schema.Struct({ memberships: Schema.Array(LeadingMembership) })
export type FirmLists = typeof FirmLists.Type

/** A firm as stored: its fields, its memberships and its version. */
export const StoredFirm = Schema.Struct({ ...Firm.fields, memberships: Schema.Array(LeadingMembership), version: Schema.Int })
export type StoredFirm = typeof StoredFirm.Type

/** What a project's page says about its investor, read from the register. */
export const InvestorStanding = Schema.Struct({
  firm: Schema.NullOr(FirmId),
  /** The lists the firm is on in the latest year it is listed (empty when none). */
  leading: Schema.Array(LeadingList),
  /** The year of those memberships. */
  leadingYear: Schema.NullOr(Schema.Int),
  fortune500: Schema.NullOr(Fortune500),
})
export type InvestorStanding = typeof InvestorStanding.Type

/**
 * What the register says of an investor: its latest leading-list year and lists, and its 500强 standing.
 * @example investorStanding({ id: "f-a", memberships: [{ list: "dragon", year: 2024, criteria: [], source }], fortune500: null }).leading // ["dragon"]
 */
export const investorStanding = (firm: Pick<StoredFirm, "id" | "memberships" | "fortune500"> | undefined): InvestorStanding => {
  if (!firm) return { firm: null, leading: [], leadingYear: null, fortune500: null }
  const year = firm.memberships.reduce<number | null>((y, m) => (y === null || m.year > y ? m.year : y), null)
  const leading = [...new Set(firm.memberships.filter((m) => m.year === year).map((m) => m.list))].sort()
  return { firm: firm.id, leading, leadingYear: year, fortune500: firm.fortune500 }
}
