/**
 * GWT weights files (GeoDa, R spdep `write.sn2gwt`) to and from a {@link NeighbourList} with weights.
 *
 * Format: a header ("0 n shapefile idVariable", or "n"), then one line "i j w" per link: unit i has neighbour j
 * with weight w. Units without links (islands) do not appear in the body.
 * Parsers throw {@link InputError} (no Effect) naming the 1-based line, so call sites stay simple.
 */
import { InputError } from "../model/errors.js"
import { checkNeighbourList } from "./gal.js"
import type { NeighbourList } from "./NeighbourList.js"
import { headerLine, lineError, parseHeader, tokenLines } from "./weightsText.js"

/** Options for {@link parseGwt}. */
export interface ParseGwtOptions {
  /**
   * Ids of all units, in the wanted order. Needed when some units have no links and the ids are not 1..n;
   * without it, ids 1..n are assumed when every id in the file is an integer in 1..n (the spdep convention),
   * otherwise the ids found (origins in file order, then neighbour-only ids) must number n.
   */
  readonly ids?: ReadonlyArray<string>
}

/** Options for {@link writeGwt}: names written into the "0 n shapefile idVariable" header. */
export interface WriteGwtOptions {
  readonly shapefile?: string
  readonly idVariable?: string
}

const isIndexId = (id: string, n: number): boolean => /^[1-9]\d*$/.test(id) && Number(id) <= n

/**
 * Parse GWT text. Throws InputError with the line number: "bad_header", "bad_gwt_line", "bad_weight"
 * (non-numeric), "duplicate_link", "unknown_unit" (an id not in `opts.ids`), "n_mismatch".
 * @example parseGwt("0 2 shp id\n1 2 0.5\n2 1 0.5\n") // { ids: ["1","2"], neighbours: [["2"],["1"]], weights: [[0.5],[0.5]] }
 */
export const parseGwt = (text: string, opts: ParseGwtOptions = {}): NeighbourList => {
  const lines = tokenLines(text)
  let h = 0
  while (h < lines.length && lines[h]!.length === 0) h++
  const headerAt = h + 1
  const { n } = parseHeader(lines[h], "GWT")
  const links: Array<{ from: string; to: string; w: number; line: number }> = []
  const pairs = new Set<string>()
  for (let i = h + 1; i < lines.length; i++) {
    const t = lines[i]!
    if (t.length === 0) continue
    const line = i + 1
    if (t.length !== 3) {
      lineError("bad_gwt_line", line, `expected "i j weight" but found "${t.join(" ")}"`, `应为“i j 权重”，实际为“${t.join(" ")}”`, t.join(" "))
    }
    const [from, to, wText] = t as [string, string, string]
    const w = Number(wText)
    if (!Number.isFinite(w) || wText.trim() === "") {
      lineError("bad_weight", line, `weight "${wText}" is not a number`, `权重“${wText}”不是数字`, wText)
    }
    const key = `${from}\u0000${to}`
    if (pairs.has(key)) {
      lineError("duplicate_link", line, `the link ${from} → ${to} is listed twice`, `连接 ${from} → ${to} 重复出现`, `${from} ${to}`)
    }
    pairs.add(key)
    links.push({ from, to, w, line })
  }
  const mismatch = (found: number, hint: string, hintZh: string): never =>
    lineError("n_mismatch", headerAt, `the header says ${n} units but ${found} ${hint}`, `文件头声明 ${n} 个单元，但${hintZh}`, n)
  let ids: string[]
  if (opts.ids !== undefined) {
    ids = [...opts.ids]
    if (ids.length !== n) mismatch(ids.length, "ids were given", `给定了 ${ids.length} 个标识`)
    const known = new Set(ids)
    for (const l of links) {
      for (const id of [l.from, l.to]) {
        if (!known.has(id)) lineError("unknown_unit", l.line, `unit "${id}" is not among the given ids`, `单元“${id}”不在给定的标识中`, id)
      }
    }
  } else {
    const seen = new Set<string>()
    const found: string[] = []
    // Origins first, in file order (GeoDa writes units in data order), then ids seen only as neighbours.
    for (const id of [...links.map((l) => l.from), ...links.map((l) => l.to)]) {
      if (!seen.has(id)) {
        seen.add(id)
        found.push(id)
      }
    }
    if (found.every((id) => isIndexId(id, n))) ids = Array.from({ length: n }, (_, i) => String(i + 1))
    else if (found.length === n) ids = found
    else {
      return mismatch(
        found.length,
        "distinct ids appear in the file; pass the ids of all units (islands do not appear in a GWT file)",
        `文件中只出现 ${found.length} 个不同的标识；请提供全部单元的标识（孤立单元不会出现在 GWT 文件中）`,
      )
    }
  }
  const index = new Map(ids.map((id, i) => [id, i]))
  const neighbours: string[][] = ids.map(() => [])
  const weights: number[][] = ids.map(() => [])
  for (const l of links) {
    const u = index.get(l.from)!
    neighbours[u]!.push(l.to)
    weights[u]!.push(l.w)
  }
  return { ids, neighbours, weights }
}

/**
 * Write a NeighbourList as GWT text: header "0 n shapefile idVariable" (defaults "unknown" and "id"), then one
 * "i j w" line per link in unit order; weights default to 1 when the list has none. Weights are written with
 * full double precision. Throws InputError "bad_id" / "bad_list" (see writeGal) or "bad_weight" (non-finite).
 * @example writeGwt({ ids: ["a","b"], neighbours: [["b"],["a"]], weights: [[0.5],[2]] }) // "0 2 unknown id\na b 0.5\nb a 2\n"
 */
export const writeGwt = (list: NeighbourList, opts: WriteGwtOptions = {}): string => {
  checkNeighbourList(list)
  const out: string[] = [headerLine(list.ids.length, { shapefile: opts.shapefile ?? "unknown", idVariable: opts.idVariable ?? "id" })]
  list.ids.forEach((id, i) => {
    list.neighbours[i]!.forEach((nb, k) => {
      const w = list.weights?.[i]?.[k] ?? 1
      if (!Number.isFinite(w)) {
        const en = `The weight of ${id} → ${nb} is not a finite number (${w})`
        const zh = `${id} → ${nb} 的权重不是有限数值（${w}）`
        throw new InputError({ code: "bad_weight", message: en, zh, issues: [{ row: i + 1, value: w, en, zh }] })
      }
      out.push(`${id} ${nb} ${String(w)}`)
    })
  })
  return out.join("\n") + "\n"
}
