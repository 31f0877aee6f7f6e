import type { IndicatorDefinition, Subsystem } from "./Indicator.js"
import type { IndicatorCode } from "./ids.js"

// code, 中文名, English name, unit, unit (en), direction (+/-), subsystem, may be negative
type Row = readonly [string, string, string, string, string, "+" | "-", Subsystem, boolean?]

// The indicators the source documents use (domain notes §2), plus those the certification
// tables, stage proxies and veto rules need.
const rows: ReadonlyArray<Row> = [
  // 规模 scale
  ["revenue", "主营业务收入", "Main business revenue", "亿元", "100m CNY", "+", "scale"],
  ["operating_revenue", "营业收入", "Operating revenue", "亿元", "100m CNY", "+", "scale"],
  ["gross_output", "工业总产值", "Gross industrial output", "亿元", "100m CNY", "+", "scale"],
  ["value_added", "增加值", "Value added", "亿元", "100m CNY", "+", "scale"],
  ["industrial_value_added", "工业增加值", "Industrial value added", "亿元", "100m CNY", "+", "scale"],
  ["fixed_investment", "固定资产投资", "Fixed-asset investment", "亿元", "100m CNY", "+", "scale"],
  ["infrastructure_investment", "基础设施投资", "Infrastructure investment", "亿元", "100m CNY", "+", "scale"],
  ["industrial_investment", "工业投资", "Industrial investment", "亿元", "100m CNY", "+", "scale"],
  ["tax_total", "税收", "Tax revenue", "亿元", "100m CNY", "+", "scale"],
  ["vat", "增值税", "Value-added tax", "亿元", "100m CNY", "+", "scale"],
  ["business_tax", "营业税", "Business tax", "亿元", "100m CNY", "+", "scale"],
  ["corporate_income_tax", "企业所得税", "Corporate income tax", "亿元", "100m CNY", "+", "scale"],
  ["firms", "入驻企业数", "Firms in the zone", "个", "firms", "+", "scale"],
  ["large_firms", "规模以上企业数", "Firms above designated size", "个", "firms", "+", "scale"],
  ["employment", "从业人员", "Employment", "万人", "10k persons", "+", "scale"],
  ["new_projects", "新开工项目数", "Projects started", "个", "projects", "+", "scale"],
  ["major_projects", "亿元以上项目数", "Projects over 100m CNY", "个", "projects", "+", "scale"],
  ["specialised_firms", "专业服务企业数", "Specialised service firms", "个", "firms", "+", "scale"],
  ["service_projects", "服务项目数", "Service projects", "个", "projects", "+", "scale"],
  // 土地与基础设施 land and infrastructure
  ["built_up_area", "建成区面积", "Built-up area", "平方公里", "km²", "+", "land_infrastructure"],
  ["investment_intensity", "投资强度", "Investment intensity", "万元/亩", "10k CNY/mu", "+", "land_infrastructure"],
  // 篇8's land quota: 投入产出强度 (reported, or derived from revenue and built-up area; rule p8.land_quota.indicator)
  // and the yearly 用地指标 a share of which may be cut.
  ["output_intensity", "投入产出强度", "Input–output intensity", "万元/亩", "10k CNY/mu", "+", "land_infrastructure"],
  ["land_quota", "年度用地指标", "Annual land quota", "亩", "mu", "+", "land_infrastructure"],
  ["floor_area_ratio", "容积率", "Floor area ratio", "", "ratio", "+", "land_infrastructure"],
  ["idle_land", "闲置土地", "Idle land", "亩", "mu", "-", "land_infrastructure"],
  ["standard_factory_area", "标准化厂房面积", "Standard factory floor area", "万平方米", "10k m²", "+", "land_infrastructure"],
  ["road_length", "道路里程", "Road length", "公里", "km", "+", "land_infrastructure"],
  ["floor_area", "建筑面积", "Floor area", "万平方米", "10k m²", "+", "land_infrastructure"],
  ["operating_area", "经营面积", "Operating area", "万平方米", "10k m²", "+", "land_infrastructure"],
  // 结构与创新 structure and innovation
  ["leading_industry_share", "主导产业占比", "Leading-industry share", "%", "%", "+", "structure_innovation"],
  ["leading_industry_lq", "主导产业区位熵", "Leading-industry location quotient", "", "ratio", "+", "structure_innovation"],
  ["local_supply_ratio", "本地配套率", "Local supply ratio", "%", "%", "+", "structure_innovation"],
  ["outside_supply_share", "区外配套企业占比", "Share of suppliers located outside the zone", "%", "%", "+", "structure_innovation"],
  ["high_tech_firms", "高新技术企业数", "High-tech firms", "个", "firms", "+", "structure_innovation"],
  ["rd_institutions", "研发机构数", "R&D institutions", "个", "institutions", "+", "structure_innovation"],
  ["patents_granted", "专利授权数", "Patents granted", "件", "patents", "+", "structure_innovation"],
  ["brands", "名牌及著名商标数", "Famous brands and trademarks", "个", "brands", "+", "structure_innovation"],
  ["schools", "院校数", "Schools and colleges", "所", "schools", "+", "structure_innovation"],
  ["students", "在校学生数", "Students enrolled", "万人", "10k persons", "+", "structure_innovation"],
  // 绿色发展 environment
  ["energy_per_value_added", "单位增加值能耗", "Energy use per unit of value added", "吨标准煤/万元", "tce/10k CNY", "-", "environment"],
  ["sewage_treatment_rate", "污水集中处理率", "Centralised sewage treatment rate", "%", "%", "+", "environment"],
  ["serious_pollution", "重大环境污染事件", "Serious pollution incidents", "次", "incidents", "-", "environment"],
  ["land_violations", "重大土地违法案件", "Serious land-use violations", "起", "cases", "-", "environment"],
  // 金融 finance
  ["finance_value_added", "金融业增加值", "Financial-sector value added", "亿元", "100m CNY", "+", "finance"],
  ["finance_employment", "金融从业人员", "Financial-sector employment", "万人", "10k persons", "+", "finance"],
  ["deposits", "存款余额", "Deposits outstanding", "亿元", "100m CNY", "+", "finance"],
  ["loans", "贷款余额", "Loans outstanding", "亿元", "100m CNY", "+", "finance"],
  ["finance_lq", "金融集聚区位熵", "Financial agglomeration location quotient", "", "ratio", "+", "finance"],
  // 经济 economy
  ["gdp", "地区生产总值", "GDP", "亿元", "100m CNY", "+", "economy"],
  ["gdp_per_capita", "人均地区生产总值", "GDP per capita", "元", "CNY", "+", "economy"],
  ["gdp_growth", "地区生产总值增长率", "GDP growth rate", "%", "%", "+", "economy", true],
  ["budget_revenue", "地方一般公共预算收入", "Local general public budget revenue", "亿元", "100m CNY", "+", "economy"],
  ["budget_expenditure", "地方一般公共预算支出", "Local general public budget expenditure", "亿元", "100m CNY", "+", "economy"],
  ["retail_sales", "社会消费品零售总额", "Retail sales of consumer goods", "亿元", "100m CNY", "+", "economy"],
  ["fdi_utilised", "实际使用外资", "Foreign direct investment utilised", "亿美元", "100m USD", "+", "economy"],
  ["exports", "出口总额", "Exports", "亿美元", "100m USD", "+", "economy"],
  ["tertiary_secondary_ratio", "三产与二产产值比", "Tertiary to secondary output ratio", "", "ratio", "+", "economy"],
  ["population", "常住人口", "Resident population", "万人", "10k persons", "+", "economy"],
]

/**
 * The built-in indicator catalogue (指标目录): every indicator the source documents use, with
 * Chinese and English names, unit, direction and subsystem.
 *
 * @example
 * indicatorCatalogue.find((d) => d.code === "investment_intensity")?.unit // "万元/亩"
 */
export const indicatorCatalogue: ReadonlyArray<IndicatorDefinition> = rows.map(([code, zh, en, unit, unitEn, dir, subsystem, allowNegative]) => ({
  code: code as IndicatorCode,
  zh,
  en,
  unit,
  unitEn,
  direction: dir === "+" ? "positive" : "negative",
  subsystem,
  frequency: "year",
  allowNegative: allowNegative ?? false,
}))

const byCode = new Map(indicatorCatalogue.map((d) => [d.code as string, d]))

/**
 * Look an indicator up by code, or by its Chinese or English name (as a yearbook column header may give it);
 * `undefined` when the catalogue has no such indicator.
 * @example findIndicator("主营业务收入")?.code // "revenue"
 */
export const findIndicator = (key: string): IndicatorDefinition | undefined => {
  const k = key.trim()
  return byCode.get(k) ?? indicatorCatalogue.find((d) => d.zh === k || d.en.toLowerCase() === k.toLowerCase())
}
