import { inputError } from "../../model/errors.js"
import { gwrScore, sortedSquaredDistances } from "./Gwr.js"
import type { GwrData, GwrKernel } from "./GwrKernel.js"

/** The criterion a bandwidth search minimises. */
export type GwrCriterion = "aicc" | "cv"

/** The result of a bandwidth search. */
export interface GwrSelection {
  readonly adaptive: boolean
  readonly criterion: GwrCriterion
  /** The chosen distance or number of neighbours. */
  readonly bandwidth: number
  /** Its AICc or CV score. */
  readonly score: number
  /** The search range [lower, upper]. */
  readonly range: readonly [number, number]
  /** Every bandwidth scored, in increasing order, with its score (+∞ where a local regression is singular). */
  readonly evaluations: ReadonlyArray<{ readonly bandwidth: number; readonly score: number }>
}

const PHI = (Math.sqrt(5) - 1) / 2
// Bandwidths of the first, coarse scan (log-spaced over the search range).
const SCAN = 20
// Largest n for which the n × n sorted distances are kept (128 MB at 4,000 points).
const SORTED_LIMIT = 4000

/** Largest over the points of the distance to their m-th nearest other point. */
const largestNeighbourDistance = (data: GwrData, m: number): number => {
  const n = data.y.length
  const { x, y } = data.coords
  const d = new Float64Array(n - 1)
  let worst = 0
  for (let i = 0; i < n; i++) {
    let k = 0
    for (let j = 0; j < n; j++) if (j !== i) d[k++] = Math.hypot(x[j]! - x[i]!, y[j]! - y[i]!)
    d.sort()
    worst = Math.max(worst, d[m - 1]!)
  }
  return worst
}

/**
 * Choose a GWR bandwidth by minimising AICc or the CV score (the criteria of GWmodel bw.gwr). The range: adaptive
 * K over the whole numbers from p + 2 (p coefficients) to n; fixed, a distance from the largest nearest-neighbour
 * distance (gaussian) or the largest distance to the p-th nearest other point (bisquare, so that every local
 * regression has p + 1 points) to the diagonal of the points' bounding box (GWmodel's upper bound). The search:
 * 20 log-spaced bandwidths over the range are scored, then a golden-section search runs between the neighbours of
 * the best of them — on integers until at most 5 values remain, which are all scored (adaptive), or to a relative
 * width of 1e-5 (fixed). The result is the best bandwidth scored (ties: the smaller). GWmodel runs the golden
 * section over the whole range, which can stop in another local minimum when the score has several.
 * Throws InputError "too_few_points" when n < p + 2, "no_valid_bandwidth" when every scored bandwidth fails.
 * @example selectBandwidth(data, "bisquare", { adaptive: true, criterion: "aicc" }).bandwidth // e.g. 37
 */
export const selectBandwidth = (data: GwrData, kernel: GwrKernel, options: { readonly adaptive: boolean; readonly criterion: GwrCriterion }): GwrSelection => {
  const n = data.y.length
  const p = data.x.cols
  if (n < p + 2)
    throw inputError(
      "too_few_points",
      `a bandwidth search needs at least ${p + 2} points for ${p} coefficients, got ${n}`,
      `带宽搜索至少需要 ${p + 2} 个点（${p} 个系数），实际为 ${n}`,
    )
  const { adaptive, criterion } = options
  // Sorted distances turn each adaptive bandwidth into a lookup; n² numbers, so only up to a few thousand points.
  const sorted = adaptive && n <= SORTED_LIMIT ? sortedSquaredDistances(data) : undefined
  const cache = new Map<number, number>()
  const f = (b: number): number => {
    let s = cache.get(b)
    if (s === undefined) {
      s = gwrScore(data, kernel, { adaptive, value: b }, criterion, sorted)
      cache.set(b, s)
    }
    return s
  }
  let lower: number
  let upper: number
  if (adaptive) {
    lower = p + 2
    upper = n
  } else {
    const { x, y } = data.coords
    let minX = Number.POSITIVE_INFINITY
    let maxX = Number.NEGATIVE_INFINITY
    let minY = Number.POSITIVE_INFINITY
    let maxY = Number.NEGATIVE_INFINITY
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, x[i]!)
      maxX = Math.max(maxX, x[i]!)
      minY = Math.min(minY, y[i]!)
      maxY = Math.max(maxY, y[i]!)
    }
    upper = Math.hypot(maxX - minX, maxY - minY)
    lower = largestNeighbourDistance(data, kernel === "bisquare" ? Math.min(p, n - 1) : 1)
  }
  // A coarse scan first, so that the golden section starts in the valley of the best scanned bandwidth: the scores
  // often have several local minima (the CV score especially).
  const grid: number[] = []
  for (let t = 0; t < SCAN; t++) {
    const b = lower * (upper / lower) ** (t / (SCAN - 1))
    const v = adaptive ? Math.min(upper, Math.max(lower, Math.round(b))) : t === SCAN - 1 ? upper : b
    if (grid[grid.length - 1] !== v) grid.push(v)
  }
  let bestAt = 0
  for (let t = 0; t < grid.length; t++) if (f(grid[t]!) < f(grid[bestAt]!)) bestAt = t
  let a = grid[Math.max(0, bestAt - 1)]!
  let b = grid[Math.min(grid.length - 1, bestAt + 1)]!
  if (adaptive) {
    while (b - a > 4) {
      const c = Math.round(b - PHI * (b - a))
      const d = Math.round(a + PHI * (b - a))
      if (f(c) <= f(d)) b = d
      else a = c
    }
    for (let k = a; k <= b; k++) f(k)
  } else {
    let c = b - PHI * (b - a)
    let d = a + PHI * (b - a)
    let fc = f(c)
    let fd = f(d)
    while (b - a > 1e-5 * ((a + b) / 2)) {
      if (fc <= fd) {
        b = d
        d = c
        fd = fc
        c = b - PHI * (b - a)
        fc = f(c)
      } else {
        a = c
        c = d
        fc = fd
        d = a + PHI * (b - a)
        fd = f(d)
      }
    }
  }
  const evaluations = [...cache.entries()].sort((u, v) => u[0] - v[0]).map(([bandwidth, score]) => ({ bandwidth, score }))
  let best = evaluations[0]!
  for (const e of evaluations) if (e.score < best.score) best = e
  if (!Number.isFinite(best.score))
    throw inputError(
      "no_valid_bandwidth",
      `no bandwidth from ${lower} to ${upper} gives solvable local regressions with a finite ${criterion === "aicc" ? "AICc" : "CV score"}`,
      `在 ${lower} 到 ${upper} 之间没有带宽能使所有局部回归可解且 ${criterion === "aicc" ? "AICc" : "CV"} 有限`,
    )
  return { adaptive, criterion, bandwidth: best.bandwidth, score: best.score, range: [lower, upper], evaluations }
}
