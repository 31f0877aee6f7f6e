/**
 * Judgements on zones from the register and the observations: certification (认定), development stage, diagnosis,
 * fiscal incentive and development targets. Each answers what `jiju <command> --json` prints for the same data.
 */
import * as Schema from "effect/Schema"
import { CertificationDocument } from "../../assessment/documents/CertificationDocument.js"
import { DiagnosisDocument } from "../../assessment/documents/DiagnosisDocument.js"
import { IncentiveDocument } from "../../assessment/documents/IncentiveDocument.js"
import { LandQuotaDocument } from "../../assessment/documents/LandQuotaDocument.js"
import { PositionsDocument } from "../../assessment/documents/PositionsDocument.js"
import { PromotionDocument } from "../../assessment/documents/PromotionDocument.js"
import { StageDocument } from "../../assessment/documents/StageDocument.js"
import { builtInTargetSets, TargetSetJson, TargetsDocument } from "../../assessment/documents/TargetsDocument.js"
import { Period } from "../../model/Period.js"
import { endpoint } from "../Endpoint.js"

const Cluster = Schema.optional(Schema.NonEmptyString)
const Year = Schema.FiniteFromString.check(Schema.isInt())
const RegionCode = Schema.String.check(Schema.isPattern(/^[1-9]\d{5}$/, { expected: "a 6-digit region code" }))

/** GET /v1/assessments/certification */
export const certification = endpoint({
  id: "certification",
  method: "get",
  path: "/v1/assessments/certification",
  tag: "judgements",
  summary: { zh: "服务业集聚区认定（同 jiju certify）", en: "Certify service agglomerations (as jiju certify)" },
  access: "zone_reader",
  query: Schema.Struct({
    period: Period,
    /** One zone; default every zone with a service form. */
    cluster: Cluster,
    /**
     * county (篇10 县级认定办法) or city (篇9 市级); default the zone's own level's table. A provincial-level zone gets
     * none (status no_table) unless one is chosen.
     */
    table: Schema.optional(Schema.Literals(["county", "city"])),
  }),
  success: { status: 200, schema: CertificationDocument },
  errors: [401, 403, 404, 422],
})

/** GET /v1/assessments/stage */
export const stage = endpoint({
  id: "stage",
  method: "get",
  path: "/v1/assessments/stage",
  tag: "judgements",
  summary: { zh: "发展阶段判定（同 jiju stage）", en: "Development stage and reach (as jiju stage)" },
  access: "zone_reader",
  query: Schema.Struct({ period: Period, cluster: Cluster }),
  success: { status: 200, schema: StageDocument },
  errors: [401, 403, 404, 422],
})

/** GET /v1/assessments/diagnosis */
export const diagnosis = endpoint({
  id: "diagnosis",
  method: "get",
  path: "/v1/assessments/diagnosis",
  tag: "judgements",
  summary: { zh: "问题诊断与对策（同 jiju diagnose）", en: "Problems and measures (as jiju diagnose)" },
  access: "zone_reader",
  query: Schema.Struct({ period: Period, cluster: Cluster }),
  success: { status: 200, schema: DiagnosisDocument },
  errors: [401, 403, 404, 422],
})

/** GET /v1/assessments/incentive */
export const incentive = endpoint({
  id: "incentive",
  method: "get",
  path: "/v1/assessments/incentive",
  tag: "judgements",
  summary: { zh: "财政激励测算（同 jiju incentive）", en: "Fiscal incentive (as jiju incentive)" },
  access: "zone_reader",
  query: Schema.Struct({
    /** The year whose three taxes fix the base; default 2009. */
    baseYear: Schema.optional(Year),
    from: Schema.optional(Year),
    to: Schema.optional(Year),
    rule: Schema.optional(Schema.Literals(["full_refund", "yoy"])),
    /** The province's share of the three taxes, 0–1. */
    share: Schema.optional(Schema.FiniteFromString),
    cluster: Cluster,
  }),
  success: { status: 200, schema: IncentiveDocument },
  errors: [401, 403, 404, 422],
})

/** GET /v1/assessments/targets */
export const targets = endpoint({
  id: "targets",
  method: "get",
  path: "/v1/assessments/targets",
  tag: "judgements",
  summary: { zh: "发展目标跟踪：内置目标集（同 jiju targets）", en: "Track a built-in target set (as jiju targets)" },
  access: "admin_viewer",
  query: Schema.Struct({
    set: Schema.Literals(builtInTargetSets),
    period: Period,
    targetYear: Schema.optional(Year),
    baseYear: Schema.optional(Year),
    region: Schema.optional(RegionCode),
  }),
  success: { status: 200, schema: TargetsDocument },
  errors: [401, 403, 422],
})

/** POST /v1/assessments/targets */
export const customTargets = endpoint({
  id: "customTargets",
  method: "post",
  path: "/v1/assessments/targets",
  tag: "judgements",
  summary: { zh: "发展目标跟踪：自定义目标集", en: "Track a target set of one's own" },
  access: "admin_viewer",
  body: Schema.Struct({ set: TargetSetJson, period: Period, region: Schema.optional(RegionCode) }),
  success: { status: 200, schema: TargetsDocument },
  errors: [400, 401, 403, 415, 422],
})

/** GET /v1/assessments/positions */
export const positions = endpoint({
  id: "positions",
  method: "get",
  path: "/v1/assessments/positions",
  tag: "judgements",
  summary: {
    zh: "全省单项指标位次及变化、上半年无新开工工业项目名单（篇8，同 jiju positions）",
    en: "Province-wide positions on one indicator, their change, and the zones with no new project (篇8, as jiju positions)",
  },
  access: "admin_viewer",
  query: Schema.Struct({
    indicator: Schema.NonEmptyString,
    period: Period,
    /** The earlier period compared with (e.g. the previous year-end); default the period before. */
    against: Schema.optional(Period),
  }),
  success: { status: 200, schema: PositionsDocument },
  errors: [401, 403, 422],
})

const Count = Schema.FiniteFromString.check(Schema.isInt())
const Amount = Schema.optional(Schema.FiniteFromString)

/** GET /v1/assessments/land-quota */
export const landQuota = endpoint({
  id: "landQuota",
  method: "get",
  path: "/v1/assessments/land-quota",
  tag: "judgements",
  summary: {
    zh: "用地指标：投入产出强度后 20 位扣减、前 20 位奖励（篇8，同 jiju land-quota）",
    en: "Land quota: the last 20 on input–output intensity lose, the first 20 gain (篇8, as jiju land-quota)",
  },
  access: "admin_viewer",
  query: Schema.Struct({
    /** The year placed (the quota moved is the next year's). */
    period: Period,
    /** Places per list; default 20 (the document). */
    count: Schema.optional(Count),
    /** mu (亩 per zone) or share (of the zone's next-year land_quota). */
    unit: Schema.optional(Schema.Literals(["mu", "share"])),
    /** The amount cut; none gives the lists only. */
    cut: Amount,
  }),
  success: { status: 200, schema: LandQuotaDocument },
  errors: [401, 403, 422],
})

/** GET /v1/assessments/promotion */
export const promotion = endpoint({
  id: "promotion",
  method: "get",
  path: "/v1/assessments/promotion",
  tag: "judgements",
  summary: {
    zh: "考核晋级：营业收入、从业人员、税收翻番与基本门槛（篇8，同 jiju promotion）",
    en: "Promotion: doubling of revenue, employment and tax, and the basic threshold (篇8, as jiju promotion)",
  },
  access: "zone_reader",
  query: Schema.Struct({
    /** Default 2009 (a Jiju default). */
    baseYear: Schema.optional(Year),
    /** Default 2012 (the document's 到2012年). */
    targetYear: Schema.optional(Year),
    /** The basic threshold for weak-base zones, per indicator, in the catalogue's units (the commission's numbers). */
    thresholdRevenue: Amount,
    thresholdEmployment: Amount,
    thresholdTaxTotal: Amount,
    cluster: Cluster,
  }),
  success: { status: 200, schema: PromotionDocument },
  errors: [401, 403, 404, 422],
})
