/**
 * Sub-areas of a zone and the projects each admits (seed 002 篇5 一: 我县工业园区南区主要安排固定资产投资1000万元的高新技术
 * 项目,西区主要安排固定资产投资500万元以上的劳动密集型项目). Each sub-area carries its admission rules, configured by the
 * commission, each with its source; a project entering the sub-area is checked against them when it is entered
 * and whenever it changes. A "required" rule refuses the project; an "advisory" one lets it in and says so.
 *
 * Thresholds are inclusive: "500万元以上" admits exactly 500万 (以上 includes the number it names; 民法典 第一千二百五十九条
 * states the same reading for legal texts). The south area's text names "1000万元" without 以上: Jiju reads it as
 * the same kind of floor (a project of exactly 1,000万 is admitted).
 */
import * as Schema from "effect/Schema"
import type { Issue } from "../model/errors.js"
import { ClusterId } from "../model/ids.js"
import { AreaCode, type Project, ProjectTrait, ProjectType, projectTraitNames, projectTypeNames } from "./Project.js"
import { ProjectRuleSource, projectDocumentSource, projectSourceLine } from "./ProjectRuleSource.js"

/** Whether a broken rule refuses the project ("required") or only flags it ("advisory"). */
export const RuleMode = Schema.Literals(["required", "advisory"])
export type RuleMode = typeof RuleMode.Type

/** One admission rule of a sub-area. */
export const AdmissionRule = Schema.Struct({
  /** The least fixed-asset investment (万元), inclusive; null: no floor. */
  minFixedInvestment: Schema.NullOr(Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))),
  /** The project types admitted; empty: any type. */
  types: Schema.Array(ProjectType),
  /** Traits a project must have, all of them (高新技术, 劳动密集型); empty: none asked. */
  traits: Schema.Array(ProjectTrait),
  mode: RuleMode,
  source: ProjectRuleSource,
})
export type AdmissionRule = typeof AdmissionRule.Type

/** A sub-area of a zone (园区南区, 西区 …) as configured: its name and admission rules. */
export const ZoneArea = Schema.Struct({
  code: AreaCode,
  name: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(100)),
  nameEn: Schema.NullOr(Schema.String.check(Schema.isMaxLength(100))),
  rules: Schema.Array(AdmissionRule),
})
export type ZoneArea = typeof ZoneArea.Type

/** A sub-area as stored: with its zone and version. */
export const StoredZoneArea = Schema.Struct({ cluster: ClusterId, ...ZoneArea.fields, version: Schema.Int })
export type StoredZoneArea = typeof StoredZoneArea.Type

/** One rule a project breaks, with the rule's source shown. */
export const AdmissionBreach = Schema.Struct({
  /** below_min_investment, type_not_admitted or trait_missing. */
  code: Schema.String,
  /** The rule's position in the area's list (0-based). */
  rule: Schema.Int,
  mode: RuleMode,
  /** The project field at fault (snake_case, as the wire names it). */
  column: Schema.String,
  value: Schema.Unknown,
  en: Schema.String,
  zh: Schema.String,
  source: ProjectRuleSource,
})
export type AdmissionBreach = typeof AdmissionBreach.Type

/** The outcome of checking a project against its sub-area. */
export const AdmissionCheck = Schema.Struct({
  /** The sub-area checked; null when the project names none. */
  area: Schema.NullOr(AreaCode),
  /** False when a required rule is broken. */
  admitted: Schema.Boolean,
  breaches: Schema.Array(AdmissionBreach),
})
export type AdmissionCheck = typeof AdmissionCheck.Type

const wan = (n: number) => `${n.toLocaleString("en-US", { maximumFractionDigits: 4 })}万`

/**
 * Check a project against the admission rules of its sub-area: every rule it breaks, each with the rule's source.
 * `admitted` is false when any required rule is broken. A project with no sub-area, or an area with no rules, is
 * admitted with no breaches.
 * @example
 * admissionCheck({ area: "south", type: "industrial", traits: ["high_tech"], fixedInvestment: 1000 }, southAreaExample).admitted // true
 */
export const admissionCheck = (
  project: Pick<Project, "area" | "type" | "traits" | "fixedInvestment">,
  area: Pick<ZoneArea, "code" | "rules"> | undefined,
): AdmissionCheck => {
  const breaches: AdmissionBreach[] = []
  if (project.area === null || area === undefined) return { area: project.area, admitted: true, breaches }
  area.rules.forEach((rule, i) => {
    const src = projectSourceLine(rule.source)
    const breach = (code: string, column: string, value: unknown, en: string, zh: string) =>
      breaches.push({ code, rule: i, mode: rule.mode, column, value, en: `${en} (${src})`, zh: `${zh}（依据：${src}）`, source: rule.source })
    if (rule.minFixedInvestment !== null && !(project.fixedInvestment >= rule.minFixedInvestment))
      breach(
        "below_min_investment",
        "fixed_investment",
        project.fixedInvestment,
        `area ${area.code} admits projects of at least ${wan(rule.minFixedInvestment)} yuan fixed investment; this one has ${wan(project.fixedInvestment)}`,
        `${area.code} 区只安排固定资产投资 ${wan(rule.minFixedInvestment)}元及以上的项目；本项目为 ${wan(project.fixedInvestment)}元`,
      )
    if (rule.types.length > 0 && !rule.types.includes(project.type))
      breach(
        "type_not_admitted",
        "type",
        project.type,
        `area ${area.code} admits ${rule.types.map((t) => projectTypeNames[t].en).join(" or ")} projects, not ${projectTypeNames[project.type].en}`,
        `${area.code} 区只安排${rule.types.map((t) => projectTypeNames[t].zh).join("或")}，不安排${projectTypeNames[project.type].zh}`,
      )
    for (const t of rule.traits)
      if (!project.traits.includes(t))
        breach(
          "trait_missing",
          "traits",
          project.traits,
          `area ${area.code} admits ${projectTraitNames[t].en} projects; this one is not marked ${projectTraitNames[t].en}`,
          `${area.code} 区安排${projectTraitNames[t].zh}项目；本项目未标注为${projectTraitNames[t].zh}`,
        )
  })
  return { area: project.area, admitted: !breaches.some((b) => b.mode === "required"), breaches }
}

/**
 * The breaches of a check as issues in the one shape (row null, column the project field).
 * @example breachIssues(admissionCheck(project, area)).map((i) => i.code) // ["below_min_investment"]
 */
export const breachIssues = (check: AdmissionCheck): ReadonlyArray<Issue> =>
  check.breaches.map((b) => ({ code: b.code, row: null, column: b.column, value: b.value, en: b.en, zh: b.zh }))

/** The south area of the county industrial park of seed 002 篇5 一: 高新技术 projects of at least 1,000万 fixed investment. */
export const southAreaExample: ZoneArea = {
  code: "south",
  name: "园区南区",
  nameEn: "South area",
  rules: [
    {
      minFixedInvestment: 1000,
      types: [],
      traits: ["high_tech"],
      mode: "required",
      source: projectDocumentSource("seed 002 篇5 一", "我县工业园区南区主要安排固定资产投资1000万元的高新技术项目"),
    },
  ],
}

/** The west area of the same park: labour-intensive projects of at least 500万 fixed investment. */
export const westAreaExample: ZoneArea = {
  code: "west",
  name: "园区西区",
  nameEn: "West area",
  rules: [
    {
      minFixedInvestment: 500,
      types: [],
      traits: ["labour_intensive"],
      mode: "required",
      source: projectDocumentSource("seed 002 篇5 一", "西区主要安排固定资产投资500万元以上的劳动密集型项目"),
    },
  ],
}
