import { describe, expect, it } from "vitest"
import { fiscalIncentive, henanFiscalIncentive, valueLookup } from "../../src/assessment/index.js"

const taxes: Record<string, [number, number, number | null]> = {
  "2009": [2, 1, 1], // base: 4, provincial (25 %) 1.0
  "2010": [3, 1, 1], // 5 → 1.25 → returned 0.25
  "2011": [4, 1.5, 1.5], // 7 → 1.75 → 0.75
  "2012": [3, 0.5, 0.3], // 3.8 → 0.95 → below base: 0
  "2013": [5, 1, 2], // 8 → 2.0; increase over 2012's 0.95 → 1.05
  "2014": [5, 1, 1.6], // 7.6 → 1.9; a decrease → 0
  "2015": [6, 1, null], // corporate income tax missing
}
const value = valueLookup(
  Object.entries(taxes).flatMap(([year, [vat, bt, cit]]) => [
    { clusterId: "z", indicator: "vat", period: year, value: vat },
    { clusterId: "z", indicator: "business_tax", period: year, value: bt },
    ...(cit === null ? [] : [{ clusterId: "z", indicator: "corporate_income_tax", period: year, value: cit }]),
  ]),
)

describe("核定基数、超收全返、一定三年", () => {
  const [zone] = fiscalIncentive(henanFiscalIncentive(0.25), ["z"], value)
  it("fixes the 2009 base from VAT + business tax + corporate income tax", () => {
    expect(zone!.base.total).toBe(4)
    expect(zone!.base.provincialPart).toBe(1)
  })
  it("returns the provincial share above the base in full, 2010–2012", () => {
    const full = zone!.years.filter((y) => y.rule === "full_return_above_base")
    expect(full.map((y) => y.year)).toEqual([2010, 2011, 2012])
    expect(full[0]!.returned).toBeCloseTo(0.25, 12)
    expect(full[1]!.returned).toBeCloseTo(0.75, 12)
    expect(full[2]!.returned).toBe(0)
    expect(full[0]!.arithmetic.zh).toContain("(3 + 1 + 1) × 25% = 1.25")
    expect(full[0]!.arithmetic.en).toContain("max(0, 1.25 − 1) = 0.25")
  })
  it("returns the year-on-year increase of the provincial share, 2013–2015; a missing year is reported, not zeroed", () => {
    const inc = zone!.years.filter((y) => y.rule === "increase_return")
    expect(inc[0]!.returned).toBeCloseTo(1.05, 12)
    expect(inc[1]!.returned).toBe(0)
    expect(inc[2]).toMatchObject({ year: 2015, status: "missing", returned: null })
    expect(inc[2]!.arithmetic.en).toContain("corporate_income_tax 2015")
    expect(zone!.missingYears).toEqual([2015])
    // The total is missing with 2015; what is known is a floor.
    expect(zone!.totalReturned).toBeNull()
    expect(zone!.totalStatus).toBe("missing")
    expect(zone!.knownReturned).toBeCloseTo(0.25 + 0.75 + 1.05, 12)
  })
  it("takes one provincial share per tax", () => {
    const [z] = fiscalIncentive(henanFiscalIncentive({ vat: 0.25, business_tax: 0, corporate_income_tax: 0.4 }), ["z"], value)
    // base 0.25·2 + 0 + 0.4·1 = 0.9; 2010: 0.75 + 0 + 0.4 = 1.15 → 0.25.
    expect(z!.base.provincialPart).toBeCloseTo(0.9, 12)
    expect(z!.years[0]!.returned).toBeCloseTo(0.25, 12)
  })
  it("refuses a share outside [0, 1]", () => {
    expect(() => fiscalIncentive(henanFiscalIncentive(1.5), ["z"], value)).toThrow(/between 0 and 1/)
  })
})
