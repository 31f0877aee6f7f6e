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

/** A smooth function with its derivative. */
export interface Smooth {
  value(theta: number): number
  derivative(theta: number): number
}

/**
 * Maximise a concentrated log-likelihood F(θ) = T·log|I − θW| + g(θ) over an interval, where the
 * log-determinant is exact but costly (one sparse factorisation per θ) and g is cheap.
 *
 * With eigenvalues this is Brent's method, as R's optimize. With a sparse factorisation the log-determinant
 * is evaluated exactly only where it matters — 4 or 5 factorisations instead of the 25–35 of Brent's
 * method: (1) the maximum of T·s(θ) + ĝ(θ), s a cheap series approximation of the log-determinant
 * (logDetSeries) and ĝ a smooth approximation of g, locates the optimum to ~10⁻⁴; (2) the exact
 * log-determinant and g at three points 10⁻³ apart around it (the guess midway between the first two), and polynomials through their residuals from
 * s and ĝ (much smoother than the log-determinant itself), give an interpolated likelihood whose maximum θ*
 * is within ~10⁻⁹ of the exact one — located where its derivative vanishes (Newton steps), because a
 * maximum located from values alone is only known to √(ε·|F|/|F''|) ≈ 10⁻⁸; (3) F is evaluated exactly at
 * θ* (or, when θ* is within 1.25·10⁻⁴ of a point, at an outer point on its side), and the cubic
 * interpolation through four points gives θ**: the search ends at θ* when |θ** − θ*| ≤ 5·10⁻⁹·max(1, |θ|)
 * — as close to the exact maximum as Brent's method with spatialreg's tolerance gets (R's optimize stops at
 * √ε·|θ| ≈ 1.5·10⁻⁸·|θ|) — and otherwise at θ**, within ~10⁻¹¹ of it, evaluated exactly. The returned value is always an exact evaluation; the points
 * also give log|I − θW|'' near θ (LogDeterminant.secondDerivative).
 * @internal
 * @example maximizeConcentrated(ld, 1, (r) => -(n / 2) * Math.log(sse(r)), ld.interval, smoothPart).x
 */
export const maximizeConcentrated = (
  logDet: LogDeterminant,
  periods: number,
  g: (theta: number) => number,
  interval: readonly [number, number],
  gApprox: Smooth,
): ConcentratedMaximum => {
  const [lo, hi] = interval
  const exact = (x: number) => periods * logDet.logDet(x) + g(x)
  if (logDet.series === undefined) {
    const r = brentMaximize(exact, lo, hi, 1e-12, 1e-10)
    return { x: r.x, value: r.value, evaluations: r.evaluations }
  }
  const series = logDet.series()
  const guess = brentMaximize((x) => periods * series.value(x) + gApprox.value(x), lo, hi, 1e-12, 1e-10).x
  const h = Math.min(1e-3, (hi - lo) / 8)
  const tolX = 5e-9 * Math.max(1, Math.abs(guess))
  const points: Array<{ x: number; ld: number; g: number }> = []
  const at = (x: number) => {
    const p = { x, ld: logDet.logDet(x), g: g(x) }
    points.push(p)
    return p
  }
  const nearest = (x: number) => points.reduce((a, b) => (Math.abs(b.x - x) < Math.abs(a.x - x) ? b : a))
  // The maximum of the likelihood interpolated through up to four well-spaced exact points nearest to `centre`.
  const interpolatedMaximum = (centre: number) => {
    const near = wellSpaced(
      points.filter((p) => Number.isFinite(p.ld)),
      centre,
      4,
      h / 8,
    )
    if (near.length < 3) return undefined
    const xs = near.map((p) => p.x)
    const pld = interpolant(
      xs,
      near.map((p) => p.ld - series.value(p.x)),
    )
    const pg = interpolant(
      xs,
      near.map((p) => p.g - gApprox.value(p.x)),
    )
    const value = (x: number) => periods * (series.value(x) + pld.value(x)) + gApprox.value(x) + pg.value(x)
    const slope = (x: number) => periods * (series.derivative(x) + pld.derivative(x)) + gApprox.derivative(x) + pg.derivative(x)
    const left = Math.min(...xs)
    const right = Math.max(...xs)
    const a = Math.max(lo, left - 2 * h)
    const b = Math.min(hi, right + 2 * h)
    let x = brentMaximize(value, a, b, 1e-14, 1e-13).x
    // Newton on the derivative (second derivative by a central difference of it) from Brent's value-based maximum.
    for (let k = 0; k < 4; k++) {
      const d = 1e-6
      const curvature = (slope(x + d) - slope(x - d)) / (2 * d)
      if (!(curvature < 0)) break
      const step = -slope(x) / curvature
      if (!(Math.abs(step) < 1e-5) || x + step < a || x + step > b) break
      x += step
      if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) break
    }
    return { x, inside: x >= left && x <= right, left, right }
  }
  const done = (p: { x: number; ld: number; g: number }) => ({ x: p.x, value: periods * p.ld + p.g, evaluations: points.length })
  // Points at guess − h/2, guess + h/2 and guess + 3h/2: the maximum (within ~10⁻⁴ of the guess) falls between
  // the first two, away from both, where adding it as a point is well conditioned.
  let centre = Math.min(hi - 2 * h, Math.max(lo + 2 * h, guess))
  for (const o of [-0.5, 0.5, 1.5]) at(centre + o * h)
  for (let iteration = 0; iteration < 6; iteration++) {
    const first = interpolatedMaximum(centre)
    if (first === undefined) break
    const close = nearest(first.x)
    if (Math.abs(close.x - first.x) <= tolX) return done(close)
    if (Math.abs(close.x - first.x) < h / 8) {
      // Too close to a point to check the maximum by adding it: add an outer point on its side first.
      at(first.x >= centre ? Math.min(hi, first.right + h) : Math.max(lo, first.left - h))
    } else at(first.x)
    // With a fourth point the interpolation is one degree better.
    const second = interpolatedMaximum(first.x)
    if (second === undefined) break
    const p = nearest(second.x)
    if (Math.abs(p.x - second.x) <= tolX && Number.isFinite(p.ld)) return done(p)
    if (second.inside) {
      const q = at(second.x)
      if (Number.isFinite(q.ld)) return done(q)
    }
    centre = second.x
  }
  // The interpolation did not settle (e.g. a maximum on a bound of a non-smooth region): Brent on exact values near it.
  const r = brentMaximize(exact, Math.max(lo, centre - 8 * h), Math.min(hi, centre + 8 * h), 1e-12, 1e-10)
  return { x: r.x, value: r.value, evaluations: points.length + r.evaluations }
}

// Up to `count` points nearest to x, skipping any closer than `gap` to one already taken (interpolation
// through nearly equal points would amplify rounding errors).
const wellSpaced = <P extends { readonly x: number }>(points: ReadonlyArray<P>, x: number, count: number, gap: number): P[] => {
  const out: P[] = []
  for (const p of [...points].sort((a, b) => Math.abs(a.x - x) - Math.abs(b.x - x))) {
    if (out.length === count) break
    if (out.every((q) => Math.abs(q.x - p.x) >= gap)) out.push(p)
  }
  return out
}
