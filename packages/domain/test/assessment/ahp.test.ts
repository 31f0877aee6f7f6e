import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { ahpWeights, saatyRandomIndex } from "../../src/assessment/index.js"
import { InputError } from "../../src/model/errors.js"

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/ahp/${name}.json`, import.meta.url), "utf8")) as {
    matrix: number[][]
    weights: number[]
    lambdaMax: number
    ci: number
    ri: number
    cr: number
  }

describe("ahpWeights", () => {
  it("a perfectly consistent matrix a_ij = w_i / w_j gives back w, λmax = n and CR = 0", () => {
    // w = (4/7, 2/7, 1/7): a_12 = 2, a_13 = 4, a_23 = 2.
    const r = ahpWeights([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ])
    expect(r.weights[0]).toBeCloseTo(4 / 7, 12)
    expect(r.weights[1]).toBeCloseTo(2 / 7, 12)
    expect(r.weights[2]).toBeCloseTo(1 / 7, 12)
    expect(r.lambdaMax).toBeCloseTo(3, 12)
    expect(r.cr).toBeCloseTo(0, 10)
    expect(r.consistent).toBe(true)
  })

  it("3 × 3: λmax matches the closed form 1 + d^(1/3) + d^(-1/3), d = a12·a23/a13", () => {
    // a12 = 3, a13 = 5, a23 = 3 → d = 9/5.
    const d = 9 / 5
    const lambda = 1 + Math.cbrt(d) + 1 / Math.cbrt(d) // 3.038509…
    const r = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ])
    expect(r.lambdaMax).toBeCloseTo(lambda, 12)
    expect(r.ci).toBeCloseTo((lambda - 3) / 2, 12)
    expect(r.ri).toBe(0.58)
    expect(r.cr).toBeCloseTo((lambda - 3) / 2 / 0.58, 12) // ≈ 0.0332
  })

  it.each(["four-criteria", "five-criteria", "inconsistent", "saaty-school"])("matches R's eigen() on %s (1e-9)", (name) => {
    const f = fixture(name)
    const r = ahpWeights(f.matrix)
    for (const [i, w] of f.weights.entries()) expect(Math.abs(r.weights[i]! - w)).toBeLessThan(1e-9)
    expect(r.lambdaMax).toBeCloseTo(f.lambdaMax, 9)
    expect(r.ci).toBeCloseTo(f.ci, 9)
    expect(r.cr).toBeCloseTo(f.cr, 9)
    expect(r.consistent).toBe(f.cr <= 0.1)
  })

  it("Saaty's school-choice criteria: the published priorities .32 .14 .03 .13 .24 .14, and inconsistent (CR > 0.1)", () => {
    const r = ahpWeights(fixture("saaty-school").matrix)
    expect(r.weights.map((w) => Number(w.toFixed(2)))).toEqual([0.32, 0.14, 0.03, 0.13, 0.24, 0.14])
    expect(r.cr).toBeGreaterThan(0.1)
    expect(r.consistent).toBe(false)
  })

  it("uses Saaty's RI table", () => {
    expect([3, 4, 5, 6, 7, 8, 9, 10].map((n) => saatyRandomIndex[n])).toEqual([0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49])
  })

  it("names the cell of a non-reciprocal entry", () => {
    try {
      ahpWeights([
        [1, 3],
        [0.5, 1],
      ])
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(InputError)
      const err = e as InputError
      expect(err.code).toBe("bad_ahp_matrix")
      expect(err.issues?.[0]).toMatchObject({ row: 2, column: "1", value: 0.5 })
      expect(err.zh).toContain("倒数")
    }
  })

  it("rejects a non-positive entry and a ragged matrix", () => {
    expect(() =>
      ahpWeights([
        [1, 0],
        [1, 1],
      ]),
    ).toThrow(/positive/)
    expect(() => ahpWeights([[1, 2], [0.5]])).toThrow(/row 2/)
  })
})
