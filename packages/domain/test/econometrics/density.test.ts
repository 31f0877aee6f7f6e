import { describe, expect, it } from "vitest"
import { bandwidthNrd0, kernelDensity, quantileSorted } from "../../src/econometrics/distribution/index.js"
import { readJson } from "./weightsFixtures.js"

interface Case {
  values: number[]
  n: number
  bandwidth: number
  bw_nrd0: number
  x: number[]
  y: number[]
  exact: number[]
}
const fixture = readJson<{ r_version: string; cases: Record<string, Case> }>("distribution/density.json")

describe("kernel density against R density() defaults (bw.nrd0, 512 points, cut 3)", () => {
  for (const [name, R] of Object.entries(fixture.cases)) {
    it(`${name} (n = ${R.n}): bandwidth and grid to 1e-12, density to 1e-9 relative or 1e-13 of the peak`, () => {
      const d = kernelDensity(R.values)
      expect(d.n).toBe(R.n)
      expect(Math.abs(d.bandwidth / R.bandwidth - 1)).toBeLessThan(1e-12)
      expect(Math.abs(bandwidthNrd0(R.values) / R.bw_nrd0 - 1)).toBeLessThan(1e-12)
      expect(d.x).toHaveLength(512)
      const peak = Math.max(...R.y)
      let worstRel = 0
      for (let t = 0; t < 512; t++) {
        expect(Math.abs(d.x[t]! - R.x[t]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(R.x[t]!)))
        const err = Math.abs(d.y[t]! - R.y[t]!)
        // R's FFT leaves rounding noise of about 1e-17 where the density is nearly 0.
        if (!(err <= 1e-9 * R.y[t]! || err <= 1e-13 * peak)) throw new Error(`${name} y[${t}]: ${d.y[t]} vs R ${R.y[t]}`)
        if (R.y[t]! > 1e-6 * peak) worstRel = Math.max(worstRel, err / R.y[t]!)
      }
      expect(worstRel).toBeLessThan(1e-9)
    })
  }

  it("second route: the binned estimate is within 1 % of the peak of the exact kernel sum", () => {
    for (const R of Object.values(fixture.cases)) {
      const d = kernelDensity(R.values)
      const peak = Math.max(...R.exact)
      for (let t = 0; t < 512; t++) expect(Math.abs(d.y[t]! - R.exact[t]!)).toBeLessThan(0.01 * peak)
    }
  })

  it("integrates to about 1 over the grid (trapezoid)", () => {
    const d = kernelDensity(fixture.cases.lognormal!.values)
    let area = 0
    for (let t = 1; t < 512; t++) area += ((d.y[t]! + d.y[t - 1]!) / 2) * (d.x[t]! - d.x[t - 1]!)
    expect(Math.abs(area - 1)).toBeLessThan(0.005)
  })

  it("type-7 quantiles as R quantile()", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 15)
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantileSorted([7], 0.9)).toBe(7)
  })

  it("bad input: a constant variable, one value, a missing value", () => {
    expect(() => kernelDensity([3, 3, 3])).toThrow(expect.objectContaining({ code: "constant_variable" }))
    expect(() => kernelDensity([3])).toThrow(expect.objectContaining({ code: "too_few_values" }))
    expect(() => kernelDensity([3, Number.NaN, 4])).toThrow(expect.objectContaining({ code: "not_finite", message: expect.stringContaining("value 2") }))
  })
})
