import { describe, expect, it } from "vitest"
import { classifyStage } from "../../src/assessment/index.js"

const of = (v: Record<string, number>) => (c: string) => v[c]

describe("classifyStage", () => {
  it("集中: no clear leading industry; the LQ decides", () => {
    const r = classifyStage(of({ leading_industry_lq: 1.2, leading_industry_share: 60 }))
    expect(r.stage).toBe("concentration")
    expect(r.stageDecidedBy).toMatchObject({ indicator: "leading_industry_lq", value: 1.2, min: 1.5, met: false })
    expect(r.reach).toBeNull()
  })
  it("集聚 and 辐射接受中心: local supply ratio short of 30 % decides the stage, brands the reach", () => {
    const r = classifyStage(
      of({ leading_industry_lq: 2, leading_industry_share: 55, local_supply_ratio: 25, rd_institutions: 4, patents_granted: 30, brands: 1 }),
    )
    expect(r.stage).toBe("agglomeration")
    expect(r.stageDecidedBy!.indicator).toBe("local_supply_ratio")
    expect(r.reach).toBe("receiver")
    expect(r.reachDecidedBy!.indicator).toBe("brands")
    expect(r.text.zh).toContain("集聚")
  })
  it("集群 and 向外辐射中心 when every threshold holds (boundaries inclusive)", () => {
    const r = classifyStage(
      of({
        leading_industry_lq: 1.5,
        leading_industry_share: 40,
        local_supply_ratio: 30,
        rd_institutions: 5,
        patents_granted: 100,
        brands: 3,
        outside_supply_share: 20,
      }),
    )
    expect([r.stage, r.reach]).toEqual(["cluster", "outward"])
    expect(r.stageDecidedBy).toBeNull()
    expect(r.reachName!.zh).toBe("向外辐射中心")
  })
  it("a missing proxy keeps the highest stage confirmed and marks it provisional", () => {
    const r = classifyStage(of({ leading_industry_lq: 2, leading_industry_share: 55, local_supply_ratio: 35, rd_institutions: 4, brands: 2 }))
    expect(r.stage).toBe("agglomeration")
    expect(r.stageDecidedBy).toMatchObject({ indicator: "patents_granted", met: null })
    expect(r.provisional).toBe(true)
  })
  it("takes configured thresholds", () => {
    const r = classifyStage(of({ leading_industry_lq: 1.2, leading_industry_share: 30 }), {
      agglomeration: [{ indicator: "leading_industry_lq", min: 1 }],
      cluster: [{ indicator: "leading_industry_share", min: 50 }],
      inward: [],
      outward: [{ indicator: "brands", min: 1 }],
    })
    expect([r.stage, r.reach]).toEqual(["agglomeration", "inward"])
  })
})
