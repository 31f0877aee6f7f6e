import { describe, expect, it } from "vitest"
import { dalianTargets, hengshuiTargets, shaanxiTargets, trackTargets, valueLookup } from "../../src/assessment/index.js"

const rows = (indicator: string, period: string, vals: Record<string, number>) =>
  Object.entries(vals).map(([clusterId, value]) => ({ clusterId, indicator, period, value }))

describe("trackTargets", () => {
  it("大连's stage 1 is due three years before its stage 2: dalianTargets(2027) puts 8800亿 in 2024", () => {
    expect(dalianTargets(2027).targets.map((t) => [t.id, t.dueYear])).toEqual([
      ["output_total", 2024],
      ["output_share", 2024],
      ["output_total_2", 2027],
      ["output_share_2", 2027],
      ["above_1000", 2027],
      ["between_200_500", 2027],
    ])
  })

  it("大连: total gross output 5500 of 8800 two years ahead needs √1.6 − 1 = 26.49 % a year; 78.57 % of 7000 is short of 80 %", () => {
    const value = valueLookup(rows("gross_output", "2022", { a: 3000, b: 1500, c: 1000 }))
    const t = trackTargets(
      dalianTargets(2027),
      { clusterIds: ["a", "b", "c"], value, region: (i, p) => (i === "gross_output" && p === "2022" ? 7000 : undefined) },
      "2022",
    )
    const [total, share] = t.targets
    expect(total).toMatchObject({ actual: 5500, target: 8800, attained: false, gap: 3300 })
    expect(total!.requiredAnnualGrowth).toBeCloseTo(0.264911064, 8)
    expect(share!.actual).toBeCloseTo(0.785714286, 8)
    expect(share!.gap).toBeCloseTo(0.014285714, 8)
    expect(share!.attained).toBe(false)
  })

  it("衡水: counts clusters strictly above 100亿 and 50亿 and the growth the nearest candidates need", () => {
    const value = valueLookup(rows("revenue", "2023", { a: 120, b: 95, c: 60, d: 55, e: 40, f: 30, g: 52, h: 101 }))
    const t = trackTargets(hengshuiTargets(2025), { clusterIds: ["a", "b", "c", "d", "e", "f", "g", "h"], value }, "2023")
    const [above100, above50, share] = t.targets
    expect(above100).toMatchObject({ actual: 2, target: 3, gap: 1, attained: false })
    expect(above100!.requiredAnnualGrowth).toBeCloseTo(0.025978352, 8) // (100/95)^(1/2) − 1
    expect(above50).toMatchObject({ actual: 6, target: 8, gap: 2 })
    expect(above50!.requiredAnnualGrowth).toBeCloseTo(0.290994449, 8) // the second candidate, 30: (50/30)^(1/2) − 1
    expect(share!.actual).toBeNull() // no regional GDP given
  })

  it("衡水: exactly 100亿 is not 'above 100亿'", () => {
    const value = valueLookup(rows("revenue", "2023", { a: 100, b: 100, c: 100 }))
    expect(trackTargets(hengshuiTargets(2025), { clusterIds: ["a", "b", "c"], value }, "2023").targets[0]!.actual).toBe(0)
  })

  it("陕西: realised growth since the base year, the pace now needed, and the local supply ratio gap", () => {
    const value = valueLookup([
      ...rows("revenue", "2020", { a: 60, b: 40 }),
      ...rows("revenue", "2022", { a: 90, b: 60 }),
      ...rows("local_supply_ratio", "2022", { a: 20, b: 40 }),
    ])
    // The growth and the supply ratio are due with stage 2, three years before the last stage: 2025.
    const t = trackTargets(shaanxiTargets(2020, 2028), { clusterIds: ["a", "b"], value }, "2022")
    const [sales, va] = t.targets
    const local = t.targets.find((x) => x.id === "local_supply")
    expect(sales!.actual).toBeCloseTo(Math.sqrt(1.5) - 1, 12) // 22.47 % a year
    expect(sales!.attained).toBe(false)
    // Goal 100 × 1.25^5 = 305.17578125 by 2025; from 150 in 3 years.
    expect(sales!.requiredAnnualGrowth).toBeCloseTo(Math.cbrt(305.17578125 / 150) - 1, 12)
    expect(va!.actual).toBeNull()
    expect(va!.missing).toEqual(["a", "b"])
    expect(local).toMatchObject({ actual: 30, target: 50, gap: 20 })
    expect(local!.requiredAnnualChange).toBeCloseTo(20 / 3, 12)
  })

  describe("a missing member is never counted as zero", () => {
    const region = (i: string, p: string) => (i === "gross_output" && p === "2022" ? 7000 : undefined)
    it("大连: a total with a zone missing is incomplete, names it and gives the known part as a floor", () => {
      const value = valueLookup(rows("gross_output", "2022", { a: 3000, b: 1500 }))
      const [total, share] = trackTargets(dalianTargets(2027), { clusterIds: ["a", "b", "c"], value, region }, "2022").targets
      expect(total).toMatchObject({ status: "incomplete", actual: null, attained: null, gap: null, missing: ["c"], bound: { lower: 4500, upper: null } })
      expect(total!.text.zh).toContain("数据不全")
      expect(total!.text.zh).toContain("c")
      expect(total!.text.en).toContain("incomplete")
      expect(share).toMatchObject({ status: "incomplete", actual: null, attained: null, missing: ["c"] })
      expect(share!.bound!.lower).toBeCloseTo(4500 / 7000, 12)
    })

    it("大连: a floor already at the target attains it; just below it stays undecided", () => {
      const at = valueLookup(rows("gross_output", "2022", { a: 8000, b: 800 }))
      expect(trackTargets(dalianTargets(2027), { clusterIds: ["a", "b", "c"], value: at, region }, "2022").targets[0]).toMatchObject({
        status: "attained",
        attained: true,
        bound: { lower: 8800 },
      })
      const below = valueLookup(rows("gross_output", "2022", { a: 8000, b: 799.99 }))
      expect(trackTargets(dalianTargets(2027), { clusterIds: ["a", "b", "c"], value: below, region }, "2022").targets[0]).toMatchObject({
        status: "incomplete",
        attained: null,
      })
    })

    it("衡水: a count with missing zones is decided only when its bounds agree", () => {
      const ids = ["a", "b", "c", "d"]
      // Two known above 100亿, two missing: between 2 and 4 against 3, undecided.
      const two = trackTargets(hengshuiTargets(2025), { clusterIds: ids, value: valueLookup(rows("revenue", "2023", { a: 120, b: 101 })) }, "2023")
      expect(two.targets[0]).toMatchObject({ status: "incomplete", actual: null, attained: null, bound: { lower: 2, upper: 4 }, missing: ["c", "d"] })
      // Three known above: attained whatever the missing one holds.
      const three = trackTargets(hengshuiTargets(2025), { clusterIds: ids, value: valueLookup(rows("revenue", "2023", { a: 120, b: 101, c: 100.5 })) }, "2023")
      expect(three.targets[0]).toMatchObject({ status: "attained", attained: true, bound: { lower: 3, upper: 4 } })
      // None above and one missing: at most 1 of 3, short whatever it holds.
      const none = trackTargets(hengshuiTargets(2025), { clusterIds: ids, value: valueLookup(rows("revenue", "2023", { a: 10, b: 100, c: 20 })) }, "2023")
      expect(none.targets[0]).toMatchObject({ status: "short", attained: false, bound: { lower: 0, upper: 1 } })
    })

    it("陕西: the mean local supply ratio of the zones that reported is not the whole: incomplete", () => {
      const value = valueLookup([
        ...rows("revenue", "2020", { a: 60, b: 40 }),
        ...rows("revenue", "2022", { a: 90, b: 60 }),
        ...rows("local_supply_ratio", "2022", { a: 20 }),
      ])
      const local = trackTargets(shaanxiTargets(2020, 2028), { clusterIds: ["a", "b"], value }, "2022").targets.find((x) => x.id === "local_supply")
      expect(local).toMatchObject({ status: "incomplete", actual: null, attained: null, missing: ["b"] })
      expect(local!.text.zh).toContain("不代表全体")
    })

    it("complete data keep their status: attained or short, no bound", () => {
      const value = valueLookup(rows("gross_output", "2022", { a: 3000, b: 1500, c: 1000 }))
      const [total] = trackTargets(dalianTargets(2027), { clusterIds: ["a", "b", "c"], value, region }, "2022").targets
      expect(total).toMatchObject({ status: "short", bound: null, actual: 5500 })
    })
  })
})
