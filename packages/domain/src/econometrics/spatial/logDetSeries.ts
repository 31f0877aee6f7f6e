import type { CsrLike } from "../linalg/Csr.js"
import { carve, carvedBytes, inRowRanges } from "../linalg/wasmModule.js"
import { seededRandom } from "../random/Random.js"
import { type SeriesKernels, seriesKernels } from "./seriesKernel.js"

/** An approximation of log|I − ρW| for every ρ, with its first two derivatives. */
export interface LogDetSeries {
  value(rho: number): number
  derivative(rho: number): number
  second(rho: number): number
}

/**
 * A cheap approximation of log|I − ρW| = −Σ_k ρ^k tr(W^k)/k for locating the maximum of a likelihood
 * before exact factorisations (Barry & Pace 1999 with Hutchinson's trace estimates): tr W, tr W² and tr W³
 * exactly; tr W^k for k ≥ 4 from z'W^k z over seeded Rademacher probes z (for a symmetric similar S,
 * z'S^{2j}z = ‖S^j z‖², so m products give 2m moments); and, for row-standardised W, the unit eigenvalue of
 * each connected component (and −1 for bipartite ones) taken out exactly as c·log(1 − ρ), which keeps the
 * series useful near ρ = 1. Not exact: the estimators only choose where the exact log-determinant is
 * evaluated (see maximizeConcentrated).
 * @internal
 * @example logDetSeries(w, true).value(0.4)
 */
export const logDetSeries = (given: CsrLike, symmetric: boolean, rowStandardised: boolean, terms = 40, seed = 20261206): LogDetSeries => {
  // Traces are invariant under a symmetric permutation; a breadth-first numbering keeps neighbours close in
  // memory, so the 40 products with W read x from cache (units in random order, e.g. k nearest neighbours of
  // scattered points, otherwise cost a cache miss per stored entry and pass).
  const n = given.rowPtr.length - 1
  const nnz = given.rowPtr[n]!
  const probes = Math.max(2, Math.min(16, Math.round(100_000 / Math.max(1, n))))
  // W and Wᵀ, the scratch rows of the traces, their results and three blocks of probes, in the kernels' memory when
  // there is one; with the kernels, also the given W and the renumbering's scratch (its Wᵀ pattern, order, numbers).
  const kernel = seriesKernels(
    carvedBytes([n + 1, nnz, n + 1, nnz, n, n, n, n + 1, nnz, n + 1, nnz, n, n, n, 2], [nnz, nnz, nnz, n, n, 3, n * probes, n * probes, n * probes]),
  )
  const arena = carve(kernel?.buffer)
  const w = kernel === undefined ? breadthFirst(given, arena) : breadthFirstInKernel(given, arena, kernel)
  const { rowPtr, colIdx, values } = w
  // Transpose of W (CSR of Wᵀ) for tr(W³).
  const tPtr = arena.int32(n + 1)
  const tIdx = arena.int32(nnz)
  const tVal = arena.float64(nnz)
  if (kernel !== undefined)
    kernel.transpose(rowPtr.byteOffset, colIdx.byteOffset, values.byteOffset, n, tPtr.byteOffset, tIdx.byteOffset, tVal.byteOffset, arena.int32(n).byteOffset)
  else {
    for (let p = 0; p < nnz; p++) tPtr[colIdx[p]! + 1]!++
    for (let i = 0; i < n; i++) tPtr[i + 1]! += tPtr[i]!
    const next = tPtr.slice(0, n)
    for (let i = 0; i < n; i++)
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        const q = next[colIdx[p]!]!++
        tIdx[q] = i
        tVal[q] = values[p]!
      }
  }
  // Exact tr W, tr W², tr W³: row i of W² scattered densely, dotted with column i of W.
  let t1 = 0
  let t2 = 0
  let t3 = 0
  const acc = arena.float64(n)
  const colI = arena.float64(n)
  const res = arena.float64(3)
  if (kernel !== undefined) {
    const at = (a: Int32Array | Float64Array) => a.byteOffset
    inRowRanges(n, (from, to) => kernel.traces(at(rowPtr), at(colIdx), at(values), at(tPtr), at(tIdx), at(tVal), at(acc), at(colI), from, to, at(res)))
    t1 = res[0]!
    t2 = res[1]!
    t3 = res[2]!
  } else {
    for (let i = 0; i < n; i++) {
      for (let q = tPtr[i]!; q < tPtr[i + 1]!; q++) colI[tIdx[q]!] = tVal[q]!
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        const j = colIdx[p]!
        const wij = values[p]!
        if (j === i) t1 += wij
        t2 += wij * colI[j]!
        for (let r = rowPtr[j]!; r < rowPtr[j + 1]!; r++) acc[colIdx[r]!]! += wij * values[r]!
      }
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        const j = colIdx[p]!
        for (let r = rowPtr[j]!; r < rowPtr[j + 1]!; r++) {
          const k = colIdx[r]!
          if (acc[k] !== 0) {
            t3 += acc[k]! * colI[k]!
            acc[k] = 0
          }
        }
      }
      for (let q = tPtr[i]!; q < tPtr[i + 1]!; q++) colI[tIdx[q]!] = 0
    }
  }
  // Unit (and, for bipartite components, −1) eigenvalues of row-standardised W, taken out exactly.
  let ones = 0
  let minusOnes = 0
  if (rowStandardised && kernel !== undefined) {
    const counts = arena.int32(2)
    kernel.components(
      rowPtr.byteOffset,
      colIdx.byteOffset,
      tPtr.byteOffset,
      tIdx.byteOffset,
      n,
      arena.int32(n).byteOffset,
      arena.int32(n).byteOffset,
      counts.byteOffset,
    )
    ones = counts[0]!
    minusOnes = symmetric ? counts[1]! : 0
  } else if (rowStandardised) {
    const colour = new Int8Array(n)
    const queue = new Int32Array(n)
    for (let s = 0; s < n; s++) {
      if (colour[s] !== 0 || rowPtr[s + 1] === rowPtr[s]) continue
      colour[s] = 1
      let head = 0
      let tail = 0
      queue[tail++] = s
      let bipartite = true
      while (head < tail) {
        const v = queue[head++]!
        for (let p = rowPtr[v]!; p < rowPtr[v + 1]!; p++) {
          const u = colIdx[p]!
          if (colour[u] === 0) {
            colour[u] = -colour[v]! as 1 | -1
            queue[tail++] = u
          } else if (colour[u] === colour[v]) bipartite = false
        }
        for (let q = tPtr[v]!; q < tPtr[v + 1]!; q++) {
          const u = tIdx[q]!
          if (colour[u] === 0) {
            colour[u] = -colour[v]! as 1 | -1
            queue[tail++] = u
          } else if (colour[u] === colour[v]) bipartite = false
        }
      }
      ones++
      if (bipartite && symmetric) minusOnes++
    }
  }
  // Stochastic moments z'W^k z, k = 1 … terms, averaged over probes (interleaved: one pass over W per power).
  const z = arena.float64(n * probes)
  if (kernel !== undefined) kernel.probes(seed, z.byteOffset, z.length)
  else {
    const rng = seededRandom(seed)
    for (let i = 0; i < z.length; i++) z[i] = rng.next() < 0.5 ? -1 : 1
  }
  const moments = new Float64Array(terms + 1)
  const mult = (x: Float64Array, out: Float64Array) => {
    if (kernel !== undefined) {
      kernel.spmm(rowPtr.byteOffset, colIdx.byteOffset, values.byteOffset, x.byteOffset, out.byteOffset, n, probes)
      return
    }
    if (probes === 2) {
      // Two probes (every n ≥ 66,667): sums in registers, the same terms in the same order as the loop below.
      for (let i = 0; i < n; i++) {
        let s0 = 0
        let s1 = 0
        for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
          const v = values[p]!
          const xj = colIdx[p]! * 2
          s0 += v * x[xj]!
          s1 += v * x[xj + 1]!
        }
        out[2 * i] = s0
        out[2 * i + 1] = s1
      }
      return
    }
    out.fill(0)
    for (let i = 0; i < n; i++) {
      const oi = i * probes
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        const v = values[p]!
        const xj = colIdx[p]! * probes
        for (let c = 0; c < probes; c++) out[oi + c]! += v * x[xj + c]!
      }
    }
  }
  const dotAll = (a: Float64Array, b: Float64Array) => {
    if (kernel !== undefined) return kernel.dot(0, a.byteOffset, b.byteOffset, a.length) / probes
    let s = 0
    for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!
    return s / probes
  }
  let x = arena.float64(n * probes)
  x.set(z)
  let y = arena.float64(n * probes)
  if (symmetric) {
    // x_j = S^j z: moments 2j = ‖x_j‖², 2j + 1 = x_j'x_{j+1}.
    for (let j = 0; 2 * j + 1 <= terms; j++) {
      mult(x, y)
      if (2 * j <= terms) moments[2 * j] = dotAll(x, x)
      moments[2 * j + 1] = dotAll(x, y)
      ;[x, y] = [y, x]
    }
    if (terms % 2 === 0) moments[terms] = dotAll(x, x)
  } else {
    for (let k = 1; k <= terms; k++) {
      mult(x, y)
      moments[k] = dotAll(z, y)
      ;[x, y] = [y, x]
    }
  }
  const t = new Float64Array(terms + 1)
  for (let k = 1; k <= terms; k++) t[k] = k === 1 ? t1 : k === 2 ? t2 : k === 3 ? t3 : moments[k]!
  // Remainder traces with the ±1 eigenvalues removed.
  const r = new Float64Array(terms + 1)
  for (let k = 1; k <= terms; k++) r[k] = t[k]! - ones - (k % 2 === 0 ? minusOnes : -minusOnes)
  const value = (rho: number): number => {
    let s = ones * Math.log(1 - rho) + minusOnes * Math.log(1 + rho)
    let pk = 1
    for (let k = 1; k <= terms; k++) {
      pk *= rho
      s -= (pk * r[k]!) / k
    }
    return s
  }
  const derivative = (rho: number): number => {
    let s = -ones / (1 - rho) + minusOnes / (1 + rho)
    let pk = 1
    for (let k = 1; k <= terms; k++) {
      s -= pk * r[k]!
      pk *= rho
    }
    return s
  }
  const second = (rho: number): number => {
    let s = -ones / (1 - rho) ** 2 - minusOnes / (1 + rho) ** 2
    let pk = 1
    for (let k = 2; k <= terms; k++) {
      s -= (k - 1) * pk * r[k]!
      pk *= rho
    }
    return s
  }
  return { value, derivative, second }
}

// breadthFirst by the kernels: W copied into their memory, Wᵀ's pattern, then the numbering and W renumbered.
const breadthFirstInKernel = (
  w: CsrLike,
  arena: ReturnType<typeof carve>,
  kernel: SeriesKernels,
): { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array } => {
  const n = w.rowPtr.length - 1
  const nnz = w.rowPtr[n]!
  const rowPtr = arena.int32Of(w.rowPtr.subarray(0, n + 1))
  const colIdx = arena.int32Of(w.colIdx.subarray(0, nnz))
  const values = arena.float64Of(w.values.subarray(0, nnz))
  const tPtr = arena.int32(n + 1)
  const tIdx = arena.int32(nnz)
  const at = (a: Int32Array | Float64Array) => a.byteOffset
  kernel.transpose(at(rowPtr), at(colIdx), 0, n, at(tPtr), at(tIdx), 0, at(arena.int32(n)))
  const ptr = arena.int32(n + 1)
  const idx = arena.int32(nnz)
  const val = arena.float64(nnz)
  kernel.renumber(at(rowPtr), at(colIdx), at(values), n, at(tPtr), at(tIdx), at(arena.int32(n)), at(arena.int32(n)), at(ptr), at(idx), at(val))
  return { rowPtr: ptr, colIdx: idx, values: val }
}

// W renumbered in breadth-first order over the graph of W + Wᵀ (each component from its lowest unvisited unit).
const breadthFirst = (w: CsrLike, arena: ReturnType<typeof carve>): { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array } => {
  const n = w.rowPtr.length - 1
  const { rowPtr, colIdx, values } = w
  const nnz = rowPtr[n]!
  const tPtr = new Int32Array(n + 1)
  for (let p = 0; p < nnz; p++) tPtr[colIdx[p]! + 1]!++
  for (let i = 0; i < n; i++) tPtr[i + 1]! += tPtr[i]!
  const tIdx = new Int32Array(nnz)
  const fill = tPtr.slice(0, n)
  for (let i = 0; i < n; i++) for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) tIdx[fill[colIdx[p]!]!++] = i
  const order = new Int32Array(n)
  const newOf = new Int32Array(n).fill(-1)
  let tail = 0
  for (let s = 0; s < n; s++) {
    if (newOf[s] !== -1) continue
    newOf[s] = tail
    order[tail++] = s
    for (let head = tail - 1; head < tail; head++) {
      const v = order[head]!
      for (let p = rowPtr[v]!; p < rowPtr[v + 1]!; p++) {
        const u = colIdx[p]!
        if (newOf[u] === -1) {
          newOf[u] = tail
          order[tail++] = u
        }
      }
      for (let q = tPtr[v]!; q < tPtr[v + 1]!; q++) {
        const u = tIdx[q]!
        if (newOf[u] === -1) {
          newOf[u] = tail
          order[tail++] = u
        }
      }
    }
  }
  const ptr = arena.int32(n + 1)
  const idx = arena.int32(nnz)
  const val = arena.float64(nnz)
  for (let k = 0; k < n; k++) {
    const old = order[k]!
    let q = ptr[k]!
    for (let p = rowPtr[old]!; p < rowPtr[old + 1]!; p++, q++) {
      idx[q] = newOf[colIdx[p]!]!
      val[q] = values[p]!
    }
    ptr[k + 1] = q
  }
  return { rowPtr: ptr, colIdx: idx, values: val }
}
