import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { compositeIndex, compositeScore, entropyWeights, equalWeights, givenWeights, normalise, topsis } from "../../src/econometrics/composite/index.js"
import { InputError } from "../../src/model/errors.js"
import type { Direction } from "../../src/model/Indicator.js"

const close = (actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12) => {
  expect(actual.length).toBe(expected.length)
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i]!)))
}
const codeOf = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return (e as InputError).code
  }
  throw new Error("expected an InputError")
}

describe("normalise (hand-worked)", () => {
  it("min-max positive and negative", () => {
    // x = [2, 4, 6, 10]: min 2, max 10, span 8 → (x − 2)/8 = [0, 0.25, 0.5, 1]; negative (10 − x)/8 = [1, 0.75, 0.5, 0]
    close(normalise([2, 4, 6, 10]), [0, 0.25, 0.5, 1])
    close(normalise([2, 4, 6, 10], { direction: "negative" }), [1, 0.75, 0.5, 0])
  })
  it("shifted into [0.01, 0.99] and a custom range", () => {
    // 0.01 + 0.98·[0, 0.25, 0.5, 1] = [0.01, 0.255, 0.5, 0.99]
    close(normalise([2, 4, 6, 10], { method: "shifted" }), [0.01, 0.255, 0.5, 0.99])
    // [0.1, 1]: 0.1 + 0.9·[1, 0.75, 0.5, 0] = [1, 0.775, 0.55, 0.1]
    close(normalise([2, 4, 6, 10], { method: "shifted", direction: "negative", shiftedRange: [0.1, 1] }), [1, 0.775, 0.55, 0.1])
  })
  it("z-score with the sample sd", () => {
    // x = [1, 2, 3]: mean 2, sd = √((1 + 0 + 1)/2) = 1 → [−1, 0, 1]; negative flips the sign
    close(normalise([1, 2, 3], { method: "zscore" }), [-1, 0, 1])
    close(normalise([1, 2, 3], { method: "zscore", direction: "negative" }), [1, 0, -1])
  })
  it("constant columns: minmax 1, shifted hi, zscore 0, never NaN", () => {
    close(normalise([5, 5, 5]), [1, 1, 1])
    close(normalise([5, 5, 5], { direction: "negative" }), [1, 1, 1])
    close(normalise([5, 5, 5], { method: "shifted" }), [0.99, 0.99, 0.99])
    close(normalise([5, 5, 5], { method: "zscore" }), [0, 0, 0])
  })
  it("rejects bad input with precise codes", () => {
    expect(codeOf(() => normalise([]))).toBe("empty")
    expect(codeOf(() => normalise([1, Number.NaN, 3], { label: "tax" }))).toBe("not_finite")
    expect(codeOf(() => normalise([1, 2], { method: "shifted", shiftedRange: [0.9, 0.1] }))).toBe("bad_range")
    let err: InputError | undefined
    try {
      normalise([1, 2, Number.POSITIVE_INFINITY], { label: "tax" })
    } catch (e) {
      err = e as InputError
    }
    expect(err?.issues?.[0]).toMatchObject({ row: 3, column: "tax" })
    expect(err?.zh).toContain("第 3 行")
  })
  it("allowMissing skips NaN and keeps it in place", () => {
    // present values [2, 6, 10]: min 2, max 10 → [0, NaN, 0.5, 1]
    const r = normalise([2, Number.NaN, 6, 10], { allowMissing: true })
    close([r[0]!, r[2]!, r[3]!], [0, 0.5, 1])
    expect(Number.isNaN(r[1]!)).toBe(true)
    // z-score over [1, 3]: mean 2, sd √2 → [−1/√2, NaN, 1/√2]
    const z = normalise([1, Number.NaN, 3], { method: "zscore", allowMissing: true })
    close([z[0]!, z[2]!], [-1 / Math.SQRT2, 1 / Math.SQRT2])
    expect(codeOf(() => normalise([Number.NaN], { allowMissing: true }))).toBe("empty")
    expect(codeOf(() => normalise([1, Number.POSITIVE_INFINITY], { allowMissing: true }))).toBe("not_finite")
  })
})

describe("entropyWeights (hand-worked)", () => {
  it("two columns of three units", () => {
    // col 1 = [0, 0.5, 1]: sum 1.5, p = [0, 1/3, 2/3], H = (1/3)ln3 + (2/3)ln(3/2) = ln3 − (2/3)ln2 (0·ln0 = 0)
    //   e1 = 1 − (2/3)ln2/ln3
    // col 2 = [1, 1, 0]: p = [1/2, 1/2, 0], H = ln2, e2 = ln2/ln3
    const e1 = 1 - ((2 / 3) * Math.LN2) / Math.log(3)
    const e2 = Math.LN2 / Math.log(3)
    const r = entropyWeights([
      [0, 0.5, 1],
      [1, 1, 0],
    ])
    close(r.entropy, [e1, e2])
    close(r.divergence, [1 - e1, 1 - e2])
    close(r.weights, [(1 - e1) / (2 - e1 - e2), (1 - e2) / (2 - e1 - e2)])
    expect(r.degenerate).toBe(false)
  })
  it("a constant column gets weight 0; an all-zero column too; all constant → equal and degenerate", () => {
    close(
      entropyWeights([
        [0, 0.5, 1],
        [0.3, 0.3, 0.3],
      ]).weights,
      [1, 0],
    )
    close(
      entropyWeights([
        [0, 0.5, 1],
        [0, 0, 0],
      ]).weights,
      [1, 0],
    )
    const d = entropyWeights([
      [1, 1],
      [0, 0],
    ])
    expect(d.degenerate).toBe(true)
    close(d.weights, [0.5, 0.5])
  })
  it("rejects negative values, one unit and ragged columns", () => {
    expect(codeOf(() => entropyWeights([[-1, 0, 1]]))).toBe("negative_value")
    expect(codeOf(() => entropyWeights([[1]]))).toBe("too_few_units")
    expect(codeOf(() => entropyWeights([[1, 2], [1]]))).toBe("ragged")
  })
})

describe("weights and composite score (hand-worked)", () => {
  it("equal and given weights", () => {
    close(equalWeights(4).weights, [0.25, 0.25, 0.25, 0.25])
    const g = givenWeights([2, 1, 1])
    close(g.weights, [0.5, 0.25, 0.25])
    expect(g.note?.en).toContain("4")
    expect(givenWeights([0.5, 0.5]).note).toBeUndefined()
    expect(codeOf(() => givenWeights([0.5, -0.1]))).toBe("bad_weights")
    expect(codeOf(() => givenWeights([0, 0]))).toBe("bad_weights")
    expect(codeOf(() => givenWeights([1, 1], 3))).toBe("bad_weights")
  })
  it("S_i = Σ w_j x'_ij", () => {
    // unit 1: 0.75·0 + 0.25·1 = 0.25; unit 2: 0.75·1 + 0.25·0 = 0.75
    close(
      compositeScore(
        [
          [0, 1],
          [1, 0],
        ],
        [0.75, 0.25],
      ),
      [0.25, 0.75],
    )
  })
})

describe("topsis (hand-worked)", () => {
  it("one criterion", () => {
    // x = [1, 2, 3], ‖x‖ = √14, v = x/√14; A+ = 3/√14, A− = 1/√14;
    // D+ = [2, 1, 0]/√14, D− = [0, 1, 2]/√14 → C = [0, 0.5, 1]
    const r = topsis([[1, 2, 3]], [1])
    close(r.closeness, [0, 0.5, 1])
    close(r.dPlus, [2 / Math.sqrt(14), 1 / Math.sqrt(14), 0])
  })
  it("two criteria, one negative", () => {
    // a = [3, 4] (‖a‖ = 5) → r = [0.6, 0.8]; b = [6, 8] cost (‖b‖ = 10) → r = [0.6, 0.8]; w = [0.5, 0.5]
    // v_a = [0.3, 0.4], v_b = [0.3, 0.4]; A+ = (0.4, 0.3), A− = (0.3, 0.4)
    // unit 1 (0.3, 0.3): D+ = 0.1, D− = 0.1 → 0.5; unit 2 (0.4, 0.4): D+ = 0.1, D− = 0.1 → 0.5
    const r = topsis(
      [
        [3, 4],
        [6, 8],
      ],
      [0.5, 0.5],
      ["positive", "negative"],
    )
    close(r.ideal, [0.4, 0.3])
    close(r.antiIdeal, [0.3, 0.4])
    close(r.closeness, [0.5, 0.5])
    // b = [8, 6] cost (‖b‖ = 10) → r = [0.8, 0.6]; v_a = [0.3, 0.4], v_b = [0.4, 0.3]
    // A+ = (max a, min b) = (0.4, 0.3) = unit 2; A− = (0.3, 0.4) = unit 1 → closeness [0, 1]
    const s = topsis(
      [
        [3, 4],
        [8, 6],
      ],
      [0.5, 0.5],
      ["positive", "negative"],
    )
    close(s.closeness, [0, 1])
    close(s.dPlus, [Math.SQRT2 / 10, 0])
    // identical units: D+ = D− = 0 → closeness defined as 0.5
    close(topsis([[2, 2]], [1]).closeness, [0.5, 0.5])
  })
})

interface Golden {
  columns: Record<string, number[]>
  directions: Direction[]
  minmax: number[][]
  shifted: number[][]
  zscore: number[][]
  entropy_minmax: { e: number[]; d: number[]; w: number[] }
  entropy_shifted: { e: number[]; d: number[]; w: number[] }
  score_entropy_minmax: number[]
  score_entropy_shifted: number[]
  score_equal_minmax: number[]
  given_weights: number[]
  topsis_given: { ideal: number[]; anti: number[]; dplus: number[]; dminus: number[]; closeness: number[] }
  topsis_entropy: { closeness: number[] }
}

describe("against base R (scripts/golden/composite.R)", () => {
  const g = JSON.parse(readFileSync(new URL("../fixtures/composite/composite.json", import.meta.url), "utf8")) as Golden
  const names = Object.keys(g.columns)
  const cols = names.map((n) => g.columns[n]!)
  const tol = 1e-10
  it("normalisation", () => {
    cols.forEach((c, j) => {
      close(normalise(c, { direction: g.directions[j]! }), g.minmax[j]!, tol)
      close(normalise(c, { method: "shifted", direction: g.directions[j]! }), g.shifted[j]!, tol)
      close(normalise(c, { method: "zscore", direction: g.directions[j]! }), g.zscore[j]!, tol)
    })
  })
  it("entropy weights and scores", () => {
    const ind = names.map((name, j) => ({ name, values: cols[j]!, direction: g.directions[j]! }))
    const m = compositeIndex(ind)
    close(m.entropy!, g.entropy_minmax.e, tol)
    close(m.weights, g.entropy_minmax.w, tol)
    close(m.scores, g.score_entropy_minmax, tol)
    const s = compositeIndex(ind, { method: "shifted" })
    close(s.weights, g.entropy_shifted.w, tol)
    close(s.scores, g.score_entropy_shifted, tol)
    close(compositeIndex(ind, { weighting: "equal" }).scores, g.score_equal_minmax, tol)
    expect(codeOf(() => compositeIndex(ind, { method: "zscore" }))).toBe("bad_option")
  })
  it("TOPSIS", () => {
    const t = topsis(cols, g.given_weights, g.directions)
    close(t.ideal, g.topsis_given.ideal, tol)
    close(t.antiIdeal, g.topsis_given.anti, tol)
    close(t.dPlus, g.topsis_given.dplus, tol)
    close(t.dMinus, g.topsis_given.dminus, tol)
    close(t.closeness, g.topsis_given.closeness, tol)
    close(topsis(cols, g.entropy_shifted.w, g.directions).closeness, g.topsis_entropy.closeness, tol)
  })
})
