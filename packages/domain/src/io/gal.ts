/**
 * GAL contiguity files (GeoDa, R spdep `write.nb.gal`) to and from a {@link NeighbourList}.
 *
 * Format: a header ("n", "0 n" or "0 n shapefile idVariable"), then per unit a line "id k" followed by a line
 * with its k neighbour ids (for k = 0 the neighbour line is empty or absent).
 * Parsers throw {@link InputError} (no Effect) naming the 1-based line, so call sites stay simple.
 */
import { InputError } from "../model/errors.js"
import { idLookup, numberedFrom } from "./idLookup.js"
import type { NeighbourList } from "./NeighbourList.js"
import { lineTokens, scanTokens, type TokenSpans, tokenDecimal, tokenText } from "./tokenSpans.js"
import { checkWritableIds, headerLine, lineError, parseHeader } from "./weightsText.js"

/** Options for {@link writeGal}: names written into the "0 n shapefile idVariable" header. */
export interface WriteGalOptions {
  readonly shapefile?: string
  readonly idVariable?: string
}

/**
 * Parse GAL text. Throws InputError with the line number: "bad_header", "bad_unit_line", "duplicate_unit",
 * "wrong_neighbour_count", "duplicate_neighbour", "unknown_neighbour", "n_mismatch" (header n ≠ units listed).
 * @example parseGal("3\n1 1\n2\n2 2\n1 3\n3 1\n2\n") // { ids: ["1","2","3"], neighbours: [["2"],["1","3"],["2"]] }
 */
export const parseGal = (text: string): NeighbourList => {
  const units = galUnits(text)
  const { spans, ids } = units
  const lookup = idLookup(ids)
  const neighbours = ids.map((_, u) => {
    const list: string[] = []
    for (let t = units.from[u]!; t < units.to[u]!; t++) {
      const token = tokenText(spans, t)
      if (lookup(token) < 0) unknownNeighbour(units, u, token)
      list.push(token)
    }
    return list
  })
  return { ids, neighbours }
}

/** A GAL file's units and, for each, the positions of its neighbours among the units (see {@link parseGalLinks}). */
export interface GalLinks {
  readonly ids: ReadonlyArray<string>
  readonly neighbours: ReadonlyArray<ReadonlyArray<number>>
}

/**
 * Parse GAL text into unit ids and neighbour positions, with the checks and errors of {@link parseGal} (the
 * same code, line and message for the same text), without a string per neighbour: numbered ids (1 … n as
 * GeoDa and spdep write them) are matched by reading the token's digits.
 * @example parseGalLinks("2\n1 1\n2\n2 1\n1\n") // { ids: ["1", "2"], neighbours: [[1], [0]] }
 */
export const parseGalLinks = (text: string): GalLinks => {
  const units = galUnits(text)
  const { spans, ids } = units
  const n = ids.length
  const first = numberedFrom(ids)
  const lookup = first >= 0 ? undefined : idLookup(ids)
  const neighbours = ids.map((_, u) => {
    const list = new Array<number>(units.to[u]! - units.from[u]!)
    for (let t = units.from[u]!; t < units.to[u]!; t++) {
      let j: number
      if (lookup === undefined) {
        const d = units.decimal[t]!
        j = d >= first && d - first < n ? d - first : -1
      } else j = lookup(tokenText(spans, t))
      if (j < 0) unknownNeighbour(units, u, tokenText(spans, t))
      list[t - units.from[u]!] = j
    }
    return list
  })
  return { ids, neighbours }
}

interface GalUnits {
  readonly spans: TokenSpans
  readonly ids: string[]
  /** Each unit's neighbours are the tokens from[u] … to[u] − 1. */
  readonly from: Int32Array
  readonly to: Int32Array
  /** The 1-based line of each unit's neighbour list. */
  readonly listLine: Int32Array
  /** tokenDecimal of every neighbour token (−1 elsewhere). */
  readonly decimal: Float64Array
}

// The structure of a GAL file, checked in file order: every error but an unknown neighbour. Tokens are compared
// by their decimal value where they have one (equal values, equal texts), and units are told apart without a
// map while they are numbered consecutively, as nearly every file is.
const galUnits = (text: string): GalUnits => {
  const spans = scanTokens(text)
  const { lines, first } = spans
  const count = (l: number) => (l < lines ? first[l + 1]! - first[l]! : 0)
  let i = 0
  while (i < lines && count(i) === 0) i++
  const headerAt = i + 1
  const { n } = parseHeader(i < lines ? lineTokens(spans, i) : undefined, "GAL")
  i++
  // A unit takes a line at least.
  const ids: string[] = []
  const from = new Int32Array(lines)
  const to = new Int32Array(lines)
  const listLine = new Int32Array(lines)
  const decimal = new Float64Array(spans.start.length).fill(-1)
  let firstId = -1
  let index: Map<string, number> | undefined
  for (;;) {
    while (i < lines && count(i) === 0) i++
    if (i >= lines) break
    const line = i + 1
    const t0 = first[i]!
    let k = count(i) === 2 ? tokenDecimal(spans, t0 + 1) : -1
    if (k < 0) {
      const kText = count(i) === 2 ? tokenText(spans, t0 + 1) : ""
      if (!/^\d+$/.test(kText)) {
        const unit = lineTokens(spans, i).join(" ")
        lineError("bad_unit_line", line, `expected "id neighbour-count" but found "${unit}"`, `应为“标识 邻居数”，实际为“${unit}”`, unit)
      }
      k = Number(kText)
    }
    const id = tokenText(spans, t0)
    const u = ids.length
    if (index === undefined) {
      const d = tokenDecimal(spans, t0)
      if (u === 0) firstId = d
      if (d < 0 || d !== firstId + u) index = new Map(ids.map((x, v) => [x, v]))
    }
    if (index?.has(id)) {
      lineError("duplicate_unit", line, `unit "${id}" is listed a second time`, `单元“${id}”重复出现`, id)
    }
    let lo = 0
    let hi = 0
    if (k > 0) {
      const listed = count(i + 1)
      if (listed !== k) {
        lineError(
          "wrong_neighbour_count",
          line + 1,
          `unit "${id}" declares ${k} neighbour(s) but this line lists ${listed}`,
          `单元“${id}”声明有 ${k} 个邻居，但本行列出 ${listed} 个`,
          id,
        )
      }
      lo = first[i + 1]!
      hi = lo + k
      for (let t = lo; t < hi; t++) decimal[t] = tokenDecimal(spans, t)
      const repeated = firstRepeated(spans, decimal, lo, hi)
      if (repeated !== undefined) {
        lineError("duplicate_neighbour", line + 1, `neighbour "${repeated}" of unit "${id}" is repeated`, `单元“${id}”的邻居“${repeated}”重复`, repeated)
      }
      i += 2
    } else {
      // An island: its neighbour line is empty (R, GeoDa) or left out.
      i += i + 1 < lines && count(i + 1) === 0 ? 2 : 1
    }
    index?.set(id, u)
    ids.push(id)
    from[u] = lo
    to[u] = hi
    listLine[u] = line + 1
  }
  if (ids.length !== n) {
    lineError("n_mismatch", headerAt, `the header says ${n} units but the file lists ${ids.length}`, `文件头声明 ${n} 个单元，但文件列出 ${ids.length} 个`, n)
  }
  const u = ids.length
  return { spans, ids, from: from.subarray(0, u), to: to.subarray(0, u), listLine: listLine.subarray(0, u), decimal }
}

const unknownNeighbour = (units: GalUnits, u: number, token: string): never =>
  lineError(
    "unknown_neighbour",
    units.listLine[u]!,
    `neighbour "${token}" of unit "${units.ids[u]}" is not a unit of the file`,
    `单元“${units.ids[u]}”的邻居“${token}”不在文件的单元中`,
    token,
  )

// The first token of lo … hi − 1 that appeared earlier among them; short lists (the usual handful of neighbours)
// by comparing values or characters, long ones by a set.
const firstRepeated = (spans: TokenSpans, decimal: Float64Array, lo: number, hi: number): string | undefined => {
  if (hi - lo > 16) {
    const seen = new Set<string>()
    for (let t = lo; t < hi; t++) {
      const s = tokenText(spans, t)
      if (seen.has(s)) return s
      seen.add(s)
    }
    return undefined
  }
  for (let b = lo + 1; b < hi; b++) {
    const db = decimal[b]!
    for (let a = lo; a < b; a++) {
      const da = decimal[a]!
      if (da >= 0 || db >= 0 ? da === db : sameToken(spans, a, b)) return tokenText(spans, b)
    }
  }
  return undefined
}

const sameToken = (spans: TokenSpans, a: number, b: number): boolean => {
  const sa = spans.start[a]!
  const sb = spans.start[b]!
  const len = spans.end[a]! - sa
  if (spans.end[b]! - sb !== len) return false
  for (let k = 0; k < len; k++) if (spans.text.charCodeAt(sa + k) !== spans.text.charCodeAt(sb + k)) return false
  return true
}

/**
 * Write a NeighbourList as GAL text (weights, if any, are not written). The header is "n" unless a shapefile or
 * id variable is given ("0 n shapefile idVariable"); islands get an empty neighbour line, as spdep writes them.
 * Throws InputError "bad_id" for empty ids or ids with whitespace, "bad_list" when the arrays do not line up.
 * @example writeGal({ ids: ["a", "b"], neighbours: [["b"], ["a"]] }) // "2\na 1\nb\nb 1\na\n"
 */
export const writeGal = (list: NeighbourList, opts: WriteGalOptions = {}): string => {
  checkNeighbourList(list)
  const out: string[] = [headerLine(list.ids.length, opts)]
  list.ids.forEach((id, i) => {
    const nb = list.neighbours[i]!
    out.push(`${id} ${nb.length}`, nb.join(" "))
  })
  return out.join("\n") + "\n"
}

/**
 * Check that a neighbour list can be written to a GAL/GWT file: ids and neighbour ids are non-empty tokens
 * without whitespace and the arrays line up. Throws InputError "bad_list" or "bad_id"; returns nothing when valid.
 * @example checkNeighbourList({ ids: ["a", "b"], neighbours: [["b"], ["a"]] }) // passes
 */
export const checkNeighbourList = (list: NeighbourList): void => {
  if (list.neighbours.length !== list.ids.length || (list.weights !== undefined && list.weights.length !== list.ids.length)) {
    const en = `The neighbour list has ${list.ids.length} ids but ${list.neighbours.length} neighbour lists${list.weights === undefined ? "" : ` and ${list.weights.length} weight lists`}`
    const zh = `邻接表有 ${list.ids.length} 个标识，但有 ${list.neighbours.length} 组邻居${list.weights === undefined ? "" : `、${list.weights.length} 组权重`}`
    throw new InputError({ code: "bad_list", message: en, zh, issues: [{ en, zh }] })
  }
  checkWritableIds(list.ids)
  list.neighbours.forEach((nb, i) => {
    checkWritableIds(nb)
    const w = list.weights?.[i]
    if (w !== undefined && w.length !== nb.length) {
      const en = `Unit "${list.ids[i]}" has ${nb.length} neighbours but ${w.length} weights`
      const zh = `单元“${list.ids[i]}”有 ${nb.length} 个邻居，但有 ${w.length} 个权重`
      throw new InputError({ code: "bad_list", message: en, zh, issues: [{ row: i + 1, en, zh }] })
    }
  })
}
