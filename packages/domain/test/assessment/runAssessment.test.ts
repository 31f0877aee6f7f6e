import { describe, expect, it } from "vitest"
import {
  type AssessedCluster,
  type AssessmentSchemeJson,
  decodeScheme,
  henan2017Scheme,
  runAssessment,
  serviceTwoZonesScheme,
  type ValueRow,
  valueLookup,
} from "../../src/assessment/index.js"

// Two indicators, 60 and 40 points; min-max within each group; one-vote vetoes for the master plan and pollution.
const schemeJson: AssessmentSchemeJson = {
  id: "test",
  name: { zh: "测试方案", en: "Test scheme" },
  totalPoints: 100,
  dimensions: [
    {
      id: "all",
      name: { zh: "全部", en: "All" },
      indicators: [
        { code: "revenue", weight: 60 },
        { code: "energy_per_value_added", weight: 40 },
      ],
    },
  ],
  weighting: { method: "given" },
  normalisation: { method: "minmax" },
  normaliseWithin: "group",
  rewards: { urban_district: 1, county: 2 },
  veto: [
    { id: "no_master_plan", kind: "plan", plan: "master_plan", reason: { zh: "总体发展规划未获批复", en: "no approved master plan" } },
    { id: "pollution", kind: "indicator", indicator: "serious_pollution", op: ">", threshold: 0, reason: { zh: "重大环境污染", en: "serious pollution" } },
  ],
}
const scheme = decodeScheme(schemeJson)

const approved: AssessedCluster["planning"] = [{ kind: "master_plan", state: "approved" }]
const zone = (id: string, group: AssessedCluster["group"], planning = approved): AssessedCluster => ({ id, name: id.toUpperCase(), group, planning })
const clusters: AssessedCluster[] = [
  zone("a", "urban_district"),
  zone("b", "urban_district"),
  zone("c", "urban_district"),
  zone("d", "urban_district", [{ kind: "master_plan", state: "submitted" }]),
  zone("e", "urban_district"),
  zone("f", "county"),
  zone("g", "county"),
  zone("h", "county"),
  zone("i", "county"),
  zone("j", "county"),
]
const rows = (period: string, data: Record<string, [number | null, number | null]>): ValueRow[] =>
  Object.entries(data).flatMap(([id, [rev, energy]]) => [
    ...(rev === null ? [] : [{ clusterId: id, indicator: "revenue", period, value: rev }]),
    ...(energy === null ? [] : [{ clusterId: id, indicator: "energy_per_value_added", period, value: energy }]),
  ])

const values2024 = rows("2024", { a: [30, 1], b: [20, 3], c: [10, 2], f: [10, 1], g: [30, 3], h: [20, 2], i: [30, 3] })
const values2025 = rows("2025", {
  a: [10, 1],
  b: [20, 3],
  c: [30, 2],
  d: [100, 1],
  e: [25, null],
  f: [10, 1],
  g: [30, 3],
  h: [20, 2],
  i: [30, 3],
  j: [50, 1],
})
const value = valueLookup([...values2024, ...values2025, { clusterId: "j", indicator: "serious_pollution", period: "2025", value: 1 }])
const previous = runAssessment(scheme, { clusters: clusters.filter((c) => "abcfghi".includes(c.id)), value }, "2024")
const result = runAssessment(scheme, { clusters, value }, "2025", previous)
const byId = (id: string) => result.clusters.find((c) => c.clusterId === id)!

describe("runAssessment (hand-worked: weights 60/40, min-max within group)", () => {
  // Urban 2025 among a, b, c: revenue 10/20/30 → 0, 0.5, 1; energy (negative) 1/3/2 → 1, 0, 0.5.
  // a = 60·0 + 40·1 = 40; b = 60·0.5 + 0 = 30; c = 60 + 40·0.5 = 80.
  it("scores each zone as Σ points", () => {
    expect(byId("a").score).toBeCloseTo(40, 12)
    expect(byId("b").score).toBeCloseTo(30, 12)
    expect(byId("c").score).toBeCloseTo(80, 12)
  })

  it("reports each indicator's value, normalised value, weight and points", () => {
    const [rev, energy] = byId("c").contributions
    expect(rev).toMatchObject({ code: "revenue", value: 30, normalised: 1, weight: 0.6 })
    expect(rev!.points).toBeCloseTo(60, 12)
    expect(energy).toMatchObject({ code: "energy_per_value_added", value: 2, normalised: 0.5, weight: 0.4, direction: "negative" })
    expect(energy!.points).toBeCloseTo(20, 12)
    expect(byId("c").dimensions[0]!.points).toBeCloseTo(80, 12)
  })

  it("ranks within the group and rewards the top N", () => {
    expect([byId("c").rank, byId("a").rank, byId("b").rank]).toEqual([1, 2, 3])
    expect([byId("c").reward, byId("a").reward, byId("b").reward]).toEqual([true, false, false])
    expect(result.groups[0]!.ranking.map((r) => r.clusterId)).toEqual(["c", "a", "b"])
  })

  // County 2025 among f, g, h, i: revenue 10/30/20/30 → 0, 1, 0.5, 1; energy 1/3/2/3 → 1, 0, 0.5, 0.
  // f = 40, g = 60, h = 30 + 20 = 50, i = 60: g and i tie → ranks 1, 1, 3, 4.
  it("ties share a rank and skip the next (1134); both tied zones are in the top-2 reward band", () => {
    expect(["g", "i", "h", "f"].map((id) => byId(id).rank)).toEqual([1, 1, 3, 4])
    expect(["g", "i", "h", "f"].map((id) => byId(id).reward)).toEqual([true, true, false, false])
    expect(byId("h").score).toBeCloseTo(50, 12)
  })

  // 2024 urban among a, b, c: revenue 30/20/10 → 1, .5, 0; energy 1/3/2 → 1, 0, .5 → a 100, b 30, c 20.
  it("reports the rank change against the previous period", () => {
    expect(byId("c")).toMatchObject({ previousRank: 3, rank: 1, rankChange: 2 })
    expect(byId("c").rankChangeText).toEqual({ zh: "上升 2 位", en: "up 2 places" })
    expect(byId("a")).toMatchObject({ previousRank: 1, rank: 2, rankChange: -1 })
    expect(byId("a").rankChangeText).toEqual({ zh: "下降 1 位", en: "down 1 place" })
    expect(byId("g").rankChangeText).toEqual({ zh: "名次不变", en: "unchanged" })
  })

  it("a vetoed zone gets no score, rank or reward and is listed apart with its reason", () => {
    const d = byId("d")
    expect(d).toMatchObject({ status: "vetoed", score: null, rank: null, reward: false })
    expect(d.veto.map((v) => v.ruleId)).toEqual(["no_master_plan"])
    expect(result.vetoed.map((v) => v.clusterId)).toEqual(["d", "j"])
    expect(result.vetoed[0]!.reasons[0]!.zh).toContain("总体发展规划未获批复")
    expect(byId("j").veto[0]!.ruleId).toBe("pollution")
    // d's revenue of 100 would have stretched the min-max range: it is not part of it.
    expect(byId("c").contributions[0]!.normalised).toBe(1)
  })

  it("a zone missing an indicator is excluded with 'missing: X', never scored as zero", () => {
    const e = byId("e")
    expect(e).toMatchObject({ status: "excluded", score: null, rank: null, missing: ["energy_per_value_added"] })
    // The reason names the indicator in the reader's language; the code stays in `missing`.
    expect(e.reasons).toEqual([{ zh: "缺少数据：单位增加值能耗", en: "missing: Energy use per unit of value added" }])
    expect(e.reasons[0]!.zh).not.toMatch(/[a-z_]{3,}/)
    expect(result.excluded.map((x) => x.clusterId)).toEqual(["e"])
    expect(result.groups[0]!.size).toBe(3)
  })

  it("notes a veto check it could not make (no pollution figure) without vetoing", () => {
    // Named in the reader's language, not by its code.
    const note = byId("a").notes.find((n) => n.zh.includes("重大环境污染"))!
    expect(note.zh).toContain("缺少“")
    expect(note.zh).not.toContain("serious_pollution")
    expect(byId("a").status).toBe("ranked")
  })

  it("explains in both languages: strengths vs the group median and what moved the rank", () => {
    const x = byId("c").explanation
    // c: revenue 1 vs median 0.5 (strength); energy 0.5 vs median 0.5 (neither).
    expect(x.strengths.map((s) => s.code)).toEqual(["revenue"])
    expect(x.strengths[0]!.groupMedian).toBe(0.5)
    expect(x.weaknesses).toEqual([])
    // 2024 c: revenue 0 pts, energy 20 pts; 2025: 60 and 20 → revenue +60.
    expect(x.rankDrivers).toEqual([{ code: "revenue", zh: "主营业务收入", en: "Main business revenue", pointsBefore: 0, pointsNow: 60, change: 60 }])
    expect(x.zh).toContain("上升 2 位")
    expect(x.en).toContain("up 2 places")
    expect(byId("d").explanation.zh).toContain("一票否决")
  })

  it("is JSON-ready: a round trip through JSON changes nothing", () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })
})

describe("runAssessment with base_relative (Jiangsu) normalisation", () => {
  const s = decodeScheme({
    ...schemeJson,
    id: "jiangsu-test",
    dimensions: [
      {
        id: "all",
        name: { zh: "全部", en: "All" },
        indicators: [
          { code: "revenue", weight: 50 },
          { code: "energy_per_value_added", weight: 50 },
        ],
      },
    ],
    normalisation: { method: "base_relative", base: "previous_period" },
    veto: [],
  })
  const v = valueLookup([...rows("2024", { a: [100, 1], b: [100, 1], c: [100, 1] }), ...rows("2025", { a: [110, 0.8], b: [90, 1], c: [200, 0.5] })])
  const r = runAssessment(s, { clusters: [zone("a", "county"), zone("b", "county"), zone("c", "county")], value: v }, "2025")
  const score = (id: string) => r.clusters.find((c) => c.clusterId === id)!.score
  // Items of 50 points: base share 40, cap 25.
  // a: revenue r = 1.1 → 40 + 2 = 42; energy 1 → 0.8 (negative) r = 1.25 → 40 + 5 = 45; total 87.
  // b: revenue r = 0.9 → 40 × 0.9 = 36; energy at base → 40; total 76.
  // c: revenue r = 2 → 40 + min(20, 25) = 60; energy r = 2 → 60; total 120.
  it("scores each item against the zone's own previous value", () => {
    expect(score("a")).toBeCloseTo(87, 10)
    expect(score("b")).toBeCloseTo(76, 10)
    expect(score("c")).toBeCloseTo(120, 10)
    const a = r.clusters.find((c) => c.clusterId === "a")!
    expect(a.contributions[0]).toMatchObject({ value: 110, base: 100 })
    expect(a.contributions[0]!.normalised).toBeCloseTo(42 / 50, 12)
    expect(a.contributions[0]!.arithmetic?.zh).toContain("超过基数")
  })
  it("a zone with no previous value has no base: excluded as missing", () => {
    const r2 = runAssessment(
      s,
      {
        clusters: [zone("a", "county"), zone("z", "county")],
        value: valueLookup([...rows("2024", { a: [100, 1] }), ...rows("2025", { a: [110, 0.8], z: [50, 1] })]),
      },
      "2025",
    )
    expect(r2.clusters[1]).toMatchObject({ status: "excluded", missing: ["revenue", "energy_per_value_added"] })
  })
})

describe("runAssessment with stars: promotion and demotion against the previous result", () => {
  const zones = [zone("x", "urban_district"), zone("y", "urban_district"), zone("z", "urban_district"), zone("w", "urban_district")]
  const sv = (period: string, data: Record<string, [number, number, number]>): ValueRow[] =>
    Object.entries(data).flatMap(([id, [va, tax, emp]]) => [
      { clusterId: id, indicator: "value_added", period, value: va },
      { clusterId: id, indicator: "tax_total", period, value: tax },
      { clusterId: id, indicator: "employment", period, value: emp },
    ])
  const v = valueLookup([
    ...sv("2024", { x: [6, 0.8, 0.31], y: [5, 0.75, 0.3], z: [5.5, 0.9, 0.4], w: [1, 0.1, 0.05] }),
    // x reaches every two-star threshold (9.1 / 1.37 / 0.546); y drops below entry (value added 1.9 < 2);
    // z has value added and employment for three stars but tax 1.0 < 1.37: still one star; w enters at 0 stars.
    ...sv("2025", { x: [10, 1.4, 0.6], y: [1.9, 0.75, 0.3], z: [20, 1.0, 2], w: [2, 0.3, 0.12] }),
  ])
  const prev = runAssessment(serviceTwoZonesScheme, { clusters: zones, value: v }, "2024")
  const now = runAssessment(serviceTwoZonesScheme, { clusters: zones, value: v }, "2025", prev)
  const stars = (id: string) => now.clusters.find((c) => c.clusterId === id)!.stars!
  it("promotes, demotes, keeps and first-enters as the thresholds say", () => {
    expect(prev.clusters.map((c) => c.stars!.stars)).toEqual([1, 1, 1, null])
    expect(stars("x")).toMatchObject({ stars: 2, previousStars: 1, movement: "promoted" })
    expect(stars("y")).toMatchObject({ stars: null, status: "below_entry", previousStars: 1, movement: "demoted" })
    expect(stars("y").entryShortfalls.map((s) => s.indicator)).toEqual(["value_added"])
    expect(stars("y").entryShortfalls[0]!.shortfall).toBeCloseTo(0.1, 12)
    expect(stars("z")).toMatchObject({ stars: 1, movement: "unchanged" })
    expect(stars("w")).toMatchObject({ stars: 0, previousStars: null, movement: "promoted" })
  })
  it("says what the next star needs: z is 0.37亿 of tax short of two stars", () => {
    const next = stars("z").next!
    expect(next.stars).toBe(2)
    expect(next.shortfalls.map((s) => s.indicator)).toEqual(["tax_total"])
    expect(next.shortfalls[0]!.shortfall).toBeCloseTo(0.37, 12)
    expect(now.clusters.find((c) => c.clusterId === "z")!.explanation.zh).toContain("升至 2 星还差：税收 0.37亿元")
  })
})

describe("runAssessment with entropy weights", () => {
  const s = decodeScheme({
    ...schemeJson,
    id: "entropy-test",
    dimensions: [
      {
        id: "all",
        name: { zh: "全部", en: "All" },
        indicators: [
          { code: "revenue", weight: null },
          { code: "tax_total", weight: null },
        ],
      },
    ],
    weighting: { method: "entropy" },
    veto: [],
  })
  const v = valueLookup([
    ...[10, 20, 30].map((x, i) => ({ clusterId: `z${i}`, indicator: "revenue", period: "2025", value: x })),
    ...[1, 1, 5].map((x, i) => ({ clusterId: `z${i}`, indicator: "tax_total", period: "2025", value: x })),
  ])
  const r = runAssessment(s, { clusters: [0, 1, 2].map((i) => zone(`z${i}`, "county")), value: v }, "2025")
  it("weights by 1 − e on the normalised columns", () => {
    // revenue → [0, .5, 1], p = [0, 1/3, 2/3]: e1 = −(1/ln 3)(1/3 ln 1/3 + 2/3 ln 2/3) ≈ 0.57938;
    // tax → [0, 0, 1], p = [0, 0, 1]: e2 = 0. w1 = (1 − e1)/((1 − e1) + 1) ≈ 0.29609.
    const e1 = -((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3)) / Math.log(3)
    expect(r.weighting.entropy![0]!.entropy).toBeCloseTo(e1, 12)
    expect(r.weights[0]!.weight).toBeCloseTo((1 - e1) / (2 - e1), 12)
    expect(r.weights[1]!.weight).toBeCloseTo(1 / (2 - e1), 12)
  })
})

describe("Henan 2017 scheme end to end", () => {
  const codes = [
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
  ]
  const zones = ["p", "q"].map((id) => zone(id, "county"))
  // p is better on everything except energy use, which is lower (better) for q: p gets 100 − 8 = 92, q gets 8.
  const v = valueLookup([
    ...codes.map((c) => ({ clusterId: "p", indicator: c, period: "2025", value: 2 })),
    ...codes.map((c) => ({ clusterId: "q", indicator: c, period: "2025", value: 1 })),
    { clusterId: "p", indicator: "serious_pollution", period: "2025", value: 0 },
    { clusterId: "p", indicator: "land_violations", period: "2025", value: 0 },
  ])
  const r = runAssessment(henan2017Scheme, { clusters: zones, value: v }, "2025")
  it("scores with the scheme's points and the catalogue's directions", () => {
    expect(r.clusters[0]!.score).toBeCloseTo(92, 10)
    expect(r.clusters[1]!.score).toBeCloseTo(8, 10)
    for (const [i, p] of [30, 30, 25, 7].entries()) expect(r.clusters[0]!.dimensions[i]!.points).toBeCloseTo(p, 10)
    expect(r.clusters[0]!.notes).toEqual([])
    expect(r.clusters[1]!.notes).toHaveLength(2)
  })
})

describe("runAssessment with AHP weights and z-scores", () => {
  const v = valueLookup([
    ...[10, 20, 30].map((x, i) => ({ clusterId: `z${i}`, indicator: "revenue", period: "2025", value: x })),
    ...[3, 1, 2].map((x, i) => ({ clusterId: `z${i}`, indicator: "tax_total", period: "2025", value: x })),
    ...[5, 5, 8].map((x, i) => ({ clusterId: `z${i}`, indicator: "employment", period: "2025", value: x })),
  ])
  const dims = [
    {
      id: "all",
      name: { zh: "全部", en: "All" },
      indicators: [
        { code: "revenue", weight: null },
        { code: "tax_total", weight: null },
        { code: "employment", weight: null },
      ],
    },
  ]
  const zones3 = [0, 1, 2].map((i) => zone(`z${i}`, "county"))
  it("an inconsistent pairwise matrix (CR > 0.1) puts a warning in the result", () => {
    // a12 = 9, a23 = 9, a13 = 1/9: d = a12·a23/a13 = 729, far from consistent.
    const s = decodeScheme({
      ...schemeJson,
      id: "ahp",
      dimensions: dims,
      veto: [],
      weighting: {
        method: "ahp",
        level: "indicators",
        matrix: [
          [1, 9, 1 / 9],
          [1 / 9, 1, 9],
          [9, 1 / 9, 1],
        ],
      },
    })
    const r = runAssessment(s, { clusters: zones3, value: v }, "2025")
    const lambda = 1 + Math.cbrt(729) + 1 / Math.cbrt(729) // 1 + 9 + 1/9
    expect(r.weighting.ahp!.cr).toBeCloseTo((lambda - 3) / 2 / 0.58, 10)
    expect(r.warnings.some((w) => w.en.includes("CR =") && w.zh.includes("一致性比率"))).toBe(true)
    // A cyclic matrix has equal weights.
    for (const w of r.weights) expect(w.weight).toBeCloseTo(1 / 3, 10)
  })
  it("z-scores: points = 100 · w · z with the sample standard deviation", () => {
    const s = decodeScheme({ ...schemeJson, id: "z", dimensions: dims, veto: [], weighting: { method: "equal" }, normalisation: { method: "zscore" } })
    const r = runAssessment(s, { clusters: zones3, value: v }, "2025")
    // revenue 10/20/30: mean 20, sd 10 → −1, 0, 1; tax 3/1/2: −… → 1, −1, 0; employment 5/5/8: mean 6, sd √3 → −1/√3, −1/√3, 2/√3.
    const z0 = (100 / 3) * (-1 + 1 - 1 / Math.sqrt(3))
    expect(r.clusters[0]!.score).toBeCloseTo(z0, 10)
    expect(r.clusters[2]!.score).toBeCloseTo((100 / 3) * (1 + 0 + 2 / Math.sqrt(3)), 10)
  })
})
