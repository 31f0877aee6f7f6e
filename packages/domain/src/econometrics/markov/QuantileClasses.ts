import { inputError } from "../../model/errors.js"
import { quantileSorted, sortedCopy } from "../distribution/quantile.js"

/** Quantile classes of a set of values. */
export interface QuantileClasses {
  /** The k − 1 inner class bounds: type-7 quantiles at 1/k, …, (k − 1)/k. */
  readonly cutoffs: ReadonlyArray<number>
  /** Class of each value, 0-based: the number of bounds strictly below it (a value equal to a bound goes below it). */
  readonly classes: Int32Array
}

/**
 * Split values into k quantile classes as PySAL mapclassify Quantiles (used by giddy's Markov chains): the bounds
 * are the type-7 quantiles at j/k (R's default quantile, numpy's linear percentile) and class c holds the values
 * in (bound_c, bound_{c+1}], upper bounds included. `label` names the values in errors. Throws InputError
 * "bad_classes" unless 2 ≤ k ≤ number of values, "constant_variable" when all values are equal, and
 * "tied_class_bounds" when two bounds coincide (too many equal values for k classes).
 * @example quantileClasses([1, 2, 3, 4, 5, 6], 3).classes // Int32Array [0, 0, 1, 1, 2, 2]
 */
export const quantileClasses = (values: ArrayLike<number>, k: number, label = "values"): QuantileClasses => {
  if (!Number.isInteger(k) || k < 2 || k > values.length)
    throw inputError(
      "bad_classes",
      `classes must be a whole number from 2 to ${values.length}, got ${k}`,
      `类别数必须是 2 到 ${values.length} 之间的整数，实际为 ${k}`,
      {
        column: "classes",
        value: k,
      },
    )
  const sorted = sortedCopy(values)
  if (sorted[0] === sorted[sorted.length - 1])
    throw inputError(
      "constant_variable",
      `${label}: all values are ${sorted[0]}; they cannot be split into classes`,
      `${label}：所有数值都是 ${sorted[0]}，无法分类`,
      {
        value: sorted[0],
      },
    )
  const cutoffs: number[] = []
  for (let j = 1; j < k; j++) cutoffs.push(quantileSorted(sorted, j / k))
  for (let j = 1; j < cutoffs.length; j++)
    if (!(cutoffs[j]! > cutoffs[j - 1]!))
      throw inputError(
        "tied_class_bounds",
        `${label}: the ${j}/${k} and ${j + 1}/${k} quantiles are both ${cutoffs[j]}; too many equal values for ${k} classes`,
        `${label}：第 ${j}/${k} 与 ${j + 1}/${k} 分位数同为 ${cutoffs[j]}；相同数值过多，无法分为 ${k} 类`,
        { column: "classes", value: k },
      )
  const classes = new Int32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    let c = 0
    while (c < cutoffs.length && cutoffs[c]! < values[i]!) c++
    classes[i] = c
  }
  return { cutoffs, classes }
}
