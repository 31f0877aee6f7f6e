/**
 * Standard competition ranking ("1224"): equal scores share a rank and the next rank is skipped.
 * Higher scores rank first. Scores within 1e-9 (relative) of each other count as equal, so that sums
 * computed in a different order do not split a tie.
 *
 * @example competitionRanks([90, 80, 80, 70]) // [1, 2, 2, 4]
 */
export const competitionRanks = (scores: ReadonlyArray<number>): number[] => {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0])
  const ranks = new Array<number>(scores.length)
  let prev = Number.NaN
  let prevRank = 0
  order.forEach(([s, i], pos) => {
    const tied = pos > 0 && Math.abs(s - prev) <= 1e-9 * Math.max(1, Math.abs(s), Math.abs(prev))
    const r = tied ? prevRank : pos + 1
    ranks[i] = r
    prev = s
    prevRank = r
  })
  return ranks
}
