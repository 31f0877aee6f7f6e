import { describe, expect, it } from "vitest"
import { stageDocument, stagePeriodRange } from "../../src/assessment/index.js"
import { dataOf, inputErrorOf } from "./documentData.js"

const zones = [
  { id: "a", name: "甲", group: "county" as const },
  { id: "b", name: "乙", group: "county" as const },
]
// a: a leading industry (LQ ≥ 1.5, share ≥ 40 %) but local supply short of 30 %: 集聚, decided by local supply.
// b: LQ 1.2 < 1.5: still 集中.
const data = dataOf(
  zones,
  [
    ["a", "2025", "leading_industry_lq", 2],
    ["a", "2025", "leading_industry_share", 55],
    ["a", "2025", "local_supply_ratio", 25],
    ["b", "2025", "leading_industry_lq", 1.2],
    ["b", "2025", "leading_industry_share", 60],
  ],
  { demo: true },
)

describe("stageDocument", () => {
  it("gives every zone's stage with the proxy that decided, and says the data are demo data", () => {
    const doc = stageDocument(data, { period: "2025" })
    expect(Object.keys(doc)).toEqual(["period", "source", "demo", "results", "rules"])
    // The document's words for each step, and the proxies labelled a Jiju default.
    expect(doc.rules.find((r) => r.id === "s3.receiver")?.source).toMatchObject({ kind: "document", quote: expect.stringContaining("园区进入集群发展阶段") })
    expect(doc.rules.find((r) => r.id === "s3.thresholds")?.source.kind).toBe("default")
    expect(doc).toMatchObject({ period: "2025", source: "store", demo: true })
    const [a, b] = doc.results
    expect(a).toMatchObject({
      id: "a",
      name: "甲",
      stage: "agglomeration",
      stageDecidedBy: { indicator: "local_supply_ratio", value: 25, min: 30, met: false },
    })
    expect(b).toMatchObject({ id: "b", name: "乙", stage: "concentration", reach: null, stageDecidedBy: { indicator: "leading_industry_lq", met: false } })
  })

  it("gives one zone when asked", () => {
    expect(stageDocument(data, { period: "2025", cluster: "b" }).results.map((r) => r.id)).toEqual(["b"])
  })

  it("fails on a bad period option, an unknown zone and a period without data", () => {
    expect(stagePeriodRange({ period: "2025Q1" })).toEqual({ from: "2025Q1", to: "2025Q1" })
    expect(inputErrorOf(() => stagePeriodRange({ period: "2025Q5" }))).toMatchObject({ code: "bad_option", issues: [{ column: "period", value: "2025Q5" }] })
    expect(inputErrorOf(() => stageDocument(data, { period: "2025", cluster: "z" }))).toMatchObject({
      code: "unknown_cluster",
      issues: [{ column: "cluster", value: "z" }],
    })
    expect(inputErrorOf(() => stageDocument(data, { period: "2020" }))).toMatchObject({ code: "unknown_period", issues: [{ column: "period", value: "2020" }] })
  })
})
