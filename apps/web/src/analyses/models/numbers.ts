/**
 * A statistic as tables show it: four decimals, exponents for very small or very large magnitudes, "—" for none.
 * @example showNumber(0.000012) // "1.200e-5"
 */
export const showNumber = (x: number | null): string =>
  x === null || !Number.isFinite(x)
    ? "—"
    : Number.isInteger(x) && Math.abs(x) < 1e7
      ? String(x)
      : x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e7)
        ? x.toExponential(3)
        : x.toFixed(4)

/**
 * A p-value with its significance stars (*** < 0.01, ** < 0.05, * < 0.1).
 * @example showP(0.03) // "0.0300 **"
 */
export const showP = (p: number | null): string => (p === null ? "—" : `${showNumber(p)}${p < 0.01 ? " ***" : p < 0.05 ? " **" : p < 0.1 ? " *" : ""}`)
