import { describe, expect, it } from "vitest"
import { addRuns, consecutiveRuns, gatherFront, lowerInverseRows, transposeInto } from "../../src/econometrics/linalg/denseBlocks.js"
import { denseArena } from "../../src/econometrics/linalg/denseKernel.js"

const filled = (length: number) => Float64Array.from({ length }, (_, k) => k + 0.5)

describe("dense block moves", () => {
  it("transposeInto writes every entry of the block's transpose and nothing else, for any shape and offsets", () => {
    for (const [rows, cols] of [
      [1, 1],
      [7, 3],
      [8, 8],
      [9, 17],
      [23, 5],
      [64, 40],
    ] as const) {
      const lds = rows + 3
      const ldd = cols + 2
      const src = filled(5 + lds * cols)
      const dst = new Float64Array(4 + ldd * rows + 7).fill(-1)
      transposeInto(src, 5, lds, rows, cols, dst, 4, ldd)
      const expected = new Float64Array(dst.length).fill(-1)
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expected[4 + i * ldd + j] = src[5 + j * lds + i]!
      expect(Array.from(dst)).toEqual(Array.from(expected))
    }
  })

  it("consecutiveRuns marks where each run of consecutive parent positions ends, per supernode", () => {
    // Two supernodes of one column each; the first has rows below at parent positions 2, 3, 4, 7, 8, 10.
    const relIdx = Int32Array.from([0, 2, 3, 4, 7, 8, 10, 0, 1, 2])
    const runEnd = consecutiveRuns({ nsuper: 2, superStart: Int32Array.from([0, 1, 2]), rowPtr: Int32Array.from([0, 7, 10]), relIdx })
    expect(Array.from(runEnd.subarray(1, 7))).toEqual([3, 3, 3, 5, 5, 6])
    expect(Array.from(runEnd.subarray(8, 10))).toEqual([2, 2])
  })

  it("gatherFront copies the parent's entries at the child's rows and columns, runs long or short", () => {
    const ldp = 40
    const parent = filled(ldp * ldp)
    // Rows below one pivot: a short run, a run of 14 (moved as a block) and single rows.
    const rows = [1, 2, 3, ...Array.from({ length: 14 }, (_, k) => 10 + k), 30, 35, 36]
    const relIdx = Int32Array.from([0, ...rows])
    const runEnd = consecutiveRuns({ nsuper: 1, superStart: Int32Array.from([0, 1]), rowPtr: Int32Array.from([0, relIdx.length]), relIdx })
    const m = rows.length
    const dst = new Float64Array(m * (m + 1)).fill(-1)
    gatherFront(parent, 0, ldp, relIdx, runEnd, 1, m, dst, 0, m + 1)
    for (let t2 = 0; t2 < m; t2++) for (let t1 = 0; t1 < m + 1; t1++) expect(dst[t2 * (m + 1) + t1]).toBe(t1 < m ? parent[rows[t2]! * ldp + rows[t1]!] : -1)
  })

  it("lowerInverseRows inverts a lower-triangular block, unit or not, in or out of a kernel arena", () => {
    for (const nc of [1, 5, 8, 37, 100]) {
      const ld = nc + 2
      // A well-conditioned lower-triangular T in a column-major block with junk above the diagonal.
      const t = Float64Array.from({ length: 3 + ld * nc }, (_, k) => Math.sin(k) * 0.3)
      for (let c = 0; c < nc; c++) t[3 + c * ld + c] = 2 + Math.cos(c)
      for (const unit of [false, true]) {
        for (const makeArray of [(n: number) => new Float64Array(n), denseArena]) {
          const x = makeArray(2 + nc * nc + nc * nc + 8 * nc)
          lowerInverseRows(t, 3, ld, nc, unit ? undefined : t, x, 2, x, 2 + nc * nc)
          const T = (i: number, k: number) => (i < k ? 0 : i === k ? (unit ? 1 : t[3 + k * ld + i]!) : t[3 + k * ld + i]!)
          for (let p = 0; p < nc; p++)
            for (let k = 0; k < nc; k++) {
              let s = 0
              for (let j = 0; j < nc; j++) s += x[2 + p * nc + j]! * T(j, k)
              expect(Math.abs(s - (p === k ? 1 : 0))).toBeLessThan(1e-12)
              if (k > p) expect(x[2 + p * nc + k]).toBe(0)
            }
        }
      }
    }
  })

  it("addRuns adds a column's entries at the parent rows, run by run, from any starting row", () => {
    const rows = [0, 1, 2, 5, 6, 9]
    const relIdx = Int32Array.from([0, ...rows])
    const runEnd = consecutiveRuns({ nsuper: 1, superStart: Int32Array.from([0, 1]), rowPtr: Int32Array.from([0, relIdx.length]), relIdx })
    const src = Float64Array.from({ length: 20 }, (_, k) => k + 0.25)
    for (const from of [0, 1, 3, 5]) {
      const target = new Float64Array(30).fill(1)
      addRuns(target, 4, src, 7, relIdx, runEnd, 1, from, rows.length)
      const expected = new Float64Array(30).fill(1)
      for (let t = from; t < rows.length; t++) expected[4 + rows[t]!]! += src[7 + t]!
      expect(Array.from(target)).toEqual(Array.from(expected))
    }
  })
})
