import { afterEach, describe, expect, it } from "vitest"
import type { CsrLike } from "../../src/econometrics/linalg/Csr.js"
import { symmetricSimilarity } from "../../src/econometrics/linalg/symmetricSimilar.js"
import { carve, carvedBytes } from "../../src/econometrics/linalg/wasmModule.js"
import { logDetSeries } from "../../src/econometrics/spatial/logDetSeries.js"
import { seriesKernels, useSeriesKernel } from "../../src/econometrics/spatial/seriesKernel.js"

// The WebAssembly kernels must give the log-determinant series to the last bit of the JavaScript loops.
afterEach(() => useSeriesKernel(true))

// Row-standardised weights from directed links (i → j), rows in the order given; units without links stay empty.
const rowStandardised = (n: number, links: ReadonlyArray<readonly [number, number]>): CsrLike => {
  const rows: number[][] = Array.from({ length: n }, () => [])
  for (const [i, j] of links) rows[i]!.push(j)
  const rowPtr = new Int32Array(n + 1)
  const colIdx: number[] = []
  const values: number[] = []
  rows.forEach((r, i) => {
    for (const j of r) {
      colIdx.push(j)
      values.push(1 / r.length)
    }
    rowPtr[i + 1] = colIdx.length
  })
  return { rowPtr, colIdx: Int32Array.from(colIdx), values: Float64Array.from(values) }
}

// Rook contiguity on a side × side lattice, both directions.
const lattice = (side: number): Array<[number, number]> => {
  const links: Array<[number, number]> = []
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      const i = r * side + c
      if (c + 1 < side) links.push([i, i + 1], [i + 1, i])
      if (r + 1 < side) links.push([i, i + side], [i + side, i])
    }
  return links
}

// Each unit points at three others drawn from a seeded generator (not symmetric; some drawn twice, some itself).
const directed = (n: number, seed: number): Array<[number, number]> => {
  let z = seed
  const next = () => {
    z = (Math.imul(z, 1103515245) + 12345) >>> 0
    return z % n
  }
  const links: Array<[number, number]> = []
  for (let i = 0; i < n; i++) for (let t = 0; t < 3; t++) links.push([i, next()])
  return links
}

const RHOS = [-0.9, -0.3, 0, 0.2, 0.5, 0.8, 0.95]
const both = (w: CsrLike, symmetric: boolean, rowStd: boolean) => {
  const read = () => {
    const s = logDetSeries(w, symmetric, rowStd)
    return RHOS.flatMap((r) => [s.value(r), s.derivative(r), s.second(r)])
  }
  useSeriesKernel(true)
  const kernel = read()
  useSeriesKernel(false)
  const loops = read()
  return { kernel, loops }
}

describe("log-determinant series kernels", () => {
  it("are available in Node", () => {
    expect(seriesKernels(1024)).toBeDefined()
    useSeriesKernel(false)
    expect(seriesKernels(1024)).toBeUndefined()
  })

  it("give the symmetric similar matrix's series to the last bit (16 probes)", () => {
    const w = rowStandardised(1600, lattice(40))
    const s = symmetricSimilarity(w)!.similar
    const { kernel, loops } = both(s, true, true)
    expect(kernel.every((v) => Number.isFinite(v))).toBe(true)
    expect(kernel).toEqual(loops)
    expect(kernel.map((v, k) => Object.is(v, loops[k]))).not.toContain(false)
  })

  it("give a directed graph's series to the last bit, with an odd number of probes (5), self-links and repeats", () => {
    const { kernel, loops } = both(rowStandardised(21_000, directed(21_000, 7)), false, true)
    expect(kernel.map((v, k) => Object.is(v, loops[k]))).not.toContain(false)
  })

  it("give the two-probe series of a large lattice to the last bit, with isolated units and a bipartite part", () => {
    // 265² units, plus 10 without neighbours and a pair linked to each other only (bipartite, −1 eigenvalue).
    const side = 265
    const n = side * side + 12
    const links = [...lattice(side), [n - 2, n - 1] as [number, number], [n - 1, n - 2] as [number, number]]
    const w = rowStandardised(n, links)
    const s = symmetricSimilarity(w)!.similar
    const { kernel, loops } = both(s, true, true)
    expect(kernel.map((v, k) => Object.is(v, loops[k]))).not.toContain(false)
  })

  it("count the same unit and −1 eigenvalues: units with incoming links only, odd cycles, bipartite parts", () => {
    // A directed part (every third unit points nowhere but is pointed at), a triangle and a 4-cycle, both ways.
    const n = 6000
    const links: Array<[number, number]> = directed(n - 7, 3).filter(([i]) => i % 3 !== 0)
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 4],
      [4, 5],
      [5, 6],
      [6, 3],
    ] as const)
      links.push([n - 7 + a, n - 7 + b], [n - 7 + b, n - 7 + a])
    const directedW = both(rowStandardised(n, links), false, true)
    expect(directedW.kernel.map((v, k) => Object.is(v, directedW.loops[k]))).not.toContain(false)
    // The symmetric similar matrix of the two cycles and a lattice: one −1 eigenvalue each for the lattice and the
    // 4-cycle, none for the triangle.
    const cycles = rowStandardised(1600 + 7, [
      ...lattice(40),
      ...links.filter(([i]) => i >= n - 7).map(([i, j]) => [i - n + 1607, j - n + 1607] as [number, number]),
    ])
    const symmetric = both(symmetricSimilarity(cycles)!.similar, true, true)
    expect(symmetric.kernel.map((v, k) => Object.is(v, symmetric.loops[k]))).not.toContain(false)
  })

  it("lay arrays out 8-byte aligned inside the memory and count their bytes", () => {
    const k = seriesKernels(carvedBytes([3, 5], [2]))!
    const a = carve(k.buffer)
    const i1 = a.int32(3)
    const i2 = a.int32(5)
    const f = a.float64(2)
    expect([i1.byteOffset, i2.byteOffset, f.byteOffset]).toEqual([0, 16, 40])
    expect(f.byteOffset + f.byteLength).toBe(carvedBytes([3, 5], [2]))
    expect(carve(undefined).float64(4).buffer).not.toBe(k.buffer)
  })
})
