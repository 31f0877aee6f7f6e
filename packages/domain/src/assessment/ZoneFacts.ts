/**
 * Dated facts about a zone (事实): an approved plan, a management body, public-service capacity, trunk roads, site
 * readiness … — what certification, sanctions and targets read besides the indicator values. Each fact holds from
 * a date (`asOf`) until a later record replaces it, and carries who recorded it, when, and the evidence; a zone
 * committee proposes facts about its own zone and an admin accepts them.
 */
import * as Schema from "effect/Schema"
import { idText } from "../io/columns.js"
import type { Cell, DataTable } from "../io/DataTable.js"
import { BilingualMessage } from "../model/Bilingual.js"
import { type Bilingual, InputError } from "../model/errors.js"
import { isIsoDate } from "../model/IsoDate.js"
import { periodEnd } from "../model/Period.js"
import { RuleSource } from "../model/RuleSource.js"
import { type RuleId, ruleSource } from "./RuleSources.js"

/** What a fact's value is: yes/no, a number (with a unit), or a site's readiness (none / 三通一平 / 七通一平). */
export const FactType = Schema.Literals(["boolean", "number", "readiness"])
export type FactType = typeof FactType.Type

/** The readiness of a site: below 三通一平, 三通一平 (road, water, power, levelled site), or 七通一平. */
export const SiteReadiness = Schema.Literals(["none", "three_one", "seven_one"])
export type SiteReadiness = typeof SiteReadiness.Type

/** A fact's value. */
export const FactValue = Schema.Union([Schema.Boolean, Schema.Finite, SiteReadiness])
export type FactValue = typeof FactValue.Type

/** A fact the register can hold about a zone: its code, names, type, unit and the rule that needs it. */
export const FactDefinition = Schema.Struct({
  code: Schema.String,
  zh: Schema.String,
  en: Schema.String,
  type: FactType,
  /** Unit of a number, e.g. "条"; empty otherwise. */
  unit: Schema.String,
  unitEn: Schema.String,
  /** The rule that asks for it. */
  source: RuleSource,
})
export type FactDefinition = typeof FactDefinition.Type

const f = (code: string, zh: string, en: string, type: FactType, rule: RuleId, unit = "", unitEn = ""): FactDefinition => ({
  code,
  zh,
  en,
  type,
  unit,
  unitEn,
  source: ruleSource(rule),
})

/**
 * The facts Jiju knows, each with the rule that asks for it (the documents' wording where they state it).
 * @example factCatalogue.find((d) => d.code === "trunk_roads")?.unit // "条"
 */
export const factCatalogue: ReadonlyArray<FactDefinition> = [
  f("positioning_plan", "有明确的产业定位和空间布局规划", "Industry positioning and spatial plan", "boolean", "p10.positioning_plan"),
  f("layout_plans", "有明晰的产业布局规划和空间布局规划", "Industry layout and spatial layout plans", "boolean", "p9.layout_plans"),
  f("detailed_plan", "控制性详细规划（详规）已批准", "Detailed plan (详规) approved", "boolean", "p8.detailed_plan_deadline"),
  f("management_body", "有专门的管理机构和专职的工作人员", "Dedicated management body with full-time staff", "boolean", "p10.management_body"),
  f("public_service", "有较为完善的公共服务能力", "Public-service capacity", "boolean", "p10.public_service"),
  f("in_approved_area", "在国家批准的经济开发区和城市规划区范围内", "Inside an approved development zone and planned area", "boolean", "p9.in_approved_area"),
  f("clear_boundaries", "有相对明确的四至范围", "Clear boundaries", "boolean", "p9.clear_boundaries"),
  f("location_route", "在现有开发区内或由旧城改造、退二进三等方式形成", "Inside a development zone or made by urban renewal", "boolean", "p9.location"),
  f("scale_and_character", "产业集聚达到一定规模、特色鲜明", "Agglomeration of some scale, distinct character", "boolean", "p9.scale_and_character"),
  f("employment_absorbed", "吸纳一定数量的从业人员", "Employs a certain number of people", "boolean", "p9.employment"),
  f("upgrading", "有条件集中、集聚、集约发展", "Upgraded, able to grow intensively", "boolean", "p9.upgrading"),
  f("approved_by_state_or_province", "已经国家和省批准", "Approved by the state or province", "boolean", "p9.direct"),
  f("approved_by_higher_level", "已获国家和省市批准（以服务为主体的园区）", "Approved by the state, province or city", "boolean", "p10.direct"),
  f("advanced_specialised_market", "经营方式先进的专业类市场", "Specialised market with advanced operating methods", "boolean", "p10.market.qualifier"),
  f("sewage_plant", "有独立的污水处理厂", "Own sewage plant", "boolean", "p8.targets.sewage"),
  f("trunk_roads", "建成主干道数", "Trunk roads built", "number", "p8.targets.roads", "条", "roads"),
  f("ring_road", "已完成园区环道", "Ring road completed", "boolean", "p8.targets.roads"),
  f("standard_factory_area", "规范（标准化）厂房面积", "Standard factory floor area", "number", "p8.targets.factories", "万平方米", "10k m²"),
  f("site_readiness", "场地条件（三通一平 / 七通一平）", "Site readiness (三通一平 / 七通一平)", "readiness", "p8.site_readiness"),
  f("weak_base", "基础单薄（考核晋级须达基本门槛）", "Weak base (must reach the basic threshold)", "boolean", "p8.promotion.threshold"),
  f("industry_association", "已建立行业协会", "Industry association set up", "boolean", "h3.associations"),
  // Facts that set off diagnosis problems the documents name and no indicator measures.
  f(
    "soft_environment_complaints",
    "存在吃拿卡要、推诿扯皮等软环境问题",
    "Soft-environment problems (extortion, buck-passing)",
    "boolean",
    "diagnosis.soft_environment",
  ),
  f("low_level_duplication", "存在低水平重复建设", "Low-level duplicate construction", "boolean", "diagnosis.duplicate_construction"),
  f("demolition_backlog", "拆迁工作滞后", "Demolition lagging", "boolean", "diagnosis.demolition"),
  f("staff_status_unresolved", "管委会人员身份未理顺", "Committee staff status unresolved", "boolean", "diagnosis.staff_status"),
  f("landless_farmers_unhoused", "失地农民居住问题未解决", "Landless farmers not yet housed", "boolean", "diagnosis.landless_farmers"),
]

const byCode = new Map(factCatalogue.map((d) => [d.code, d]))

/**
 * A fact's definition by code, or undefined.
 * @example findFact("sewage_plant")?.type // "boolean"
 */
export const findFact = (code: string): FactDefinition | undefined => byCode.get(code)

/**
 * A fact's name in both languages (its code when it is not in the catalogue).
 * @example factName("clear_boundaries").zh // "有相对明确的四至范围"
 */
export const factName = (code: string): Bilingual => {
  const d = byCode.get(code)
  return d ? { zh: d.zh, en: d.en } : { zh: code, en: code }
}

export { isIsoDate } from "../model/IsoDate.js"

/** A fact to record about a zone. */
export const NewZoneFact = Schema.Struct({
  /** The fact's code (see {@link factCatalogue}). */
  fact: Schema.String,
  value: FactValue,
  /** The day from which it holds (YYYY-MM-DD). */
  asOf: Schema.String,
  /** The evidence: an approval document, a site visit, a statistics report. */
  evidence: Schema.optional(Schema.NullOr(Schema.String)),
})
export type NewZoneFact = typeof NewZoneFact.Type

/** How a fact record stands: accepted (it counts), proposed by a zone committee (waiting), or rejected. */
export const FactStatus = Schema.Literals(["accepted", "proposed", "rejected"])
export type FactStatus = typeof FactStatus.Type

/** A fact as the store keeps it: the value, the day it holds from, and who recorded it, when, on what evidence. */
export const ZoneFactRecord = Schema.Struct({
  id: Schema.String,
  cluster: Schema.String,
  fact: Schema.String,
  value: FactValue,
  asOf: Schema.String,
  evidence: Schema.NullOr(Schema.String),
  status: FactStatus,
  recordedBy: Schema.String,
  recordedAt: Schema.String,
  /** Who accepted or rejected a proposal, when, and why; null for facts an admin recorded directly. */
  decidedBy: Schema.NullOr(Schema.String),
  decidedAt: Schema.NullOr(Schema.String),
  decisionNote: Schema.NullOr(Schema.String),
  /** Part of the generated demo data set. */
  isDemo: Schema.Boolean,
})
export type ZoneFactRecord = typeof ZoneFactRecord.Type

/** One problem with a fact to record, in the one issue shape (row null outside files). */
export interface FactProblem {
  readonly code: "unknown_fact" | "bad_fact_value" | "bad_date" | "evidence_too_long"
  readonly column: string
  readonly value: unknown
  readonly en: string
  readonly zh: string
}

const show = (v: unknown) => (typeof v === "string" ? `"${v}"` : String(v))

/**
 * Every problem of a fact to record: a fact not in the catalogue, a value of the wrong type (a number of roads
 * below 0 or not whole, a readiness other than none / three_one / seven_one), a date that is not a day.
 * @example factProblems({ fact: "trunk_roads", value: -1, asOf: "2024-12-31" })[0]?.code // "bad_fact_value"
 */
export const factProblems = (x: { readonly fact: string; readonly value: unknown; readonly asOf: unknown; readonly evidence?: unknown }): FactProblem[] => {
  const out: FactProblem[] = []
  const def = byCode.get(x.fact)
  if (!def)
    out.push({
      code: "unknown_fact",
      column: "fact",
      value: x.fact,
      en: `unknown fact ${show(x.fact)}; known: ${factCatalogue.map((d) => d.code).join(", ")}`,
      zh: `未知的事实 ${show(x.fact)}；可用：${factCatalogue.map((d) => d.code).join("、")}`,
    })
  else {
    const v = x.value
    const ok =
      def.type === "boolean"
        ? typeof v === "boolean"
        : def.type === "number"
          ? typeof v === "number" && Number.isFinite(v) && v >= 0 && (def.unit !== "条" || Number.isInteger(v))
          : v === "none" || v === "three_one" || v === "seven_one"
    if (!ok)
      out.push({
        code: "bad_fact_value",
        column: "value",
        value: v,
        en: `${def.en} (${def.code}) takes ${def.type === "boolean" ? "yes or no (true/false, 是/否)" : def.type === "number" ? `a number ≥ 0${def.unit === "条" ? ", whole" : ""} (${def.unitEn})` : "none, three_one or seven_one"}; got ${show(v)}`,
        zh: `${def.zh}的取值应为${def.type === "boolean" ? "是或否（true/false、是/否）" : def.type === "number" ? `不小于 0 的${def.unit === "条" ? "整数" : "数"}（${def.unit}）` : "none、three_one（三通一平）或 seven_one（七通一平）"}；收到 ${show(v)}`,
      })
  }
  if (typeof x.asOf !== "string" || !isIsoDate(x.asOf))
    out.push({
      code: "bad_date",
      column: "as_of",
      value: x.asOf,
      en: `as_of must be a date YYYY-MM-DD; got ${show(x.asOf)}`,
      zh: `as_of 应为日期 YYYY-MM-DD；收到 ${show(x.asOf)}`,
    })
  if (typeof x.evidence === "string" && x.evidence.length > 2000)
    out.push({
      code: "evidence_too_long",
      column: "evidence",
      value: x.evidence.length,
      en: "evidence is longer than 2,000 characters",
      zh: "证据说明超过 2000 字",
    })
  return out
}

/**
 * Fact problems as an InputError "invalid_fact" naming each field; none when the list is empty.
 * @example const e = invalidFact(factProblems(x)); if (e) throw e
 */
export const invalidFact = (problems: ReadonlyArray<FactProblem>, at: { readonly row?: number; readonly prefix?: string } = {}): InputError | undefined =>
  problems.length === 0
    ? undefined
    : new InputError({
        code: "invalid_fact",
        message: problems.map((p) => p.en).join("; "),
        zh: problems.map((p) => p.zh).join("；"),
        issues: problems.map((p) => ({
          code: p.code,
          column: `${at.prefix ?? ""}${p.column}`,
          value: p.value,
          en: p.en,
          zh: p.zh,
          ...(at.row !== undefined ? { row: at.row } : {}),
        })),
      })

const TRUE = new Set(["1", "true", "yes", "y", "是", "有", "符合"])
const FALSE = new Set(["0", "false", "no", "n", "否", "无", "不符合"])
const READINESS: Record<string, SiteReadiness> = {
  none: "none",
  three_one: "three_one",
  seven_one: "seven_one",
  三通一平: "three_one",
  七通一平: "seven_one",
  未达到: "none",
}

/**
 * A cell read as a fact's value by the fact's type: yes/no words, a number, or a readiness word; undefined when
 * the cell says none of these.
 * @example factValueFromCell("trunk_roads", "13") // 13
 */
export const factValueFromCell = (fact: string, cell: Cell | undefined): FactValue | undefined => {
  const def = byCode.get(fact)
  if (!def || cell === null || cell === undefined) return undefined
  if (def.type === "boolean") {
    if (typeof cell === "boolean") return cell
    const t = idText(cell)?.toLowerCase()
    return t === undefined ? undefined : TRUE.has(t) ? true : FALSE.has(t) ? false : undefined
  }
  if (def.type === "number") {
    if (typeof cell === "number") return cell
    const t = typeof cell === "string" ? cell.trim() : ""
    const n = t === "" ? Number.NaN : Number(t.replace(/,/g, ""))
    return Number.isFinite(n) ? n : undefined
  }
  const t = idText(cell)
  return t === undefined ? undefined : (READINESS[t.toLowerCase()] ?? READINESS[t])
}

/** A fact read from a file row: the zone and the fact to record. */
export interface FactFileRow extends NewZoneFact {
  readonly cluster: string
  /** The row as the spreadsheet shows it (header = 1). */
  readonly row: number
}

const columnOf = (table: DataTable, names: ReadonlyArray<string>): string | undefined => table.columns.find((c) => names.includes(c.trim().toLowerCase()))

/**
 * Read a facts file (columns cluster, fact, value, as_of [, evidence]) against the zones of the register: every
 * row is checked, and any bad one refuses the whole file. InputError "missing_column", or "invalid_rows" with one
 * issue per problem (row as the spreadsheet shows it, column, value, code, both languages): "missing_id",
 * "unknown_cluster", "unknown_fact", "bad_fact_value", "bad_date", "duplicate_key".
 * @example parseFactTable(readTable(bytes, "facts.csv"), "facts.csv", new Set(["hb-qibin"]))[0]?.fact
 */
export const parseFactTable = (table: DataTable, file: string, clusters: ReadonlySet<string>): FactFileRow[] => {
  const want = {
    cluster: ["cluster", "cluster_id", "id", "集聚区", "集聚区编号"],
    fact: ["fact", "事实"],
    value: ["value", "值", "取值"],
    asOf: ["as_of", "date", "日期", "起始日期"],
  } as const
  const cols = Object.fromEntries(Object.entries(want).map(([k, names]) => [k, columnOf(table, names)])) as Record<keyof typeof want, string | undefined>
  const missing = (Object.keys(want) as Array<keyof typeof want>).filter((k) => cols[k] === undefined)
  if (missing.length > 0) {
    const names = missing.map((k) => want[k][0]).join(", ")
    const en = `${file}: missing column(s) ${names}; a facts file has cluster, fact, value, as_of [, evidence]; columns found: ${table.columns.join(", ") || "(none)"}`
    const zh = `${file}：缺少列 ${names}；事实文件的列为 cluster、fact、value、as_of［、evidence］；文件中的列：${table.columns.join("、") || "（无）"}`
    throw new InputError({ code: "missing_column", message: en, zh, issues: missing.map((k) => ({ column: want[k][0], en, zh })) })
  }
  const evidenceCol = columnOf(table, ["evidence", "证据", "说明", "note"])
  const issues: Array<{ code: string; row: number; column: string; value: unknown; en: string; zh: string }> = []
  const seen = new Map<string, number>()
  const out: FactFileRow[] = []
  table.rows.forEach((r, i) => {
    const row = i + 2
    const before = issues.length
    const at = (code: string, column: string, value: unknown, en: string, zh: string) =>
      issues.push({
        code,
        row,
        column,
        value: value ?? null,
        en: `row ${row}, ${column} ${show(value)}: ${en}`,
        zh: `第 ${row} 行 ${column} ${show(value)}：${zh}`,
      })
    const cluster = idText(r[cols.cluster!])
    const fact = idText(r[cols.fact!])
    const cell = r[cols.value!]
    const rawDate = r[cols.asOf!]
    const asOf = typeof rawDate === "string" ? rawDate.trim().slice(0, 10) : rawDate
    if (cluster === undefined) at("missing_id", cols.cluster!, r[cols.cluster!], "missing cluster id", "缺少集聚区编号")
    else if (!clusters.has(cluster)) at("unknown_cluster", cols.cluster!, cluster, "unknown cluster (not in the register)", "未知的集聚区（不在名录中）")
    const value = fact === undefined ? undefined : factValueFromCell(fact, cell)
    const problems = factProblems({ fact: fact ?? "", value: value ?? cell, asOf })
    for (const p of problems) {
      const column = p.column === "fact" ? cols.fact! : p.column === "value" ? cols.value! : cols.asOf!
      at(p.code, column, p.column === "value" ? cell : p.value, p.en, p.zh)
    }
    if (issues.length > before) return
    const key = `${cluster}\u0000${fact}\u0000${asOf}`
    const first = seen.get(key)
    if (first !== undefined) {
      at(
        "duplicate_key",
        cols.fact!,
        fact,
        `${cluster} ${fact} as of ${asOf} is already in row ${first}`,
        `${cluster} ${fact}（${asOf}）已在第 ${first} 行给出`,
      )
      return
    }
    seen.set(key, row)
    const evidence = evidenceCol === undefined ? null : (idText(r[evidenceCol]) ?? null)
    out.push({ cluster: cluster!, fact: fact!, value: value!, asOf: asOf as string, evidence, row })
  })
  if (issues.length > 0) {
    const rows = new Set(issues.map((i) => i.row)).size
    throw new InputError({
      code: "invalid_rows",
      message: `${file}: ${issues.length} problem(s) in ${rows} row(s); nothing was imported: ${issues
        .slice(0, 5)
        .map((i) => i.en)
        .join("; ")}`,
      zh: `${file}：${rows} 行共 ${issues.length} 处问题；未导入任何数据：${issues
        .slice(0, 5)
        .map((i) => i.zh)
        .join("；")}`,
      issues,
    })
  }
  return out
}

/** A fact in force for a zone on a day, and where it came from. */
export const FactInForce = Schema.Struct({
  fact: Schema.String,
  name: BilingualMessage,
  value: FactValue,
  /** The day it holds from; null for a fact a data file states for a period, or one the register implies. */
  asOf: Schema.NullOr(Schema.String),
  /** "stored": an accepted record; "file": a data file's fact:NAME row; "register": implied by the zone's entry. */
  origin: Schema.Literals(["stored", "file", "register"]),
  recordedBy: Schema.NullOr(Schema.String),
  evidence: Schema.NullOr(Schema.String),
})
export type FactInForce = typeof FactInForce.Type

/**
 * The accepted facts in force on `date` (the latest record of each zone and fact whose asOf is on or before it;
 * a later record of the same day wins), by zone and fact.
 * @example factsOn(records, "2025-12-31").get("hb-qibin")?.get("sewage_plant")?.value
 */
export const factsOn = (records: ReadonlyArray<ZoneFactRecord>, date: string): Map<string, Map<string, ZoneFactRecord>> => {
  const out = new Map<string, Map<string, ZoneFactRecord>>()
  for (const r of records) {
    if (r.status !== "accepted" || r.asOf > date) continue
    let zone = out.get(r.cluster)
    if (!zone) {
      zone = new Map()
      out.set(r.cluster, zone)
    }
    const held = zone.get(r.fact)
    if (!held || r.asOf > held.asOf || (r.asOf === held.asOf && r.recordedAt >= held.recordedAt)) zone.set(r.fact, r)
  }
  return out
}

/**
 * A lookup of the stored facts in force at the end of each period (the state a period's judgement reads, see
 * `facts.as_of` in the rule register), computed once per period.
 * @example storedFactLookup(records)("hb-qibin", "sewage_plant", "2025")?.value
 */
export const storedFactLookup = (records: ReadonlyArray<ZoneFactRecord>): ((clusterId: string, fact: string, period: string) => ZoneFactRecord | undefined) => {
  const cache = new Map<string, Map<string, Map<string, ZoneFactRecord>>>()
  return (clusterId, fact, period) => {
    const end = periodEnd(period)
    let on = cache.get(end)
    if (!on) {
      on = factsOn(records, end)
      cache.set(end, on)
    }
    return on.get(clusterId)?.get(fact)
  }
}

/**
 * The first day a boolean fact holds true for a zone among accepted records (e.g. when its detailed plan was
 * approved), or undefined when no record says so.
 * @example firstTrue(records, "hb-qibin", "detailed_plan") // "2024-09-30"
 */
export const firstTrue = (records: ReadonlyArray<ZoneFactRecord>, clusterId: string, fact: string): string | undefined =>
  records
    .filter((r) => r.status === "accepted" && r.cluster === clusterId && r.fact === fact && r.value === true)
    .map((r) => r.asOf)
    .sort()[0]
