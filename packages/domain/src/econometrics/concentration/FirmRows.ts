import { inputError } from "../../model/errors.js"
import { type RegionIndustryTable, regionIndustryTableFromCells } from "./RegionIndustry.js"

/** What {@link RegionIndustryRows.aggregate} gives: the region × industry table, and from firm rows the plants. */
export interface AggregatedRows {
  readonly table: RegionIndustryTable
  /** Plant Herfindahl H_i = Σ_k (e_k / E_i)² per industry, over its plants (firm rows only). */
  readonly plantHerfindahl?: Readonly<Record<string, number>>
  /** Plants with a positive value per industry (firm rows only). */
  readonly plants?: Readonly<Record<string, number>>
}

const grow = <T extends Int32Array | Float64Array>(a: T, size: number): T => {
  if (size <= a.length) return a
  const b = new (a.constructor as { new (n: number): T })(Math.max(size, a.length * 2))
  b.set(a)
  return b
}

/**
 * Long rows of (region, industry, firm, value) kept as integer codes and numbers in typed arrays — 20 bytes a
 * row, so that millions of firm records (工业企业数据库-style microdata) fit in memory — and aggregated to a
 * region × industry table. Rows without firms (firm −1) are pre-aggregated data: each region and industry pair
 * at most once. Rows with firms: a plant is a firm within an industry; its rows are added up and must share a
 * region. Codes index the names given to {@link RegionIndustryRows.aggregate}; rows are numbered from 1.
 * @example const rows = new RegionIndustryRows("value"); rows.add(0, 0, -1, 12.5); rows.aggregate(["A"], ["x"])
 */
export class RegionIndustryRows {
  private region = new Int32Array(1024)
  private industry = new Int32Array(1024)
  private firm = new Int32Array(1024)
  private value = new Float64Array(1024)
  private withFirms = false
  /** Rows added so far. */
  count = 0

  constructor(private readonly valueColumn: string) {}

  /** Add one row (firm −1 when the data has no firms). Throws InputError "not_finite" or "negative_value" naming the row. */
  add(region: number, industry: number, firm: number, value: number): void {
    const row = this.count + 1
    if (!Number.isFinite(value))
      throw inputError("not_finite", `row ${row}: value ${value} is not a finite number`, `第 ${row} 行：数值 ${value} 不是有限数`, {
        row,
        column: this.valueColumn,
        value,
      })
    if (value < 0)
      throw inputError("negative_value", `row ${row}: value ${value} is negative`, `第 ${row} 行：数值 ${value} 为负`, { row, column: this.valueColumn, value })
    const k = this.count++
    if (k === this.value.length) {
      this.region = grow(this.region, k + 1)
      this.industry = grow(this.industry, k + 1)
      this.firm = grow(this.firm, k + 1)
      this.value = grow(this.value, k + 1)
    }
    this.region[k] = region
    this.industry[k] = industry
    this.firm[k] = firm
    this.value[k] = value
    if (firm >= 0) this.withFirms = true
  }

  /**
   * The region × industry table (InputError "empty", "duplicate_pair" for pre-aggregated rows, "zero_total"),
   * and with firms the plant Herfindahl and plant count per industry (InputError "firm_in_two_regions" when
   * a firm's rows in one industry name different regions). `firmName` gives a firm's text for messages.
   */
  aggregate(regions: ReadonlyArray<string>, industries: ReadonlyArray<string>, firmName: (firm: number) => string = String): AggregatedRows {
    const n = this.count
    if (n === 0) throw inputError("empty", "no region–industry values", "没有区域—产业数据")
    const R = regions.length
    const I = industries.length
    const cells = Array.from({ length: R }, () => new Float64Array(I))
    if (!this.withFirms) {
      const first = new Int32Array(R * I)
      for (let k = 0; k < n; k++) {
        const r = this.region[k]!
        const i = this.industry[k]!
        const c = r * I + i
        if (first[c] !== 0)
          throw inputError(
            "duplicate_pair",
            `row ${k + 1}: region "${regions[r]}" and industry "${industries[i]}" appear more than once (first in row ${first[c]})`,
            `第 ${k + 1} 行：区域“${regions[r]}”与产业“${industries[i]}”重复出现（首次在第 ${first[c]} 行）`,
            { row: k + 1, value: [regions[r], industries[i]] },
          )
        first[c] = k + 1
        cells[r]![i] = this.value[k]!
      }
      return { table: regionIndustryTableFromCells(regions, industries, cells) }
    }
    // Plants: firm f in its first industry is plant f; a firm seen in another industry gets an extra plant.
    let nf = 0
    for (let k = 0; k < n; k++) nf = Math.max(nf, this.firm[k]! + 1)
    const plantIndustry = new Int32Array(nf).fill(-1)
    const plantRegion = new Int32Array(nf)
    const plantRow = new Int32Array(nf)
    let plantValue = new Float64Array(nf)
    const extra = new Map<number, number>()
    let extraIndustry = new Int32Array(0)
    let extraRegion = new Int32Array(0)
    let extraRow = new Int32Array(0)
    let plants = nf
    for (let k = 0; k < n; k++) {
      const f = this.firm[k]!
      const i = this.industry[k]!
      const r = this.region[k]!
      const v = this.value[k]!
      cells[r]![i]! += v
      let p = f
      let pIndustry = plantIndustry[f]!
      let pRegion = plantRegion[f]!
      let pRow = plantRow[f]!
      if (pIndustry >= 0 && pIndustry !== i) {
        const key = f * I + i
        const known = extra.get(key)
        if (known === undefined) {
          p = plants++
          extra.set(key, p)
          pIndustry = -1
        } else {
          p = known
          pIndustry = i
          pRegion = extraRegion[p - nf]!
          pRow = extraRow[p - nf]!
        }
      }
      if (pIndustry < 0) {
        if (p < nf) {
          plantIndustry[p] = i
          plantRegion[p] = r
          plantRow[p] = k + 1
        } else {
          extraIndustry = grow(extraIndustry, p - nf + 1)
          extraRegion = grow(extraRegion, p - nf + 1)
          extraRow = grow(extraRow, p - nf + 1)
          extraIndustry[p - nf] = i
          extraRegion[p - nf] = r
          extraRow[p - nf] = k + 1
        }
      } else if (pRegion !== r)
        throw inputError(
          "firm_in_two_regions",
          `row ${k + 1}: firm "${firmName(f)}" of industry "${industries[i]}" is in region "${regions[r]}", but in "${regions[pRegion]}" in row ${pRow}`,
          `第 ${k + 1} 行：产业“${industries[i]}”的企业“${firmName(f)}”位于区域“${regions[r]}”，而第 ${pRow} 行为“${regions[pRegion]}”`,
          { row: k + 1, value: firmName(f) },
        )
      plantValue = grow(plantValue, p + 1)
      plantValue[p]! += v
    }
    const table = regionIndustryTableFromCells(regions, industries, cells)
    // H_i = Σ_k (e_k / E_i)² with E_i the industry total, as REAT herf() on the plant sizes.
    const h = new Float64Array(I)
    const count = new Int32Array(I)
    for (let p = 0; p < plants; p++) {
      const i = p < nf ? plantIndustry[p]! : extraIndustry[p - nf]!
      const v = plantValue[p]!
      if (i < 0 || !(v > 0)) continue
      const share = v / table.industryTotal[i]!
      h[i]! += share * share
      count[i]!++
    }
    return {
      table,
      plantHerfindahl: Object.fromEntries(industries.map((name, i) => [name, h[i]!])),
      plants: Object.fromEntries(industries.map((name, i) => [name, count[i]!])),
    }
  }
}
