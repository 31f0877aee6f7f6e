import { inputError } from "../../model/errors.js"

/** One observation of long data: the size (employment, output …) of an industry in a region. */
export interface RegionIndustryValue {
  readonly region: string
  readonly industry: string
  readonly value: number
}

/**
 * A dense region × industry table built from long data; pairs absent from the data are 0.
 * `value[r][i]` is industry i in region r; regions and industries keep their first-seen order.
 */
export interface RegionIndustryTable {
  readonly regions: ReadonlyArray<string>
  readonly industries: ReadonlyArray<string>
  readonly value: ReadonlyArray<Float64Array>
  /** q_r: sum over industries per region. */
  readonly regionTotal: Float64Array
  /** q_i: sum over regions per industry. */
  readonly industryTotal: Float64Array
  /** q: grand total. */
  readonly total: number
}

/**
 * Build the region × industry table from long records (row numbers in errors are 1-based positions in `records`).
 * @throws InputError `empty`, `not_finite`, `negative_value`, `duplicate_pair` (same region and industry twice),
 *   `zero_total` (an industry or region that sums to 0 cannot have shares).
 * @example regionIndustryTable([{ region: "A", industry: "x", value: 1 }, { region: "B", industry: "x", value: 3 }])
 */
export const regionIndustryTable = (records: ReadonlyArray<RegionIndustryValue>): RegionIndustryTable => {
  if (records.length === 0) throw inputError("empty", "no region–industry values", "没有区域—产业数据")
  const regionIndex = new Map<string, number>()
  const industryIndex = new Map<string, number>()
  for (const r of records) {
    if (!regionIndex.has(r.region)) regionIndex.set(r.region, regionIndex.size)
    if (!industryIndex.has(r.industry)) industryIndex.set(r.industry, industryIndex.size)
  }
  const regions = [...regionIndex.keys()]
  const industries = [...industryIndex.keys()]
  const value = regions.map(() => new Float64Array(industries.length))
  const seen = new Set<string>()
  records.forEach((rec, k) => {
    const at = { row: k + 1, column: "value", value: rec.value }
    if (!Number.isFinite(rec.value))
      throw inputError("not_finite", `row ${k + 1}: value ${rec.value} is not a finite number`, `第 ${k + 1} 行：数值 ${rec.value} 不是有限数`, at)
    if (rec.value < 0) throw inputError("negative_value", `row ${k + 1}: value ${rec.value} is negative`, `第 ${k + 1} 行：数值 ${rec.value} 为负`, at)
    const key = JSON.stringify([rec.region, rec.industry])
    if (seen.has(key))
      throw inputError(
        "duplicate_pair",
        `row ${k + 1}: region "${rec.region}" and industry "${rec.industry}" appear more than once`,
        `第 ${k + 1} 行：区域“${rec.region}”与产业“${rec.industry}”重复出现`,
        { row: k + 1, value: [rec.region, rec.industry] },
      )
    seen.add(key)
    value[regionIndex.get(rec.region)!]![industryIndex.get(rec.industry)!] = rec.value
  })
  return regionIndustryTableFromCells(regions, industries, value)
}

/**
 * The region × industry table of dense cells (`value[r][i]`, industry i in region r), with its totals.
 * @throws InputError `zero_total` (an industry or region that sums to 0 cannot have shares).
 * @example regionIndustryTableFromCells(["A", "B"], ["x"], [Float64Array.of(1), Float64Array.of(3)]).total // 4
 */
export const regionIndustryTableFromCells = (
  regions: ReadonlyArray<string>,
  industries: ReadonlyArray<string>,
  value: ReadonlyArray<Float64Array>,
): RegionIndustryTable => {
  const regionTotal = Float64Array.from(value, (row) => row.reduce((a, b) => a + b, 0))
  const industryTotal = new Float64Array(industries.length)
  for (let i = 0; i < industries.length; i++) {
    let s = 0
    for (const row of value) s += row[i]!
    industryTotal[i] = s
  }
  industries.forEach((name, i) => {
    if (!(industryTotal[i]! > 0))
      throw inputError("zero_total", `industry "${name}" sums to 0 over all regions`, `产业“${name}”在所有区域合计为 0`, { value: name })
  })
  regions.forEach((name, r) => {
    if (!(regionTotal[r]! > 0))
      throw inputError("zero_total", `region "${name}" sums to 0 over all industries`, `区域“${name}”在所有产业合计为 0`, { value: name })
  })
  const total = regionTotal.reduce((a, b) => a + b, 0)
  return { regions, industries, value, regionTotal, industryTotal, total }
}
