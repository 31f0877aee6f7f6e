import { brentMaximize } from "./brent.js"
import type { LogDeterminant } from "./LogDeterminant.js"
import { interpolant } from "./polynomial.js"

/** The maximum found by {@link maximizeConcentrated}: the argument, the exact value there, and the exact log-determinants used. */
export interface ConcentratedMaximum {
  readonly x: number
  readonly value: number
  /** Exact log-determinant evaluations (factorisations for sparse methods). */
  readonly evaluations: number
}

/**
 * Maximise a concentrated log-likelihood F(θ) = T·log|I − θW| + g(θ) over an interval, where the
 * log-determinant is exact but costly (one sparse factorisation per θ) and g is cheap.
 *
 * With eigenvalues (or small n) this is Brent's method, as R's optimize. With a sparse factorisation it
 * evaluates the log-determinant exactly only where it matters, which takes 6 factorisations instead of the
 * 25–35 of Brent's method: (1) the maximum of T·s(θ) + ĝ(θ), s a cheap series approximation of the
 * log-determinant (logDetSeries) and ĝ ≈ g, locates the optimum to ~10⁻⁴; (2) the exact log-determinant
 * and g at five points 10⁻³ apart around it, and polynomials through their residuals from s and ĝ, give an
 * interpolated likelihood whose maximum θ* is within ~10⁻¹² of the exact one; (3) F is evaluated exactly at
 * θ*, which ends the search when the interpolation predicted it to 10⁻¹⁰ (relative) and θ* lies among the
 * points; otherwise θ* joins the points and (2) repeats. The returned value is always an exact evaluation;
 * the points also give log|I − θW|'' at θ* (LogDeterminant.secondDerivative).
 * @internal
 * @example maximizeConcentrated(ld, 1, (r) => -(n / 2) * Math.log(sse(r)), ld.interval).x
 */
export const maximizeConcentrated = (
  logDet: LogDeterminant,
  periods: number,
  g: (theta: number) => number,
  interval: readonly [number, number],
  gApprox: (theta: number) => number = g,
): ConcentratedMaximum => {
  const [lo, hi] = interval
  const exact = (x: number) => periods * logDet.logDet(x) + g(x)
  if (logDet.series === undefined) {
    const r = brentMaximize(exact, lo, hi, 1e-12, 1e-10)
    return { x: r.x, value: r.value, evaluations: r.evaluations }
  }
  const series = logDet.series()
  const guess = brentMaximize((x) => periods * series.value(x) + gApprox(x), lo, hi, 1e-12, 1e-10).x
  const h = Math.min(1e-3, (hi - lo) / 8)
  const points: Array<{ x: number; ld: number; g: number }> = []
  const at = (x: number) => {
    const p = { x, ld: logDet.logDet(x), g: g(x) }
    points.push(p)
    return p
  }
  let centre = Math.min(hi - 2 * h, Math.max(lo + 2 * h, guess))
  for (const o of [-2, -1, 0, 1, 2]) at(centre + o * h)
  for (let iteration = 0; iteration < 8; iteration++) {
    const near = points
      .filter((p) => Number.isFinite(p.ld))
      .sort((a, b) => Math.abs(a.x - centre) - Math.abs(b.x - centre))
      .slice(0, 6)
    if (near.length < 3) break
    const xs = near.map((p) => p.x)
    const pld = interpolant(
      xs,
      near.map((p) => p.ld - series.value(p.x)),
    )
    const pg = interpolant(
      xs,
      near.map((p) => p.g - gApprox(p.x)),
    )
    const model = (x: number) => periods * (series.value(x) + pld.value(x)) + gApprox(x) + pg.value(x)
    const left = Math.min(...xs)
    const right = Math.max(...xs)
    const best = brentMaximize(model, Math.max(lo, left - 2 * h), Math.min(hi, right + 2 * h), 1e-14, 1e-13).x
    const closest = near.reduce((a, b) => (Math.abs(b.x - best) < Math.abs(a.x - best) ? b : a))
    if (Math.abs(closest.x - best) <= 1e-11 * Math.max(1, Math.abs(best))) {
      return { x: closest.x, value: periods * closest.ld + closest.g, evaluations: points.length }
    }
    const p = at(best)
    const value = periods * p.ld + p.g
    if (Number.isFinite(value) && best >= left && best <= right && Math.abs(value - model(best)) <= 1e-10 * Math.max(1, Math.abs(value))) {
      return { x: best, value, evaluations: points.length }
    }
    centre = best
  }
  // The interpolation did not settle (e.g. a maximum on a bound of a non-smooth region): Brent on exact values near it.
  const r = brentMaximize(exact, Math.max(lo, centre - 8 * h), Math.min(hi, centre + 8 * h), 1e-12, 1e-10)
  return { x: r.x, value: r.value, evaluations: points.length + r.evaluations }
}
