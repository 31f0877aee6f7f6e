import type { RuleSource } from "../../model/RuleSource.js"
import type { AssessmentScheme, AssessmentSchemeJson } from "../AssessmentScheme.js"
import { type RuleId, ruleSource } from "../RuleSources.js"
import { decodeScheme } from "../SchemeDecode.js"

// The default schemes hold only indicators a document names (each cited beside it); what the documents leave open —
// the weights, the normalisation, service zones' reward bands — is a Jiju default the commission must confirm before
// a run on it is published.
const src = (id: RuleId): RuleSource => ruleSource(id)
const indicator = (code: string, rule: RuleId) => ({ code, weight: null, source: src(rule) })

const defaultNote = {
  zh: "Jiju 默认方案：指标为文件所列，权重与标准化为 Jiju 默认（等权重、组内极差标准化），发布前须经委员会确认。",
  en: "Jiju default scheme: the indicators are those the documents name; the weights and normalisation are Jiju defaults (equal weights, min-max within each group), to be confirmed by the commission before publishing.",
}

const NO_REWARD_BAND = { urban_district: 0, county: 0 }

// What every default scheme leaves to Jiju: equal weights, min-max within each group, no veto, the note, and the
// sources of the scheme's choice and of its reward band.
const defaultRules = (scheme: RuleId, rewards: { readonly urban_district: number; readonly county: number }, rewardsRule: RuleId) => ({
  weighting: { method: "equal" } as const,
  normalisation: { method: "minmax" } as const,
  normaliseWithin: "group" as const,
  rewards,
  veto: [],
  notes: [defaultNote],
  provenance: {
    scheme: src(scheme),
    weights: src("scheme.default.weights"),
    normalisation: src("scheme.default.normalisation"),
    rewards: src(rewardsRule),
  },
})

/**
 * The default scheme of industrial cluster zones (产业集聚区): the indicators 篇8 names — 营业收入, 从业人员, 税收 (the
 * doubling's main indicators), 总投资 and 基础设施投资 (the province's half-year positions), 新开工工业项目, and
 * 投入产出强度 (the land-quota ranking) — with equal weights (Jiju default), ranked in the two groups with the
 * top 10 and top 30 rewarded (篇8). No veto: the documents state none.
 */
export const jijuIndustrialSchemeJson = {
  id: "jiju-industrial",
  name: { zh: "产业集聚区综合考核（Jiju 默认方案，篇8 指标）", en: "Industrial cluster zones: comprehensive evaluation (Jiju default, 篇8 indicators)" },
  description: {
    zh: "篇8 所列 7 项指标，等权重；省辖市区与县域分组排序，前 10 位与前 30 位奖励；权重待委员会确认。",
    en: "The 7 indicators 篇8 names, equal weights; urban-district and county zones ranked apart, top 10 and top 30 rewarded; weights to be confirmed by the commission.",
  },
  totalPoints: 100,
  dimensions: [
    {
      id: "main_indicators",
      name: { zh: "主要指标", en: "Main indicators" },
      indicators: [
        indicator("revenue", "scheme.default.indicator.revenue"),
        indicator("employment", "scheme.default.indicator.employment"),
        indicator("tax_total", "scheme.default.indicator.tax"),
      ],
    },
    {
      id: "investment_projects",
      name: { zh: "投资与项目", en: "Investment and projects" },
      indicators: [
        indicator("fixed_investment", "scheme.default.indicator.investment"),
        indicator("infrastructure_investment", "scheme.default.indicator.infrastructure_investment"),
        indicator("new_projects", "scheme.default.indicator.new_projects"),
      ],
    },
    {
      id: "land_efficiency",
      name: { zh: "集约用地", en: "Land efficiency" },
      indicators: [indicator("output_intensity", "scheme.default.indicator.output_intensity")],
    },
  ],
  ...defaultRules("p8.management_model", { urban_district: 10, county: 30 }, "p8.reward_bands"),
} as const satisfies AssessmentSchemeJson

/**
 * The default scheme of modern service agglomerations (现代服务业集聚区): the scale the certification tables
 * measure — 年营业收入 (篇10), 入区企业 and 从业人员 and 建筑面积 (篇9) — with equal weights, ranked in the two
 * groups with no reward band (Jiju defaults: the documents set none for service zones).
 */
export const jijuServiceSchemeJson = {
  id: "jiju-service",
  name: { zh: "现代服务业集聚区综合考核（Jiju 默认方案，篇9/篇10 指标）", en: "Modern service agglomerations: evaluation (Jiju default, 篇9/篇10 indicators)" },
  description: {
    zh: "篇9、篇10 认定条件所列的营业收入、入区企业、从业人员、建筑面积，等权重；分组排序，不设奖励名次；权重待委员会确认。",
    en: "Revenue, firms, employment and floor area, as the certification conditions of 篇9 and 篇10 name them, equal weights; ranked in two groups, no reward band; weights to be confirmed by the commission.",
  },
  totalPoints: 100,
  dimensions: [
    {
      id: "scale",
      name: { zh: "规模", en: "Scale" },
      indicators: [
        indicator("operating_revenue", "scheme.default.service.revenue"),
        indicator("firms", "scheme.default.service.firms"),
        indicator("employment", "scheme.default.service.employment"),
        indicator("floor_area", "scheme.default.service.floor_area"),
      ],
    },
  ],
  ...defaultRules("scheme.default.service", NO_REWARD_BAND, "scheme.default.service.rewards"),
} as const satisfies AssessmentSchemeJson

/**
 * The default scheme of financial agglomerations (金融集聚区): 篇3's subsystem U1 without its growth rate — finance
 * value added, the financial LQ, financial employment, deposits and loans — with equal weights and no reward band.
 */
export const jijuFinancialSchemeJson = {
  id: "jiju-financial",
  name: { zh: "金融集聚区综合考核（Jiju 默认方案，篇3 指标）", en: "Financial agglomerations: evaluation (Jiju default, 篇3 indicators)" },
  totalPoints: 100,
  dimensions: [
    {
      id: "finance",
      name: { zh: "金融集聚", en: "Financial agglomeration" },
      indicators: [
        indicator("finance_value_added", "scheme.default.financial"),
        indicator("finance_lq", "scheme.default.financial"),
        indicator("finance_employment", "scheme.default.financial"),
        indicator("deposits", "scheme.default.financial"),
        indicator("loans", "scheme.default.financial"),
      ],
    },
  ],
  ...defaultRules("scheme.default.financial", NO_REWARD_BAND, "scheme.default.service.rewards"),
} as const satisfies AssessmentSchemeJson

/**
 * The default scheme of shipping and logistics agglomerations (航运物流集聚区): the documents give none, so 篇8's main
 * indicators (营业收入, 从业人员, 税收) are borrowed — the choice itself a Jiju default — with equal weights.
 */
export const jijuShippingSchemeJson = {
  id: "jiju-shipping",
  name: { zh: "航运物流集聚区综合考核（Jiju 默认方案）", en: "Shipping and logistics agglomerations: evaluation (Jiju default)" },
  totalPoints: 100,
  dimensions: [
    {
      id: "main_indicators",
      name: { zh: "主要指标", en: "Main indicators" },
      indicators: [
        indicator("operating_revenue", "scheme.default.shipping"),
        indicator("employment", "scheme.default.shipping"),
        indicator("tax_total", "scheme.default.shipping"),
      ],
    },
  ],
  ...defaultRules("scheme.default.shipping", NO_REWARD_BAND, "scheme.default.service.rewards"),
} as const satisfies AssessmentSchemeJson

/** {@link jijuIndustrialSchemeJson} decoded and checked. */
export const jijuIndustrialScheme: AssessmentScheme = decodeScheme(jijuIndustrialSchemeJson)
/** {@link jijuServiceSchemeJson} decoded and checked. */
export const jijuServiceScheme: AssessmentScheme = decodeScheme(jijuServiceSchemeJson)
/** {@link jijuFinancialSchemeJson} decoded and checked. */
export const jijuFinancialScheme: AssessmentScheme = decodeScheme(jijuFinancialSchemeJson)
/** {@link jijuShippingSchemeJson} decoded and checked. */
export const jijuShippingScheme: AssessmentScheme = decodeScheme(jijuShippingSchemeJson)
