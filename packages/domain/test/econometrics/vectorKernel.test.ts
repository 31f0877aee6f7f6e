import { afterEach, describe, expect, it } from "vitest"
import { fromRows } from "../../src/econometrics/linalg/ops.js"
import { qrCoefficients, qrDecompose, qrFitted, qrQty, qrQy, qrResiduals } from "../../src/econometrics/linalg/qr.js"
import { useVectorKernel, vectorKernels } from "../../src/econometrics/linalg/vectorKernel.js"
import { seededRandom } from "../../src/econometrics/random/Random.js"

// Large QR factorisations run on the WebAssembly vector kernels; they must equal the loops to the last bit.
afterEach(() => useVectorKernel(true))

// n rows: an intercept, p − 3 random columns, a copy of column 1 plus a negligible perturbation (aliased, moved
// to the end by the pivoting) and a column of large values.
const design = (n: number, p: number, seed: number) => {
  const random = seededRandom(seed)
  const r = () => random.next() - 0.5
  const rows = Array.from({ length: n }, () => {
    const row = [1, ...Array.from({ length: p - 3 }, () => r())]
    return [...row, row[1]! + 1e-12 * r(), 1e4 * r()]
  })
  return { x: fromRows(rows), y: Array.from({ length: n }, () => r() * 3 + 1) }
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).every((v, i) => Object.is(v, b[i]))

describe("vector kernels of the QR", () => {
  it("are available in Node", () => {
    expect(vectorKernels(1024)).toBeDefined()
    useVectorKernel(false)
    expect(vectorKernels(1024)).toBeUndefined()
  })

  it("factorise, reflect and solve to the last bit of the loops, pivoting an aliased column", () => {
    const { x, y } = design(6000, 9, 11) // 54,000 elements: above the kernels' threshold
    const both = [true, false].map((on) => {
      useVectorKernel(on)
      const f = qrDecompose(x)
      const qty = qrQty(f, y)
      return { f, qty, qy: qrQy(f, qty), beta: qrCoefficients(f, y), fitted: qrFitted(f, y), residuals: qrResiduals(f, y) }
    })
    const [k, l] = both as [(typeof both)[0], (typeof both)[0]]
    expect(k.f.rank).toBe(8)
    expect(Array.from(k.f.pivot)).toEqual(Array.from(l.f.pivot))
    expect(k.f.pivot[8]).toBe(7)
    expect(k.f.rank).toBe(l.f.rank)
    for (const key of ["qty", "qy", "beta", "fitted", "residuals"] as const) expect(same(k[key], l[key]), key).toBe(true)
    expect(same(k.f.qr, l.f.qr)).toBe(true)
    expect(same(k.f.qraux, l.f.qraux)).toBe(true)
    // Qy undoes Qᵀy, and the fit reproduces a linear y exactly up to rounding.
    expect(Math.max(...Array.from(k.qy, (v, i) => Math.abs(v - y[i]!)))).toBeLessThan(1e-10)
  })

  it("give each call its own result although the kernels reuse one vector", () => {
    const { x, y } = design(5000, 8, 3)
    const f = qrDecompose(x)
    const a = qrQty(f, y)
    const b = qrQty(
      f,
      y.map((v) => -v),
    )
    expect(a[0]).toBe(-b[0]!)
    expect(same(qrQty(f, y), a)).toBe(true)
  })
})
