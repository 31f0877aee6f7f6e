/**
 * The position of an id among `ids` (the first, if repeated), or −1. Ids numbered b, b + 1, … in order — how
 * GeoDa and spdep number the units of most weights files — are found by reading the token's digits, without a
 * map: at 250,000 units a GAL file's two million neighbour tokens were looked up twice in a string map, a
 * third of its reading time.
 * @internal
 * @example idLookup(["1", "2", "3"])("2") // 1
 */
export const idLookup = (ids: ReadonlyArray<string>): ((id: string) => number) => {
  const n = ids.length
  const first = n > 0 ? decimal(ids[0]!) : -1
  let numbered = first >= 0 && ids[0] === String(first)
  for (let k = 1; k < n && numbered; k++) numbered = ids[k] === String(first + k)
  if (numbered) {
    return (id) => {
      // The ids are the decimals first … first + n − 1 as String writes them: a token in that form (no leading zero,
      // so "007" is not "7") is the id at its value's place. Comparing with ids[k] instead would read a string at a
      // random place for every neighbour of scattered points (k nearest neighbours), a cache miss each.
      if (id.length > 1 && id.charCodeAt(0) === 48) return -1
      const k = decimal(id) - first
      return k >= 0 && k < n ? k : -1
    }
  }
  const index = new Map<string, number>()
  for (let k = 0; k < n; k++) if (!index.has(ids[k]!)) index.set(ids[k]!, k)
  return (id) => index.get(id) ?? -1
}

// A token of at most 15 decimal digits as a number; −1 for anything else.
const decimal = (s: string): number => {
  const len = s.length
  if (len === 0 || len > 15) return -1
  let v = 0
  for (let c = 0; c < len; c++) {
    const d = s.charCodeAt(c) - 48
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}
