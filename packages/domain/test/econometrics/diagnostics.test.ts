import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { type LMTests, lmMoranTest, lmTests, olsFormula, recommendModel, spatialDiagnostics, subsetWeights } from "../../src/econometrics/regression/index.js"
import { alignWeights } from "../../src/econometrics/weights/align.js"
import { weightsFromLinks } from "../../src/econometrics/weights/links.js"
import { parseCsv } from "../../src/io/csv.js"

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ols/${name}`, import.meta.url), "utf8")
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12)

interface Test {
  statistic: number
  p: number
  df: number
}
interface Golden {
  formula: string
  ids: string[]
  neighbours: number[][]
  style: "W"
  diagnostics: {
    moran: { I: number; expected: number; variance: number; z: number; p: number }
    LMerr: Test
    LMlag: Test
    RLMerr: Test
    RLMlag: Test
    SARMA: Test
  }
}

const cases: Array<[string, string]> = [
  ["columbus", "columbus.csv"],
  ["columbus_missing", "columbus_missing.csv"],
  ["boston", "boston.csv"],
  ["nc_sids", "nc_sids.csv"],
]

describe("residual diagnostics against spdep lm.morantest and lm.LMtests", () => {
  for (const [name, csv] of cases)
    it(name, () => {
      const g = JSON.parse(fixture(`${name}.json`)) as Golden
      const { frame, fit } = olsFormula(parseCsv(fixture(csv)), g.formula)
      const full = weightsFromLinks(
        g.ids,
        g.neighbours.map((v) => v.map((j) => j - 1)),
        undefined,
        g.style,
      )
      const w = subsetWeights(full, frame.rows)
      const m = lmMoranTest(fit, w)
      const d = g.diagnostics
      expect(rel(m.I, d.moran.I)).toBeLessThan(1e-8)
      expect(rel(m.expected, d.moran.expected)).toBeLessThan(1e-8)
      expect(rel(m.variance, d.moran.variance)).toBeLessThan(1e-8)
      expect(rel(m.z, d.moran.z)).toBeLessThan(1e-7)
      expect(rel(m.p, d.moran.p)).toBeLessThan(1e-6)
      const t = lmTests(fit, w)
      const pairs: Array<[keyof LMTests, Test]> = [
        ["lmError", d.LMerr],
        ["lmLag", d.LMlag],
        ["robustLmError", d.RLMerr],
        ["robustLmLag", d.RLMlag],
        ["sarma", d.SARMA],
      ]
      for (const [k, r] of pairs) {
        expect(rel(t[k].statistic, r.statistic)).toBeLessThan(1e-6)
        expect(t[k].df).toBe(r.df)
        expect(Math.abs(t[k].p - r.p)).toBeLessThan(1e-12 + 1e-6 * r.p)
      }
    })
})

describe("row order does not matter", () => {
  it("boston: permuted rows with weights aligned by id give the same diagnostics", () => {
    const g = JSON.parse(fixture("boston.json")) as Golden
    const t = parseCsv(fixture("boston.csv"))
    const order = t.rows.map((_, i) => i).reverse()
    for (let i = 0; i < order.length; i += 7) [order[i], order[(i * 31) % order.length]] = [order[(i * 31) % order.length]!, order[i]!]
    const shuffled = { columns: t.columns, rows: order.map((i) => t.rows[i]!) }
    const full = weightsFromLinks(
      g.ids,
      g.neighbours.map((v) => v.map((j) => j - 1)),
      undefined,
      "W",
    )
    const ids = shuffled.rows.map((r) => String(r.id))
    const { fit } = olsFormula(shuffled, g.formula)
    const d = spatialDiagnostics(fit, alignWeights(full, ids))
    expect(rel(d.moran.I, g.diagnostics.moran.I)).toBeLessThan(1e-8)
    expect(rel(d.lm.lmLag.statistic, g.diagnostics.LMlag.statistic)).toBeLessThan(1e-6)
    expect(rel(d.lm.robustLmError.statistic, g.diagnostics.RLMerr.statistic)).toBeLessThan(1e-6)
  })
})

describe("model recommendation (Anselin's decision rule, alpha 0.05)", () => {
  const t = (lmErr: number, lmLag: number, rErr: number, rLag: number): LMTests => {
    const x = (p: number, statistic = 1) => ({ statistic, df: 1, p })
    return { lmError: x(lmErr), lmLag: x(lmLag), robustLmError: x(rErr, 1 / rErr), robustLmLag: x(rLag, 1 / rLag), sarma: x(0.5) }
  }
  it("follows the rule", () => {
    expect(recommendModel(t(0.3, 0.4, 0.5, 0.5)).model).toBe("ols")
    expect(recommendModel(t(0.3, 0.01, 0.5, 0.5)).model).toBe("lag")
    expect(recommendModel(t(0.01, 0.3, 0.5, 0.5)).model).toBe("error")
    expect(recommendModel(t(0.01, 0.01, 0.02, 0.5)).model).toBe("error")
    expect(recommendModel(t(0.01, 0.01, 0.5, 0.02)).model).toBe("lag")
    // both robust significant: the larger robust statistic (smaller p here)
    expect(recommendModel(t(0.01, 0.01, 0.001, 0.02)).model).toBe("error")
  })
  it("columbus: both LM significant, only robust LM-lag near significant → lag", () => {
    const g = JSON.parse(fixture("columbus.json")) as Golden
    const { fit } = olsFormula(parseCsv(fixture("columbus.csv")), g.formula)
    const w = weightsFromLinks(
      g.ids,
      g.neighbours.map((v) => v.map((j) => j - 1)),
      undefined,
      "W",
    )
    const r = spatialDiagnostics(fit, w).recommendation
    // LMerr p 0.032, LMlag p 0.005, RLMerr p 0.85, RLMlag p 0.07: neither robust significant → larger robust (lag)
    expect(r.model).toBe("lag")
    expect(r.reason.zh).toContain("空间滞后模型")
  })
})
