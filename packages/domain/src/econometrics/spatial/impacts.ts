import type { Csr } from "../linalg/Csr.js"
import type { SparseCholesky } from "../linalg/SparseCholesky.js"
import { seededRandom } from "../random/Random.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { spatialLag } from "../weights/spatialLag.js"
import type { Impact } from "./SpatialFit.js"

/**
 * Average impacts of a spatial lag model (LeSage & Pace 2009; spatialreg impacts()): with S = (I − ρW)⁻¹,
 * direct = β·tr(S)/n, total = β·1'S1/n, indirect = total − direct. The intercept (named "(Intercept)")
 * is skipped. `exact` carries tr(S) and 1'S1 when a dense inverse was computed; otherwise tr(S) is
 * n + ρ tr W + ρ² tr W² exactly plus a Monte Carlo estimate (Rademacher probes z, fixed seed) of the
 * remainder tr(S − I − ρW − ρ²W²): with a sparse Cholesky factor of I − ρS (S similar to W) through
 * z'(I − ρS)⁻¹z, otherwise through the power series Σ_{p≥3} ρ^p z'W^p z; 1'S1 comes from iterating
 * x = 1 + ρWx.
 * @example lagImpacts(["INC"], [-1.07], 0.40, w) // { INC: { direct, indirect, total } }
 */
export const lagImpacts = (
  names: ReadonlyArray<string>,
  beta: ArrayLike<number>,
  rho: number,
  w: SpatialWeights | Csr,
  exact?: { readonly traceS: number; readonly sumS: number },
  sparse?: { readonly cholesky: SparseCholesky; readonly similar: Csr },
  probes = 64,
): { readonly impacts: Record<string, Impact>; readonly method: "exact" | "monte-carlo" } => {
  const n = w.rowPtr.length - 1
  let traceS: number
  let sumS: number
  if (exact !== undefined) {
    traceS = exact.traceS
    sumS = exact.sumS
  } else {
    traceS = monteCarloTrace(w, rho, probes, sparse)
    sumS = totalMultiplier(w, rho)
  }
  const impacts: Record<string, Impact> = {}
  names.forEach((name, j) => {
    if (name === "(Intercept)") return
    const b = beta[j]!
    const direct = (b * traceS) / n
    const total = (b * sumS) / n
    impacts[name] = { direct, indirect: total - direct, total }
  })
  return { impacts, method: exact !== undefined ? "exact" : "monte-carlo" }
}

// 1'(I − ρW)⁻¹1: n/(1 − ρ) when every row sums to one, otherwise by iterating x = 1 + ρWx.
const totalMultiplier = (w: SpatialWeights | Csr, rho: number): number => {
  const n = w.rowPtr.length - 1
  let rowStandardised = true
  for (let i = 0; i < n && rowStandardised; i++) {
    let s = 0
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) s += w.values[p]!
    if (Math.abs(s - 1) > 1e-12) rowStandardised = false
  }
  if (rowStandardised) return n / (1 - rho)
  let x = new Float64Array(n).fill(1)
  let next = new Float64Array(n)
  const wx = new Float64Array(n)
  for (let it = 0; it < 100_000; it++) {
    spatialLag(w, x, wx)
    let change = 0
    for (let i = 0; i < n; i++) {
      next[i] = 1 + rho * wx[i]!
      change = Math.max(change, Math.abs(next[i]! - x[i]!))
    }
    ;[x, next] = [next, x]
    if (change < 1e-13 * Math.max(1, Math.abs(x[0]!))) break
  }
  let sum = 0
  for (let i = 0; i < n; i++) sum += x[i]!
  return sum
}

const monteCarloTrace = (
  w: SpatialWeights | Csr,
  rho: number,
  probes: number,
  sparse?: { readonly cholesky: SparseCholesky; readonly similar: Csr },
): number => {
  const n = w.rowPtr.length - 1
  // Exact low-order traces.
  let tr1 = 0
  let tr2 = 0
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      const j = w.colIdx[p]!
      if (j === i) tr1 += w.values[p]!
      // w_ij · w_ji
      for (let q = w.rowPtr[j]!; q < w.rowPtr[j + 1]!; q++) if (w.colIdx[q] === i) tr2 += w.values[p]! * w.values[q]!
    }
  const rng = seededRandom(20_261_126)
  if (sparse?.cholesky.factor(rho)) {
    // z'(I − ρS)⁻¹z − z'z − ρ z'Sz − ρ² ‖Sz‖² estimates the remainder ρ³ tr(S³(I − ρS)⁻¹); probes are
    // solved in blocks of 16 right-hand sides.
    const block = 16
    let tail = 0
    for (let done = 0; done < probes; done += block) {
      const m = Math.min(block, probes - done)
      const zs = new Float64Array(n * m)
      for (let i = 0; i < n * m; i++) zs[i] = rng.next() < 0.5 ? -1 : 1
      const xs = sparse.cholesky.solveMany(zs, m)
      // S·z for all m probes at once (same interleaved layout), then the sums over every entry.
      const { rowPtr, colIdx, values } = sparse.similar
      const szs = new Float64Array(n * m)
      for (let i = 0; i < n; i++) {
        const si = i * m
        for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
          const v = values[p]!
          const sj = colIdx[p]! * m
          for (let c = 0; c < m; c++) szs[si + c]! += v * zs[sj + c]!
        }
      }
      let zx = 0
      let zsz = 0
      let ss = 0
      for (let i = 0; i < n * m; i++) {
        zx += zs[i]! * xs[i]!
        zsz += zs[i]! * szs[i]!
        ss += szs[i]! * szs[i]!
      }
      tail += zx - n * m - rho * zsz - rho * rho * ss
    }
    return n + rho * tr1 + rho * rho * tr2 + tail / probes
  }
  const maxPower = Math.min(500, Math.max(3, Math.ceil(Math.log(1e-12) / Math.log(Math.abs(rho) || 1e-3))))
  let tail = 0
  const z = new Float64Array(n)
  let v = new Float64Array(n)
  let t = new Float64Array(n)
  for (let r = 0; r < probes; r++) {
    for (let i = 0; i < n; i++) z[i] = rng.next() < 0.5 ? -1 : 1
    v.set(z)
    let rp = 1
    for (let p = 1; p <= maxPower; p++) {
      spatialLag(w, v, t)
      ;[v, t] = [t, v]
      rp *= rho
      if (p >= 3) {
        let s = 0
        for (let i = 0; i < n; i++) s += z[i]! * v[i]!
        tail += rp * s
      }
    }
  }
  return n + rho * tr1 + rho * rho * tr2 + tail / probes
}
