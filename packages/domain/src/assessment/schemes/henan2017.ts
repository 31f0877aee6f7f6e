import type { AssessmentScheme, AssessmentSchemeJson } from "../AssessmentScheme.js"
import { decodeScheme } from "../SchemeDecode.js"

/**
 * A scheme shaped like Henan's 2017 comprehensive evaluation of industrial cluster zones (河南省产业集聚区
 * 综合考核, domain notes §4): 4 dimensions (经济总量, 质量效益, 集群发展, 绿色发展) and 10 indicators,
 * ranked in two groups with the top 10 urban-district and top 30 county zones rewarded, and a one-vote veto
 * for a missing master plan, serious pollution or land violations.
 *
 * The documents name the dimensions and the count of indicators, not the indicators or their points: the
 * ten catalogue codes and the points below are assumptions (see docs/assessment.md).
 */
export const henan2017SchemeJson = {
  id: "henan-2017",
  name: { zh: "河南省产业集聚区综合考核（2017 年框架）", en: "Henan industrial cluster zones: comprehensive evaluation (2017 frame)" },
  description: {
    zh: "4 个维度、10 项指标；省辖市区与县域分组排序，前 10 位与前 30 位奖励；无总体发展规划、重大污染或土地违法一票否决。",
    en: "4 dimensions, 10 indicators; urban-district and county zones ranked apart, top 10 and top 30 rewarded; no master plan, serious pollution or land violations disqualify.",
  },
  totalPoints: 100,
  dimensions: [
    {
      id: "economic_scale",
      name: { zh: "经济总量", en: "Economic scale" },
      indicators: [
        { code: "revenue", weight: 12 },
        { code: "fixed_investment", weight: 10 },
        { code: "tax_total", weight: 8 },
      ],
    },
    {
      id: "quality_efficiency",
      name: { zh: "质量效益", en: "Quality and efficiency" },
      indicators: [
        { code: "investment_intensity", weight: 12 },
        { code: "high_tech_firms", weight: 9 },
        { code: "patents_granted", weight: 9 },
      ],
    },
    {
      id: "cluster_development",
      name: { zh: "集群发展", en: "Cluster development" },
      indicators: [
        { code: "leading_industry_share", weight: 15 },
        { code: "local_supply_ratio", weight: 10 },
      ],
    },
    {
      id: "green_development",
      name: { zh: "绿色发展", en: "Green development" },
      indicators: [
        { code: "energy_per_value_added", weight: 8 },
        { code: "sewage_treatment_rate", weight: 7 },
      ],
    },
  ],
  weighting: { method: "given" },
  normalisation: { method: "minmax" },
  normaliseWithin: "group",
  rewards: { urban_district: 10, county: 30 },
  veto: [
    { id: "no_master_plan", kind: "plan", plan: "master_plan", reason: { zh: "总体发展规划未获批复", en: "no approved master development plan" } },
    {
      id: "serious_pollution",
      kind: "indicator",
      indicator: "serious_pollution",
      op: ">",
      threshold: 0,
      reason: { zh: "发生重大环境污染事件", en: "serious pollution incident" },
    },
    {
      id: "land_violation",
      kind: "indicator",
      indicator: "land_violations",
      op: ">",
      threshold: 0,
      reason: { zh: "存在重大土地违法案件", en: "serious land-use violation" },
    },
  ],
  notes: [
    {
      zh: "假设：10 项指标对应的目录代码及分值（经济总量 30、质量效益 30、集群发展 25、绿色发展 15）为本工具设定，文件仅给出维度与指标数。",
      en: "Assumption: the ten catalogue codes and their points (scale 30, quality 30, cluster 25, green 15) are this tool's choice; the documents give only the dimensions and the number of indicators.",
    },
  ],
} as const satisfies AssessmentSchemeJson

/** {@link henan2017SchemeJson} decoded and checked. */
export const henan2017Scheme: AssessmentScheme = decodeScheme(henan2017SchemeJson)
