/**
 * A number as the form shows it: six significant digits, exponents only for very large or very small values.
 * @example formatValue(1234.56789) // "1234.57"
 */
export const formatValue = (x: number): string =>
  Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(3) : String(Number(x.toPrecision(6)))

/**
 * The change from last period's value in percent ("+10.0%"), or "—" when there is nothing to compare.
 * @example changeText(330, 300) // "+10.0%"
 */
export const changeText = (v: number | null, prev: number | undefined): string => {
  if (v === null || prev === undefined || prev === 0) return "—"
  const pct = ((v - prev) / Math.abs(prev)) * 100
  return `${pct > 0 ? "+" : ""}${pct.toFixed(1)}%`
}
