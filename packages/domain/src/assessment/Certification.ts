import * as Schema from "effect/Schema"
import { BilingualMessage, BilingualText } from "../model/Bilingual.js"
import { type ClusterLevel, ServiceForm } from "../model/Cluster.js"
import { findIndicator } from "../model/catalogue.js"
import { type Bilingual, inputError } from "../model/errors.js"
import { IndicatorCode } from "../model/ids.js"
import { RuleSource } from "../model/RuleSource.js"
import { type RuleId, ruleSource } from "./RuleSources.js"
import { FactInForce, factName } from "./ZoneFacts.js"

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
  /** Where the threshold comes from. */
  source: RuleSource,
})
export type CertificationCondition = typeof CertificationCondition.Type

/** A yes/no condition (a plan, a management body, public-service capacity), read from the zone's facts. */
export const CertificationFact = Schema.Struct({ id: Schema.NonEmptyString, requirement: BilingualText, source: RuleSource })
export type CertificationFact = typeof CertificationFact.Type

/** A certification table: conditions every zone needs, per-form conditions, and a fact that certifies directly. */
export const CertificationTable = Schema.Struct({
  id: Schema.NonEmptyString,
  name: BilingualText,
  /** How the document combines its conditions. */
  reading: RuleSource,
  /** Yes/no conditions that apply to every form. */
  common: Schema.Array(CertificationFact),
  commonConditions: Schema.Array(CertificationCondition),
  forms: Schema.Array(Schema.Struct({ form: ServiceForm, facts: Schema.Array(CertificationFact), conditions: Schema.Array(CertificationCondition) })),
  /** A fact that certifies a zone directly (a park already approved by the state or province). */
  direct: Schema.optional(CertificationFact),
  notes: Schema.optional(Schema.Array(BilingualText)),
})
export type CertificationTable = typeof CertificationTable.Type

const c = (id: string, indicator: string, op: ">=" | ">", threshold: number, zh: string, en: string, rule: RuleId): CertificationCondition => ({
  id,
  indicator: indicator as IndicatorCode,
  op,
  threshold,
  requirement: { zh, en },
  source: ruleSource(rule),
})

const fact = (id: string, zh: string, en: string, rule: RuleId): CertificationFact => ({ id, requirement: { zh, en }, source: ruleSource(rule) })

const floor14 = (rule: RuleId) => c("floor_area", "floor_area", ">=", 1.4, "建筑面积1.4万平方米以上", "floor area at least 14,000 m² (1.4万)", rule)

/**
 * County-level modern service agglomeration certification (seed 002 篇10, *县现代服务业集聚区认定办法): every zone
 * needs the three common conditions and its form's scale (篇10 二(一)1–4, "凡满足下列条件"); a service park approved
 * by the state, province or city is certified directly. Units follow the catalogue: areas in 万m², revenue in 亿元,
 * students in 万人. The logistics park's "营业面积7万平方米" and the creative park's "年总营业收入3500万元" carry no
 * qualifier and are read as ≥; the trading market's "经营方式先进的专业类市场" is kept as a fact; the
 * tourism-and-culture row ("旅游文化休闲集聚区") also serves cultural-services zones.
 */
export const countyServiceCertification: CertificationTable = {
  id: "county-service-agglomeration",
  name: { zh: "县级现代服务业集聚区认定条件", en: "County modern service agglomeration certification" },
  reading: ruleSource("p10.reading"),
  common: [
    fact("positioning_plan", "有明确的产业定位和空间布局规划", "a clear industry positioning and spatial layout plan", "p10.positioning_plan"),
    fact("management_body", "有专门的管理机构和专职的工作人员", "a dedicated management body with full-time staff", "p10.management_body"),
    fact("public_service", "有较为完善的公共服务能力", "adequate public-service capacity", "p10.public_service"),
  ],
  commonConditions: [],
  forms: [
    {
      form: "cbd",
      facts: [],
      conditions: [
        floor14("p10.cbd.floor_area"),
        c("firms", "firms", ">=", 10, "区内注册企业10家以上", "at least 10 registered firms", "p10.cbd.firms"),
        c("revenue", "operating_revenue", ">", 5.6, "年营业收入超过5.6亿元", "annual revenue above 560m CNY (5.6亿)", "p10.cbd.revenue"),
      ],
    },
    {
      form: "logistics_park",
      facts: [],
      conditions: [
        c("logistics_firms", "specialised_firms", ">=", 7, "园内物流企业达到7家以上", "at least 7 logistics firms", "p10.logistics.firms"),
        c("operating_area", "operating_area", ">=", 7, "营业面积7万平方米", "operating area 70,000 m² (7万)", "p10.logistics.area"),
        c("revenue", "operating_revenue", ">", 1.4, "年营业收入超过1.4亿元", "annual revenue above 140m CNY (1.4亿)", "p10.logistics.revenue"),
      ],
    },
    {
      form: "trading_market",
      facts: [fact("advanced_specialised_market", "经营方式先进的专业类市场", "a specialised market with advanced operating methods", "p10.market.qualifier")],
      conditions: [
        c("operating_area", "operating_area", ">=", 14, "营业面积14万平方米以上", "operating area at least 140,000 m² (14万)", "p10.market.area"),
        c("revenue", "operating_revenue", ">", 10, "年营业收入超过10亿元", "annual revenue above 1bn CNY (10亿)", "p10.market.revenue"),
      ],
    },
    {
      form: "tech_startup_park",
      facts: [],
      conditions: [
        floor14("p10.startup.floor_area"),
        c("firms", "firms", ">=", 14, "区内企业14家以上", "at least 14 firms", "p10.startup.firms"),
        c("revenue", "operating_revenue", ">=", 0.7, "年营业收入7千万元以上", "annual revenue at least 70m CNY (7千万)", "p10.startup.revenue"),
      ],
    },
    ...(["tourism_leisure", "cultural_services"] as const).map((form) => ({
      form,
      facts: [],
      conditions: [
        c("service_firms", "service_projects", ">=", 14, "区内配套服务企业（项目）达14家以上", "at least 14 service firms or projects", "p10.tourism.firms"),
        c("revenue", "operating_revenue", ">", 1.4, "年营业收入超1.4亿元", "annual revenue above 140m CNY (1.4亿)", "p10.tourism.revenue"),
      ],
    })),
    {
      form: "software_park",
      facts: [],
      conditions: [
        floor14("p10.software.floor_area"),
        c("software_firms", "specialised_firms", ">=", 7, "园内软件及相关企业7家以上", "at least 7 software firms", "p10.software.firms"),
        c("revenue", "operating_revenue", ">", 1.4, "年营业收入超过1.4亿元", "annual revenue above 140m CNY (1.4亿)", "p10.software.revenue"),
      ],
    },
    {
      form: "creative_park",
      facts: [],
      conditions: [
        floor14("p10.creative.floor_area"),
        c("firms", "firms", ">=", 7, "进驻企业7家以上", "at least 7 firms", "p10.creative.firms"),
        c("revenue", "operating_revenue", ">=", 0.35, "年总营业收入3500万元", "annual revenue 35m CNY (3500万)", "p10.creative.revenue"),
      ],
    },
    {
      form: "science_education",
      facts: [],
      conditions: [
        c("schools", "schools", ">=", 4, "区内学校4所以上", "at least 4 schools", "p10.education.schools"),
        c("students", "students", ">=", 2, "在校学生2万人以上", "at least 20,000 students (2万)", "p10.education.students"),
        c("service_projects", "service_projects", ">=", 7, "配套服务项目7个以上", "at least 7 service projects", "p10.education.projects"),
      ],
    },
  ],
  direct: fact(
    "approved_by_higher_level",
    "已获国家和省市批准的以服务为主体的园区，凭相关批件直接认定",
    "a service park already approved by the state, province or city is certified on its approval",
    "p10.direct",
  ),
  notes: [
    { zh: "“以上”按 ≥、“超过/超”按 > 判定。", en: '"以上" (at least) is read as ≥, "超过/超" (more than) as >.' },
    {
      zh: "现代物流园“营业面积7万平方米”、创意产业园“年总营业收入3500万元”原文无限定词，按 ≥ 判定。",
      en: "The logistics park's operating area and the creative park's revenue carry no qualifier and are read as ≥.",
    },
  ],
}

/**
 * City-level modern service agglomeration certification (seed 002 篇9): item 1 (inside an approved development zone
 * and planned area, clear plans, clear boundaries), item 2 (inside an existing development zone or made by renewal,
 * some scale and a distinct character, floor area 1万 m² 以上 (≥), 30 firms 以上 (≥), employs people, a management
 * body and operating mechanism, public-service capacity) and item 3 (upgraded, able to grow intensively) all hold;
 * item 4, a park approved by the state or province, certifies directly. The qualitative conditions are facts.
 */
export const cityServiceCertification: CertificationTable = {
  id: "city-service-agglomeration",
  name: { zh: "市级现代服务业集聚区认定条件", en: "City modern service agglomeration certification" },
  reading: ruleSource("p9.reading"),
  common: [
    fact(
      "in_approved_area",
      "在国家批准的经济开发区和城市规划区范围内",
      "inside a state-approved development zone and the city planning area",
      "p9.in_approved_area",
    ),
    fact("layout_plans", "有明晰的产业布局规划和空间布局规划", "clear industry layout and spatial layout plans", "p9.layout_plans"),
    fact("clear_boundaries", "有相对明确的四至范围", "reasonably clear boundaries", "p9.clear_boundaries"),
    fact(
      "location_route",
      "在现有经济开发区内，或通过主城区改造、退二进三、存量土地或古旧建筑群保护性开发",
      "inside an existing development zone, or made by urban renewal, 退二进三, stock land or the protected reuse of old buildings",
      "p9.location",
    ),
    fact("scale_and_character", "产业集聚达到一定规模和产业特色鲜明", "agglomeration of some scale with a distinct character", "p9.scale_and_character"),
    fact("employment_absorbed", "吸纳一定数量的从业人员", "employs a certain number of people", "p9.employment"),
    fact("management_body", "管理机构和运营机制较为合理规范", "a management body and operating mechanism", "p9.management_body"),
    fact(
      "public_service",
      "基础设施和公共服务平台较为完善，有一定公共服务能力",
      "infrastructure and public-service platforms, some public-service capacity",
      "p9.public_service",
    ),
    fact("upgrading", "提升服务功能和管理水平，有条件集中、集聚、集约发展", "service functions upgraded, able to grow intensively", "p9.upgrading"),
  ],
  commonConditions: [
    c("floor_area", "floor_area", ">=", 1, "建筑面积1万平方米以上", "floor area at least 10,000 m² (1万)", "p9.floor_area"),
    c("firms", "firms", ">=", 30, "入区企业30家以上", "at least 30 firms", "p9.firms"),
  ],
  forms: [],
  direct: fact(
    "approved_by_state_or_province",
    "已经国家和省批准的软件、物流等其他园区",
    "a software, logistics or other park already approved by the state or province",
    "p9.direct",
  ),
}

/** The certification tables by the name callers choose them with: 县级认定办法 and 市级. */
export const certificationTables = { county: countyServiceCertification, city: cityServiceCertification } as const

/** The name of a certification table. */
export type CertificationTableName = keyof typeof certificationTables

/**
 * The table a zone is certified against: the one chosen; else the county table (篇10) for a county-level zone and
 * the city table (篇9) for a city-level zone. The documents give no table for a provincial-level zone (nor for a
 * zone whose level is not known): undefined, and the commission chooses one. The one place this choice is made: the
 * commands, the API, the dashboard and the web all certify through it.
 * @example certificationTableOf({ level: "city" })?.id // "city-service-agglomeration"
 */
export const certificationTableOf = (zone: { readonly level?: ClusterLevel | undefined }, table?: CertificationTableName): CertificationTable | undefined =>
  table !== undefined
    ? certificationTables[table]
    : zone.level === "city"
      ? certificationTables.city
      : zone.level === "county"
        ? certificationTables.county
        : undefined

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
  /** Where the condition comes from. */
  source: RuleSource,
  /** For a yes/no condition: the fact read, with who recorded it, from when and on what evidence; null otherwise. */
  evidence: Schema.NullOr(FactInForce),
})
export type ConditionOutcome = typeof ConditionOutcome.Type

/** The certification answer (JSON-ready). */
export const CertificationResult = Schema.Struct({
  /** Id of the certification table used. */
  tableId: Schema.String,
  /** Service form whose conditions applied, or null for the common conditions only. */
  form: Schema.NullOr(Schema.String),
  /**
   * `certified`, `not_certified`, `incomplete` (no condition failed but some could not be checked), or `no_table`
   * (the documents give no table for the zone's level: the commission chooses one).
   */
  status: Schema.Literals(["certified", "not_certified", "incomplete", "no_table"]),
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
  /** Where a yes/no fact came from (who, when, evidence), to show beside its outcome. */
  readonly factRecord?: (id: string) => FactInForce | undefined
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
  const record = (id: string) => subject.factRecord?.(id) ?? null
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
          source: table.direct!.source,
          evidence: record(table.direct!.id),
        },
      ],
      unknown: [],
      text: { zh: `直接认定：${table.direct!.requirement.zh}`, en: `certified directly: ${table.direct!.requirement.en}` },
    }
  const outcomes: ConditionOutcome[] = [
    ...[...table.common, ...(row?.facts ?? [])].map((f): ConditionOutcome => {
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
        note: v === undefined ? { zh: `未记录事实：${factName(f.id).zh}`, en: `no fact recorded: ${factName(f.id).en}` } : null,
        source: f.source,
        evidence: record(f.id),
      }
    }),
    ...[...table.commonConditions, ...(row?.conditions ?? [])].map((cond): ConditionOutcome => {
      const def = findIndicator(cond.indicator)
      const unit = def?.unit ?? ""
      const unitEn = def?.unitEn ?? ""
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
          note: { zh: `缺少“${def?.zh ?? cond.indicator}”数据`, en: `no ${def?.en.toLowerCase() ?? cond.indicator} value` },
          source: cond.source,
          evidence: null,
        }
      const passed = cond.op === ">=" ? v >= cond.threshold : v > cond.threshold
      const shortfall = passed ? null : cond.threshold - v
      const note =
        !passed && cond.op === ">" && v === cond.threshold
          ? { zh: `须超过 ${cond.threshold}${unit}，等于不符合`, en: `must exceed ${cond.threshold} ${unitEn}; equal does not pass` }
          : null
      return {
        id: cond.id,
        requirement: cond.requirement,
        op: cond.op,
        required: cond.threshold,
        actual: v,
        unit,
        unitEn,
        shortfall,
        passed,
        note,
        source: cond.source,
        evidence: null,
      }
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

/**
 * The answer for a zone the documents give no table for (a provincial-level zone, or one whose level is not known):
 * status `no_table`, saying so and that the commission chooses the table (`--table county|city`).
 * @example noTableResult("cbd", "provincial").status // "no_table"
 */
export const noTableResult = (form: string | null, level: ClusterLevel | undefined): CertificationResult => {
  const what: Bilingual =
    level === "provincial" ? { zh: "省级集聚区", en: "a provincial-level zone" } : { zh: "级别未知的集聚区", en: "a zone whose level is not known" }
  return {
    tableId: "",
    form,
    status: "no_table",
    certified: false,
    direct: false,
    failed: [],
    passed: [],
    unknown: [],
    text: {
      zh: `文件只有县级（篇10）与市级（篇9）认定办法，没有适用于${what.zh}的认定表：请由委员会选择（--table county 或 city）`,
      en: `the documents give the county (篇10) and city (篇9) tables only, none for ${what.en}: the commission chooses one (--table county or city)`,
    },
  }
}
