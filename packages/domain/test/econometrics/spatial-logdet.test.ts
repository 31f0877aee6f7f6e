// Log-determinants and eigenvalues against closed forms (hand-derived references, no R needed).
import { describe, expect, it } from "vitest"
import { generalEigenvalues, symmetricEigenvalues } from "../../src/econometrics/linalg/eigenvalues.js"
import { brentMaximize } from "../../src/econometrics/spatial/brent.js"
import { eigenLogDeterminant, logDeterminant, sparseLogDeterminant } from "../../src/econometrics/spatial/LogDeterminant.js"
import { fitSpatialLag } from "../../src/econometrics/spatial/SpatialLag.js"
import { fixture, matrixFrom, weightsFrom } from "./spatialRegressionFixtures.js"

const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y)

describe("eigenvalues", () => {
  it("symmetric: the [−1, 2, −1] tridiagonal matrix has eigenvalues 2 − 2cos(kπ/(n+1))", () => {
    const n = 40
    const a = new Float64Array(n * n)
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 2
      if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1
    }
    const expected = sorted(Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))))
    sorted(symmetricEigenvalues(a, n)).forEach((v, i) => {
      expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-12)
    })
  })

  it("general: complex pairs 1 ± 2i and a real 3", () => {
    const e = generalEigenvalues(Float64Array.of(1, 2, 0, -2, 1, 0, 0, 0, 3), 3)
    const pairs = Array.from(e.re, (re, i) => [re, e.im[i]!] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1])
    const expected = [
      [1, -2],
      [1, 2],
      [3, 0],
    ]
    pairs.forEach(([re, im], i) => {
      expect(Math.abs(re - expected[i]![0]!)).toBeLessThan(1e-12)
      expect(Math.abs(im - expected[i]![1]!)).toBeLessThan(1e-12)
    })
  })
})

describe("log|I − ρW|", () => {
  // Ring of n units, each joined to both sides, row-standardised: eigenvalues cos(2πk/n).
  const n = 60
  const ring = weightsFrom(Array.from({ length: n }, (_, i) => [(i + n - 1) % n, (i + 1) % n]))
  const ringLogDet = (rho: number) => {
    let s = 0
    for (let k = 0; k < n; k++) s += Math.log(1 - rho * Math.cos((2 * Math.PI * k) / n))
    return s
  }

  it("eigen and sparse match the closed form for a ring", () => {
    const eigen = eigenLogDeterminant(ring)
    const sparse = sparseLogDeterminant(ring)
    for (const rho of [-0.95, -0.4, 0.3, 0.9, 0.99]) {
      expect(Math.abs(eigen.logDet(rho) - ringLogDet(rho))).toBeLessThan(1e-11)
      expect(Math.abs(sparse.logDet(rho) - ringLogDet(rho))).toBeLessThan(1e-11)
    }
    // Interval from the eigenvalues: λ ∈ [−1, 1].
    expect(eigen.interval[0]).toBeCloseTo(-1, 12)
    expect(eigen.interval[1]).toBeCloseTo(1, 12)
  })

  it("second derivative is −Σ (λ/(1 − ρλ))², eigen exact and sparse by differences", () => {
    const eigen = eigenLogDeterminant(ring)
    const sparse = sparseLogDeterminant(ring)
    const rho = 0.6
    let exact = 0
    for (let k = 0; k < n; k++) {
      const l = Math.cos((2 * Math.PI * k) / n)
      exact -= (l / (1 - rho * l)) ** 2
    }
    expect(Math.abs(eigen.secondDerivative(rho) - exact)).toBeLessThan(1e-10 * Math.abs(exact))
    expect(Math.abs(sparse.secondDerivative(rho) - exact)).toBeLessThan(1e-7 * Math.abs(exact))
  })

  it("directed cycle (asymmetric, complex eigenvalues): |I − ρP| = 1 − ρⁿ", () => {
    const m = 12
    const cycle = weightsFrom(Array.from({ length: m }, (_, i) => [(i + 1) % m]))
    expect(cycle.symmetric).toBe(false)
    const ld = logDeterminant(cycle, "auto")
    expect(ld.method).toBe("eigen")
    for (const rho of [-0.9, -0.3, 0.5, 0.95]) expect(Math.abs(ld.logDet(rho) - Math.log(1 - rho ** m))).toBeLessThan(1e-12)
  })

  it("auto: eigen for small n, sparse for n > 500 with symmetric-similar weights", () => {
    expect(logDeterminant(ring, "auto").method).toBe("eigen")
    const big = weightsFrom(Array.from({ length: 800 }, (_, i) => [(i + 799) % 800, (i + 1) % 800]))
    expect(logDeterminant(big, "auto").method).toBe("sparse")
  })

  it("sparse LU for a large asymmetric W: directed cycle plus a chord, against the eigen path", () => {
    // Each unit points to the next and to the one 7 ahead (row-standardised, asymmetric).
    const m = 600
    const w = weightsFrom(Array.from({ length: m }, (_, i) => [(i + 1) % m, (i + 7) % m]))
    const lu = logDeterminant(w, "auto")
    expect(lu.method).toBe("sparse")
    const eigen = eigenLogDeterminant(w)
    for (const rho of [-0.8, 0.4, 0.9]) expect(Math.abs(lu.logDet(rho) - eigen.logDet(rho))).toBeLessThan(1e-9)
  }, 30_000)
})

describe("Brent maximisation (port of R's optimize)", () => {
  it("finds the maximum of a smooth function and of a boundary-free quartic", () => {
    expect(Math.abs(brentMaximize((x) => -((x - 0.3) ** 2), -1, 1).x - 0.3)).toBeLessThan(1e-7)
    const r = brentMaximize((x) => Math.sin(x), 0, 3, 1e-12, 1e-10)
    expect(Math.abs(r.x - Math.PI / 2)).toBeLessThan(1e-7)
    expect(Math.abs(r.value - 1)).toBeLessThan(1e-14)
  })
})

describe("binary (style B) weights", () => {
  it("sparse interval from power iteration brackets the eigen interval; both fits agree", () => {
    const f = fixture<{ y: number[]; X: number[][]; names: string[]; neighbours: Array<number[] | number> }>("columbus")
    const b = weightsFrom(f.neighbours, "B")
    const eigen = eigenLogDeterminant(b)
    const sparse = sparseLogDeterminant(b)
    expect(Math.abs(sparse.interval[0] - eigen.interval[0])).toBeLessThan(1e-4)
    expect(Math.abs(sparse.interval[1] - eigen.interval[1])).toBeLessThan(1e-4)
    expect(sparse.interval[1]).toBeLessThan(eigen.interval[1])
    const X = matrixFrom(f.X)
    const a = fitSpatialLag({ y: f.y, X, names: f.names, weights: b, logDet: eigen })
    const c = fitSpatialLag({ y: f.y, X, names: f.names, weights: b, logDet: sparse })
    expect(Math.abs(a.rho.estimate - c.rho.estimate)).toBeLessThan(1e-7)
    expect(Math.abs(a.logLik - c.logLik)).toBeLessThan(1e-8 * Math.abs(a.logLik))
  })
})

describe("sparse Cholesky solves", () => {
  it("single and blocked solves invert I − ρS (residual check on a ring)", () => {
    const n = 50
    const ring = weightsFrom(Array.from({ length: n }, (_, i) => [(i + n - 1) % n, (i + 1) % n]))
    const ld = sparseLogDeterminant(ring)
    const rho = 0.7
    expect(ld.cholesky!.factor(rho)).toBe(true)
    const m = 3
    const b = Float64Array.from({ length: n * m }, (_, i) => Math.sin(i + 1))
    const many = ld.cholesky!.solveMany(b, m)
    for (let c = 0; c < m; c++) {
      const bc = Float64Array.from({ length: n }, (_, i) => b[i * m + c]!)
      const x = ld.cholesky!.solve(bc)
      for (let i = 0; i < n; i++) {
        // (I − ρW)x = x_i − ρ(x_{i−1} + x_{i+1})/2 for the row-standardised ring (S = W here).
        const r = x[i]! - (rho * (x[(i + n - 1) % n]! + x[(i + 1) % n]!)) / 2 - bc[i]!
        expect(Math.abs(r)).toBeLessThan(1e-12)
        expect(Math.abs(many[i * m + c]! - x[i]!)).toBeLessThan(1e-12)
      }
    }
  })
})
