/**
 * Sample quantile of type 7 (R's default `quantile(x, p)`, numpy's linear percentile): with the values sorted,
 * h = (n − 1)·p, the quantile is x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)) (0-based order statistics).
 * `sorted` must be sorted ascending.
 * @example quantileSorted([1, 2, 3, 4], 0.25) // 1.75
 */
export const quantileSorted = (sorted: ArrayLike<number>, p: number): number => {
  const n = sorted.length
  if (n === 0) return Number.NaN
  // R: index = 1 + (n − 1)·p, lo = floor(index), h = index − lo; 0-based here.
  const index = (n - 1) * p
  const lo = Math.floor(index)
  const hi = Math.ceil(index)
  const q = sorted[lo]!
  const h = index - lo
  return index > lo && sorted[hi]! !== q ? (1 - h) * q + h * sorted[hi]! : q
}

/**
 * The values sorted ascending in a new Float64Array.
 * @example sortedCopy([3, 1, 2]) // Float64Array [1, 2, 3]
 */
export const sortedCopy = (x: ArrayLike<number>): Float64Array => Float64Array.from(x).sort()
