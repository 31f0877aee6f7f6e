import { inputError } from "../../model/errors.js"

/** An industry in a region at the base and final periods (employment, output …). */
export interface ShiftShareInput {
  readonly region: string
  readonly industry: string
  readonly base: number
  readonly final: number
}

/** The classic components of one region–industry cell; they add up to `change`. */
export interface ShiftShareCell {
  readonly region: string
  readonly industry: string
  readonly base: number
  readonly final: number
  /** final − base. */
  readonly change: number
  /** National growth (national share) NS = e⁰ · G, G = national total growth rate. */
  readonly nationalGrowth: number
  /** Industry mix IM = e⁰ · (g_i − G), g_i = national growth rate of the industry. */
  readonly industryMix: number
  /** Competitive (regional) shift CS = e¹ − e⁰ · (1 + g_i) = e⁰ · (r − g_i). */
  readonly competitiveShift: number
}

/** Components summed per region, and the cells. */
export interface ShiftShare {
  readonly cells: ReadonlyArray<ShiftShareCell>
  readonly regions: ReadonlyArray<Omit<ShiftShareCell, "industry">>
  /** G: growth rate of the national (reference) total. */
  readonly nationalRate: number
  /** g_i per industry. */
  readonly industryRates: Readonly<Record<string, number>>
}

/**
 * Classic shift-share analysis (Dunn 1960; REAT `shift` with `shift.method = "Dunn"`) between two periods.
 * National totals are the sums over the data, or `national[industry] = { base, final }` when the data are only part
 * of the nation (then the national grand total is the sum of the given industries).
 * Per cell: NS = e⁰·G, IM = e⁰·(g_i − G), CS = e¹ − e⁰·(1 + g_i); NS + IM + CS = e¹ − e⁰ exactly.
 * @throws InputError `empty`, `not_finite`, `negative_value`, `duplicate_pair`, `zero_total` (an industry with national base 0).
 * @example shiftShare([{ region: "A", industry: "x", base: 100, final: 130 }, { region: "B", industry: "x", base: 100, final: 110 }])
 */
export const shiftShare = (
  rows: ReadonlyArray<ShiftShareInput>,
  national?: Readonly<Record<string, { readonly base: number; readonly final: number }>>,
): ShiftShare => {
  if (rows.length === 0) throw inputError("empty", "no region–industry values", "没有区域—产业数据")
  const sums = new Map<string, { base: number; final: number }>()
  const seen = new Set<string>()
  rows.forEach((row, k) => {
    for (const [column, v] of [
      ["base", row.base],
      ["final", row.final],
    ] as const) {
      if (!Number.isFinite(v))
        throw inputError("not_finite", `row ${k + 1}: ${column} ${v} is not a finite number`, `第 ${k + 1} 行：${column} 值 ${v} 不是有限数`, {
          row: k + 1,
          column,
          value: v,
        })
      if (v < 0)
        throw inputError("negative_value", `row ${k + 1}: ${column} ${v} is negative`, `第 ${k + 1} 行：${column} 值 ${v} 为负`, {
          row: k + 1,
          column,
          value: v,
        })
    }
    const key = JSON.stringify([row.region, row.industry])
    if (seen.has(key))
      throw inputError(
        "duplicate_pair",
        `row ${k + 1}: region "${row.region}" and industry "${row.industry}" appear more than once`,
        `第 ${k + 1} 行：区域“${row.region}”与产业“${row.industry}”重复出现`,
        {
          row: k + 1,
          value: [row.region, row.industry],
        },
      )
    seen.add(key)
    const s = sums.get(row.industry) ?? { base: 0, final: 0 }
    sums.set(row.industry, { base: s.base + row.base, final: s.final + row.final })
  })
  const nat = national ? new Map(Object.entries(national)) : sums
  const rate = new Map<string, number>()
  for (const industry of sums.keys()) {
    const n = nat.get(industry)
    if (!n || !(n.base > 0))
      throw inputError("zero_total", `industry "${industry}" has no positive national base value`, `产业“${industry}”缺少为正的全国基期值`, { value: industry })
    rate.set(industry, n.final / n.base - 1)
  }
  let nb = 0
  let nf = 0
  for (const n of nat.values()) {
    nb += n.base
    nf += n.final
  }
  const G = nf / nb - 1
  const cells: ShiftShareCell[] = rows.map((row) => {
    const g = rate.get(row.industry)!
    return {
      region: row.region,
      industry: row.industry,
      base: row.base,
      final: row.final,
      change: row.final - row.base,
      nationalGrowth: row.base * G,
      industryMix: row.base * (g - G),
      competitiveShift: row.final - row.base * (1 + g),
    }
  })
  const byRegion = new Map<string, Omit<ShiftShareCell, "industry">>()
  for (const c of cells) {
    const r = byRegion.get(c.region)
    byRegion.set(
      c.region,
      r
        ? {
            region: c.region,
            base: r.base + c.base,
            final: r.final + c.final,
            change: r.change + c.change,
            nationalGrowth: r.nationalGrowth + c.nationalGrowth,
            industryMix: r.industryMix + c.industryMix,
            competitiveShift: r.competitiveShift + c.competitiveShift,
          }
        : {
            region: c.region,
            base: c.base,
            final: c.final,
            change: c.change,
            nationalGrowth: c.nationalGrowth,
            industryMix: c.industryMix,
            competitiveShift: c.competitiveShift,
          },
    )
  }
  return { cells, regions: [...byRegion.values()], nationalRate: G, industryRates: Object.fromEntries(rate) }
}
