import type { Cluster, ClusterId, Region, RegionCode } from "@jiju/domain/model"

/** A small hand-made register: Henan, 鹤壁, two of its county-level units, and 信阳 平桥. */
export const regions: Region[] = [
  { code: "410000" as RegionCode, name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false },
  { code: "410600" as RegionCode, name: "鹤壁市", level: "prefecture", parent: "410000" as RegionCode, macroZone: "central", isDistrict: false },
  { code: "410611" as RegionCode, name: "淇滨区", level: "county", parent: "410600" as RegionCode, macroZone: "central", isDistrict: true },
  { code: "410621" as RegionCode, name: "浚县", level: "county", parent: "410600" as RegionCode, macroZone: "central", isDistrict: false },
  { code: "411500" as RegionCode, name: "信阳市", level: "prefecture", parent: "410000" as RegionCode, macroZone: "central", isDistrict: false },
  { code: "411503" as RegionCode, name: "平桥区", level: "county", parent: "411500" as RegionCode, macroZone: "central", isDistrict: true },
]

const base = {
  form: null,
  level: "provincial",
  established: "2009",
  managementBody: null,
  planning: [{ kind: "master_plan", state: "approved", approvedOn: "2010-05-01", approvedBy: "河南省人民政府" }],
  infrastructure: {
    road: true,
    water: true,
    power: true,
    drainage: true,
    telecom: true,
    gas: false,
    heat: false,
    levelledSite: true,
    sewagePlant: true,
  },
  standardFactoryArea: 120000,
  financing: { count: 2, registeredCapital: 5.5, cumulativeFinancing: 31 },
  isDemo: false,
} as const

export const jinshan: Cluster = {
  ...base,
  id: "hb-jinshan" as ClusterId,
  name: "金山产业集聚区",
  nameEn: "Jinshan Industrial Cluster Zone",
  kind: "industrial",
  group: "urban_district",
  region: "410611" as RegionCode,
  plannedArea: 18.5,
  leadingIndustries: ["电子信息", "汽车零部件"],
}

export const liyang: Cluster = {
  ...base,
  id: "hb-liyang" as ClusterId,
  name: "黎阳产业集聚区",
  kind: "industrial",
  group: "county",
  region: "410621" as RegionCode,
  plannedArea: 12,
  leadingIndustries: ["食品加工"],
}

export const pingqiaoCbd: Cluster = {
  ...base,
  id: "xy-pingqiao-cbd" as ClusterId,
  name: "信阳中央商务区",
  kind: "modern_service",
  form: "cbd",
  level: "city",
  group: "urban_district",
  region: "411503" as RegionCode,
  plannedArea: 2.4,
  leadingIndustries: ["金融服务"],
}
