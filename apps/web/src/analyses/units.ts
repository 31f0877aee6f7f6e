import { contiguityWeights, coordinationLevel, localMoran, moranTest, type SpatialWeights } from "@jiju/domain/econometrics"
import type { Geometry } from "@jiju/domain/io"

/**
 * The map unit a region code falls in: at province level its prefecture city (济源 4190xx → 419001), at city
 * level the county itself when it lies in that city; undefined otherwise.
 * @example unitOf("410611", "410000") // "410600"
 */
export const unitOf = (region: string, mapCode: string): string | undefined => {
  if (mapCode === "410000") return region.startsWith("4190") ? "419001" : region.startsWith("41") ? `${region.slice(0, 4)}00` : undefined
  return region.slice(0, 4) === mapCode.slice(0, 4) && region !== mapCode ? region : undefined
}

/** Mean of values per unit. */
export const meanByUnit = (rows: ReadonlyArray<{ unit: string | undefined; value: number }>): Map<string, number> => {
  const sum = new Map<string, { s: number; n: number }>()
  for (const r of rows) {
    if (r.unit === undefined || !Number.isFinite(r.value)) continue
    const a = sum.get(r.unit) ?? { s: 0, n: 0 }
    a.s += r.value
    a.n += 1
    sum.set(r.unit, a)
  }
  return new Map([...sum].map(([k, { s, n }]) => [k, s / n]))
}

/** The coordination level (grade 1–10) of a unit's mean D. */
export const gradeOf = (d: number) => coordinationLevel(d)

/** Row-standardised spatial lag W·v. */
const lag = (w: SpatialWeights, v: ReadonlyArray<number>): number[] =>
  w.ids.map((_, i) => {
    let s = 0
    for (let k = w.rowPtr[i]!; k < w.rowPtr[i + 1]!; k++) s += w.values[k]! * v[w.colIdx[k]!]!
    return s
  })

/** Global and local Moran of unit values over queen contiguity of their polygons (spdep conventions). */
export interface SpatialSummary {
  readonly I: number
  readonly p: number
  readonly points: ReadonlyArray<{ code: string; z: number; lag: number; quadrant: string | null; p: number | null }>
}

/**
 * Moran's I, LISA quadrants and the scatter points (standardised value, its lag) of units with a value and a
 * polygon; null when fewer than 3 such units or the value does not vary.
 */
export const spatialSummary = (values: ReadonlyMap<string, number>, polygons: ReadonlyMap<string, Geometry>): SpatialSummary | null => {
  const codes = [...values.keys()].filter((c) => polygons.has(c)).sort()
  if (codes.length < 3) return null
  const x = codes.map((c) => values.get(c)!)
  const mean = x.reduce((a, b) => a + b, 0) / x.length
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length)
  if (!(sd > 0)) return null
  const w = contiguityWeights(
    codes,
    codes.map((c) => polygons.get(c)!),
    { rule: "queen", style: "W" },
  )
  const g = moranTest(x, w)
  const local = localMoran(x, w)
  const z = x.map((v) => (v - mean) / sd)
  const lz = lag(w, z)
  return {
    I: g.I,
    p: g.pNormality,
    points: codes.map((code, i) => ({ code, z: z[i]!, lag: lz[i]!, quadrant: local[i]!.quadrant, p: local[i]!.p })),
  }
}
