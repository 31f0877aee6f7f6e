import { describe, expect, it } from "vitest"
import { baseRelativePoints, jiangsuRule } from "../../src/assessment/index.js"

// Item worth 10 points, base 100: matching the base earns 8 (80 %), each 5 % above adds 1, bonus ≤ 5 (50 %).
describe("Jiangsu base-relative scoring", () => {
  it("matching the base earns 80 % of the item's points", () => {
    expect(baseRelativePoints(100, 100, 10)!.points).toBe(8)
  })
  it("10 % above the base: two 5 % steps → 8 + 2 = 10", () => {
    expect(baseRelativePoints(110, 100, 10)!.points).toBeCloseTo(10, 12)
  })
  it("25 % above the base: five steps → 13 (the cap of 5 reached exactly)", () => {
    const s = baseRelativePoints(125, 100, 10)!
    expect(s.points).toBeCloseTo(13, 12)
  })
  it("50 % above: ten steps would add 10, capped at 50 % of 10 = 5 → 13", () => {
    const s = baseRelativePoints(150, 100, 10)!
    expect(s.points).toBe(13)
    expect(s.capped).toBe(true)
  })
  it("12 % above: proportional gives 8 + 2.4 = 10.4; whole steps give 8 + 2 = 10", () => {
    expect(baseRelativePoints(112, 100, 10)!.points).toBeCloseTo(10.4, 12)
    expect(baseRelativePoints(112, 100, 10, { ...jiangsuRule, steps: "whole_steps" })!.points).toBe(10)
  })
  it("exactly 15 % above counts three whole steps despite binary rounding (1.15 − 1 = 0.1499…)", () => {
    expect(baseRelativePoints(115, 100, 10, { ...jiangsuRule, steps: "whole_steps" })!.points).toBe(11)
  })
  it("below the base earns proportionally less: 90 of 100 → 8 × 0.9 = 7.2", () => {
    expect(baseRelativePoints(90, 100, 10)!.points).toBeCloseTo(7.2, 12)
  })
  it("a negative indicator improves when it falls: energy 0.8 against a base of 1.0 → r = 1.25 → 8 + 5 = 13", () => {
    expect(baseRelativePoints(0.8, 1, 10, jiangsuRule, "negative")!.points).toBeCloseTo(13, 12)
  })
  it("a 20-point item (the cap is 10): 30 % above → 16 + 6 = 22", () => {
    expect(baseRelativePoints(130, 100, 20)!.points).toBeCloseTo(22, 12)
  })
  it("no usable base → undefined", () => {
    expect(baseRelativePoints(100, 0, 10)).toBeUndefined()
  })
})
