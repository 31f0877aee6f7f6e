import { afterEach, describe, expect, it } from "vitest"
import type { CsrLike } from "../../src/econometrics/linalg/Csr.js"
import { similarityInKernel, useSimilarityKernel } from "../../src/econometrics/linalg/similarityKernel.js"
import { symmetricSimilarity } from "../../src/econometrics/linalg/symmetricSimilar.js"
import { seededRandom } from "../../src/econometrics/random/Random.js"
import { pattern } from "./sparsePatterns.js"

// The WebAssembly kernel must give the symmetric similarity of W (D and S) to the last bit of the JavaScript, and
// refuse the same matrices.
afterEach(() => useSimilarityKernel(true))

// W from undirected links with row weights: "row" standardises each row (W = D⁻¹B with B symmetric), "binary" keeps
// ones, "distance" weighs a link by a symmetric 1/(1 + |i − j|) before standardising.
const weights = (n: number, links: ReadonlyArray<readonly [number, number]>, style: "row" | "binary" | "distance"): CsrLike => {
  const { rowPtr, colIdx } = pattern(n, links)
  const values = new Float64Array(colIdx.length)
  for (let i = 0; i < n; i++) {
    const row = Array.from(colIdx.subarray(rowPtr[i]!, rowPtr[i + 1]!))
    const raw = row.map((j) => (style === "distance" ? 1 / (1 + Math.abs(i - j)) : 1))
    const sum = raw.reduce((a, b) => a + b, 0)
    raw.forEach((v, t) => {
      values[rowPtr[i]! + t] = style === "binary" ? 1 : v / sum
    })
  }
  return { rowPtr, colIdx, values }
}

const randomLinks = (n: number, m: number, seed: number): Array<[number, number]> => {
  const rng = seededRandom(seed)
  return Array.from({ length: m }, () => [Math.floor(rng.next() * n), Math.floor(rng.next() * n)] as [number, number])
}

const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length), String)

const both = (w: CsrLike) => {
  useSimilarityKernel(false)
  const loops = symmetricSimilarity(w)
  useSimilarityKernel(true)
  return { loops, kernel: symmetricSimilarity(w) }
}

describe("the symmetric similarity of W in WebAssembly", () => {
  it.each(["row", "binary", "distance"] as const)("%s weights on random graphs with isolated units: D and S to the last bit", (style) => {
    for (let seed = 1; seed <= 12; seed++) {
      const n = 1000 + 300 * seed
      const w = weights(n, randomLinks(n, 3 * n, seed), style)
      expect(w.rowPtr.length - 1 + w.colIdx.length).toBeGreaterThanOrEqual(4096)
      const { loops, kernel } = both(w)
      expect(loops).toBeDefined()
      expect(bits(kernel!.scale)).toEqual(bits(loops!.scale))
      expect(bits(kernel!.similar.values)).toEqual(bits(loops!.similar.values))
    }
  })

  it("refuses what the JavaScript refuses: a missing reverse link, a negative weight, inconsistent ratios", () => {
    const n = 2000
    const base = weights(n, randomLinks(n, 3 * n, 99), "row")
    const directed = { ...base, colIdx: base.colIdx.map((j, p) => (p === 10 ? (j + 1) % n : j)) }
    const negative = { ...base, values: base.values.map((v, p) => (p === 20 ? -v : v)) }
    // One weight changed without its reverse: the ratios around a cycle disagree.
    const inconsistent = { ...base, values: base.values.map((v, p) => (p === 30 ? v * 1.5 : v)) }
    for (const w of [directed, negative, inconsistent]) {
      const { loops, kernel } = both(w)
      expect(loops).toBeUndefined()
      expect(kernel).toBeUndefined()
      expect(similarityInKernel(w.rowPtr, w.colIdx, w.values)).toBeNull()
    }
  })
})
