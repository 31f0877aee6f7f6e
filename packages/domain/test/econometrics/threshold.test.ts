import { describe, expect, it } from "vitest"
import { panelIndex } from "../../src/econometrics/panel/PanelIndex.js"
import { demeanByUnit, panelThreshold, profileSsr, type ThresholdPanel, thresholdGrid } from "../../src/econometrics/threshold/index.js"
import { numericColumn, stringColumn } from "../../src/io/columns.js"
import { readCsv, readJson } from "./weightsFixtures.js"

interface RThreshold {
  order: number
  estimate: number
  ci_low: number
  ci_high: number
  ssr: number
  f_statistic: number
  p: number
  critical: number[]
}
interface RCase {
  units: number
  periods: number
  n: number
  trim: number
  min_regime: number
  candidates: number
  ssr_linear: number
  lr_critical: number
  thresholds: RThreshold[]
  stage_profiles: Array<Array<number | null>>
  final_profiles: Array<Array<number | null>>
  candidate_values: number[]
  coefficients: Array<{ name: string; estimate: number; se: number; cluster_se: number }>
  bootstrap: number
}
const fixture = readJson<Record<string, RCase>>("threshold/threshold.json")

const produc = (): ThresholdPanel => {
  const d = readCsv("threshold/produc.csv")
  return {
    index: panelIndex(stringColumn(d, "state"), stringColumn(d, "year")),
    y: numericColumn(d, "gsp").map(Math.log),
    z: [numericColumn(d, "lpc"), numericColumn(d, "emp").map(Math.log)],
    zNames: ["lpc", "lemp"],
    x: [numericColumn(d, "lpcap")],
    xNames: ["lpcap"],
    q: numericColumn(d, "unemp"),
  }
}

const rel = (a: number, b: number, what: string, tol = 1e-9) => {
  if (!(Math.abs(a - b) <= tol * Math.max(1e-12, Math.abs(b)))) throw new Error(`${what}: ${a} vs R ${b}`)
}

const compareProfile = (got: Float64Array, R: Array<number | null>, what: string) => {
  expect(got.length).toBe(R.length)
  R.forEach((v, c) => {
    if (v === null) expect(Number.isNaN(got[c]!), `${what} candidate ${c} should be excluded`).toBe(true)
    else rel(got[c]!, v, `${what} candidate ${c}`)
  })
}

describe("Hansen threshold regression against the R reference (brute-force within regressions, plm)", () => {
  const panel = produc()

  it("the one-pass SSR grid equals brute-force within regressions at every candidate (1e-9)", () => {
    for (const R of Object.values(fixture)) {
      const grid = thresholdGrid(panel.q, panel.x, panel.index.unit, R.units, R.periods, R.trim)
      expect([...grid.values]).toEqual(R.candidate_values)
      expect(grid.minRegime).toBe(R.min_regime)
      const unit = panel.index.unit
      const y = demeanByUnit(panel.y, unit, R.units)
      const base = [...panel.z, ...panel.x].map((c) => demeanByUnit(c, unit, R.units))
      compareProfile(profileSsr(grid, base, y, []).ssr, R.stage_profiles[0]!, "stage 1")
    }
  })

  for (const [key, R] of Object.entries(fixture)) {
    it(`${key}: thresholds, confidence intervals, F statistics, coefficients as R and plm`, () => {
      const r = panelThreshold(panel, { thresholds: R.thresholds.length, trim: R.trim, bootstrap: 0 })
      expect(r.units).toBe(R.units)
      expect(r.candidates).toBe(R.candidates)
      expect(r.minRegime).toBe(R.min_regime)
      rel(r.ssrLinear, R.ssr_linear, "S0")
      rel(r.lrCritical, R.lr_critical, "c(α)", 1e-14)
      r.thresholds.forEach((t, k) => {
        const Rt = R.thresholds[k]!
        expect(t.order).toBe(Rt.order)
        expect(t.estimate, `${key} γ${k + 1}`).toBe(Rt.estimate)
        expect(t.ciLow, `${key} ci low ${k + 1}`).toBe(Rt.ci_low)
        expect(t.ciHigh, `${key} ci high ${k + 1}`).toBe(Rt.ci_high)
        rel(t.ssr, Rt.ssr, `${key} S${k + 1}`)
        rel(t.fStatistic, Rt.f_statistic, `${key} F${k + 1}`, 1e-7)
        expect(t.p).toBeNull()
      })
      expect(r.fit.names).toEqual(R.coefficients.map((c) => c.name))
      r.fit.coefficients.forEach((c, j) => {
        rel(c.estimate, R.coefficients[j]!.estimate, `${key} ${c.name}`, 1e-8)
        rel(c.se, R.coefficients[j]!.se, `${key} se ${c.name}`, 1e-8)
        rel(c.clusterSe, R.coefficients[j]!.cluster_se, `${key} cluster se ${c.name}`, 1e-8)
      })
      expect(r.regimes.reduce((s, g) => s + g.count, 0)).toBe(R.n)
      for (const g of r.regimes) expect(g.count).toBeGreaterThanOrEqual(R.min_regime)
    })
  }

  it("later stages: the SSR profiles given the earlier thresholds equal R's brute force", () => {
    const R = fixture.produc_3!
    const grid = thresholdGrid(panel.q, panel.x, panel.index.unit, R.units, R.periods, R.trim)
    const unit = panel.index.unit
    const y = demeanByUnit(panel.y, unit, R.units)
    const base = [...panel.z, ...panel.x].map((c) => demeanByUnit(c, unit, R.units))
    const at = (g: number) => [...grid.values].indexOf(g)
    // The stage estimates are the argmins of the stage profiles.
    const found: number[] = []
    R.stage_profiles.forEach((profile, k) => {
      const F = [
        ...base,
        ...found.flatMap((c) =>
          grid.x.map((col) =>
            demeanByUnit(
              Float64Array.from(col, (v, i) => (panel.q[i]! <= grid.values[c]! ? v : 0)),
              unit,
              R.units,
            ),
          ),
        ),
      ]
      const got = profileSsr(grid, F, y, found)
      compareProfile(got.ssr, profile, `stage ${k + 1}`)
      found.push(got.best)
    })
    expect(grid.values[found[2]!]).toBe(R.thresholds[2]!.estimate)
    expect(at(R.thresholds[2]!.estimate)).toBe(found[2])
  })

  it("bootstrap: reproducible by seed; p and critical values within Monte Carlo error of R's", { timeout: 60_000 }, () => {
    const R = fixture.produc_1!
    const a = panelThreshold(panel, { thresholds: 1, trim: R.trim, bootstrap: 1000, seed: 5 })
    const b = panelThreshold(panel, { thresholds: 1, trim: R.trim, bootstrap: 1000, seed: 5 })
    expect(a.thresholds[0]!.p).toBe(b.thresholds[0]!.p)
    expect(a.thresholds[0]!.critical).toEqual(b.thresholds[0]!.critical)
    const Rp = R.thresholds[0]!.p
    const se = Math.sqrt(Rp * (1 - Rp) * (1 / R.bootstrap + 1 / 1000))
    expect(Math.abs(a.thresholds[0]!.p! - Rp)).toBeLessThan(4 * se)
    const c = a.thresholds[0]!.critical!
    expect(Math.abs(c.p5 / R.thresholds[0]!.critical[1]! - 1)).toBeLessThan(0.2)
    expect(c.p10).toBeLessThan(c.p5)
    expect(c.p5).toBeLessThan(c.p1)
  })

  it("three thresholds with the bootstrap: p-values within Monte Carlo error of R's", { timeout: 60_000 }, () => {
    const R = fixture.produc_3!
    const r = panelThreshold(panel, { thresholds: 3, trim: R.trim, bootstrap: 300, seed: 2 })
    r.thresholds.forEach((t, k) => {
      const Rp = R.thresholds[k]!.p
      const se = Math.sqrt(Math.max(Rp * (1 - Rp), 0.01) * (1 / R.bootstrap + 1 / 300))
      expect(Math.abs(t.p! - Rp), `p${k + 1}: ${t.p} vs R ${Rp}`).toBeLessThan(4 * se)
    })
  })
})

describe("bad input for the threshold regression", () => {
  const panel = produc()
  it("fewer candidates than the trim allows", () => {
    expect(() => panelThreshold(panel, { thresholds: 3, trim: 0.3, bootstrap: 0 })).toThrow(
      expect.objectContaining({ code: "too_few_candidates", message: expect.stringContaining("threshold 3") }),
    )
    const flat = { ...panel, q: Float64Array.from(panel.q, (v) => (v > 6 ? 1 : 0)) }
    expect(() => panelThreshold(flat, { thresholds: 2, trim: 0.05, bootstrap: 0 })).toThrow(expect.objectContaining({ code: "too_few_candidates" }))
  })
  it("an unbalanced panel; a bad number of thresholds or trim", () => {
    const keep = Int32Array.from({ length: panel.y.length - 1 }, (_, i) => i)
    const d = readCsv("threshold/produc.csv")
    const states = stringColumn(d, "state")
    const years = stringColumn(d, "year")
    const unbalanced: ThresholdPanel = {
      ...panel,
      index: panelIndex(
        [...keep].map((i) => states[i]!),
        [...keep].map((i) => years[i]!),
      ),
      y: panel.y.subarray(0, keep.length),
      z: panel.z.map((c) => c.subarray(0, keep.length)),
      x: panel.x.map((c) => c.subarray(0, keep.length)),
      q: panel.q.subarray(0, keep.length),
    }
    expect(() => panelThreshold(unbalanced)).toThrow(expect.objectContaining({ code: "unbalanced_panel" }))
    expect(() => panelThreshold(panel, { thresholds: 4 })).toThrow(expect.objectContaining({ code: "bad_option" }))
    expect(() => panelThreshold(panel, { trim: 0.5 })).toThrow(expect.objectContaining({ code: "bad_option" }))
  })
})
