import { describe, expect, it } from "vitest"
import { builtInSchemes, builtInStarLadders, serviceTwoZonesStarLadder as ladder, rateStars } from "../../src/assessment/index.js"

const of = (va?: number, tax?: number, emp?: number) => (c: string) => ({ value_added: va, tax_total: tax, employment: emp })[c]

describe("rateStars on the service two-zones ladder", () => {
  it("exactly at the one-star thresholds is one star (≥)", () => {
    expect(rateStars(ladder, of(5, 0.75, 0.3)).stars).toBe(1)
  })
  it("all thresholds of a level must hold: six-star value added with one-star tax is one star", () => {
    const r = rateStars(ladder, of(120, 0.8, 7))
    expect(r.stars).toBe(1)
    expect(r.next!.shortfalls.map((s) => [s.indicator, s.required])).toEqual([["tax_total", 1.37]])
  })
  it("six stars at the top: no next level", () => {
    const r = rateStars(ladder, of(100, 15, 6), 5)
    expect(r).toMatchObject({ stars: 6, movement: "promoted", next: null })
  })
  it("entry met but not one star: 0 stars; below entry: not rated, demoted when it held stars", () => {
    expect(rateStars(ladder, of(2, 0.3, 0.12)).stars).toBe(0)
    const r = rateStars(ladder, of(2, 0.29, 0.12), 0)
    expect(r).toMatchObject({ stars: null, status: "below_entry", movement: "demoted" })
    expect(r.entryShortfalls[0]!.shortfall).toBeCloseTo(0.01, 12)
    expect(rateStars(ladder, of(1, 0.3, 0.12)).movement).toBe("not_rated")
  })
  it("missing data is not zero: unrated unless what is present already fails the entry threshold", () => {
    expect(rateStars(ladder, of(50, undefined, 1))).toMatchObject({ stars: null, status: "missing_data", movement: "unknown" })
    expect(rateStars(ladder, of(1, undefined, 1)).status).toBe("below_entry")
  })
  it("built-ins are listed by id", () => {
    expect(Object.keys(builtInSchemes)).toEqual(["henan-2017", "henan-service-two-zones", "jiju-industrial", "jiju-service", "jiju-financial", "jiju-shipping"])
    expect(builtInStarLadders["henan-service-two-zones-2016"]).toBe(ladder)
  })
})
