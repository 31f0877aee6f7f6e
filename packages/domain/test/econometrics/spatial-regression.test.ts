// Cross-section spatial lag / error models against spatialreg 1.2 (lagsarlm / errorsarlm, R golden
// fixtures from scripts/golden/spatial.R; method = "eigen" for our eigen path, method = "Matrix" for our
// sparse path). Tolerances: coefficients, ρ/λ, σ², impacts 1e-6 relative; standard errors 1e-5; logLik 1e-8.
import { describe, expect, it } from "vitest"
import { ols } from "../../src/econometrics/regression/ols.js"
import { eigenLogDeterminant, sparseLogDeterminant } from "../../src/econometrics/spatial/LogDeterminant.js"
import { fitSpatialError } from "../../src/econometrics/spatial/SpatialError.js"
import { fitSpatialLag } from "../../src/econometrics/spatial/SpatialLag.js"
import { close, compareFit, fixture, matrixFrom, type RFit, weightsFrom } from "./spatialRegressionFixtures.js"

interface CrossSection {
  dataset: string
  n: number
  names: string[]
  y: number[]
  X: number[][]
  neighbours: Array<number[] | number>
  lag: Record<string, RFit>
  error: Record<string, RFit>
}

const TOL = { coef: 1e-6, se: 1e-5, logLik: 1e-8 }

const load = (name: string) => {
  const f = fixture<CrossSection>(name)
  return { f, weights: weightsFrom(f.neighbours), X: matrixFrom(f.X) }
}

describe.each(["columbus", "boston"])("%s (symmetric contiguity, row-standardised)", { timeout: 30_000 }, (name) => {
  const { f, weights, X } = load(name)
  const eigen = eigenLogDeterminant(weights)
  const sparse = sparseLogDeterminant(weights)

  it("eigen log-determinant: lag model matches lagsarlm(method = 'eigen')", () => {
    const fit = fitSpatialLag({ y: f.y, X, names: f.names, weights, logDet: eigen })
    expect(fit.method).toBe("eigen")
    expect(fit.variance).toBe("information")
    expect(fit.interval[0]).toBeCloseTo(f.lag.eigen!.interval[0], 12)
    compareFit(fit, f.lag.eigen!, TOL, `${name} lag eigen`)
  })

  it("eigen log-determinant: error model matches errorsarlm(method = 'eigen')", () => {
    const fit = fitSpatialError({ y: f.y, X, names: f.names, weights, logDet: eigen })
    compareFit(fit, f.error.eigen!, TOL, `${name} error eigen`)
  })

  it("sparse Cholesky log-determinant: lag and error match method = 'Matrix'", () => {
    const lag = fitSpatialLag({ y: f.y, X, names: f.names, weights, logDet: sparse })
    expect(lag.method).toBe("sparse")
    expect(lag.interval).toEqual([-1, 0.999])
    compareFit(lag, f.lag.Matrix!, TOL, `${name} lag Matrix`)
    const err = fitSpatialError({ y: f.y, X, names: f.names, weights, logDet: sparse })
    compareFit(err, f.error.Matrix!, TOL, `${name} error Matrix`)
  })

  it("sparse and eigen log-determinants agree over the interval", () => {
    for (const rho of [-0.9, -0.5, -0.1, 0, 0.2, 0.5, 0.8, 0.95]) {
      const a = eigen.logDet(rho)
      const b = sparse.logDet(rho)
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)))
    }
  })
})

describe("baltimore, 4 nearest neighbours (asymmetric W, complex eigenvalues)", () => {
  const { f, weights, X } = load("baltimore_knn4")

  it("uses the general eigenvalues and matches spatialreg (eigen) for lag and error", { timeout: 30_000 }, () => {
    expect(weights.symmetric).toBe(false)
    const eigen = eigenLogDeterminant(weights)
    expect(eigen.eigenvalues!.im.some((v) => v !== 0)).toBe(true)
    const lag = fitSpatialLag({ y: f.y, X, names: f.names, weights, logDet: eigen })
    expect(lag.method).toBe("eigen")
    compareFit(lag, f.lag.eigen!, TOL, "baltimore lag")
    compareFit(fitSpatialError({ y: f.y, X, names: f.names, weights, logDet: eigen }), f.error.eigen!, TOL, "baltimore error")
  })

  it("sparse LU log-determinant equals the eigenvalue one, and the fits agree with R", () => {
    const eigen = eigenLogDeterminant(weights)
    const lu = sparseLogDeterminant(weights)
    expect(lu.interval).toEqual([-1, 0.999])
    for (const rho of [-0.9, -0.3, 0.2, 0.6, 0.95]) expect(Math.abs(lu.logDet(rho) - eigen.logDet(rho))).toBeLessThan(1e-10)
    // Same optimum as R's eigen fit (the interval differs but contains it); analytic se as n ≤ 1,500.
    compareFit(fitSpatialLag({ y: f.y, X, names: f.names, weights, logDet: lu }), f.lag.eigen!, TOL, "baltimore lag LU")
    compareFit(fitSpatialError({ y: f.y, X, names: f.names, weights, logDet: lu }), f.error.eigen!, TOL, "baltimore error LU")
  })

  it("refuses the sparse path for asymmetric weights that are not row-standardised", () => {
    expect(() => sparseLogDeterminant(weightsFrom(f.neighbours, "B"))).toThrow(/symmetric/)
  })
})

describe("US counties 1980 (n = 3107, islands): sparse path, Hessian standard errors", () => {
  const { f, weights, X } = load("elect80")
  // R (n > 1,500) uses nlme::fdHess, a finite-difference Hessian; ours is the exact observed Hessian of the
  // same concentrated likelihood except for a five-point difference of log|I − ρW|. Standard errors are
  // therefore compared at 1e-3 (the accuracy of R's finite differences); estimates at 1e-6.
  it("lag and error estimates match method = 'Matrix'", { timeout: 30_000 }, () => {
    const sparse = sparseLogDeterminant(weights)
    const lag = fitSpatialLag({ y: f.y, X, names: f.names, weights, method: "auto" })
    expect(lag.method).toBe("sparse")
    expect(lag.variance).toBe("hessian")
    compareFit(lag, f.lag.Matrix!, { coef: 1e-6, se: 1e-3, logLik: 1e-8 }, "elect80 lag")
    const err = fitSpatialError({ y: f.y, X, names: f.names, weights, logDet: sparse })
    compareFit(err, f.error.Matrix!, { coef: 1e-6, se: 1e-3, logLik: 1e-8 }, "elect80 error")
    // Against the precise observed Hessian computed in R (analytic derivatives, eigenvalue log-determinant): 1e-5.
    const hl = (f.lag.Matrix as RFit & { hessianSe: { spatial: number; coefficients: Record<string, number> } }).hessianSe
    close(lag.rho.se, hl.spatial, 1e-5, "elect80 rho se vs precise Hessian")
    for (const [nm, se] of Object.entries(hl.coefficients)) close(lag.coefficients[nm]!.se, se, 1e-5, `elect80 ${nm} se vs precise Hessian`)
    const he = (f.error.Matrix as RFit & { hessianSe: { spatial: number } }).hessianSe
    close(err.lambda.se, he.spatial, 1e-5, "elect80 lambda se vs precise Hessian")
  })
})

describe("input checks", () => {
  const { f, weights, X } = load("columbus")
  it("rejects mismatched sizes and collinear regressors with coded InputErrors", () => {
    expect(() => fitSpatialLag({ y: f.y.slice(1), X, names: f.names, weights })).toThrow(expect.objectContaining({ code: "dimension_mismatch" }))
    const dup = matrixFrom(f.X.map((r) => [...r, r[1]! * 2]))
    expect(() => fitSpatialLag({ y: f.y, X: dup, names: [...f.names, "INC2"], weights })).toThrow(expect.objectContaining({ code: "singular_design" }))
    const bad = [...f.y]
    bad[3] = Number.NaN
    expect(() => fitSpatialError({ y: bad, X, names: f.names, weights })).toThrow(expect.objectContaining({ code: "not_finite" }))
  })

  it("takes the QR decomposition of an OLS fit of the same X, and refuses one of another size", () => {
    const sparse = sparseLogDeterminant(weights)
    const { qr } = ols(X, Float64Array.from(f.y), f.names)
    const given = fitSpatialLag({ y: f.y, X, names: f.names, weights, logDet: sparse, qr })
    expect(given).toEqual(fitSpatialLag({ y: f.y, X, names: f.names, weights, logDet: sparse }))
    const error = fitSpatialError({ y: f.y, X, names: f.names, weights, logDet: sparse, qr })
    expect(error).toEqual(fitSpatialError({ y: f.y, X, names: f.names, weights, logDet: sparse }))
    const narrow = ols(matrixFrom(f.X.map((r) => r.slice(0, 2))), Float64Array.from(f.y), f.names.slice(0, 2)).qr
    expect(() => fitSpatialLag({ y: f.y, X, names: f.names, weights, qr: narrow })).toThrow(RangeError)
  })

  it("warns when the optimum sits on the interval bound (as spatialreg), not otherwise", () => {
    const free = fitSpatialLag({ y: f.y, X, names: f.names, weights })
    expect(free.warnings).toEqual([])
    const capped = fitSpatialLag({ y: f.y, X, names: f.names, weights, interval: [0, 0.1] })
    expect(capped.rho.estimate).toBeCloseTo(0.1, 6)
    expect(capped.warnings.map((w) => w.code)).toEqual(["spatial_parameter_at_bound"])
  })
})

describe("large-n machinery checked at small n", () => {
  it("observed-Hessian standard errors equal a finite-difference Hessian of the concentrated log-likelihood", () => {
    const { f, weights, X } = load("columbus")
    const eigen = eigenLogDeterminant(weights)
    const fit = fitSpatialLag({ y: f.y, X, names: f.names, weights, logDet: eigen, variance: "hessian" })
    expect(fit.variance).toBe("hessian")
    // Independent check: ℓ(ρ, β) = log|I − ρW| − n/2·log(2π·SSE/n) − n/2 differentiated numerically
    // (central differences, Richardson-extrapolated), then inverted.
    const n = f.n
    const k = f.names.length
    const wy = weights.rowPtr.length - 1 === n ? lagOf(weights, f.y) : []
    const ll = (theta: number[]) => {
      const [rho, ...beta] = theta as [number, ...number[]]
      let sse = 0
      for (let i = 0; i < n; i++) {
        let xb = 0
        for (let j = 0; j < k; j++) xb += f.X[i]![j]! * beta[j]!
        const e = f.y[i]! - rho * wy[i]! - xb
        sse += e * e
      }
      return eigen.logDet(rho) - (n / 2) * Math.log((2 * Math.PI * sse) / n) - n / 2
    }
    const theta = [fit.rho.estimate, ...f.names.map((nm) => fit.coefficients[nm]!.estimate)]
    const m = k + 1
    const hess = (h: number) => {
      const H: number[][] = Array.from({ length: m }, () => new Array(m).fill(0))
      for (let a = 0; a < m; a++)
        for (let b = 0; b < m; b++) {
          const ha = h * Math.max(1, Math.abs(theta[a]!))
          const hb = h * Math.max(1, Math.abs(theta[b]!))
          const at = (sa: number, sb: number) => {
            const t = [...theta]
            t[a]! += sa * ha
            t[b]! += sb * hb
            return ll(t)
          }
          H[a]![b] = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * ha * hb)
        }
      return H
    }
    const h1 = hess(2e-4)
    const h2 = hess(1e-4)
    const H = h1.map((row, a) => row.map((v, b) => (4 * h2[a]![b]! - v) / 3))
    const V = invert(H.map((row) => row.map((v) => -v)))
    close(fit.rho.se, Math.sqrt(V[0]![0]!), 1e-4, "rho se vs numeric Hessian")
    f.names.forEach((nm, j) => {
      close(fit.coefficients[nm]!.se, Math.sqrt(V[j + 1]![j + 1]!), 1e-4, `${nm} se vs numeric Hessian`)
    })
  })

  it("exact impacts through the sparse Cholesky factor (selected inversion) equal spatialreg's eigenvalue impacts", { timeout: 30_000 }, () => {
    const { f, weights, X } = load("boston")
    const fit = fitSpatialLag({ y: f.y, X, names: f.names, weights, logDet: sparseLogDeterminant(weights), variance: "hessian" })
    expect(fit.impactsMethod).toBe("exact")
    for (const [name, imp] of Object.entries(f.lag.eigen!.impacts!)) {
      const scale = Math.abs(imp.total)
      expect(Math.abs(fit.impacts[name]!.direct - imp.direct)).toBeLessThanOrEqual(1e-6 * scale)
      expect(Math.abs(fit.impacts[name]!.indirect - imp.indirect)).toBeLessThanOrEqual(1e-6 * scale)
      expect(Math.abs(fit.impacts[name]!.total - imp.total)).toBeLessThanOrEqual(1e-6 * scale)
    }
  })
})

const lagOf = (w: { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array }, x: number[]): number[] =>
  Array.from({ length: w.rowPtr.length - 1 }, (_, i) => {
    let s = 0
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) s += w.values[p]! * x[w.colIdx[p]!]!
    return s
  })

// Gauss–Jordan inverse of a small dense matrix.
const invert = (a: number[][]): number[][] => {
  const m = a.length
  const g = a.map((row, i) => [...row, ...Array.from({ length: m }, (_, j) => (i === j ? 1 : 0))])
  for (let c = 0; c < m; c++) {
    let p = c
    for (let r = c + 1; r < m; r++) if (Math.abs(g[r]![c]!) > Math.abs(g[p]![c]!)) p = r
    ;[g[c], g[p]] = [g[p]!, g[c]!]
    const d = g[c]![c]!
    for (let j = 0; j < 2 * m; j++) g[c]![j]! /= d
    for (let r = 0; r < m; r++)
      if (r !== c) {
        const fct = g[r]![c]!
        for (let j = 0; j < 2 * m; j++) g[r]![j]! -= fct * g[c]![j]!
      }
  }
  return g.map((row) => row.slice(m))
}
