/**
 * Maximise a function of one variable on [lower, upper] by Brent's method (golden section plus parabolic
 * interpolation), ported from R's `optimize()` (Brent_fmin in R's optimize.c) so that the search path matches R.
 * R stops when the bracket is within `relTol·|x| + tol/3` of x with relTol = √ε; pass a smaller `relTol` to
 * locate the optimum more tightly (the attainable accuracy is limited by rounding in f near a flat maximum).
 * @example
 * brentMaximize((x) => -(x - 1) ** 2, 0, 3).x // ≈ 1
 */
export const brentMaximize = (
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol = 1e-12,
  relTol = Math.sqrt(Number.EPSILON),
): { readonly x: number; readonly value: number; readonly evaluations: number } => {
  // Points where f is not finite (e.g. I − ρW singular) count as very bad but keep the arithmetic finite.
  const g = (x: number) => {
    const v = -f(x)
    return Number.isFinite(v) ? v : 1e300
  }
  const c = (3 - Math.sqrt(5)) * 0.5
  const eps = relTol
  let a = lower
  let b = upper
  let v = a + c * (b - a)
  let w = v
  let x = v
  let d = 0
  let e = 0
  let fx = g(x)
  let fv = fx
  let fw = fx
  let evaluations = 1
  const tol3 = tol / 3
  for (;;) {
    const xm = (a + b) * 0.5
    const tol1 = eps * Math.abs(x) + tol3
    const t2 = tol1 * 2
    if (Math.abs(x - xm) <= t2 - (b - a) * 0.5) break
    let p = 0
    let q = 0
    let r = 0
    if (Math.abs(e) > tol1) {
      // Fit a parabola through x, w, v.
      r = (x - w) * (fx - fv)
      q = (x - v) * (fx - fw)
      p = (x - v) * q - (x - w) * r
      q = (q - r) * 2
      if (q > 0) p = -p
      else q = -q
      r = e
      e = d
    }
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      e = x < xm ? b - x : a - x
      d = c * e
    } else {
      d = p / q
      const u = x + d
      // f must not be evaluated too close to the ends.
      if (u - a < t2 || b - u < t2) d = x >= xm ? -tol1 : tol1
    }
    const u = Math.abs(d) >= tol1 ? x + d : d > 0 ? x + tol1 : x - tol1
    const fu = g(u)
    evaluations++
    if (fu <= fx) {
      if (u < x) b = x
      else a = x
      v = w
      w = x
      x = u
      fv = fw
      fw = fx
      fx = fu
    } else {
      if (u < x) a = u
      else b = u
      if (fu <= fw || w === x) {
        v = w
        fv = fw
        w = u
        fw = fu
      } else if (fu <= fv || v === x || v === w) {
        v = u
        fv = fu
      }
    }
  }
  return { x, value: -fx, evaluations }
}
