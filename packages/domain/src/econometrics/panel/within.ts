import { ComputationError } from "../../model/errors.js"
import { cholesky, choleskySolve } from "../linalg/cholesky.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import type { PanelIndex } from "./PanelIndex.js"

/** Which fixed effects are swept out: unit ("individual"), period ("time") or both ("twoways"). */
export type WithinEffects = "individual" | "time" | "twoways"

/** Options for the within transformation. */
export interface WithinOptions {
  /** Convergence of alternating projections (unbalanced two-way fallback), relative to the data's scale. Default 1e-13. */
  readonly tol?: number
  readonly maxIterations?: number
}

const subtractGroupMeans = (v: Float64Array, codes: Int32Array, count: Float64Array, sums: Float64Array): number => {
  sums.fill(0)
  const n = v.length
  for (let i = 0; i < n; i++) sums[codes[i]!]! += v[i]!
  let max = 0
  for (let g = 0; g < sums.length; g++) {
    const m = count[g]! > 0 ? sums[g]! / count[g]! : 0
    sums[g] = m
    if (Math.abs(m) > max) max = Math.abs(m)
  }
  for (let i = 0; i < n; i++) v[i]! -= sums[codes[i]!]!
  return max
}

const counts = (codes: Int32Array, levels: number) => {
  const c = new Float64Array(levels)
  for (let i = 0; i < codes.length; i++) c[codes[i]!]! += 1
  return c
}

/**
 * Exact two-way projection for unbalanced panels (Frisch–Waugh): sweep the larger factor L, then remove the
 * smaller factor S residualised on L by solving the (S−1)×(S−1) normal equations
 * A = diag(n_s) − Σ_g c_g c_gᵀ / n_g (one level dropped). Built once per panel.
 */
interface TwoWaySolver {
  readonly large: Int32Array
  readonly small: Int32Array
  readonly largeCount: Float64Array
  readonly smallLevels: number
  readonly chol: Matrix
}

// Cost of building A is Σ_g n_g·(levels of S in g) ≤ n·S; keep it bounded.
const MAX_DIRECT_WORK = 60_000_000
const MAX_DIRECT_LEVELS = 3000

const twoWaySolver = (index: PanelIndex, unitCount: Float64Array, periodCount: Float64Array): TwoWaySolver | undefined => {
  const unitsSmall = index.units.length <= index.periods.length
  const small = unitsSmall ? index.unit : index.period
  const large = unitsSmall ? index.period : index.unit
  const S = unitsSmall ? index.units.length : index.periods.length
  const L = unitsSmall ? index.periods.length : index.units.length
  const smallCount = unitsSmall ? unitCount : periodCount
  const largeCount = unitsSmall ? periodCount : unitCount
  const n = small.length
  if (S < 2 || S > MAX_DIRECT_LEVELS || n * S > MAX_DIRECT_WORK) return undefined
  // Members of each large group, by counting sort.
  const start = new Int32Array(L + 1)
  for (let i = 0; i < n; i++) start[large[i]! + 1]! += 1
  for (let g = 0; g < L; g++) start[g + 1]! += start[g]!
  const fill = start.slice(0, L)
  const members = new Int32Array(n)
  for (let i = 0; i < n; i++) members[fill[large[i]!]!++] = small[i]!
  const m = S - 1
  const a = matrix(m, m)
  const ad = a.data
  for (let s = 0; s < m; s++) ad[s * m + s] = smallCount[s]!
  const buf = new Int32Array(S)
  for (let g = 0; g < L; g++) {
    const lo = start[g]!
    const hi = start[g + 1]!
    const w = 1 / (hi - lo)
    // Levels of S in this group, without the dropped last level.
    let len = 0
    for (let p = lo; p < hi; p++) if (members[p]! < m) buf[len++] = members[p]!
    // Upper triangle only (levels sorted within the group); mirrored below.
    buf.subarray(0, len).sort()
    for (let p = 0; p < len; p++) {
      const base = buf[p]! * m
      for (let q = p; q < len; q++) ad[base + buf[q]!]! -= w
    }
  }
  for (let r = 0; r < m; r++) for (let c = 0; c < r; c++) ad[r * m + c] = ad[c * m + r]!
  try {
    const chol = cholesky(a)
    // A nearly singular A means a (nearly) disconnected panel: let alternating projections handle it.
    let dmin = Number.POSITIVE_INFINITY
    let dmax = 0
    for (let s = 0; s < m; s++) {
      const d = chol.data[s * m + s]!
      dmin = Math.min(dmin, d)
      dmax = Math.max(dmax, d)
    }
    if (dmin < 1e-6 * dmax) return undefined
    return { large, small, largeCount, smallLevels: S, chol }
  } catch {
    return undefined
  }
}

/** Precomputed group sizes (and the two-way solver) for repeated within transformations on the same panel. */
export interface WithinPlan {
  readonly index: PanelIndex
  readonly effects: WithinEffects
  readonly unitCount: Float64Array
  readonly periodCount: Float64Array
  readonly solver?: TwoWaySolver
}

/**
 * Prepare a panel's within transformation once (group sizes, and the two-way solver for unbalanced panels),
 * then apply it to each variable with {@link within}.
 * @example within(withinPlan(panelIndex(["a", "a", "b", "b"], ["1", "2", "1", "2"]), "individual"), [1, 3, 5, 9]) // [-1, 1, -2, 2]
 */
export const withinPlan = (index: PanelIndex, effects: WithinEffects): WithinPlan => {
  const unitCount = counts(index.unit, index.units.length)
  const periodCount = counts(index.period, index.periods.length)
  const solver = effects === "twoways" && !index.balanced ? twoWaySolver(index, unitCount, periodCount) : undefined
  return solver ? { index, effects, unitCount, periodCount, solver } : { index, effects, unitCount, periodCount }
}

const directTwoWay = (s: TwoWaySolver, v: Float64Array): Float64Array => {
  const n = v.length
  const sums = new Float64Array(s.largeCount.length)
  subtractGroupMeans(v, s.large, s.largeCount, sums)
  const m = s.smallLevels - 1
  const b = new Float64Array(m)
  for (let i = 0; i < n; i++) {
    const c = s.small[i]!
    if (c < m) b[c]! += v[i]!
  }
  const delta = choleskySolve(s.chol, b)
  const w = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const c = s.small[i]!
    w[i] = c < m ? delta[c]! : 0
  }
  subtractGroupMeans(w, s.large, s.largeCount, sums)
  for (let i = 0; i < n; i++) v[i]! -= w[i]!
  return v
}

/**
 * Within transformation of one variable (a copy): subtract unit means, period means, or both.
 * Balanced two-way panels use x − x̄ᵢ − x̄ₜ + x̄. Unbalanced two-way panels use the exact projection on both
 * sets of effects (Frisch–Waugh with a small dense system), or — for very many levels or weakly connected
 * panels — alternating projections until the largest remaining group mean is below tol × scale. Both equal
 * plm's result. Never builds dummy variables: O(n) work per variable.
 * @example within(withinPlan(index, "twoways"), y) // demeaned y
 */
export const within = (plan: WithinPlan, x: ArrayLike<number>, opts: WithinOptions = {}): Float64Array => {
  const { index, effects, unitCount, periodCount } = plan
  const v = x instanceof Float64Array ? x.slice() : Float64Array.from(x as ArrayLike<number>)
  const su = new Float64Array(index.units.length)
  const sp = new Float64Array(index.periods.length)
  if (effects === "individual") {
    subtractGroupMeans(v, index.unit, unitCount, su)
    return v
  }
  if (effects === "time") {
    subtractGroupMeans(v, index.period, periodCount, sp)
    return v
  }
  if (index.balanced) {
    // x − x̄ᵢ − x̄ₜ + x̄: sweeping units then periods is exact when balanced.
    subtractGroupMeans(v, index.unit, unitCount, su)
    subtractGroupMeans(v, index.period, periodCount, sp)
    return v
  }
  if (plan.solver) return directTwoWay(plan.solver, v)
  const tol = opts.tol ?? 1e-13
  const maxIterations = opts.maxIterations ?? 100000
  let scale = 0
  for (let i = 0; i < v.length; i++) if (Math.abs(v[i]!) > scale) scale = Math.abs(v[i]!)
  if (scale === 0) return v
  for (let it = 0; it < maxIterations; it++) {
    const a = subtractGroupMeans(v, index.unit, unitCount, su)
    const b = subtractGroupMeans(v, index.period, periodCount, sp)
    if (it > 0 && Math.max(a, b) <= tol * scale) return v
  }
  throw new ComputationError({
    code: "no_convergence",
    message: `Two-way within transformation did not converge in ${maxIterations} sweeps (a weakly connected unbalanced panel)`,
    zh: `双向组内变换在 ${maxIterations} 次迭代内未收敛（非平衡面板的连通性过弱）`,
  })
}

/**
 * Within transformation by alternating projections only (no direct solve), to 1e-13 by default.
 * Exposed for checking the direct method and for panels where it is preferred.
 * @example withinAlternating(withinPlan(index, "twoways"), y) // ≈ within(withinPlan(index, "twoways"), y)
 */
export const withinAlternating = (plan: WithinPlan, x: ArrayLike<number>, opts: WithinOptions = {}): Float64Array => {
  const { solver: _solver, ...rest } = plan
  return within(rest, x, opts)
}
