import { type SpatialWeights, weightsFromLinks } from "@jiju/domain/econometrics"

/** What the screen says about the weights it used. */
export const PREFECTURE_WEIGHTS_NOTE = {
  zh: "空间权重：同一省辖市（区划代码前 4 位）内的集聚区互为邻居，行标准化；无边界数据，未用邻接或距离",
  en: "weights: zones in the same prefecture (first 4 digits of the region code) are neighbours, row-standardised; no boundaries, so no contiguity or distance",
}

/**
 * Block weights by prefecture: two zones are neighbours when their region codes share the first four digits
 * (省辖市). Row-standardised; a zone alone in its prefecture is an island.
 * @example prefectureWeights(["a", "b", "c"], { a: "410102", b: "410105", c: "410202" }).rowPtr // [0, 1, 2, 2]
 */
export const prefectureWeights = (ids: ReadonlyArray<string>, regionOf: Readonly<Record<string, string>>): SpatialWeights => {
  const prefecture = ids.map((id) => (regionOf[id] ?? "").slice(0, 4))
  const members = new Map<string, number[]>()
  for (const [i, p] of prefecture.entries()) members.set(p, [...(members.get(p) ?? []), i])
  const neighbours = ids.map((_, i) => (members.get(prefecture[i]!) ?? []).filter((j) => j !== i))
  return weightsFromLinks(ids, neighbours, undefined, "W")
}
