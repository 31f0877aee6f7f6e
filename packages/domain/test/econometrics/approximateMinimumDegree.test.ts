import { describe, expect, it } from "vitest"
import { approximateMinimumDegree } from "../../src/econometrics/linalg/approximateMinimumDegree.js"
import { choleskyFlops, choleskySymbolic, columnCounts, eliminationTree } from "../../src/econometrics/linalg/choleskySymbolic.js"
import { fillReducingAnalysis, fillReducingOrder, orderedSymbolic } from "../../src/econometrics/linalg/fillReducingOrder.js"
import { minimumDegreeOrder } from "../../src/econometrics/linalg/minimumDegree.js"
import { nestedDissectionOrder } from "../../src/econometrics/linalg/nestedDissection.js"
import { seededRandom } from "../../src/econometrics/random/Random.js"
import { type Pattern, pattern, queenGrid } from "./sparsePatterns.js"

// k nearest neighbours of seeded random points in the unit square, made symmetric.
const nearestNeighbours = (n: number, k: number, seed: number): Pattern => {
  const rng = seededRandom(seed)
  const x = Array.from({ length: n }, () => rng.next())
  const y = Array.from({ length: n }, () => rng.next())
  const edges: Array<[number, number]> = []
  for (let i = 0; i < n; i++) {
    const d = Array.from({ length: n }, (_, j) => [(x[i]! - x[j]!) ** 2 + (y[i]! - y[j]!) ** 2, j] as const)
      .filter(([, j]) => j !== i)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    for (let m = 0; m < k; m++) edges.push([i, d[m]![1]])
  }
  return pattern(n, edges)
}

const flops = (p: Pattern, perm: Int32Array): number => {
  const iperm = new Int32Array(p.n)
  for (let k = 0; k < p.n; k++) iperm[perm[k]!] = k
  return choleskyFlops(columnCounts(p.rowPtr, p.colIdx, perm, iperm, eliminationTree(p.rowPtr, p.colIdx, perm, iperm)))
}

const isPermutation = (perm: Int32Array, n: number): boolean => perm.length === n && new Set(perm).size === n && perm.every((v) => v >= 0 && v < n)

const amd = (p: Pattern) => approximateMinimumDegree(p.rowPtr, p.colIdx, p.n)

describe("approximate minimum degree", () => {
  const graphs: Array<[string, Pattern]> = [
    ["queen grid 30 × 30", queenGrid(30, 30)],
    ["queen grid 7 × 60", queenGrid(7, 60)],
    ["6 nearest neighbours of 600 points", nearestNeighbours(600, 6, 20261207)],
    ["4 nearest neighbours of 400 points", nearestNeighbours(400, 4, 7)],
  ]

  it.each(graphs)("%s: a permutation with fill within 15 %% of exact minimum degree", (_, p) => {
    const perm = amd(p)
    expect(isPermutation(perm, p.n)).toBe(true)
    const exact = flops(p, minimumDegreeOrder(p.rowPtr, p.colIdx, p.n))
    expect(flops(p, perm)).toBeLessThanOrEqual(1.15 * exact)
    // Far below the natural order's fill.
    expect(flops(p, perm)).toBeLessThan(
      flops(
        p,
        Int32Array.from({ length: p.n }, (_, i) => i),
      ),
    )
  })

  it("is a function of the pattern alone", () => {
    const p = nearestNeighbours(500, 5, 11)
    expect(Array.from(amd(p))).toEqual(Array.from(amd(p)))
  })

  it("orders a tree without fill (leaves first)", () => {
    // A random tree: every column count equals 1 + the node's edges to later nodes, i.e. no fill at all.
    const rng = seededRandom(3)
    const n = 300
    const edges: Array<[number, number]> = []
    for (let i = 1; i < n; i++) edges.push([i, Math.floor(rng.next() * i)])
    const p = pattern(n, edges)
    const noFill = p.n + p.colIdx.length / 2
    const perm = amd(p)
    const iperm = new Int32Array(n)
    for (let k = 0; k < n; k++) iperm[perm[k]!] = k
    const counts = columnCounts(p.rowPtr, p.colIdx, perm, iperm, eliminationTree(p.rowPtr, p.colIdx, perm, iperm))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(noFill)
  })

  it("puts a dense row last and still orders the rest", () => {
    // A hub joined to every node of a path: its degree exceeds max(16, 10√n).
    const n = 200
    const edges: Array<[number, number]> = []
    for (let i = 1; i < n - 1; i++) edges.push([i, i + 1])
    for (let i = 1; i < n; i++) edges.push([0, i])
    const p = pattern(n, edges)
    const perm = amd(p)
    expect(isPermutation(perm, n)).toBe(true)
    expect(perm[n - 1]).toBe(0)
    // The path, then the hub: every column holds at most itself, its next neighbour and the hub.
    expect(flops(p, perm)).toBeLessThanOrEqual(9 * n)
  })

  it("merges indistinguishable nodes: cliques, isolated nodes and separate components", () => {
    const edges: Array<[number, number]> = []
    // Two 12-cliques joined by one edge, a 5-cycle, and 3 isolated nodes (ids 29–31).
    for (const base of [0, 12]) for (let a = 0; a < 12; a++) for (let b = a + 1; b < 12; b++) edges.push([base + a, base + b])
    edges.push([11, 12])
    for (let i = 0; i < 5; i++) edges.push([24 + i, 24 + ((i + 1) % 5)])
    const p = pattern(32, edges)
    const perm = amd(p)
    expect(isPermutation(perm, 32)).toBe(true)
    expect(flops(p, perm)).toBe(flops(p, minimumDegreeOrder(p.rowPtr, p.colIdx, p.n)))
  })
})

describe("fillReducingOrder: which order 'auto' takes", () => {
  it("keeps minimum degree when its factor has little fill (a long strip of 6,000 units)", () => {
    const p = queenGrid(3, 2000)
    const order = fillReducingOrder(p.rowPtr, p.colIdx, p.n)
    expect(Array.from(order)).toEqual(Array.from(amd(p)))
  })

  it("takes the order with fewer flops on a mesh (an 80 × 80 grid)", () => {
    const p = queenGrid(80, 80)
    const order = fillReducingOrder(p.rowPtr, p.colIdx, p.n)
    const md = flops(p, amd(p))
    const nd = flops(p, nestedDissectionOrder(p.rowPtr, p.colIdx, p.n))
    expect(flops(p, order)).toBe(Math.min(md, nd))
    expect(md).toBeGreaterThan(64 * p.colIdx.length)
  })
})

describe("orderedSymbolic: the tree found while choosing the order is used again", () => {
  it("gives the same symbolic analysis as computing the tree afresh", () => {
    for (const p of [queenGrid(3, 2000), queenGrid(80, 80), queenGrid(40, 40)]) {
      const { order, tree } = fillReducingAnalysis(p.rowPtr, p.colIdx, p.n)
      // Between 5,000 and 40,000 units the choice computes the tree; below it does not.
      expect(tree !== undefined).toBe(p.n > 5000)
      const again = choleskySymbolic(p.rowPtr, p.colIdx, order)
      const reused = orderedSymbolic(p.rowPtr, p.colIdx, p.n)
      expect(Object.keys(reused).length).toBe(Object.keys(again).length)
      for (const [key, value] of Object.entries(again)) expect((reused as unknown as Record<string, unknown>)[key], key).toEqual(value)
    }
  })
})
