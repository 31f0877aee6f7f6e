import { indicatorCatalogue, type Observation, type Region, type StoredCluster } from "@jiju/domain/model"
import { clusters as fixtureClusters } from "./fixture.js"
import { memorySource } from "./memorySource.js"

// Four prefectures of three zones each. Revenue 2025: the three zones of 郑州 report 10 each, every other zone 1.
// With prefecture block weights, each zone among its own neighbours and rows standardised (spdep localG with
// include.self, style W), every zone of a prefecture has the same G*_i. By hand, with n = 12, x̄ = 39/12 = 3.25 and
// s² = Σx²/n − x̄² = 309/12 − 3.25² = 15.1875 (W_i = 1, S1_i = 3 · (1/3)² = 1/3):
//   郑州: G* = Σ_j w_ij x_j / Σ x = 10/39 = 0.2564, z = (10 − 3.25) / √(s² (n S1_i − W_i²)/(n − 1)) = 6.75 / √(15.1875 · 3/11)
//        = 3.3166, p = 0.0009: hot at 99 %;
//   others: G* = 1/39 = 0.0256, z = −2.25 / 2.0352 = −1.1055, p = 0.269: not significant.
const PREFECTURES = [
  ["410100", "郑州市"],
  ["410200", "开封市"],
  ["410300", "洛阳市"],
  ["410400", "平顶山市"],
] as const

const regions = [
  { code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false },
  ...PREFECTURES.map(([code, name]) => ({ code, name, level: "prefecture", parent: "410000", macroZone: "central", isDistrict: false })),
] as unknown as Region[]

const clusters: StoredCluster[] = PREFECTURES.flatMap(([code], p) =>
  [1, 2, 3].map(
    (k) => ({ ...fixtureClusters[0]!, id: `p${p}-${k}`, name: `集聚区 ${p}-${k}`, region: `${code.slice(0, 4)}0${k}` }) as unknown as StoredCluster,
  ),
)

const value = (id: string, period: string, indicator: string, v: number) =>
  ({
    target: { kind: "cluster", id },
    period,
    indicator,
    value: v,
    source: "test",
    submitter: "test",
    submittedAt: "2026-01-01T00:00:00.000Z",
    note: null,
    isDemo: false,
  }) as unknown as Observation

const observations: Observation[] = clusters.flatMap((c) => [
  value(c.id, "2025", "revenue", c.id.startsWith("p0-") ? 10 : 1),
  value(c.id, "2025", "fixed_investment", c.id.startsWith("p3-") ? 10 : 1),
  value(c.id, "2024", "revenue", 5),
])

/** A source over four prefectures of three zones each (the numbers above). */
export const hotspotsSource = () => memorySource({ clusters, regions, indicators: indicatorCatalogue, observations })
