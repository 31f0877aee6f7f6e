import { indicatorCatalogue, type Observation, type Region, type StoredCluster } from "@jiju/domain/model"
import { memorySource } from "./memorySource.js"

/** The ten indicators of the henan-2017 scheme; energy use is the negative one. */
const SCHEME = [
  "revenue",
  "fixed_investment",
  "tax_total",
  "investment_intensity",
  "high_tech_firms",
  "patents_granted",
  "leading_industry_share",
  "local_supply_ratio",
  "energy_per_value_added",
  "sewage_treatment_rate",
] as const

const region = (code: string, name: string, level: Region["level"], parent: string | null): Region =>
  ({ code, name, nameEn: undefined, level, parent, macroZone: "central", isDistrict: level === "county" && name.endsWith("区") }) as unknown as Region

export const regions: Region[] = [
  region("410000", "河南省", "province", null),
  region("410100", "郑州市", "prefecture", "410000"),
  region("410200", "开封市", "prefecture", "410000"),
  region("410102", "中原区", "county", "410100"),
  region("410105", "金水区", "county", "410100"),
  region("410106", "上街区", "county", "410100"),
  region("410221", "杞县", "county", "410200"),
  region("410222", "通许县", "county", "410200"),
]

const cluster = (
  id: string,
  name: string,
  nameEn: string,
  group: StoredCluster["group"],
  regionCode: string,
  extra: Partial<StoredCluster> = {},
): StoredCluster =>
  ({
    id,
    name,
    nameEn,
    kind: "industrial",
    form: null,
    level: "provincial",
    group,
    region: regionCode,
    plannedArea: 12.5,
    established: "2009",
    leadingIndustries: ["装备制造", "食品"],
    managementBody: "管委会",
    planning: [
      { kind: "master_plan", state: "approved" },
      { kind: "spatial_plan", state: "approved" },
      { kind: "regulatory_detailed_plan", state: "drafting" },
    ],
    infrastructure: { road: true, water: true, power: true, drainage: true, telecom: true, gas: true, heat: true, levelledSite: true, sewagePlant: true },
    standardFactoryArea: 250_000,
    financing: { count: 1, registeredCapital: 5, cumulativeFinancing: 20 },
    isDemo: true,
    version: 1,
    archivedAt: null,
    ...extra,
  }) as StoredCluster

export const clusters: StoredCluster[] = [
  cluster("zz-a", "中原产业集聚区", "Zhongyuan zone", "urban_district", "410102"),
  cluster("zz-b", "金水科技集聚区", "Jinshui zone", "urban_district", "410105"),
  cluster("zz-c", "上街装备集聚区", "Shangjie zone", "urban_district", "410106"),
  cluster("kf-d", "杞县产业集聚区", "Qixian zone", "county", "410221"),
  cluster("kf-e", "通许县产业集聚区", "Tongxu zone", "county", "410222"),
]

/**
 * Strength of each zone by year: in 2025 A > B > C and D > E; in 2024 the urban order is reversed (C > B > A),
 * so A moves up 2 places and C down 2. Every positive indicator is 10 × strength, energy use 10 / strength.
 */
const strength: Record<string, Record<string, number>> = {
  "2023": { "zz-a": 1, "zz-b": 2, "zz-c": 3, "kf-d": 2, "kf-e": 1 },
  "2024": { "zz-a": 1, "zz-b": 2, "zz-c": 3, "kf-d": 2, "kf-e": 1 },
  "2025": { "zz-a": 3, "zz-b": 2, "zz-c": 1, "kf-d": 2, "kf-e": 1 },
}

const obs = (id: string, period: string, indicator: string, value: number): Observation =>
  ({
    target: { kind: "cluster", id },
    period,
    indicator,
    value,
    source: "test",
    submitter: "test",
    submittedAt: "2026-01-01T00:00:00.000Z",
    note: null,
    isDemo: true,
  }) as unknown as Observation

export const observations: Observation[] = Object.entries(strength).flatMap(([period, byId]) =>
  Object.entries(byId).flatMap(([id, s]) => [
    ...SCHEME.map((code) => obs(id, period, code, code === "energy_per_value_added" ? 10 / s : 10 * s)),
    obs(id, period, "employment", s),
  ]),
)

/** A fake source over the fixture. */
export const fakeSource = () => memorySource({ clusters, regions, indicators: indicatorCatalogue, observations }, { zh: "测试数据", en: "test data" })
