import { writeGal } from "@jiju/domain/io"

/** What the screens say about the weights they used. */
export const PREFECTURE_WEIGHTS_NOTE = {
  zh: "空间权重：同一省辖市（区划代码前 4 位）内的集聚区互为邻居，行标准化；无边界数据，未用邻接或距离",
  en: "weights: zones in the same prefecture (first 4 digits of the region code) are neighbours, row-standardised; no boundaries, so no contiguity or distance",
}

/**
 * The prefecture code of a region code: its first four digits (省辖市), padded back to six.
 * @example prefectureOf("410105") // "410100"
 */
export const prefectureOf = (region: string): string => `${region.slice(0, 4)}00`

/**
 * Block weights by prefecture, as the GAL text an analysis request carries: two zones are neighbours when their
 * region codes share the first four digits (省辖市); a zone alone in its prefecture is an island. The analysis
 * row-standardises them (its default), as the screens say.
 * @example prefectureGal(["a", "b", "c"], { a: "410102", b: "410105", c: "410202" }) // "0 3 dashboard zone\na 1\nb\nb 1\na\nc 0\n\n"
 */
export const prefectureGal = (ids: ReadonlyArray<string>, regionOf: Readonly<Record<string, string>>): string => {
  const prefecture = ids.map((id) => prefectureOf(regionOf[id] ?? ""))
  const members = new Map<string, string[]>()
  for (const [i, p] of prefecture.entries()) members.set(p, [...(members.get(p) ?? []), ids[i]!])
  const neighbours = ids.map((id, i) => (members.get(prefecture[i]!) ?? []).filter((j) => j !== id))
  return writeGal({ ids: [...ids], neighbours }, { shapefile: "dashboard", idVariable: "zone" })
}
