/**
 * The one check of a project as entered or changed, against the register: the zone (known, not archived), its
 * sub-area and that area's admission rules, the investor in the enterprise register, the investment figures, and
 * the status history. The project use cases and the project import both ask it, so that a project refused in one
 * place is refused in the other with the same codes and words.
 */
import type { Issue } from "../model/errors.js"
import { type RuleZone, zoneProblem } from "../model/ValueRule.js"
import { type AdmissionCheck, admissionCheck, type ZoneArea } from "./Admission.js"
import type { ProjectEntry } from "./Project.js"
import { statusHistoryProblems } from "./ProjectStatus.js"

/** What a project is checked against. */
export interface ProjectRegister {
  /** The zone, by id (undefined: unknown). */
  readonly zone: (id: string) => RuleZone | undefined
  /** The sub-areas of a zone. */
  readonly areas: (cluster: string) => ReadonlyArray<Pick<ZoneArea, "code" | "rules">>
  /** Whether a firm is in the enterprise register. */
  readonly hasFirm: (id: string) => boolean
}

/** The outcome of {@link checkProjectEntry}: every problem (an empty list: valid) and the admission check. */
export interface ProjectCheck {
  readonly issues: ReadonlyArray<Issue>
  readonly admission: AdmissionCheck
}

/**
 * Check a project entry (its fields and status history) against the register on `today` (Beijing time). Issues are
 * in the one shape with the field path in snake_case as `column` (row null): the zone (`unknown_cluster`,
 * `cluster_archived`), the sub-area (`unknown_area`), the firm (`unknown_firm`), fixed investment above the total
 * (`fixed_above_total`), the status history (see statusHistoryProblems), and every broken required admission rule
 * (`below_min_investment`, `type_not_admitted`, `trait_missing`, each naming the rule's source). Advisory breaches
 * are not issues: they come back in `admission`.
 * @example checkProjectEntry(entry, register, "2025-06-30").issues.map((i) => i.code) // ["below_min_investment"]
 */
export const checkProjectEntry = (
  entry: Pick<ProjectEntry, "cluster" | "area" | "firm" | "type" | "traits" | "fixedInvestment" | "totalInvestment" | "history">,
  register: ProjectRegister,
  today: string,
): ProjectCheck => {
  const issues: Issue[] = []
  const zone = register.zone(entry.cluster)
  const zp = zoneProblem(entry.cluster, zone)
  if (zp) issues.push({ code: zp.code, row: null, column: "cluster", value: entry.cluster, en: zp.en, zh: zp.zh })
  const areas = zone ? register.areas(entry.cluster) : []
  const area = entry.area === null ? undefined : areas.find((a) => a.code === entry.area)
  if (zone && entry.area !== null && area === undefined)
    issues.push({
      code: "unknown_area",
      row: null,
      column: "area",
      value: entry.area,
      en: `${entry.cluster} has no sub-area "${entry.area}"${areas.length ? ` (it has ${areas.map((a) => a.code).join(", ")})` : ""}`,
      zh: `${entry.cluster} 没有名为“${entry.area}”的片区${areas.length ? `（现有：${areas.map((a) => a.code).join("、")}）` : ""}`,
    })
  if (entry.firm !== null && !register.hasFirm(entry.firm))
    issues.push({
      code: "unknown_firm",
      row: null,
      column: "firm",
      value: entry.firm,
      en: `no firm "${entry.firm}" in the enterprise register`,
      zh: `企业名录中没有“${entry.firm}”`,
    })
  if (entry.fixedInvestment > entry.totalInvestment)
    issues.push({
      code: "fixed_above_total",
      row: null,
      column: "fixed_investment",
      value: entry.fixedInvestment,
      en: `fixed investment (${entry.fixedInvestment}万) exceeds total investment (${entry.totalInvestment}万)`,
      zh: `固定资产投资（${entry.fixedInvestment}万元）超过总投资（${entry.totalInvestment}万元）`,
    })
  issues.push(...statusHistoryProblems(entry.history, today))
  const admission = admissionCheck(entry, area)
  for (const b of admission.breaches) if (b.mode === "required") issues.push({ code: b.code, row: null, column: b.column, value: b.value, en: b.en, zh: b.zh })
  return { issues, admission }
}
