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
  it("集聚: local supply ratio short of 30 % decides the stage, and no reach (辐射接受中心 belongs to 集群, seed 003)", () => {
    // Every reach threshold holds, yet a zone at 集聚 is not a radiating centre of any kind.
    const r = classifyStage(
      of({
        leading_industry_lq: 2,
        leading_industry_share: 55,
        local_supply_ratio: 25,
        rd_institutions: 9,
        patents_granted: 300,
        brands: 9,
        outside_supply_share: 50,
      }),
    )
    expect(r.stage).toBe("agglomeration")
    expect(r.stageDecidedBy!.indicator).toBe("local_supply_ratio")
    expect(r.reach).toBeNull()
    expect(r.reachDecidedBy).toBeNull()
    expect(r.checks.map((c) => c.step)).not.toContain("inward")
    expect(r.text.zh).toContain("集聚")
    expect(r.text.zh).not.toContain("辐射")
  })
  it("集群 at the boundary and 辐射接受中心: brands short of 3 decide the reach", () => {
    const r = classifyStage(
      of({ leading_industry_lq: 2, leading_industry_share: 55, local_supply_ratio: 30, rd_institutions: 4, patents_granted: 30, brands: 2 }),
    )
    expect([r.stage, r.reach]).toEqual(["cluster", "receiver"])
    expect(r.reachDecidedBy).toMatchObject({ indicator: "brands", value: 2, min: 3, met: false })
    expect(r.reachName!.zh).toBe("辐射接受中心")
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
    expect([r.stage, r.reach]).toEqual(["agglomeration", null])
    expect(
      classifyStage(of({ leading_industry_lq: 1.2, leading_industry_share: 60 }), {
        agglomeration: [{ indicator: "leading_industry_lq", min: 1 }],
        cluster: [{ indicator: "leading_industry_share", min: 50 }],
        inward: [],
        outward: [{ indicator: "brands", min: 1 }],
      }).reach,
    ).toBe("inward")
  })
})
