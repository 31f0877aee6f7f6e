import * as Schema from "effect/Schema"
import { ClusterId, IndicatorCode, RegionCode } from "./ids.js"

/** What a zone is: 产业集聚区 / 现代服务业集聚区 / 金融集聚区 / 航运物流集聚区. */
export const ClusterKind = Schema.Literals(["industrial", "modern_service", "financial", "shipping_logistics"])
export type ClusterKind = typeof ClusterKind.Type

/** The form of a service agglomeration (seed 002, 篇9 and 篇10). */
export const ServiceForm = Schema.Literals([
  "cbd",
  "software_park",
  "creative_park",
  "logistics_park",
  "tech_startup_park",
  "trading_market",
  "cultural_services",
  "tourism_leisure",
  "science_education",
])
export type ServiceForm = typeof ServiceForm.Type

/** Who approved the zone: 省级 / 市级 / 县级. */
export const ClusterLevel = Schema.Literals(["provincial", "city", "county"])
export type ClusterLevel = typeof ClusterLevel.Type

/** The ranking group: zones in city districts (省辖市区) and zones in counties (县域) are ranked apart. */
export const RankingGroup = Schema.Literals(["urban_district", "county"])
export type RankingGroup = typeof RankingGroup.Type

/** The planning documents a zone needs (五规合一). */
/**
 * The planning documents of a zone. `ecological_plan` (生态环保规划) and `public_service_facilities_plan` (区域公共服务
 * 设施规划) are the two that 五规合一 adds to 三规合一 (seed 004).
 */
export const PlanKind = Schema.Literals([
  "master_plan",
  "spatial_plan",
  "regulatory_detailed_plan",
  "environmental_assessment",
  "ecological_plan",
  "public_service_facilities_plan",
])
export type PlanKind = typeof PlanKind.Type

/** Where a planning document stands: never filed, being drafted, submitted for approval, approved. */
export const ApprovalState = Schema.Literals(["missing", "drafting", "submitted", "approved"])
export type ApprovalState = typeof ApprovalState.Type

/** One planning document of a zone and its approval. */
export const PlanningDocument = Schema.Struct({
  kind: PlanKind,
  state: ApprovalState,
  /** ISO date of approval. */
  approvedOn: Schema.optional(Schema.String),
  /** The approving authority, e.g. "省发展改革委". */
  approvedBy: Schema.optional(Schema.String),
})
export type PlanningDocument = typeof PlanningDocument.Type

/** 七通一平 plus a sewage plant: which site services are in place. */
export const Infrastructure = Schema.Struct({
  /** 通路: roads reach the site. */
  road: Schema.Boolean,
  /** 通水: water supply. */
  water: Schema.Boolean,
  /** 通电: power supply. */
  power: Schema.Boolean,
  /** 通排水: drainage. */
  drainage: Schema.Boolean,
  /** 通讯: telecommunications. */
  telecom: Schema.Boolean,
  /** 通燃气: gas supply. */
  gas: Schema.Boolean,
  /** 通热: heat supply. */
  heat: Schema.Boolean,
  /** 场地平整: the site is levelled. */
  levelledSite: Schema.Boolean,
  /** A sewage treatment plant serves the zone. */
  sewagePlant: Schema.Boolean,
})
export type Infrastructure = typeof Infrastructure.Type

/**
 * Whether a zone's site services reach 三通一平 ("three_one": road, water, power, levelled site) or 七通一平
 * ("seven_one": those plus drainage, telecom, gas and heat); used by certification and stage checks.
 * @example
 * const base = { road: true, water: true, power: true, levelledSite: true, drainage: false, telecom: false, gas: false, heat: false, sewagePlant: false }
 * infrastructureReadiness(base) // "three_one"
 */
export const infrastructureReadiness = (i: Infrastructure): "none" | "three_one" | "seven_one" => {
  const three = i.road && i.water && i.power && i.levelledSite
  if (three && i.drainage && i.telecom && i.gas && i.heat) return "seven_one"
  return three ? "three_one" : "none"
}

const NonNegative = Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0))

/** The zone's investment and financing platforms (投融资平台). */
export const FinancingPlatforms = Schema.Struct({
  /** Number of platforms. */
  count: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  /** 注册资本, 亿元 */
  registeredCapital: NonNegative,
  /** 累计融资, 亿元 */
  cumulativeFinancing: NonNegative,
})
export type FinancingPlatforms = typeof FinancingPlatforms.Type

/** A cluster zone (集聚区 / 产业集群) in the register. */
export const Cluster = Schema.Struct({
  /** Stable id of lower-case letters, digits and dashes, e.g. "hb-baoshan". */
  id: ClusterId,
  /** Chinese name, e.g. "鹤壁市宝山循环经济产业集聚区". */
  name: Schema.NonEmptyString,
  /** English name, when known. */
  nameEn: Schema.optional(Schema.String),
  kind: ClusterKind,
  /** Only for service agglomerations. */
  form: Schema.NullOr(ServiceForm),
  /** Approving level: provincial, city or county. */
  level: ClusterLevel,
  /** Ranking group: zones in city districts and zones in counties are ranked apart. */
  group: RankingGroup,
  /** GB/T 2260 code of the region (usually the county) the zone lies in. */
  region: RegionCode,
  /** 规划面积, km² */
  plannedArea: Schema.Finite.check(Schema.isGreaterThan(0)),
  /** 设立时间, ISO date or year */
  established: Schema.NullOr(Schema.String),
  /** 主导产业: one or two per county zone (the documents' rule), free text. */
  leadingIndustries: Schema.Array(Schema.NonEmptyString).check(Schema.isMaxLength(4)),
  /** Indicator codes whose values measure the leading industries' weight (optional). */
  leadingIndustryIndicators: Schema.optional(Schema.Array(IndicatorCode)),
  /** 管委会: the zone's management committee, when known. */
  managementBody: Schema.NullOr(Schema.String),
  /** Planning documents filed so far; a kind not listed counts as "missing". */
  planning: Schema.Array(PlanningDocument),
  /** Which site services are in place. */
  infrastructure: Infrastructure,
  /** 标准化厂房面积, m² */
  standardFactoryArea: NonNegative,
  /** Investment and financing platforms. */
  financing: FinancingPlatforms,
  /** Whether the zone's data are the generated demo set. */
  isDemo: Schema.Boolean,
})
export type Cluster = typeof Cluster.Type

/** A cluster as stored: the register entry plus concurrency and lifecycle fields. */
export const StoredCluster = Schema.Struct({
  ...Cluster.fields,
  /** Optimistic-concurrency version, incremented on each update. */
  version: Schema.Int,
  /** ISO time the zone was archived, or null while active. */
  archivedAt: Schema.NullOr(Schema.String),
})
export type StoredCluster = typeof StoredCluster.Type

/**
 * The approval state of one planning document ("missing" when the zone never filed it).
 * @example planState({ planning: [{ kind: "master_plan", state: "approved" }] }, "spatial_plan") // "missing"
 */
export const planState = (c: Pick<Cluster, "planning">, kind: PlanKind): ApprovalState => c.planning.find((p) => p.kind === kind)?.state ?? "missing"

/** Chinese and English display names of the cluster kinds. */
export const clusterKindNames: Record<ClusterKind, { zh: string; en: string }> = {
  industrial: { zh: "产业集聚区", en: "Industrial cluster zone" },
  modern_service: { zh: "现代服务业集聚区", en: "Modern service agglomeration" },
  financial: { zh: "金融集聚区", en: "Financial agglomeration" },
  shipping_logistics: { zh: "航运物流集聚区", en: "Shipping and logistics agglomeration" },
}

/** Chinese and English display names of the service forms. */
export const serviceFormNames: Record<ServiceForm, { zh: string; en: string }> = {
  cbd: { zh: "中央商务区", en: "Central business district" },
  software_park: { zh: "软件园", en: "Software park" },
  creative_park: { zh: "创意产业园", en: "Creative industry park" },
  logistics_park: { zh: "现代物流园", en: "Modern logistics park" },
  tech_startup_park: { zh: "科技创业园", en: "Science and technology start-up park" },
  trading_market: { zh: "商贸暨产品交易市场", en: "Commodity trading market" },
  cultural_services: { zh: "文化服务业集聚区", en: "Cultural services agglomeration" },
  tourism_leisure: { zh: "旅游休闲集聚区", en: "Tourism and leisure agglomeration" },
  science_education: { zh: "科教集聚区", en: "Science and education agglomeration" },
}

/** Chinese and English display names of the approving levels. */
export const clusterLevelNames: Record<ClusterLevel, { zh: string; en: string }> = {
  provincial: { zh: "省级", en: "Provincial" },
  city: { zh: "市级", en: "City" },
  county: { zh: "县级", en: "County" },
}

/** Chinese and English display names of the ranking groups. */
export const rankingGroupNames: Record<RankingGroup, { zh: string; en: string }> = {
  urban_district: { zh: "省辖市区", en: "Urban district" },
  county: { zh: "县域", en: "County" },
}

/** Chinese and English display names of the planning documents. */
export const planKindNames: Record<PlanKind, { zh: string; en: string }> = {
  master_plan: { zh: "总体发展规划", en: "Master development plan" },
  spatial_plan: { zh: "空间发展规划", en: "Spatial development plan" },
  regulatory_detailed_plan: { zh: "控制性详细规划", en: "Regulatory detailed plan" },
  environmental_assessment: { zh: "规划环评", en: "Plan environmental assessment" },
  ecological_plan: { zh: "生态环保规划", en: "Ecological and environmental protection plan" },
  public_service_facilities_plan: { zh: "区域公共服务设施规划", en: "Regional public-service facilities plan" },
}
