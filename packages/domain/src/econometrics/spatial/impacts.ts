import type { Csr } from "../linalg/Csr.js"
import { cholesky } from "../linalg/cholesky.js"
import type { Matrix } from "../linalg/Matrix.js"
import type { SparseCholesky } from "../linalg/SparseCholesky.js"
import { seededRandom } from "../random/Random.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import type { ImpactTraces } from "./inverseTraces.js"
import type { LogDeterminant } from "./LogDeterminant.js"
import type { Impact, ParameterCovariance } from "./SpatialFit.js"
import { tracesOf } from "./stacked.js"

/**
 * One explanatory variable of an impacts table: the position of its coefficient β and, in a Durbin model,
 * of its spatial lag θ (lag.<term>) among the coefficients.
 */
export interface ImpactTerm {
  readonly term: string
  readonly beta: number
  readonly theta?: number | undefined
}

/** The terms of a lag model without WX: every coefficient except "(Intercept)". @internal */
export const plainTerms = (names: ReadonlyArray<string>): ImpactTerm[] => names.flatMap((term, beta) => (term === "(Intercept)" ? [] : [{ term, beta }]))

/**
 * Impacts of a lag (SAR) or spatial Durbin model from exact traces (LeSage & Pace 2009, spatialreg
 * impacts()): with A = I − ρW, direct = (β·tr A⁻¹ + θ·tr WA⁻¹)/n, total = (β·1'A⁻¹1 + θ·1'A⁻¹W1)/n,
 * indirect = total − direct. For row-standardised W the totals are (β + θ)/(1 − ρ), as spatialreg.
 * @example impactsFromTraces([{ term: "INC", beta: 1 }], [45, -1.07], traces, 49).INC.direct
 */
export const impactsFromTraces = (terms: ReadonlyArray<ImpactTerm>, coefficients: ArrayLike<number>, t: ImpactTraces, n: number): Record<string, Impact> => {
  const out: Record<string, Impact> = {}
  for (const term of terms) {
    const b = coefficients[term.beta]!
    const th = term.theta === undefined ? 0 : coefficients[term.theta]!
    const direct = (b * t.traceA + th * t.traceWA) / n
    const total = (b * t.sumA + th * t.sumAW) / n
    out[term.term] = { direct, indirect: total - direct, total }
  }
  return out
}

/**
 * Impact traces at any ρ: from the eigenvalues when the log-determinant has them (tr A⁻¹ = Σ 1/(1 − ρλ),
 * tr WA⁻¹ = Σ λ/(1 − ρλ)), otherwise exactly through the sparse factor (inverseTraces). Row sums use
 * n/(1 − ρ) for row-standardised ("W") weights, islands included, as spatialreg.
 * @internal
 */
export const impactTracesAt = (w: SpatialWeights, logDet: LogDeterminant | undefined): ((rho: number) => ImpactTraces) => {
  const n = w.ids.length
  // spatialreg's totals are (β + θ)/(1 − ρ) for row-standardised ("W") weights, islands included (an island's
  // row of zeros would make the exact average row sum smaller); Jiju follows it for "W" weights and uses the
  // exact 1'A⁻¹1, 1'A⁻¹W1 for other styles.
  let rowStandardised = w.style === "W"
  for (let i = 0; i < n && !rowStandardised; i++) {
    let s = 0
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) s += w.values[p]!
    if (Math.abs(s - 1) > 1e-12) break
    if (i === n - 1) rowStandardised = true
  }
  const ev = logDet?.eigenvalues
  if (ev === undefined) {
    if (!rowStandardised) return (rho) => tracesOf(w).impacts(rho)
    return (rho) => tracesOf(w).impacts(rho, { sumA: n / (1 - rho), sumAW: n / (1 - rho) })
  }
  if (!rowStandardised) return (rho) => tracesOf(w).impacts(rho)
  return (rho) => {
    let traceA = 0
    let traceWA = 0
    for (let i = 0; i < n; i++) {
      // Re 1/(1 − ρλ) and Re λ/(1 − ρλ) for λ = re + i·im.
      const a = 1 - rho * ev.re[i]!
      const b = -rho * ev.im[i]!
      const den = a * a + b * b
      traceA += a / den
      traceWA += (ev.re[i]! * a + ev.im[i]! * b) / den
    }
    return { traceA, traceWA, sumA: n / (1 - rho), sumAW: n / (1 - rho) }
  }
}

/** Standard deviations of simulated impacts, with the simulation settings. */
export interface SimulatedImpacts {
  readonly se: Record<string, Impact>
  readonly draws: number
  readonly seed: number
  /** Draws discarded: spatial parameter outside the search interval (as spatialreg), or I − ρW singular there. */
  readonly discarded: number
}

/**
 * Standard errors of impacts by simulation (LeSage & Pace 2009, spatialreg impacts(R = …)): draw
 * (ρ, β, θ) from the normal with the fit's estimates and covariance, drop draws with ρ outside the search
 * interval, compute the impacts of each draw with exact traces, and report the standard deviation (n − 1
 * denominator) over the draws. Normal deviates from Jiju's seeded generator (Box–Muller), so results are
 * reproducible from `seed` but are not R's draws.
 * @example simulateImpacts(terms, est, cov, 0, [-1, 1], tracesAt, 49, 1000, 7).se.INC.total
 */
export const simulateImpacts = (
  terms: ReadonlyArray<ImpactTerm>,
  estimates: ArrayLike<number>,
  covariance: Matrix,
  rhoIndex: number,
  interval: readonly [number, number],
  tracesAt: (rho: number) => ImpactTraces,
  n: number,
  draws: number,
  seed: number,
  coefficientOffset: number,
): SimulatedImpacts => {
  const p = covariance.rows
  const l = cholesky(covariance)
  const rng = seededRandom(seed)
  const z = new Float64Array(p)
  const x = new Float64Array(p)
  const sums = new Map<string, { d: number[]; i: number[]; t: number[] }>()
  for (const t of terms) sums.set(t.term, { d: [], i: [], t: [] })
  let discarded = 0
  for (let r = 0; r < draws; r++) {
    for (let j = 0; j < p; j++) z[j] = rng.normal()
    for (let i = 0; i < p; i++) {
      let s = estimates[i]!
      for (let j = 0; j <= i; j++) s += l.data[i * p + j]! * z[j]!
      x[i] = s
    }
    const rho = x[rhoIndex]!
    if (!(rho > interval[0] && rho < interval[1])) {
      discarded++
      continue
    }
    let traces: ImpactTraces
    try {
      traces = tracesAt(rho)
    } catch {
      // I − ρW not factorisable at this draw (e.g. ρ at −1 with a bipartite component): discard it too.
      discarded++
      continue
    }
    const imp = impactsFromTraces(terms, x.subarray(coefficientOffset), traces, n)
    for (const t of terms) {
      const s = sums.get(t.term)!
      const v = imp[t.term]!
      s.d.push(v.direct)
      s.i.push(v.indirect)
      s.t.push(v.total)
    }
  }
  const sd = (a: number[]) => {
    const m = a.reduce((u, v) => u + v, 0) / a.length
    return Math.sqrt(a.reduce((u, v) => u + (v - m) ** 2, 0) / (a.length - 1))
  }
  const se: Record<string, Impact> = {}
  for (const t of terms) {
    const s = sums.get(t.term)!
    se[t.term] = { direct: sd(s.d), indirect: sd(s.i), total: sd(s.t) }
  }
  return { se, draws, seed, discarded }
}

/**
 * Average impacts of a spatial lag model (LeSage & Pace 2009; spatialreg impacts()): with S = (I − ρW)⁻¹,
 * direct = β·tr(S)/n, total = β·1'S1/n, indirect = total − direct; the intercept is skipped. `exact`
 * may carry tr(S) and 1'S1 computed elsewhere; otherwise they are computed exactly (inverseTraces).
 * The last two parameters are kept for compatibility and no longer used (the traces are exact at every n).
 * @example lagImpacts(["INC"], [-1.07], 0.40, w) // { INC: { direct, indirect, total } }
 */
export const lagImpacts = (
  names: ReadonlyArray<string>,
  beta: ArrayLike<number>,
  rho: number,
  w: SpatialWeights,
  exact?: { readonly traceS: number; readonly sumS: number },
  _sparse?: { readonly cholesky: SparseCholesky; readonly similar: Csr },
  _probes = 64,
): { readonly impacts: Record<string, Impact>; readonly method: "exact" } => {
  const n = w.ids.length
  const t: ImpactTraces = exact !== undefined ? { traceA: exact.traceS, traceWA: 0, sumA: exact.sumS, sumAW: 0 } : tracesOf(w).impacts(rho)
  return { impacts: impactsFromTraces(plainTerms(names), beta, t, n), method: "exact" }
}

/** Covariance rows/columns of the named parameters, in that order. @internal */
export const subCovariance = (c: ParameterCovariance, names: ReadonlyArray<string>): Matrix => {
  const idx = names.map((nm) => c.names.indexOf(nm))
  const p = idx.length
  const q = c.names.length
  const data = new Float64Array(p * p)
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) data[a * p + b] = c.matrix.data[idx[a]! * q + idx[b]!]!
  return { rows: p, cols: p, data }
}

/**
 * Simulated standard errors of a lag, Durbin or SAC fit's impacts (simulateImpacts on the fit's own
 * covariance and impact terms), `draws` draws from `seed`.
 * @example impactStandardErrors(fit, w, undefined, 1000, 42).se.INC.direct
 */
export const impactStandardErrors = (
  fit: {
    readonly covariance: ParameterCovariance
    readonly impactTerms: ReadonlyArray<ImpactTerm>
    readonly interval: readonly [number, number]
    readonly rho: { readonly estimate: number }
    readonly lambda?: { readonly estimate: number }
    readonly coefficients: Readonly<Record<string, { readonly estimate: number }>>
  },
  weights: SpatialWeights,
  logDet: LogDeterminant | undefined,
  draws: number,
  seed: number,
): SimulatedImpacts => {
  const names = fit.covariance.names
  const est = names.map((nm) => (nm === "rho" ? fit.rho.estimate : nm === "lambda" ? fit.lambda!.estimate : fit.coefficients[nm]!.estimate))
  const offset = names.filter((nm) => nm === "rho" || nm === "lambda").length
  return simulateImpacts(
    fit.impactTerms,
    est,
    fit.covariance.matrix,
    names.indexOf("rho"),
    fit.interval,
    impactTracesAt(weights, logDet),
    weights.ids.length,
    draws,
    seed,
    offset,
  )
}
