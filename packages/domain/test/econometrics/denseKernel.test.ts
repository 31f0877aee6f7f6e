import { afterEach, describe, expect, it } from "vitest"
import type { Csr } from "../../src/econometrics/linalg/Csr.js"
import { updateNT } from "../../src/econometrics/linalg/denseBlocks.js"
import { denseArena, denseKernelAvailable, kernelFor, useDenseKernel } from "../../src/econometrics/linalg/denseKernel.js"
import { sparseCholesky } from "../../src/econometrics/linalg/SparseCholesky.js"
import { sparseLU } from "../../src/econometrics/linalg/SparseLU.js"

// The WebAssembly kernel must give C −= A·Bᵀ to the last bit of the JavaScript loops, whatever the shape.
afterEach(() => useDenseKernel(true))

const filled = (x: Float64Array, seed: number): Float64Array => {
  let z = seed
  for (let i = 0; i < x.length; i++) {
    z = (Math.imul(z, 1103515245) + 12345) >>> 0
    x[i] = z / 2 ** 32 - 0.5
  }
  return x
}
const bits = (x: Float64Array) => Array.from(new BigUint64Array(x.buffer, x.byteOffset, x.length), String)

interface Shape {
  m: number
  q: number
  k: number
  full: boolean
  ldc: number
  lda: number
  ldb: number
  offsets: readonly [number, number, number]
  /** B is A (a symmetric rank-k update). */
  alias?: boolean
  /** Every third entry of B is zero, some −0, and C holds −0s: single columns of A with a zero in B are skipped. */
  zeros?: boolean
}

const run = (s: Shape, make: (length: number) => Float64Array) => {
  const [cOff, aOff, bOff] = s.offsets
  const na = aOff + s.k * s.lda
  const nb = s.alias ? 0 : bOff + s.k * s.ldb
  const nc = cOff + s.q * s.ldc
  // One array holds all three operands, as the factorisation's arena does.
  const all = make(Math.max(na + nb + nc, 8192 + 1))
  filled(all, s.m * 31 + s.q * 7 + s.k)
  const a = all.subarray(0, na)
  const b = s.alias ? a : all.subarray(na, na + nb)
  const c = all.subarray(na + nb, na + nb + nc)
  if (s.zeros) {
    for (let t = 0; t < b.length; t += 3) b[t] = t % 2 === 0 ? 0 : -0
    for (let t = 0; t < c.length; t += 5) c[t] = -0
  }
  updateNT(c, cOff, s.ldc, s.m, s.q, a, aOff, s.lda, b, s.alias ? aOff : bOff, s.alias ? s.lda : s.ldb, s.k, s.full)
  return { c, kernel: kernelFor(c, a, b) !== undefined }
}

const shapes: Shape[] = [
  { m: 64, q: 64, k: 64, full: false, ldc: 64, lda: 64, ldb: 64, offsets: [0, 0, 0] },
  { m: 301, q: 200, k: 96, full: true, ldc: 305, lda: 303, ldb: 201, offsets: [1, 2, 3] },
  { m: 501, q: 133, k: 77, full: false, ldc: 501, lda: 502, ldb: 140, offsets: [0, 1, 0] },
  { m: 17, q: 16, k: 8, full: false, ldc: 19, lda: 18, ldb: 17, offsets: [3, 5, 7] },
  { m: 9, q: 30, k: 13, full: false, ldc: 9, lda: 9, ldb: 30, offsets: [0, 0, 0] },
  { m: 1, q: 8, k: 8, full: true, ldc: 1, lda: 1, ldb: 8, offsets: [0, 0, 0] },
  { m: 150, q: 150, k: 45, full: false, ldc: 150, lda: 151, ldb: 151, offsets: [0, 4, 4], alias: true },
  { m: 259, q: 7, k: 40, full: true, ldc: 259, lda: 259, ldb: 7, offsets: [0, 0, 0] },
  { m: 40, q: 24, k: 5, full: false, ldc: 40, lda: 40, ldb: 24, offsets: [0, 0, 0] },
  { m: 97, q: 45, k: 13, full: false, ldc: 99, lda: 97, ldb: 45, offsets: [2, 0, 1] },
  { m: 64, q: 61, k: 15, full: true, ldc: 64, lda: 64, ldb: 61, offsets: [0, 0, 0] },
  { m: 130, q: 130, k: 14, full: false, ldc: 130, lda: 130, ldb: 130, offsets: [0, 0, 0], alias: true },
  { m: 33, q: 3, k: 2, full: false, ldc: 33, lda: 33, ldb: 3, offsets: [0, 0, 0] },
  { m: 300, q: 17, k: 11, full: false, ldc: 300, lda: 300, ldb: 17, offsets: [0, 0, 0], zeros: true },
]

describe("the WebAssembly SIMD kernel of the dense block update", () => {
  it("is compiled on Node 20 and used for arrays of an arena", () => {
    expect(denseKernelAvailable()).toBe(true)
    const x = denseArena(1 << 14)
    expect(kernelFor(x, x, x)).toBeDefined()
    // A plain array, or operands in different arenas, go to the JavaScript loops.
    expect(kernelFor(new Float64Array(8), x, x)).toBeUndefined()
    expect(kernelFor(x, denseArena(1 << 14), x)).toBeUndefined()
    useDenseKernel(false)
    const plain = denseArena(1 << 14)
    expect(kernelFor(plain, plain, plain)).toBeUndefined()
  })

  it.each(shapes.map((s) => [`${s.m}×${s.q}×${s.k}${s.full ? " full" : " lower"}${s.alias ? " (B = A)" : ""}`, s] as const))(
    "gives %s bit for bit what the JavaScript loops give",
    (_, s) => {
      const wasm = run(s, denseArena)
      expect(denseKernelAvailable()).toBe(true)
      const js = run(s, (length) => new Float64Array(length))
      expect(wasm.kernel).toBe(true)
      expect(js.kernel).toBe(false)
      expect(bits(wasm.c)).toEqual(bits(js.c))
    },
  )

  it("factorises in WebAssembly as the loops do: refuses the same ρ, then factorises again", () => {
    // A 60 × 60 rook lattice and 40 units each linked to the previous unit only (a path: one child per supernode).
    const side = 60
    const n = side * side + 40
    const rows: number[][] = Array.from({ length: n }, () => [])
    const link = (i: number, j: number) => {
      rows[i]!.push(j)
      rows[j]!.push(i)
    }
    for (let r = 0; r < side; r++)
      for (let c = 0; c < side; c++) {
        if (c + 1 < side) link(r * side + c, r * side + c + 1)
        if (r + 1 < side) link(r * side + c, (r + 1) * side + c)
      }
    for (let i = side * side + 1; i < n; i++) link(i - 1, i)
    for (const r of rows) r.sort((a, b) => a - b)
    const rowPtr = new Int32Array(n + 1)
    rows.forEach((nb, i) => {
      rowPtr[i + 1] = rowPtr[i]! + nb.length
    })
    const s: Csr = {
      n,
      rowPtr,
      colIdx: Int32Array.from(rows.flat()),
      values: Float64Array.from(rows.flatMap((nb, i) => nb.map((j) => 1 / Math.sqrt(nb.length * rows[j]!.length) + (i % 3) * 1e-3))),
    }
    const outcome = () => {
      const chol = sparseCholesky(s)
      // Not positive definite beyond 1/λ_max; the factor is then refused, and a later ρ factorises.
      return [1.6, 0.3, -2.5, -0.7, 0.95].map((rho) => (chol.factor(rho) ? chol.logDet() : null))
    }
    const wasm = outcome()
    useDenseKernel(false)
    const js = outcome()
    expect(wasm).toEqual(js)
    expect(wasm[0]).toBeNull()
    expect(wasm[2]).toBeNull()
    expect(wasm.filter((v) => v !== null).every(Number.isFinite)).toBe(true)
  })

  it("leaves sparse factorisations (Cholesky and LU) and their selected inverses unchanged to the last bit", () => {
    // I − ρS for a queen lattice of 70 × 70 (S symmetric, scaled like row-standardised weights): fronts large
    // enough for the kernel, and arenas above the size where they are WebAssembly memory.
    const side = 70
    const n = side * side
    const rows: number[][] = Array.from({ length: n }, () => [])
    for (let r = 0; r < side; r++)
      for (let c = 0; c < side; c++)
        for (let dr = -1; dr <= 1; dr++)
          for (let dc = -1; dc <= 1; dc++) {
            const rr = r + dr
            const cc = c + dc
            if ((dr !== 0 || dc !== 0) && rr >= 0 && rr < side && cc >= 0 && cc < side) rows[r * side + c]!.push(rr * side + cc)
          }
    const rowPtr = new Int32Array(n + 1)
    rows.forEach((nb, i) => {
      rowPtr[i + 1] = rowPtr[i]! + nb.length
    })
    const colIdx = Int32Array.from(rows.flat())
    const values = Float64Array.from(rows.flatMap((nb) => nb.map((j) => 1 / Math.sqrt(nb.length * rows[j]!.length))))
    const s: Csr = { n, rowPtr, colIdx, values }
    const outcome = () => {
      const chol = sparseCholesky(s)
      const logDets = [-0.5, 0.4, 0.9].map((rho) => {
        expect(chol.factor(rho)).toBe(true)
        return chol.logDet()
      })
      const inverse = chol.selectedInverse()
      return { logDets, diagonal: bits(inverse.diagonal), sum: inverse.sumProduct(s) }
    }
    const wasm = outcome()
    useDenseKernel(false)
    const js = outcome()
    expect(wasm).toEqual(js)
    expect(wasm.logDets.every(Number.isFinite)).toBe(true)

    // The LU route of asymmetric weights: the same lattice row-standardised (W itself, not its symmetric form).
    const w: Csr = { n, rowPtr, colIdx, values: Float64Array.from(rows.flatMap((nb) => nb.map(() => 1 / nb.length))) }
    const outcomeLU = () => {
      const lu = sparseLU(w)
      const logDets = [-0.5, 0.4, 0.9].map((rho) => {
        expect(lu.factor(rho)).toBe(true)
        return lu.logAbsDet()
      })
      const inverse = lu.selectedInverse()
      return { logDets, diagonal: bits(inverse.diagonal), sum: inverse.sumProduct(w) }
    }
    useDenseKernel(true)
    const wasmLU = outcomeLU()
    useDenseKernel(false)
    expect(wasmLU).toEqual(outcomeLU())
    // The two routes agree on the determinant (W and its symmetric form are similar).
    wasmLU.logDets.forEach((d, k) => {
      expect(d).toBeCloseTo(wasm.logDets[k]!, 9)
    })
  })
})
