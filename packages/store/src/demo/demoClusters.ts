import type { Random } from "@jiju/domain/econometrics"
import type { ApprovalState, Cluster, ClusterId, PlanKind, PlanningDocument, Region, ServiceForm } from "@jiju/domain/model"

/** Zones whose names the source documents give, by county code: [id, name, leading industries]. */
const NAMED: Readonly<Record<string, readonly [string, string, ReadonlyArray<string>]>> = {
  "410602": ["hb-baoshan", "宝山循环经济产业集聚区", ["煤化工", "新材料"]],
  "410603": ["hb-shilin", "石林产业集聚区", ["镁精深加工", "装备制造"]],
  "410611": ["hb-jinshan", "金山产业集聚区", ["电子信息", "汽车零部件"]],
  "410621": ["hb-liyang", "黎阳产业集聚区", ["食品加工", "纺织服装"]],
  "410622": ["hb-qihe", "鹤淇产业集聚区", ["食品加工", "电子电器"]],
  "411503": ["xy-pingqiao", "平桥产业集聚区", ["装备制造", "现代家居"]],
}

/** Leading-industry pool: each county zone gets one or two (the documents' rule). */
const INDUSTRIES: ReadonlyArray<string> = [
  "装备制造",
  "食品加工",
  "纺织服装",
  "新材料",
  "电子信息",
  "汽车零部件",
  "生物医药",
  "现代家居",
  "化工",
  "建材",
  "有色金属精深加工",
  "农副产品加工",
  "节能环保",
  "电线电缆",
  "超硬材料",
  "制鞋",
]

const PLAN_KINDS: ReadonlyArray<PlanKind> = ["master_plan", "spatial_plan", "regulatory_detailed_plan", "environmental_assessment"]

/** A log-normal draw with median `median` and log-sd `sigma`. */
export const logNormal = (rng: Random, median: number, sigma: number): number => median * Math.exp(sigma * rng.normal())

const round = (x: number, digits: number) => Number(x.toFixed(digits))

/** "中牟县" → "中牟", "郏县" stays "郏县", "管城回族区" → "管城". */
export const shortName = (name: string): string => {
  const stem = name.replace(/回族区$/, "区").replace(/[县市区]$/, "")
  return stem.length >= 2 ? stem : name
}

const planning = (rng: Random): PlanningDocument[] =>
  PLAN_KINDS.map((kind) => {
    const u = rng.next()
    const state: ApprovalState = u < 0.78 ? "approved" : u < 0.88 ? "submitted" : u < 0.96 ? "drafting" : "missing"
    return state === "approved"
      ? { kind, state, approvedOn: `${2009 + rng.int(4)}-${String(1 + rng.int(12)).padStart(2, "0")}-15`, approvedBy: "河南省人民政府" }
      : { kind, state }
  })

const infrastructure = (rng: Random): Cluster["infrastructure"] => {
  const p = (q: number) => rng.next() < q
  return {
    road: p(0.98),
    water: p(0.97),
    power: p(0.99),
    levelledSite: p(0.95),
    drainage: p(0.85),
    telecom: p(0.92),
    gas: p(0.7),
    heat: p(0.45),
    sewagePlant: p(0.8),
  }
}

/** A demo cluster with the attributes the model needs, before its observations. */
export interface DemoCluster extends Cluster {
  /** ln-scale size effect used by the observation model (documented in README.md). */
  readonly sizeEffect: number
  /** Zone growth effect (per year). */
  readonly growthEffect: number
  /** First year with data. */
  readonly firstYear: number
}

// The CBD of each prefecture city sits in its first city district; three 特色商业区 add trading markets.
const SPECIALITY_STREETS: ReadonlyArray<readonly [string, string]> = [
  ["410105", "金水区特色商业区"],
  ["410311", "洛龙区特色商业区"],
  ["411002", "魏都区特色商业区"],
]

/**
 * Generate the demo register from the regions: one industrial zone per county-level unit (named zones where the
 * documents give names, "<county>产业集聚区" otherwise) plus ~20 modern service agglomerations in city districts.
 */
export const demoClusters = (regions: ReadonlyArray<Region>, rng: Random): DemoCluster[] => {
  const counties = regions.filter((r) => r.level === "county")
  const out: DemoCluster[] = []
  for (const county of counties) {
    const named = NAMED[county.code]
    const industries = named
      ? [...named[2]]
      : (() => {
          const a = INDUSTRIES[rng.int(INDUSTRIES.length)]!
          const b = INDUSTRIES[rng.int(INDUSTRIES.length)]!
          return rng.next() < 0.6 && a !== b ? [a, b] : [a]
        })()
    const name = named ? named[1] : `${shortName(county.name)}产业集聚区`
    const group = county.isDistrict ? "urban_district" : "county"
    const area = round(logNormal(rng, group === "urban_district" ? 16 : 12, 0.35), 2)
    out.push({
      id: (named ? named[0] : `ic-${county.code}`) as ClusterId,
      name,
      kind: "industrial",
      form: null,
      level: "provincial",
      group,
      region: county.code,
      plannedArea: area,
      established: "2009",
      leadingIndustries: industries,
      managementBody: `${name}管理委员会`,
      planning: planning(rng),
      infrastructure: infrastructure(rng),
      standardFactoryArea: 0,
      financing: {
        count: 1 + rng.int(3),
        registeredCapital: round(logNormal(rng, 5, 0.6), 2),
        cumulativeFinancing: round(logNormal(rng, 30, 0.7), 2),
      },
      isDemo: true,
      // Urban-district zones start larger; the rest of the model is in README.md.
      sizeEffect: (group === "urban_district" ? 0.25 : 0) + 0.6 * rng.normal(),
      growthEffect: 0.03 * rng.normal(),
      firstYear: 2009,
    })
  }
  const prefectures = regions.filter((r) => r.level === "prefecture")
  const services: Array<{ region: Region; name: string; form: ServiceForm; id: string }> = []
  for (const p of prefectures) {
    const district = counties.find((c) => c.parent === p.code && c.isDistrict)
    if (!district) continue // 省直辖 group: 济源 has no city district
    services.push({ region: district, name: `${shortName(p.name)}中央商务区`, form: "cbd", id: `cbd-${p.code.slice(0, 4)}` })
  }
  for (const [code, name] of SPECIALITY_STREETS) {
    const region = counties.find((c) => c.code === code)
    if (region) services.push({ region, name, form: "trading_market", id: `sq-${code}` })
  }
  for (const s of services) {
    out.push({
      id: s.id as ClusterId,
      name: s.name,
      kind: "modern_service",
      form: s.form,
      // Who approved the zone decides its certification table (篇10 county, 篇9 city): the trading markets are county
      // designations, the CBDs city ones, except 郑州's, kept provincial so that the demo shows a zone without a table.
      level: s.form === "trading_market" ? "county" : s.id === "cbd-4101" ? "provincial" : "city",
      group: "urban_district",
      region: s.region.code,
      plannedArea: round(logNormal(rng, s.form === "cbd" ? 3 : 1.2, 0.3), 2),
      established: "2012",
      leadingIndustries: s.form === "cbd" ? ["金融服务", "商务服务"] : ["商贸流通"],
      managementBody: `${s.name}管理委员会`,
      planning: planning(rng),
      infrastructure: infrastructure(rng),
      standardFactoryArea: 0,
      financing: {
        count: 1 + rng.int(2),
        registeredCapital: round(logNormal(rng, 3, 0.5), 2),
        cumulativeFinancing: round(logNormal(rng, 15, 0.6), 2),
      },
      isDemo: true,
      sizeEffect: 0.5 * rng.normal(),
      growthEffect: 0.03 * rng.normal(),
      firstYear: 2012,
    })
  }
  return out
}
