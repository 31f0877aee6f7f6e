/** A polynomial through given points, with its first two derivatives. */
export interface Interpolant {
  value(x: number): number
  derivative(x: number): number
  second(x: number): number
}

/**
 * The polynomial of degree m − 1 through m points (Newton's divided differences in a scaled variable, so
 * that points a few 10⁻³ apart stay well conditioned), with exact first and second derivatives.
 * @internal
 * @example interpolant([0, 1, 2], [0, 1, 4]).second(1) // 2
 */
export const interpolant = (xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): Interpolant => {
  const m = xs.length
  const centre = xs.reduce((a, b) => a + b, 0) / m
  let scale = 0
  for (const x of xs) scale = Math.max(scale, Math.abs(x - centre))
  if (scale === 0) scale = 1
  const u = xs.map((x) => (x - centre) / scale)
  const c = ys.slice()
  for (let j = 1; j < m; j++) for (let i = m - 1; i >= j; i--) c[i] = (c[i]! - c[i - 1]!) / (u[i]! - u[i - j]!)
  // Horner on the Newton form, carrying the first two derivatives (in u, then rescaled).
  const at = (x: number): [number, number, number] => {
    const t = (x - centre) / scale
    let p = c[m - 1]!
    let d1 = 0
    let d2 = 0
    for (let i = m - 2; i >= 0; i--) {
      const f = t - u[i]!
      d2 = d2 * f + 2 * d1
      d1 = d1 * f + p
      p = p * f + c[i]!
    }
    return [p, d1 / scale, d2 / (scale * scale)]
  }
  return { value: (x) => at(x)[0], derivative: (x) => at(x)[1], second: (x) => at(x)[2] }
}
