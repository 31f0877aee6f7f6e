/**
 * The map unit a region code falls in: at province level its prefecture city (济源 4190xx → 419001), at city
 * level the county itself when it lies in that city; undefined otherwise.
 * @example unitOf("410611", "410000") // "410600"
 */
export const unitOf = (region: string, mapCode: string): string | undefined => {
  if (mapCode === "410000") return region.startsWith("4190") ? "419001" : region.startsWith("41") ? `${region.slice(0, 4)}00` : undefined
  return region.slice(0, 4) === mapCode.slice(0, 4) && region !== mapCode ? region : undefined
}

/**
 * Mean of values per unit (rows without a unit or a finite value are left out).
 * @example meanByUnit([{ unit: "a", value: 1 }, { unit: "a", value: 3 }]) // Map { "a" => 2 }
 */
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
