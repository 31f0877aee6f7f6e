import { inputError } from "../../model/errors.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"

/**
 * Check a variable against weights (same length, finite, not constant) and centre it on its mean.
 * Shared by the global and local Moran statistics; throws InputError "not_finite" (naming the 1-based row)
 * or "constant_variable".
 * @internal
 * @example centredVariable([1, 2, 6], w) // Float64Array [-2, -1, 3] for weights over 3 units
 */
export const centredVariable = (x: ArrayLike<number>, w: SpatialWeights): Float64Array => {
  const n = w.ids.length
  if (x.length !== n) throw new RangeError(`variable has ${x.length} values but the weights have ${n} units`)
  let sum = 0
  for (let i = 0; i < n; i++) {
    const v = x[i]!
    if (!Number.isFinite(v)) {
      throw inputError(
        "not_finite",
        `Value for unit "${w.ids[i]}" (row ${i + 1}) is missing or not finite: ${v}`,
        `单元“${w.ids[i]}”（第 ${i + 1} 行）的值缺失或不是有限数值：${v}`,
        { row: i + 1, value: v },
      )
    }
    sum += v
  }
  const mean = sum / n
  const z = new Float64Array(n)
  let zz = 0
  for (let i = 0; i < n; i++) {
    z[i] = x[i]! - mean
    zz += z[i]! * z[i]!
  }
  if (!(zz > 0)) {
    throw inputError("constant_variable", "The variable is constant; Moran's I is undefined", "变量为常数，Moran's I 无定义")
  }
  return z
}

/**
 * Spatial lag Wv in CSR (islands get 0, as spdep with zero.policy = TRUE).
 * @internal
 * @example spatialLag(weightsFromNeighbourList({ ids: ["a", "b"], neighbours: [["b"], ["a"]] }), [1, 5]) // [5, 1]
 */
export const spatialLag = (w: SpatialWeights, v: ArrayLike<number>): Float64Array => {
  const n = w.ids.length
  const out = new Float64Array(n)
  const { rowPtr, colIdx, values } = w
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) s += values[p]! * v[colIdx[p]!]!
    out[i] = s
  }
  return out
}
