import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { fromRows } from "../../src/econometrics/linalg/index.js"
import { ols, olsFormula } from "../../src/econometrics/regression/index.js"
import { parseCsv } from "../../src/io/csv.js"
import type { InputError } from "../../src/model/errors.js"

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ols/${name}`, import.meta.url), "utf8")

interface Golden {
  formula: string
  n_dropped: number
  dropped_rows: number[]
  ols: {
    names: string[]
    estimate: number[]
    se: number[]
    t: number[]
    p: number[]
    sigma2: number
    r2: number
    adj_r2: number
    logLik: number
    aic: number
    df_residual: number
    n: number
    residuals: number[]
    fstatistic: number[]
  }
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12)

const cases: Array<[string, string]> = [
  ["columbus", "columbus.csv"],
  ["columbus_missing", "columbus_missing.csv"],
  ["boston", "boston.csv"],
  ["nc_sids", "nc_sids.csv"],
]

describe("OLS against R's lm / summary.lm / logLik / AIC", () => {
  for (const [name, csv] of cases)
    it(name, () => {
      const g = JSON.parse(fixture(`${name}.json`)) as Golden
      const { frame, fit } = olsFormula(parseCsv(fixture(csv)), g.formula)
      expect(frame.nDropped).toBe(g.n_dropped)
      expect(frame.dropped).toEqual(g.dropped_rows)
      expect(fit.names).toEqual(g.ols.names.map((s) => s.replace(/\s+/g, "")))
      expect(fit.n).toBe(g.ols.n)
      expect(fit.dfResidual).toBe(g.ols.df_residual)
      fit.coefficients.forEach((c, j) => {
        expect(rel(c.estimate, g.ols.estimate[j]!)).toBeLessThan(1e-6)
        expect(rel(c.se, g.ols.se[j]!)).toBeLessThan(1e-5)
        expect(rel(c.t, g.ols.t[j]!)).toBeLessThan(1e-6)
        expect(Math.abs(c.p - g.ols.p[j]!)).toBeLessThan(1e-9 + 1e-6 * g.ols.p[j]!)
      })
      expect(rel(fit.sigma2, g.ols.sigma2)).toBeLessThan(1e-8)
      expect(rel(fit.r2, g.ols.r2)).toBeLessThan(1e-8)
      expect(rel(fit.adjR2, g.ols.adj_r2)).toBeLessThan(1e-8)
      expect(rel(fit.logLik, g.ols.logLik)).toBeLessThan(1e-8)
      expect(rel(fit.aic, g.ols.aic)).toBeLessThan(1e-8)
      expect(rel(fit.fStatistic.statistic, g.ols.fstatistic[0]!)).toBeLessThan(1e-6)
      fit.residuals.forEach((r, i) => {
        expect(Math.abs(r - g.ols.residuals[i]!)).toBeLessThan(1e-8)
      })
    })

  it("gives the same estimates whatever the row order (permutation property)", () => {
    const t = parseCsv(fixture("boston.csv"))
    const g = JSON.parse(fixture("boston.json")) as Golden
    // deterministic shuffle (LCG) so the test is reproducible
    const order = t.rows.map((_, i) => i)
    let s = 12345
    for (let i = order.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648
      const j = s % (i + 1)
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    const shuffled = { columns: t.columns, rows: order.map((i) => t.rows[i]!) }
    const a = olsFormula(t, g.formula).fit
    const b = olsFormula(shuffled, g.formula).fit
    a.coefficients.forEach((c, j) => {
      expect(rel(b.coefficients[j]!.estimate, c.estimate)).toBeLessThan(1e-9)
      expect(rel(b.coefficients[j]!.se, c.se)).toBeLessThan(1e-9)
    })
  })

  it("refuses a singular design, naming the collinear terms", () => {
    const x = fromRows([
      [1, 1, 2],
      [1, 2, 4],
      [1, 3, 6],
      [1, 5, 10],
      [1, 4, 8],
    ])
    let err: InputError | undefined
    try {
      ols(x, Float64Array.of(1, 2, 2, 4, 5), ["(Intercept)", "a", "b"])
    } catch (e) {
      err = e as InputError
    }
    expect(err?.code).toBe("singular_design")
    expect(err?.message).toContain('"b" is collinear with "a"')
    expect(err?.zh).toContain("共线")
  })
})
