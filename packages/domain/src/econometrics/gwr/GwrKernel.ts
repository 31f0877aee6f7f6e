import { inputError } from "../../model/errors.js"
import type { Matrix } from "../linalg/Matrix.js"
import type { PointCoordinates } from "../weights/distance.js"

/** The kernel of a geographically weighted regression (GWmodel's definitions). */
export type GwrKernel = "gaussian" | "bisquare"

/** A GWR bandwidth: a distance (fixed) or a number of nearest neighbours K, the point itself counted (adaptive). */
export interface GwrBandwidth {
  readonly adaptive: boolean
  /** The distance b (fixed) or K (adaptive). */
  readonly value: number
}

/** The data of a GWR: response, design (one row per point), coefficient names and planar coordinates. */
export interface GwrData {
  readonly ids: ReadonlyArray<string>
  readonly x: Matrix
  readonly y: Float64Array
  readonly names: ReadonlyArray<string>
  readonly coords: PointCoordinates
}

/**
 * Kernel weight at squared distance d² for squared bandwidth b², as GWmodel gw.weight: gaussian exp(−½ d²/b²);
 * bisquare (1 − d²/b²)² for d < b, else 0.
 * @example kernelWeight("bisquare", 0.25, 1) // 0.5625
 */
export const kernelWeight = (kernel: GwrKernel, d2: number, b2: number): number => {
  if (kernel === "gaussian") return Math.exp((-0.5 * d2) / b2)
  if (d2 >= b2) return 0
  const u = 1 - d2 / b2
  return u * u
}

/**
 * The k-th smallest (0-based) of a[0 .. n) by quickselect, in linear time on average; `a` is reordered.
 * @example selectKth(Float64Array.of(5, 1, 4, 2), 4, 1) // 2
 */
export const selectKth = (a: Float64Array, n: number, k: number): number => {
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]!
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i]! < pivot) i++
      while (a[j]! > pivot) j--
      if (i <= j) {
        const t = a[i]!
        a[i] = a[j]!
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return a[k]!
  }
  return a[k]!
}

/**
 * Check a GWR's parameters before fitting: finite coordinates ("not_finite", naming the point), a positive fixed
 * bandwidth ("bad_bandwidth"), and an adaptive K that is a whole number from the number of coefficients + 1
 * (bisquare gives the K-th point weight 0) or 2 (gaussian) to n ("bad_neighbours"). The checks that need the
 * distances — a fixed bandwidth below a point's nearest-neighbour distance, too few points inside a bisquare
 * bandwidth, a zero K-th distance — are made point by point while fitting (see `gwr`).
 * @example checkBandwidth(data, "bisquare", { adaptive: true, value: 3 }) // throws "bad_neighbours" for 3 coefficients
 */
export const checkBandwidth = (data: GwrData, kernel: GwrKernel, bw: GwrBandwidth): void => {
  const n = data.y.length
  const p = data.x.cols
  const { x: cx, y: cy } = data.coords
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(cx[i]!) || !Number.isFinite(cy[i]!))
      throw inputError("not_finite", `point "${data.ids[i]}" (row ${i + 1}) has no finite coordinates`, `点“${data.ids[i]}”（第 ${i + 1} 行）没有有效坐标`, {
        row: i + 1,
        value: data.ids[i],
      })
  if (bw.adaptive) {
    const min = kernel === "bisquare" ? p + 1 : 2
    if (!Number.isInteger(bw.value) || bw.value < min || bw.value > n)
      throw inputError(
        "bad_neighbours",
        `an adaptive ${kernel} bandwidth needs a whole number of neighbours K from ${min} to ${n} (the point itself counts as one${kernel === "bisquare" ? ", the K-th gets weight 0" : ""}), got ${bw.value}`,
        `自适应 ${kernel} 带宽的近邻数 K 须为 ${min} 到 ${n} 之间的整数（点自身计为一个${kernel === "bisquare" ? "，第 K 个点权重为 0" : ""}），实际为 ${bw.value}`,
        { column: "neighbours", value: bw.value },
      )
  } else if (!(bw.value > 0) || !Number.isFinite(bw.value))
    throw inputError("bad_bandwidth", `the bandwidth must be a positive distance, got ${bw.value}`, `带宽必须为正的距离，实际为 ${bw.value}`, {
      column: "bandwidth",
      value: bw.value,
    })
}

/**
 * The error for a fixed bandwidth below a point's nearest-neighbour distance.
 * @internal
 * @example belowNearest(data, 3, 0.5, 0.8).code // "bandwidth_below_nearest_neighbour"
 */
export const belowNearest = (data: GwrData, i: number, bandwidth: number, nearest: number) =>
  inputError(
    "bandwidth_below_nearest_neighbour",
    `the bandwidth ${bandwidth} is below the distance from point "${data.ids[i]}" (row ${i + 1}) to its nearest neighbour (${nearest}); choose a bandwidth of at least ${nearest}`,
    `带宽 ${bandwidth} 小于点“${data.ids[i]}”（第 ${i + 1} 行）到最近邻的距离（${nearest}）；带宽至少应为 ${nearest}`,
    { row: i + 1, column: "bandwidth", value: bandwidth },
  )

/**
 * The error for a bisquare bandwidth holding fewer points than coefficients around a point.
 * @internal
 * @example tooFewInside(data, 3, 2.0, 2).code // "too_few_in_bandwidth"
 */
export const tooFewInside = (data: GwrData, i: number, bandwidth: number, inside: number) =>
  inputError(
    "too_few_in_bandwidth",
    `only ${inside} point(s) lie within the bandwidth ${bandwidth} of point "${data.ids[i]}" (row ${i + 1}), itself included; a local regression with ${data.x.cols} coefficients needs at least ${data.x.cols}`,
    `点“${data.ids[i]}”（第 ${i + 1} 行）带宽 ${bandwidth} 内（含自身）只有 ${inside} 个点；含 ${data.x.cols} 个系数的局部回归至少需要 ${data.x.cols} 个`,
    { row: i + 1, column: "bandwidth", value: bandwidth },
  )

/**
 * The error for an adaptive bandwidth whose K-th distance is 0 (too many points at one location).
 * @internal
 * @example sharedLocation(data, 3, 4).code // "duplicate_locations"
 */
export const sharedLocation = (data: GwrData, i: number, k: number) =>
  inputError(
    "duplicate_locations",
    `point "${data.ids[i]}" (row ${i + 1}) shares its location with ${k - 1} or more others, so its ${k}-th nearest distance is 0; use more neighbours`,
    `点“${data.ids[i]}”（第 ${i + 1} 行）与至少 ${k - 1} 个点位置相同，第 ${k} 近邻距离为 0；请增加近邻数`,
    { row: i + 1, value: data.ids[i] },
  )
