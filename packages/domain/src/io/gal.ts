/**
 * GAL contiguity files (GeoDa, R spdep `write.nb.gal`) to and from a {@link NeighbourList}.
 *
 * Format: a header ("n", "0 n" or "0 n shapefile idVariable"), then per unit a line "id k" followed by a line
 * with its k neighbour ids (for k = 0 the neighbour line is empty or absent).
 * Parsers throw {@link InputError} (no Effect) naming the 1-based line, so call sites stay simple.
 */
import { InputError } from "../model/errors.js"
import { idLookup } from "./idLookup.js"
import type { NeighbourList } from "./NeighbourList.js"
import { checkWritableIds, headerLine, lineError, parseHeader, tokenLines } from "./weightsText.js"

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
  const lines = tokenLines(text)
  let i = 0
  while (i < lines.length && lines[i]!.length === 0) i++
  const headerAt = i + 1
  const { n } = parseHeader(lines[i], "GAL")
  i++
  const ids: string[] = []
  const neighbours: string[][] = []
  const listLine: number[] = []
  const index = new Map<string, number>()
  for (;;) {
    while (i < lines.length && lines[i]!.length === 0) i++
    if (i >= lines.length) break
    const unit = lines[i]!
    const line = i + 1
    if (unit.length !== 2 || !/^\d+$/.test(unit[1]!)) {
      lineError(
        "bad_unit_line",
        line,
        `expected "id neighbour-count" but found "${unit.join(" ")}"`,
        `应为“标识 邻居数”，实际为“${unit.join(" ")}”`,
        unit.join(" "),
      )
    }
    const id = unit[0]!
    const k = Number(unit[1])
    if (index.has(id)) {
      lineError("duplicate_unit", line, `unit "${id}" is listed a second time`, `单元“${id}”重复出现`, id)
    }
    let list: string[] = []
    if (k > 0) {
      const tokens = lines[i + 1] ?? []
      if (tokens.length !== k) {
        lineError(
          "wrong_neighbour_count",
          line + 1,
          `unit "${id}" declares ${k} neighbour(s) but this line lists ${tokens.length}`,
          `单元“${id}”声明有 ${k} 个邻居，但本行列出 ${tokens.length} 个`,
          id,
        )
      }
      const repeated = firstRepeated(tokens)
      if (repeated !== undefined) {
        lineError("duplicate_neighbour", line + 1, `neighbour "${repeated}" of unit "${id}" is repeated`, `单元“${id}”的邻居“${repeated}”重复`, repeated)
      }
      // The line's tokens are a fresh array: it becomes the list as it is.
      list = tokens
      i += 2
    } else {
      // An island: its neighbour line is empty (R, GeoDa) or left out.
      i += i + 1 < lines.length && lines[i + 1]!.length === 0 ? 2 : 1
    }
    index.set(id, ids.length)
    ids.push(id)
    neighbours.push(list)
    listLine.push(line + 1)
  }
  if (ids.length !== n) {
    lineError("n_mismatch", headerAt, `the header says ${n} units but the file lists ${ids.length}`, `文件头声明 ${n} 个单元，但文件列出 ${ids.length} 个`, n)
  }
  const lookup = idLookup(ids)
  neighbours.forEach((list, u) => {
    for (const t of list) {
      if (lookup(t) < 0) {
        lineError(
          "unknown_neighbour",
          listLine[u]!,
          `neighbour "${t}" of unit "${ids[u]}" is not a unit of the file`,
          `单元“${ids[u]}”的邻居“${t}”不在文件的单元中`,
          t,
        )
      }
    }
  })
  return { ids, neighbours }
}

// The first token that appeared earlier in the line; short lines (the usual handful of neighbours) by comparison,
// long ones by a set.
const firstRepeated = (tokens: ReadonlyArray<string>): string | undefined => {
  if (tokens.length > 16) {
    const seen = new Set<string>()
    for (const t of tokens) {
      if (seen.has(t)) return t
      seen.add(t)
    }
    return undefined
  }
  for (let b = 1; b < tokens.length; b++) for (let a = 0; a < b; a++) if (tokens[a] === tokens[b]) return tokens[b]
  return undefined
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
