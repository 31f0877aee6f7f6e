import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  BOUNDARY_RULE,
  type CouplingSubsystem,
  coordinationLevel,
  correctedCouplingDegree,
  couplingCoordination,
  couplingDegree,
  laggingSubsystem,
} from "../../src/econometrics/coupling/index.js"
import { InputError } from "../../src/model/errors.js"
import type { Direction } from "../../src/model/Indicator.js"

const near = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)))
const codeOf = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return (e as InputError).code
  }
  throw new Error("expected an InputError")
}

describe("coupling degree (hand-worked)", () => {
  it("two subsystems", () => {
    // U = (0.25, 1): C = 2√(0.25·1)/(0.25 + 1) = 2·0.5/1.25 = 0.8
    near(couplingDegree([0.25, 1]), 0.8)
    // corrected: √{[1 − |1 − 0.25|] × 0.25/1} = √(0.25·0.25) = 0.25
    near(correctedCouplingDegree([0.25, 1]), 0.25)
    // equal levels couple perfectly in both
    near(couplingDegree([0.4, 0.4]), 1)
    near(correctedCouplingDegree([0.4, 0.4]), 1)
    // nothing developed: defined as 0
    expect(couplingDegree([0, 0])).toBe(0)
    expect(correctedCouplingDegree([0, 0])).toBe(0)
    expect(couplingDegree([0, 0.5])).toBe(0)
  })
  it("three subsystems", () => {
    // U = (0.2, 0.4, 0.8): Π = 0.064, ∛0.064 = 0.4, Σ = 1.4 → C = 3·0.4/1.4 = 6/7
    near(couplingDegree([0.2, 0.4, 0.8]), 6 / 7)
    // corrected: pair gaps 0.2 + 0.6 + 0.4 = 1.2 over Σ_{m=1}^{2} m = 3 pairs → 1 − 0.4 = 0.6;
    // ratios to max 0.25 · 0.5 · 1 = 0.125, ^(1/(3−1)) = √0.125 ≈ 0.353553; C = √(0.6·0.353553) = √0.212132 ≈ 0.460578
    near(correctedCouplingDegree([0.2, 0.4, 0.8]), Math.sqrt(0.6 * Math.sqrt(0.125)))
    near(correctedCouplingDegree([0.2, 0.4, 0.8]), 0.460578, 1e-6)
  })
})

describe("coordination levels", () => {
  it("tenths, lower bound inclusive, D = 1 is the top class", () => {
    expect(coordinationLevel(0).zh).toBe("极度失调")
    expect(coordinationLevel(0.0999).zh).toBe("极度失调")
    expect(coordinationLevel(0.1).zh).toBe("严重失调")
    expect(coordinationLevel(Math.sqrt(0.09)).en).toBe("mild imbalance")
    expect(coordinationLevel(0.45).zh).toBe("濒临失调")
    expect(coordinationLevel(0.5).zh).toBe("勉强协调")
    expect(coordinationLevel(0.6).zh).toBe("初级协调")
    expect(coordinationLevel(0.7).zh).toBe("中级协调")
    expect(coordinationLevel(0.85).zh).toBe("良好协调")
    expect(coordinationLevel(0.9).zh).toBe("优质协调")
    expect(coordinationLevel(1)).toMatchObject({ code: "high_quality_coordination", zh: "优质协调", en: "high-quality coordination", grade: 10 })
    expect(BOUNDARY_RULE.rule).toBe("lower_inclusive")
  })
  it("lagging subsystem: smallest U, ties → none", () => {
    expect(laggingSubsystem([0.3, 0.6], ["econ", "env"])).toBe("econ")
    expect(laggingSubsystem([0.6, 0.3, 0.9], ["econ", "env", "innov"])).toBe("env")
    expect(laggingSubsystem([0.5, 0.5], ["econ", "env"])).toBe("none")
  })
})

describe("couplingCoordination pipeline (hand-worked)", () => {
  // econ: gdp [1, 2, 3] → [0, 0.5, 1]; tax [10, 30, 20] → [0, 1, 0.5]; equal weights → U_econ = [0, 0.75, 0.75]
  // env: so2 (negative) [5, 3, 4] → (5 − x)/2 = [0, 1, 0.5] → U_env = [0, 1, 0.5]
  const subs: CouplingSubsystem[] = [
    {
      name: "econ",
      indicators: [
        { name: "gdp", values: [1, 2, 3] },
        { name: "tax", values: [10, 30, 20] },
      ],
    },
    { name: "env", indicators: [{ name: "so2", values: [5, 3, 4], direction: "negative" }] },
  ]
  it("equal weights", () => {
    const r = couplingCoordination(subs, { weighting: "equal" })
    expect(r.weights).toEqual({ econ: { gdp: 0.5, tax: 0.5 }, env: { so2: 1 } })
    const [r1, r2, r3] = r.rows
    // row 1: U = (0, 0) → C = T = D = 0, extreme imbalance, tie → none
    expect(r1).toMatchObject({ C: 0, T: 0, D: 0, lagging: "none" })
    expect(r1!.level.zh).toBe("极度失调")
    // row 2: U = (0.75, 1): C = 2√0.75/1.75, T = 0.875, C·T = √0.75 → D = 0.75^(1/4) ≈ 0.9306 优质协调
    near(r2!.U.econ!, 0.75)
    near(r2!.C, (2 * Math.sqrt(0.75)) / 1.75)
    near(r2!.T, 0.875)
    near(r2!.D, 0.75 ** 0.25)
    expect(r2!.level.zh).toBe("优质协调")
    expect(r2!.lagging).toBe("econ")
    // corrected: √((1 − 0.25)·0.75) = 0.75; D_corrected = √(0.75·0.875) ≈ 0.8101 良好协调
    near(r2!.C_corrected, 0.75)
    near(r2!.D_corrected, Math.sqrt(0.75 * 0.875))
    expect(r2!.level_corrected.zh).toBe("良好协调")
    // row 3: U = (0.75, 0.5): C·T = (2√0.375/1.25)·0.625 = √0.375 → D = 0.375^(1/4) ≈ 0.7825 中级协调, env lags
    near(r3!.D, 0.375 ** 0.25)
    expect(r3!.level.zh).toBe("中级协调")
    expect(r3!.lagging).toBe("env")
  })
  it("entropy weights equal here by symmetry; alpha changes T", () => {
    // gdp p = [0, 1/3, 2/3] and tax p = [0, 2/3, 1/3] have the same entropy → weights 0.5 / 0.5
    const r = couplingCoordination(subs, { alpha: [0.8, 0.2] })
    near(r.weights.econ!.gdp!, 0.5)
    // row 2: T = 0.8·0.75 + 0.2·1 = 0.8
    near(r.rows[1]!.T, 0.8)
  })
  it("rejects bad input", () => {
    expect(codeOf(() => couplingCoordination(subs.slice(0, 1)))).toBe("too_few_subsystems")
    expect(codeOf(() => couplingCoordination(subs, { alpha: [0.5, 0.6] }))).toBe("bad_alpha")
    expect(codeOf(() => couplingCoordination(subs, { alpha: [1] }))).toBe("bad_alpha")
    expect(codeOf(() => couplingCoordination(subs, { alpha: [1.5, -0.5] }))).toBe("bad_alpha")
    expect(codeOf(() => couplingCoordination([subs[0]!, { name: "econ", indicators: subs[1]!.indicators }]))).toBe("duplicate_name")
    expect(codeOf(() => couplingCoordination([subs[0]!, { name: "env", indicators: [] }]))).toBe("empty_subsystem")
    expect(codeOf(() => couplingCoordination([subs[0]!, { name: "env", indicators: [{ name: "x", values: [1, 2] }] }]))).toBe("ragged")
  })
})

interface GoldenRun {
  weights: Record<string, Record<string, number>>
  U: number[][]
  names: string[]
  C: number[]
  C_corrected: number[]
  T: number[]
  D: number[]
  level_zh: string[]
  lagging: string[]
}
describe("against base R (scripts/golden/coupling.R)", () => {
  const g = JSON.parse(readFileSync(new URL("../fixtures/coupling/coupling.json", import.meta.url), "utf8")) as {
    data: Record<string, number[]>
    [run: string]: unknown
  }
  const ind = (name: string, direction: Direction = "positive") => ({ name, values: g.data[name]!, direction })
  const defs: Record<string, CouplingSubsystem> = {
    econ: { name: "econ", indicators: [ind("revenue"), ind("tax")] },
    env: { name: "env", indicators: [ind("green"), ind("so2", "negative")] },
    innov: { name: "innov", indicators: [ind("patents"), ind("rd")] },
  }
  const check = (run: string, opts: Parameters<typeof couplingCoordination>[1]) => {
    const ref = g[run] as GoldenRun
    const r = couplingCoordination(
      ref.names.map((n) => defs[n]!),
      opts,
    )
    for (const s of ref.names) for (const [k, w] of Object.entries(ref.weights[s]!)) near(r.weights[s]![k]!, w, 1e-10)
    r.rows.forEach((row, i) => {
      ref.names.forEach((s, k) => {
        near(row.U[s]!, ref.U[k]![i]!, 1e-10)
      })
      near(row.C, ref.C[i]!, 1e-10)
      near(row.C_corrected, ref.C_corrected[i]!, 1e-10)
      near(row.T, ref.T[i]!, 1e-10)
      near(row.D, ref.D[i]!, 1e-10)
      expect(row.level.zh).toBe(ref.level_zh[i])
      const us = ref.names.map((s) => row.U[s]!)
      if (new Set(us).size === us.length) expect(row.lagging).toBe(ref.lagging[i])
    })
  }
  it("three subsystems, shifted, entropy", () => check("three_shifted_entropy", { normalise: "shifted" }))
  it("two subsystems, min-max, equal, alpha 0.6/0.4", () => check("two_minmax_equal", { weighting: "equal", alpha: [0.6, 0.4] }))
  it("two subsystems, shifted, entropy", () => check("two_shifted_entropy", { normalise: "shifted" }))
})
