import { afterEach, describe, expect, it } from "vitest"
import { fromRows } from "../../src/econometrics/linalg/ops.js"
import { seededRandom } from "../../src/econometrics/random/Random.js"
import { lmMoranTest, lmTests } from "../../src/econometrics/regression/diagnostics.js"
import { ols } from "../../src/econometrics/regression/ols.js"
import { residualMoranKernels, useResidualMoranKernel } from "../../src/econometrics/regression/residualMoranKernel.js"
import { weightsFromLinks } from "../../src/econometrics/weights/links.js"

// lmMoranTest and lmTests on the WebAssembly kernels must equal their loops to the last bit.
afterEach(() => useResidualMoranKernel(true))

describe("residual Moran kernels", () => {
  it("are available in Node", () => {
    expect(residualMoranKernels(1024)).toBeDefined()
    useResidualMoranKernel(false)
    expect(residualMoranKernels(1024)).toBeUndefined()
  })

  it("give the residual Moran test and the LM tests to the last bit of the loops, on asymmetric weights", () => {
    // 70 × 70 rook lattice, plus one directed link from every seventh unit to a drawn one (asymmetric), row-standardised.
    const side = 70
    const n = side * side
    const random = seededRandom(5)
    const r = () => random.next()
    // Every thousandth unit (from the fourth) lists no neighbours: it does not count in N.
    const neighbours = Array.from({ length: n }, (_, i) => {
      if (i % 1000 === 3) return []
      const row = Math.floor(i / side)
      const col = i % side
      const nb = [i - side, i + side, col > 0 ? i - 1 : -1, col + 1 < side ? i + 1 : -1].filter((j) => j >= 0 && j < n && Math.floor(j / side) >= row - 1)
      if (i % 7 === 0) {
        const extra = Math.floor(r() * n)
        if (extra !== i && !nb.includes(extra)) nb.push(extra)
      }
      return nb
    })
    const w = weightsFromLinks(
      neighbours.map((_, i) => String(i)),
      neighbours,
      undefined,
      "W",
    )
    expect(w.symmetric).toBe(false)
    // Four regressors (pairs of lanes only) and five (an odd one alone); 4,900 rows go in several calls.
    for (const k of [4, 5]) {
      const rows = Array.from({ length: n }, () => [1, ...Array.from({ length: k - 1 }, (_, c) => r() * (c + 1) - 0.5)])
      const y = Float64Array.from(rows, (row) => row[1]! * 2 - row[2]! + r())
      const fit = ols(
        fromRows(rows),
        y,
        rows[0]!.map((_, c) => `x${c}`),
      )
      const [kernel, loops] = [true, false].map((on) => {
        useResidualMoranKernel(on)
        return lmMoranTest(fit, w)
      })
      for (const key of ["I", "expected", "variance", "z", "p"] as const) expect(Object.is(kernel![key], loops![key]), `${key}, k = ${k}`).toBe(true)
      expect(Number.isFinite(kernel!.variance)).toBe(true)
      const [lmKernel, lmLoops] = [true, false].map((on) => {
        useResidualMoranKernel(on)
        return lmTests(fit, w)
      })
      for (const test of ["lmError", "lmLag", "robustLmError", "robustLmLag", "sarma"] as const)
        for (const key of ["statistic", "p"] as const) expect(Object.is(lmKernel![test][key], lmLoops![test][key]), `${test} ${key}, k = ${k}`).toBe(true)
      expect(lmKernel!.lmLag.statistic).toBeGreaterThan(0)
    }
  })
})
