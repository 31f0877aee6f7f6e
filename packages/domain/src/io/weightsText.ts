/**
 * Line handling shared by the GAL and GWT readers and writers.
 */
import { InputError } from "../model/errors.js"

/**
 * Throw InputError `code` naming the 1-based line of the weights file (its `row` is that file line).
 * Shared by the GAL and GWT readers.
 * @internal
 * @example lineError("bad_count", 3, "expected 2 neighbours", "应有 2 个邻居") // throws, issues[0].row === 3
 */
export const lineError = (code: string, line: number, en: string, zh: string, value?: unknown): never => {
  const enFull = `Line ${line}: ${en}`
  const zhFull = `第 ${line} 行：${zh}`
  throw new InputError({
    code,
    message: enFull,
    zh: zhFull,
    issues: [{ row: line, ...(value === undefined ? {} : { value }), en: enFull, zh: zhFull }],
  })
}

/**
 * Split text into lines of whitespace-separated tokens (BOM removed, CRLF / CR / LF accepted).
 * Shared by the GAL and GWT readers.
 * @internal
 * @example tokenLines("0 2\r\n1 1\n\n") // [["0", "2"], ["1", "1"], [], []]
 */
export const tokenLines = (text: string): string[][] =>
  (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/).map((l) => {
    const t = l.trim()
    return t === "" ? [] : t.split(/\s+/)
  })

/**
 * Read the header of a GAL/GWT file: "n", or "0 n", or "0 n shapefile idVariable".
 * Returns n and the optional names; throws "bad_header" otherwise.
 * Shared by the GAL and GWT readers.
 * @internal
 * @example parseHeader(["0", "49", "columbus", "POLYID"], "GAL") // { n: 49, shapefile: "columbus", idVariable: "POLYID" }
 */
export const parseHeader = (tokens: ReadonlyArray<string> | undefined, kind: string): { n: number; shapefile?: string; idVariable?: string } => {
  const bad = (): never =>
    lineError(
      "bad_header",
      1,
      `the ${kind} header must be "n", "0 n" or "0 n shapefile id-variable" (got "${(tokens ?? []).join(" ")}")`,
      `${kind} 文件头应为 "n"、"0 n" 或 "0 n 图层名 标识变量"（实际为 "${(tokens ?? []).join(" ")}"）`,
    )
  if (tokens === undefined || tokens.length === 0) return bad()
  const nText = tokens.length === 1 ? tokens[0]! : tokens[0] === "0" ? tokens[1]! : bad()
  if (!/^\d+$/.test(nText)) return bad()
  const n = Number(nText)
  const shapefile = tokens.length >= 3 ? tokens[2] : undefined
  const idVariable = tokens.length >= 4 ? tokens.slice(3).join(" ") : undefined
  return { n, ...(shapefile === undefined ? {} : { shapefile }), ...(idVariable === undefined ? {} : { idVariable }) }
}

/**
 * Header line for writing: "0 n shapefile idVariable" when either name is given, else the plain "n" every reader accepts.
 * Shared by the GAL and GWT writers.
 * @internal
 * @example headerLine(49, { idVariable: "POLYID" }) // "0 49 unknown POLYID"
 */
export const headerLine = (n: number, opts: { shapefile?: string; idVariable?: string }): string =>
  opts.shapefile === undefined && opts.idVariable === undefined
    ? String(n)
    : `0 ${n} ${safeName(opts.shapefile ?? "unknown")} ${safeName(opts.idVariable ?? "id")}`

const safeName = (s: string): string => (s.trim() === "" ? "unknown" : s.trim().replace(/\s+/g, "_"))

/**
 * Ids are written as single tokens: reject empty ones and ones with whitespace (InputError "bad_id" naming the 1-based unit).
 * Shared by the GAL and GWT writers.
 * @internal
 * @example checkWritableIds(["a b"]) // throws InputError "bad_id"
 */
export const checkWritableIds = (ids: ReadonlyArray<string>): void => {
  ids.forEach((id, i) => {
    if (id === "" || /\s/.test(id)) {
      const en = `Unit ${i + 1}: id ${JSON.stringify(id)} cannot be written to a weights file (empty or contains whitespace)`
      const zh = `第 ${i + 1} 个单元：标识 ${JSON.stringify(id)} 无法写入权重文件（为空或含空白字符）`
      throw new InputError({ code: "bad_id", message: en, zh, issues: [{ row: i + 1, value: id, en, zh }] })
    }
  })
}
