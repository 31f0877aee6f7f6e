import { InputError } from "../../model/errors.js"
import type { SpatialWeights } from "./SpatialWeights.js"

/** Most ids listed in an "ids_mismatch" message, per side. */
const MAX_LISTED = 10

const listed = (xs: ReadonlyArray<string>) => (xs.length > MAX_LISTED ? `${xs.slice(0, MAX_LISTED).join(", ")} … (${xs.length} in all)` : xs.join(", "))

const duplicateId = (id: string, row: number): never => {
  const en = `Data id "${id}" appears more than once (data row ${row + 1})`
  const zh = `数据编号“${id}”出现多次（数据第 ${row + 1} 行）`
  throw new InputError({ code: "duplicate_id", message: en, zh, issues: [{ row: row + 1, value: id, en, zh }] })
}

/**
 * Reorder weights so that row i is the unit `ids[i]` of the data: weights and data are matched by id value,
 * never by row order. Throws InputError "duplicate_id" when the data repeat an id, and "ids_mismatch" listing
 * (up to 10 of) the ids found only in the data and only in the weights.
 * @example alignWeights(w, ["3", "1", "2"]).ids // ["3", "1", "2"]
 */
export const alignWeights = (w: SpatialWeights, ids: ReadonlyArray<string>): SpatialWeights => {
  const n = w.ids.length
  // The data list the weights' units in their order (as a GAL file written for the data does): only a repeated
  // data id can be wrong, found without building the maps below (a third of a second at 250,000 units).
  if (ids.length === n && ids.every((id, i) => w.ids[i] === id)) {
    const seen = new Set<string>()
    ids.forEach((id, row) => {
      if (seen.has(id)) duplicateId(id, row)
      seen.add(id)
    })
    return w
  }
  const old = new Map<string, number>()
  w.ids.forEach((id, i) => {
    old.set(id, i)
  })
  const seen = new Set<string>()
  const onlyData: string[] = []
  ids.forEach((id, row) => {
    if (seen.has(id)) duplicateId(id, row)
    seen.add(id)
    if (!old.has(id)) onlyData.push(id)
  })
  const onlyWeights = w.ids.filter((id) => !seen.has(id))
  if (onlyData.length > 0 || onlyWeights.length > 0) {
    const parts: string[] = []
    const zparts: string[] = []
    if (onlyData.length > 0) {
      parts.push(`in the data but not the weights: ${listed(onlyData)}`)
      zparts.push(`数据中有而权重中没有：${listed(onlyData)}`)
    }
    if (onlyWeights.length > 0) {
      parts.push(`in the weights but not the data: ${listed(onlyWeights)}`)
      zparts.push(`权重中有而数据中没有：${listed(onlyWeights)}`)
    }
    const en = `Weights ids do not match the data ids (${ids.length} data rows, ${n} weights units); ${parts.join("; ")}`
    const zh = `权重编号与数据编号不一致（数据 ${ids.length} 行，权重 ${n} 个单元）；${zparts.join("；")}`
    throw new InputError({ code: "ids_mismatch", message: en, zh, issues: [{ en, zh }] })
  }
  const oldOf = Int32Array.from(ids, (id) => old.get(id)!)
  const newOf = new Int32Array(n)
  oldOf.forEach((o, r) => {
    newOf[o] = r
  })
  const rowPtr = new Int32Array(n + 1)
  for (let r = 0; r < n; r++) {
    const o = oldOf[r]!
    rowPtr[r + 1] = rowPtr[r]! + (w.rowPtr[o + 1]! - w.rowPtr[o]!)
  }
  const colIdx = new Int32Array(rowPtr[n]!)
  const values = new Float64Array(rowPtr[n]!)
  const order: number[] = []
  for (let r = 0; r < n; r++) {
    const o = oldOf[r]!
    order.length = 0
    for (let p = w.rowPtr[o]!; p < w.rowPtr[o + 1]!; p++) order.push(p)
    order.sort((a, b) => newOf[w.colIdx[a]!]! - newOf[w.colIdx[b]!]!)
    let q = rowPtr[r]!
    for (const p of order) {
      colIdx[q] = newOf[w.colIdx[p]!]!
      values[q] = w.values[p]!
      q++
    }
  }
  return { ids: [...ids], rowPtr, colIdx, values, style: w.style, symmetric: w.symmetric }
}
