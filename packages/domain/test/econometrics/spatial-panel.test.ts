// Fixed-effects spatial panels (Elhorst 2003/2014) against the reference written in R from the formulas
// (scripts/golden/spatial.R: demeaning, optimize() on the concentrated log-likelihood, analytic
// information matrix) — splm is not installable here. Simulated 49 Columbus tracts × 8 periods.
import { describe, expect, it } from "vitest"
import { eigenLogDeterminant, sparseLogDeterminant } from "../../src/econometrics/spatial/LogDeterminant.js"
import { fitSpatialPanel } from "../../src/econometrics/spatial/SpatialPanel.js"
import { compareFit, fixture, matrixFrom, type RFit, weightsFrom } from "./spatialRegressionFixtures.js"

interface PanelFixture {
  N: number
  T: number
  names: string[]
  unit: number[]
  time: number[]
  X: number[][]
  y_lag: number[]
  y_error: number[]
  neighbours: Array<number[] | number>
  fits: Record<string, RFit>
}

const f = fixture<PanelFixture>("columbus_panel")
const weights = weightsFrom(f.neighbours)
const X = matrixFrom(f.X)
const eigen = eigenLogDeterminant(weights)
const TOL = { coef: 1e-6, se: 1e-5, logLik: 1e-8 }

describe("fixed-effects spatial panel", () => {
  for (const model of ["lag", "error"] as const)
    for (const effects of ["twoways", "individual", "time"] as const)
      it(`${model} model, ${effects} effects, matches the R reference`, () => {
        const fit = fitSpatialPanel({
          y: model === "lag" ? f.y_lag : f.y_error,
          X,
          names: f.names,
          unit: f.unit,
          period: f.time,
          weights,
          model,
          effects,
          logDet: eigen,
        })
        expect(fit.units).toBe(f.N)
        expect(fit.periods).toBe(f.T)
        expect(fit.n).toBe(f.N * f.T)
        compareFit(fit, f.fits[`${model}_${effects}`]!, TOL, `${model} ${effects}`)
      })

  it("gives the same fit whatever the row order, and with the sparse log-determinant", () => {
    const order = f.unit.map((_, i) => i).reverse()
    const pick = <T>(a: T[]) => order.map((i) => a[i]!)
    const fit = fitSpatialPanel({
      y: pick(f.y_lag),
      X: matrixFrom(pick(f.X)),
      names: f.names,
      unit: pick(f.unit).map(String),
      period: pick(f.time),
      weights,
      model: "lag",
      logDet: sparseLogDeterminant(weights),
      interval: eigen.interval,
    })
    compareFit(fit, f.fits.lag_twoways!, TOL, "reordered sparse")
    // Residuals come back in the input order; two-way demeaned residuals sum to zero within each unit.
    const unit0 = pick(f.unit)
      .map((u, i) => (u === 0 ? fit.residuals[i]! : 0))
      .reduce((a, b) => a + b, 0)
    expect(Math.abs(unit0)).toBeLessThan(1e-10)
    expect(Math.abs(pick(f.y_lag)[5]! - fit.fitted[5]! - fit.residuals[5]!)).toBeLessThan(1e-12)
  })

  it("rejects unbalanced panels and unknown units", () => {
    expect(() =>
      fitSpatialPanel({
        y: f.y_lag.slice(1),
        X: matrixFrom(f.X.slice(1)),
        names: f.names,
        unit: f.unit.slice(1),
        period: f.time.slice(1),
        weights,
        model: "lag",
      }),
    ).toThrow(expect.objectContaining({ code: "unbalanced_panel" }))
    const units = f.unit.map(String)
    units[0] = "nowhere"
    expect(() => fitSpatialPanel({ y: f.y_lag, X, names: f.names, unit: units, period: f.time, weights, model: "error" })).toThrow(
      expect.objectContaining({ code: "unknown_unit" }),
    )
  })
})
