import { afterEach, describe, expect, it } from "vitest"
import { choleskySymbolic, columnCounts, eliminationTree } from "../../src/econometrics/linalg/choleskySymbolic.js"
import { fillReducingAnalysis, orderedSymbolic } from "../../src/econometrics/linalg/fillReducingOrder.js"
import { columnCountsInKernel, eliminationTreeInKernel, supernodeRowsInKernel, useSymbolicKernel } from "../../src/econometrics/linalg/symbolicKernel.js"
import { seededRandom } from "../../src/econometrics/random/Random.js"
import { type Pattern, pattern, queenGrid } from "./sparsePatterns.js"

// The WebAssembly kernels of the symbolic analysis must give the same arrays as the JavaScript.
afterEach(() => useSymbolicKernel(true))

// Banded random edges with some long ones, a few dense rows and isolated units.
const randomGraph = (seed: number, n: number): Pattern => {
  const rng = seededRandom(seed)
  const edges: Array<[number, number]> = []
  for (let e = 0; e < 3 * n; e++) {
    const a = Math.floor(rng.next() * n)
    const long = rng.next() < 0.1
    edges.push([a, long ? Math.floor(rng.next() * n) : Math.min(n - 1, a + 1 + Math.floor(rng.next() * 12))])
  }
  for (let h = 0; h < 2; h++) {
    const hub = Math.floor(rng.next() * n)
    for (let i = 0; i < n; i += 7) edges.push([hub, i])
  }
  return pattern(n, edges)
}

const plain = (x: object) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, ArrayBuffer.isView(v) ? [v.constructor.name, ...(v as Int32Array)] : v]))

const inJavaScript = <T>(f: () => T): T => {
  useSymbolicKernel(false)
  try {
    return f()
  } finally {
    useSymbolicKernel(true)
  }
}

describe("the symbolic analysis in WebAssembly", () => {
  const graphs: Array<[string, Pattern]> = [
    ["random graph of 1,500 units", randomGraph(1, 1500)],
    ["random graph of 6,000 units", randomGraph(2, 6000)],
    ["queen grid 50 × 50", queenGrid(50, 50)],
    ["queen grid 80 × 80", queenGrid(80, 80)],
  ]

  it.each(graphs)("%s: the same analysis as the JavaScript, with and without the tree known", (_, p) => {
    const { order, tree } = fillReducingAnalysis(p.rowPtr, p.colIdx, p.n)
    const kernel = choleskySymbolic(p.rowPtr, p.colIdx, order)
    expect(plain(kernel)).toEqual(plain(inJavaScript(() => choleskySymbolic(p.rowPtr, p.colIdx, order))))
    expect(plain(orderedSymbolic(p.rowPtr, p.colIdx, p.n))).toEqual(plain(kernel))
    if (tree !== undefined) expect(plain(choleskySymbolic(p.rowPtr, p.colIdx, order, tree))).toEqual(plain(kernel))
  })

  it.each(graphs)("%s: the elimination tree and column counts of the natural and the chosen order", (_, p) => {
    for (const perm of [Int32Array.from({ length: p.n }, (_, i) => i), fillReducingAnalysis(p.rowPtr, p.colIdx, p.n).order]) {
      const iperm = new Int32Array(p.n)
      perm.forEach((v, k) => {
        iperm[v] = k
      })
      const parent = inJavaScript(() => eliminationTree(p.rowPtr, p.colIdx, perm, iperm))
      const count = inJavaScript(() => columnCounts(p.rowPtr, p.colIdx, perm, iperm, parent))
      // At this size both functions run in the kernels; their direct calls must agree too.
      expect(Array.from(eliminationTree(p.rowPtr, p.colIdx, perm, iperm))).toEqual(Array.from(parent))
      expect(Array.from(eliminationTreeInKernel(p.rowPtr, p.colIdx, perm, iperm)!)).toEqual(Array.from(parent))
      expect(Array.from(columnCounts(p.rowPtr, p.colIdx, perm, iperm, parent))).toEqual(Array.from(count))
      expect(Array.from(columnCountsInKernel(p.rowPtr, p.colIdx, perm, iperm, parent)!)).toEqual(Array.from(count))
    }
  })

  it("gives no row structure when it would hold more rows than asked for", () => {
    const p = queenGrid(50, 50)
    const sym = orderedSymbolic(p.rowPtr, p.colIdx, p.n)
    const rows = sym.rowIdx.length
    const exact = supernodeRowsInKernel(p.rowPtr, p.colIdx, sym.perm, sym.iperm, sym.superStart, sym.superParent, rows)
    expect(Array.from(exact!.rowIdx)).toEqual(Array.from(sym.rowIdx))
    expect(Array.from(exact!.relIdx)).toEqual(Array.from(sym.relIdx))
    expect(supernodeRowsInKernel(p.rowPtr, p.colIdx, sym.perm, sym.iperm, sym.superStart, sym.superParent, rows - 1)).toBeUndefined()
  })
})
