import * as Schema from "effect/Schema"
import { BilingualMessage, BilingualText } from "../model/Bilingual.js"
import { type ClusterLevel, ServiceForm } from "../model/Cluster.js"
import { findIndicator } from "../model/catalogue.js"
import { inputError } from "../model/errors.js"
import { IndicatorCode } from "../model/ids.js"

/**
 * A measurable condition. `op` keeps the documents' wording exactly: "以上" (at least) is ≥, "超过" / "超"
 * (more than) is >, so revenue of exactly 5.6亿 fails "超过5.6亿元" while 1.4万 m² passes "1.4万平方米以上".
 */
export const CertificationCondition = Schema.Struct({
  id: Schema.NonEmptyString,
  indicator: IndicatorCode,
  op: Schema.Literals([">=", ">"]),
  threshold: Schema.Finite,
  /** The requirement as the document words it, with the unit of the indicator's catalogue entry. */
  requirement: BilingualText,
})
export type CertificationCondition = typeof CertificationCondition.Type

/** A yes/no condition (a plan, a management body, public-service capacity). */
export const CertificationFact = Schema.Struct({ id: Schema.NonEmptyString, requirement: BilingualText })
export type CertificationFact = typeof CertificationFact.Type

/** A certification table: conditions every zone needs, per-form conditions, and a fact that certifies directly. */
export const CertificationTable = Schema.Struct({
  id: Schema.NonEmptyString,
  name: BilingualText,
  /** Conditions that apply to every form. */
  common: Schema.Array(CertificationFact),
  commonConditions: Schema.Array(CertificationCondition),
  forms: Schema.Array(Schema.Struct({ form: ServiceForm, conditions: Schema.Array(CertificationCondition) })),
  /** A fact that certifies a zone directly (a park already approved by the state or province). */
  direct: Schema.optional(CertificationFact),
  notes: Schema.optional(Schema.Array(BilingualText)),
})
export type CertificationTable = typeof CertificationTable.Type

const c = (id: string, indicator: string, op: ">=" | ">", threshold: number, zh: string, en: string): CertificationCondition => ({
  id,
  indicator: indicator as IndicatorCode,
  op,
  threshold,
  requirement: { zh, en },
})

const floor14 = c("floor_area", "floor_area", ">=", 1.4, "建筑面积1.4万平方米以上", "floor area at least 14,000 m² (1.4万)")

/**
 * County-level modern service agglomeration certification (seed 002 篇10, *县现代服务业集聚区认定办法).
 * Units follow the catalogue: areas in 万m², revenue in 亿元, students in 万人.
 * The logistics park's "营业面积7万平方米" and the creative park's "年总营业收入3500万元" carry no qualifier and
 * are read as ≥; the tourism-and-culture row ("旅游文化休闲集聚区") also serves cultural-services zones.
 */
export const countyServiceCertification: CertificationTable = {
  id: "county-service-agglomeration",
  name: { zh: "县级现代服务业集聚区认定条件", en: "County modern service agglomeration certification" },
  common: [
    { id: "positioning_plan", requirement: { zh: "有明确的产业定位和空间布局规划", en: "a clear industry positioning and spatial layout plan" } },
    { id: "management_body", requirement: { zh: "有专门的管理机构和专职的工作人员", en: "a dedicated management body with full-time staff" } },
    { id: "public_service", requirement: { zh: "有较为完善的公共服务能力", en: "adequate public-service capacity" } },
  ],
  commonConditions: [],
  forms: [
    {
      form: "cbd",
      conditions: [
        floor14,
        c("firms", "firms", ">=", 10, "区内注册企业10家以上", "at least 10 registered firms"),
        c("revenue", "operating_revenue", ">", 5.6, "年营业收入超过5.6亿元", "annual revenue above 560m CNY (5.6亿)"),
      ],
    },
    {
      form: "logistics_park",
      conditions: [
        c("logistics_firms", "specialised_firms", ">=", 7, "园内物流企业达到7家以上", "at least 7 logistics firms"),
        c("operating_area", "operating_area", ">=", 7, "营业面积7万平方米", "operating area 70,000 m² (7万)"),
        c("revenue", "operating_revenue", ">", 1.4, "年营业收入超过1.4亿元", "annual revenue above 140m CNY (1.4亿)"),
      ],
    },
    {
      form: "trading_market",
      conditions: [
        c("operating_area", "operating_area", ">=", 14, "营业面积14万平方米以上", "operating area at least 140,000 m² (14万)"),
        c("revenue", "operating_revenue", ">", 10, "年营业收入超过10亿元", "annual revenue above 1bn CNY (10亿)"),
      ],
    },
    {
      form: "tech_startup_park",
      conditions: [
        floor14,
        c("firms", "firms", ">=", 14, "区内企业14家以上", "at least 14 firms"),
        c("revenue", "operating_revenue", ">=", 0.7, "年营业收入7千万元以上", "annual revenue at least 70m CNY (7千万)"),
      ],
    },
    ...(["tourism_leisure", "cultural_services"] as const).map((form) => ({
      form,
      conditions: [
        c("service_firms", "service_projects", ">=", 14, "区内配套服务企业（项目）达14家以上", "at least 14 service firms or projects"),
        c("revenue", "operating_revenue", ">", 1.4, "年营业收入超1.4亿元", "annual revenue above 140m CNY (1.4亿)"),
      ],
    })),
    {
      form: "software_park",
      conditions: [
        floor14,
        c("software_firms", "specialised_firms", ">=", 7, "园内软件及相关企业7家以上", "at least 7 software firms"),
        c("revenue", "operating_revenue", ">", 1.4, "年营业收入超过1.4亿元", "annual revenue above 140m CNY (1.4亿)"),
      ],
    },
    {
      form: "creative_park",
      conditions: [
        floor14,
        c("firms", "firms", ">=", 7, "进驻企业7家以上", "at least 7 firms"),
        c("revenue", "operating_revenue", ">=", 0.35, "年总营业收入3500万元", "annual revenue 35m CNY (3500万)"),
      ],
    },
    {
      form: "science_education",
      conditions: [
        c("schools", "schools", ">=", 4, "区内学校4所以上", "at least 4 schools"),
        c("students", "students", ">=", 2, "在校学生2万人以上", "at least 20,000 students (2万)"),
        c("service_projects", "service_projects", ">=", 7, "配套服务项目7个以上", "at least 7 service projects"),
      ],
    },
  ],
  direct: {
    id: "approved_by_higher_level",
    requirement: {
      zh: "已获国家和省市批准的以服务为主体的园区，凭相关批件直接认定",
      en: "a service park already approved by the state, province or city is certified on its approval",
    },
  },
  notes: [
    { zh: "“以上”按 ≥、“超过/超”按 > 判定。", en: '"以上" (at least) is read as ≥, "超过/超" (more than) as >.' },
    {
      zh: "现代物流园“营业面积7万平方米”、创意产业园“年总营业收入3500万元”原文无限定词，按 ≥ 判定。",
      en: "The logistics park's operating area and the creative park's revenue carry no qualifier and are read as ≥.",
    },
  ],
}

/**
 * City-level modern service agglomeration certification (seed 002 篇9): inside an approved development zone
 * or planned area, clear plans and boundaries, floor area 1万 m² 以上 (≥), 30 firms 以上 (≥), a management
 * body; parks approved by the state or province are certified directly.
 */
export const cityServiceCertification: CertificationTable = {
  id: "city-service-agglomeration",
  name: { zh: "市级现代服务业集聚区认定条件", en: "City modern service agglomeration certification" },
  common: [
    {
      id: "in_approved_area",
      requirement: { zh: "在国家批准的经济开发区和城市规划区范围内", en: "inside a state-approved development zone and the city planning area" },
    },
    { id: "layout_plans", requirement: { zh: "有明晰的产业布局规划和空间布局规划", en: "clear industry layout and spatial layout plans" } },
    { id: "clear_boundaries", requirement: { zh: "有相对明确的四至范围", en: "reasonably clear boundaries" } },
    { id: "management_body", requirement: { zh: "管理机构和运营机制较为合理规范", en: "a management body and operating mechanism" } },
  ],
  commonConditions: [
    c("floor_area", "floor_area", ">=", 1, "建筑面积1万平方米以上", "floor area at least 10,000 m² (1万)"),
    c("firms", "firms", ">=", 30, "入区企业30家以上", "at least 30 firms"),
  ],
  forms: [],
  direct: {
    id: "approved_by_state_or_province",
    requirement: { zh: "已经国家和省批准的软件、物流等其他园区", en: "a software, logistics or other park already approved by the state or province" },
  },
}

/** The certification tables by the name callers choose them with: 县级认定办法 and 市级. */
export const certificationTables = { county: countyServiceCertification, city: cityServiceCertification } as const

/** The name of a certification table. */
export type CertificationTableName = keyof typeof certificationTables

/**
 * The table a zone is certified against: the one chosen, else city for a city-level zone and county otherwise.
 * The one place this choice is made: the commands, the API, the dashboard and the web all certify through it.
 * @example certificationTableOf({ level: "city" }).id // "city-service-agglomeration"
 */
export const certificationTableOf = (zone: { readonly level?: ClusterLevel | undefined }, table?: CertificationTableName): CertificationTable =>
  certificationTables[table ?? (zone.level === "city" ? "city" : "county")]

/** One condition's outcome. */
export const ConditionOutcome = Schema.Struct({
  /** Condition id in the certification table. */
  id: Schema.String,
  /** The condition as the document words it. */
  requirement: BilingualMessage,
  /** "≥ 1.4" or "> 5.6" with the unit; null for yes/no conditions. */
  op: Schema.NullOr(Schema.Literals([">=", ">"])),
  /** The threshold; null for yes/no conditions. */
  required: Schema.NullOr(Schema.Number),
  /** The zone's value (or fact); null when missing. */
  actual: Schema.NullOr(Schema.Union([Schema.Number, Schema.Boolean])),
  /** Unit of the threshold, e.g. "亿元". */
  unit: Schema.String,
  /** Unit in English. */
  unitEn: Schema.String,
  /** How far short: required − actual (0 when equal to a ">" threshold); null when passed, unknown or yes/no. */
  shortfall: Schema.NullOr(Schema.Number),
  /** true met, false not met, null could not be checked (missing data). */
  passed: Schema.NullOr(Schema.Boolean),
  /** Remark on how the condition was checked, if any. */
  note: Schema.NullOr(BilingualMessage),
})
export type ConditionOutcome = typeof ConditionOutcome.Type

/** The certification answer (JSON-ready). */
export const CertificationResult = Schema.Struct({
  /** Id of the certification table used. */
  tableId: Schema.String,
  /** Service form whose conditions applied, or null for the common conditions only. */
  form: Schema.NullOr(Schema.String),
  /** `certified`, `not_certified`, or `incomplete` (no condition failed but some could not be checked). */
  status: Schema.Literals(["certified", "not_certified", "incomplete"]),
  /** Shorthand for status === "certified". */
  certified: Schema.Boolean,
  /** Certified directly on a higher-level approval. */
  direct: Schema.Boolean,
  /** Conditions not met. */
  failed: Schema.Array(ConditionOutcome),
  /** Conditions met. */
  passed: Schema.Array(ConditionOutcome),
  /** Conditions that could not be checked for missing data. */
  unknown: Schema.Array(ConditionOutcome),
  /** Summary sentence in both languages. */
  text: BilingualMessage,
})
export type CertificationResult = typeof CertificationResult.Type

/** What {@link certify} reads about a zone. */
export interface CertificationSubject {
  readonly form: string | null
  readonly value: (indicator: string) => number | undefined
  readonly fact: (id: string) => boolean | undefined
}

/**
 * Certify a service agglomeration against a table: ALL common facts, common conditions and the form's
 * conditions must hold (unless the direct-approval fact is true). Each failed condition reports the
 * requirement, the actual value and the shortfall. Comparisons are exact, as worded: "以上" is ≥ and
 * "超过" is >, so exactly 1.4万 m² passes and revenue of exactly 5.6亿 fails (shortfall 0, must exceed).
 *
 * @throws InputError `unknown_form` when the table has no row for the zone's form.
 * @example certify(countyServiceCertification, { form: "cbd", value: (c) => ({ floor_area: 1.4, firms: 12, operating_revenue: 5.6 })[c], fact: () => true }).status // "not_certified"
 */
export const certify = (table: CertificationTable, subject: CertificationSubject): CertificationResult => {
  const direct = table.direct ? subject.fact(table.direct.id) === true : false
  const row = table.forms.find((f) => f.form === subject.form)
  if (!direct && table.forms.length > 0 && !row)
    throw inputError("unknown_form", `${table.name.en}: no conditions for form "${subject.form}"`, `${table.name.zh}：没有形态 "${subject.form}" 的认定条件`, {
      column: "form",
      value: subject.form,
    })
  if (direct)
    return {
      tableId: table.id,
      form: subject.form,
      status: "certified",
      certified: true,
      direct: true,
      failed: [],
      passed: [
        {
          id: table.direct!.id,
          requirement: table.direct!.requirement,
          op: null,
          required: null,
          actual: true,
          unit: "",
          unitEn: "",
          shortfall: null,
          passed: true,
          note: null,
        },
      ],
      unknown: [],
      text: { zh: `直接认定：${table.direct!.requirement.zh}`, en: `certified directly: ${table.direct!.requirement.en}` },
    }
  const outcomes: ConditionOutcome[] = [
    ...table.common.map((f) => {
      const v = subject.fact(f.id)
      return {
        id: f.id,
        requirement: f.requirement,
        op: null,
        required: null,
        actual: v ?? null,
        unit: "",
        unitEn: "",
        shortfall: null,
        passed: v ?? null,
        note: null,
      }
    }),
    ...[...table.commonConditions, ...(row?.conditions ?? [])].map((cond): ConditionOutcome => {
      const unit = findIndicator(cond.indicator)?.unit ?? ""
      const unitEn = findIndicator(cond.indicator)?.unitEn ?? ""
      const v = subject.value(cond.indicator)
      if (v === undefined)
        return {
          id: cond.id,
          requirement: cond.requirement,
          op: cond.op,
          required: cond.threshold,
          actual: null,
          unit,
          unitEn,
          shortfall: null,
          passed: null,
          note: { zh: `缺少 ${cond.indicator} 数据`, en: `no ${cond.indicator} value` },
        }
      const passed = cond.op === ">=" ? v >= cond.threshold : v > cond.threshold
      const shortfall = passed ? null : cond.threshold - v
      const note =
        !passed && cond.op === ">" && v === cond.threshold
          ? { zh: `须超过 ${cond.threshold}${unit}，等于不符合`, en: `must exceed ${cond.threshold} ${unitEn}; equal does not pass` }
          : null
      return { id: cond.id, requirement: cond.requirement, op: cond.op, required: cond.threshold, actual: v, unit, unitEn, shortfall, passed, note }
    }),
  ]
  const failed = outcomes.filter((o) => o.passed === false)
  const unknown = outcomes.filter((o) => o.passed === null)
  const status = failed.length > 0 ? "not_certified" : unknown.length > 0 ? "incomplete" : "certified"
  const fmtFail = (o: ConditionOutcome, lang: "zh" | "en") =>
    o.required === null
      ? o.requirement[lang]
      : lang === "zh"
        ? `${o.requirement.zh}（实际 ${o.actual}${o.unit}，差 ${Number(o.shortfall!.toPrecision(6))}${o.unit}${o.note ? `，${o.note.zh}` : ""}）`
        : `${o.requirement.en} (actual ${o.actual} ${o.unitEn}, short by ${Number(o.shortfall!.toPrecision(6))}${o.note ? `; ${o.note.en}` : ""})`
  const text =
    status === "certified"
      ? { zh: "符合全部认定条件", en: "meets every condition" }
      : status === "incomplete"
        ? {
            zh: `无法判定：${unknown.map((o) => o.requirement.zh).join("；")}未提供`,
            en: `cannot decide: no data for ${unknown.map((o) => o.requirement.en).join("; ")}`,
          }
        : { zh: `不符合：${failed.map((o) => fmtFail(o, "zh")).join("；")}`, en: `not met: ${failed.map((o) => fmtFail(o, "en")).join("; ")}` }
  return {
    tableId: table.id,
    form: subject.form,
    status,
    certified: status === "certified",
    direct: false,
    failed,
    passed: outcomes.filter((o) => o.passed === true),
    unknown,
    text,
  }
}
