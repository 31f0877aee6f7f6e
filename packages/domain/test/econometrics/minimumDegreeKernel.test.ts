import { afterEach, describe, expect, it } from "vitest"
import { approximateMinimumDegree, denseThreshold } from "../../src/econometrics/linalg/approximateMinimumDegree.js"
import { minimumDegreeInKernel, useMinimumDegreeKernel } from "../../src/econometrics/linalg/minimumDegreeKernel.js"
import { seededRandom } from "../../src/econometrics/random/Random.js"
import { type Pattern, pattern, queenGrid } from "./sparsePatterns.js"

// The WebAssembly kernel must give approximate minimum degree's order exactly as the JavaScript does: the order
// decides the factor, and so the last bits of every log-determinant.
afterEach(() => useMinimumDegreeKernel(true))

// Seeded random graphs of four kinds: scattered edges, banded edges, banded with three hubs (dense rows), banded
// with a 60-clique (supervariables of more than 32 members, sorted by hash).
const randomGraph = (seed: number): Pattern => {
  const rng = seededRandom(seed)
  const n = 5 + Math.floor(rng.next() * 400)
  const kind = seed % 4
  const edges: Array<[number, number]> = []
  const m = Math.floor(n * (1 + rng.next() * 8))
  for (let e = 0; e < m; e++) {
    const a = Math.floor(rng.next() * n)
    const b = kind === 0 ? Math.floor(rng.next() * n) : Math.min(n - 1, Math.max(0, a + Math.floor((rng.next() - 0.5) * 20)))
    edges.push([a, b])
  }
  if (kind === 2)
    for (let h = 0; h < 3; h++) {
      const hub = Math.floor(rng.next() * n)
      for (let i = 0; i < n; i += 2) edges.push([hub, i])
    }
  if (kind === 3) for (let a = 0; a < Math.min(n, 60); a++) for (let b = a + 1; b < Math.min(n, 60); b++) edges.push([a, b])
  return pattern(n, edges)
}

const inJavaScript = (p: Pattern): number[] => {
  useMinimumDegreeKernel(false)
  const order = Array.from(approximateMinimumDegree(p.rowPtr, p.colIdx, p.n))
  useMinimumDegreeKernel(true)
  return order
}

describe("approximate minimum degree in WebAssembly", () => {
  it.each([
    ["queen grid 40 × 40", queenGrid(40, 40)],
    ["queen grid 6 × 700", queenGrid(6, 700)],
    ["queen grid 120 × 120", queenGrid(120, 120)],
  ])("%s: the same order as the JavaScript", (_, p) => {
    const kernel = minimumDegreeInKernel(p.rowPtr, p.colIdx, p.n, denseThreshold(p.n))
    expect(kernel).toBeDefined()
    expect(Array.from(kernel!)).toEqual(inJavaScript(p))
    // approximateMinimumDegree takes the kernel at this size.
    expect(Array.from(approximateMinimumDegree(p.rowPtr, p.colIdx, p.n))).toEqual(Array.from(kernel!))
  })

  it("the same order on 120 random graphs with hubs, cliques and isolated units", () => {
    for (let seed = 1; seed <= 120; seed++) {
      const p = randomGraph(seed)
      const kernel = minimumDegreeInKernel(p.rowPtr, p.colIdx, p.n, denseThreshold(p.n))
      expect(kernel, `seed ${seed}`).toBeDefined()
      expect(Array.from(kernel!), `seed ${seed}`).toEqual(inJavaScript(p))
    }
  })

  it("moves its lists down when its pool is full, with the same order; gives nothing when even that is too little", () => {
    let compacted = 0
    for (let seed = 1; seed <= 40; seed++) {
      const p = randomGraph(seed)
      const nnz = p.rowPtr[p.n]!
      const expected = inJavaScript(p)
      // The pattern's rows alone take nnz + 2n + 2 entries: anything more the order needs comes from moving lists.
      for (const cap of [nnz + 2 * p.n + 2, nnz + 3 * p.n + 16, 2 * nnz + 4 * p.n]) {
        const order = minimumDegreeInKernel(p.rowPtr, p.colIdx, p.n, denseThreshold(p.n), cap)
        if (order === undefined) continue
        compacted++
        expect(Array.from(order), `seed ${seed}, pool ${cap}`).toEqual(expected)
      }
      // Too small for the rows themselves.
      if (nnz > 0) expect(minimumDegreeInKernel(p.rowPtr, p.colIdx, p.n, denseThreshold(p.n), nnz)).toBeUndefined()
    }
    expect(compacted).toBeGreaterThan(60)
  })
})
