/**
 * Benjamini–Hochberg false-discovery-rate adjustment, as R `p.adjust(p, "fdr")`: the sorted p-values are
 * scaled by m/rank and made monotone from the largest down, capped at 1. Null entries (undefined tests) are
 * left null and do not count in m, as p.adjust drops NA before counting.
 * @example adjustFdr([0.01, 0.04, 0.03, null]) // [0.03, 0.04, 0.04, null]
 */
export const adjustFdr = (p: ReadonlyArray<number | null>): Array<number | null> => {
  const present: number[] = []
  for (let i = 0; i < p.length; i++) if (p[i] !== null && p[i] !== undefined && !Number.isNaN(p[i]!)) present.push(i)
  const m = present.length
  const order = present.sort((a, b) => p[b]! - p[a]! || b - a)
  const out: Array<number | null> = p.map(() => null)
  let running = Number.POSITIVE_INFINITY
  for (let r = 0; r < m; r++) {
    const i = order[r]!
    // r-th largest has rank m − r among the m tests.
    running = Math.min(running, (m / (m - r)) * p[i]!)
    out[i] = Math.min(1, running)
  }
  return out
}
