import { decimalText } from "./tokenSpans.js"

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
  const first = numberedFrom(ids)
  if (first >= 0) {
    return (id) => {
      // The ids are the decimals first … first + n − 1 as String writes them: a token in that form (no leading zero,
      // so "007" is not "7") is the id at its value's place. Comparing with ids[k] instead would read a string at a
      // random place for every neighbour of scattered points (k nearest neighbours), a cache miss each.
      const k = decimalText(id, 0, id.length) - first
      return k >= 0 && k < n ? k : -1
    }
  }
  const index = new Map<string, number>()
  for (let k = 0; k < n; k++) if (!index.has(ids[k]!)) index.set(ids[k]!, k)
  return (id) => index.get(id) ?? -1
}

/**
 * b when the ids are the decimals b, b + 1, … in order, as String writes them; otherwise −1.
 * @internal
 * @example numberedFrom(["0", "1", "2"]) // 0
 */
export const numberedFrom = (ids: ReadonlyArray<string>): number => {
  const first = ids.length > 0 ? decimalText(ids[0]!, 0, ids[0]!.length) : -1
  if (first < 0) return -1
  for (let k = 1; k < ids.length; k++) if (ids[k] !== String(first + k)) return -1
  return first
}
