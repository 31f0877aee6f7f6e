import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  chiSquareCdf,
  chiSquareSf,
  cholesky,
  choleskySolve,
  fromRows,
  fSf,
  inverse,
  matVec,
  multiply,
  normalCdf,
  normalQuantile,
  normalSf,
  qrCoefficients,
  qrDecompose,
  qrResiduals,
  qrUnscaledCovariance,
  solve,
  symmetricInverse,
  tCdf,
  tPValue,
  tQuantile,
  transpose,
} from "../../src/econometrics/linalg/index.js"

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300)

describe("QR with R's rank detection", () => {
  it("solves least squares exactly on a hand-worked line", () => {
    // y = 1 + 2x exactly
    const x = fromRows([
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ])
    const f = qrDecompose(x)
    expect(f.rank).toBe(2)
    const b = qrCoefficients(f, [1, 3, 5, 7])
    expect(b[0]).toBeCloseTo(1, 12)
    expect(b[1]).toBeCloseTo(2, 12)
    for (const r of qrResiduals(f, [1, 3, 5, 7])) expect(Math.abs(r)).toBeLessThan(1e-12)
    // (X'X)^-1 for x = 0..3: X'X = [[4, 6], [6, 14]], det 20
    const v = qrUnscaledCovariance(f)
    expect(v.data[0]).toBeCloseTo(14 / 20, 12)
    expect(v.data[1]).toBeCloseTo(-6 / 20, 12)
    expect(v.data[3]).toBeCloseTo(4 / 20, 12)
  })

  it("moves a collinear column to the end like lm.fit and marks it aliased (NaN)", () => {
    // column 2 = 2 * column 1 + column 0: R's lm gives NA for the third column
    const x = fromRows([
      [1, 1, 3],
      [1, 2, 5],
      [1, 4, 9],
      [1, 7, 15],
      [1, 3, 7],
    ])
    const f = qrDecompose(x)
    expect(f.rank).toBe(2)
    expect([...f.pivot]).toEqual([0, 1, 2])
    const b = qrCoefficients(f, [1, 2, 3, 5, 4])
    expect(Number.isNaN(b[2]!)).toBe(true)
    // a collinear column in the middle is moved behind the others
    const g = qrDecompose(
      fromRows([
        [1, 2, 1],
        [1, 2, 2],
        [1, 2, 4],
        [1, 2, 7],
      ]),
    )
    expect(g.rank).toBe(2)
    expect([...g.pivot]).toEqual([0, 2, 1])
  })
})

describe("Cholesky, solve, inverse", () => {
  const a = fromRows([
    [4, 2, 0.6],
    [2, 5, 1],
    [0.6, 1, 3],
  ])
  it("factorises and solves", () => {
    const l = cholesky(a)
    const back = multiply(l, transpose(l))
    for (let i = 0; i < 9; i++) expect(back.data[i]).toBeCloseTo(a.data[i]!, 13)
    const x = choleskySolve(l, [1, 2, 3])
    const ax = matVec(a, x)
    expect([...ax].map((v) => +v.toFixed(12))).toEqual([1, 2, 3])
  })
  it("inverts symmetric and general matrices", () => {
    for (const inv of [symmetricInverse(a), inverse(a)]) {
      const id = multiply(a, inv)
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(id.data[i * 3 + j]).toBeCloseTo(i === j ? 1 : 0, 13)
    }
    const x = solve(
      fromRows([
        [0, 2],
        [3, 1],
      ]),
      [4, 5],
    )
    expect(x[0]).toBeCloseTo(1, 14)
    expect(x[1]).toBeCloseTo(2, 14)
  })
  it("rejects a matrix that is not positive definite", () => {
    expect(() =>
      cholesky(
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toThrow(/not positive definite/)
  })
})

interface Dist {
  t: Array<{ t: number; df: number; cdf: number; p_two: number }>
  t_quantile: Array<Array<{ p: number; df: number; q: number }>>
  normal: Array<{ z: number; cdf: number; upper: number }>
  normal_quantile: Array<{ p: number; q: number }>
  chisq: Array<{ x: number; df: number; cdf: number; upper: number }>
  f: Array<{ f: number; df1: number; df2: number; upper: number }>
}
const dist = JSON.parse(readFileSync(new URL("../fixtures/ols/distributions.json", import.meta.url), "utf8")) as Dist

describe("distribution functions against R (pt, qt, pnorm, qnorm, pchisq, pf)", () => {
  it("t", () => {
    for (const c of dist.t) {
      expect(rel(tCdf(c.t, c.df), c.cdf)).toBeLessThan(1e-10)
      expect(rel(tPValue(c.t, c.df), c.p_two)).toBeLessThan(1e-9)
    }
    for (const c of dist.t_quantile.flat()) expect(rel(tQuantile(c.p, c.df), c.q)).toBeLessThan(1e-10)
  })
  it("normal", () => {
    for (const c of dist.normal) {
      expect(Math.abs(normalCdf(c.z) - c.cdf)).toBeLessThan(1e-15)
      expect(rel(normalSf(c.z), c.upper)).toBeLessThan(1e-10)
    }
    for (const c of dist.normal_quantile) expect(rel(normalQuantile(c.p), c.q)).toBeLessThan(1e-12)
  })
  it("chi-square and F", () => {
    for (const c of dist.chisq) {
      expect(rel(chiSquareCdf(c.x, c.df), c.cdf)).toBeLessThan(1e-10)
      expect(rel(chiSquareSf(c.x, c.df), c.upper)).toBeLessThan(1e-10)
    }
    for (const c of dist.f) expect(rel(fSf(c.f, c.df1, c.df2), c.upper)).toBeLessThan(1e-10)
  })
})
