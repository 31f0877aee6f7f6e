/** Number formatting for the text tables: 6 significant digits, exponent for tiny values. */
export const num = (x: number | null | undefined, digits = 6): string => {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—"
  if (x !== 0 && Math.abs(x) < 1e-4) return x.toExponential(3)
  return Number(x.toPrecision(digits)).toString()
}

/** R-style p-value text with significance stars. */
export const pText = (p: number): string => {
  const stars = p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : ""
  return `${p < 2.2e-16 ? "< 2.2e-16" : num(p, 4)} ${stars}`.trimEnd()
}
