import { inputError } from "../../model/errors.js"
import type { RegionIndustryTable } from "./RegionIndustry.js"

/**
 * Reference totals for location quotients when the data do not cover the whole reference area
 * (e.g. a province's prefectures against national totals). Missing parts fall back to the data's sums.
 */
export interface ReferenceTotals {
  /** Q_i: reference (national) total of each industry. */
  readonly industry?: Readonly<Record<string, number>>
  /** Q: reference grand total (all industries). Required with `industry`, since Σ Q_i over listed industries is not the economy. */
  readonly total?: number
  /** q_m: total of each region over all its industries, when the data list only some industries. */
  readonly region?: Readonly<Record<string, number>>
}

/** One location quotient. */
export interface LocationQuotient {
  readonly region: string
  readonly industry: string
  readonly lq: number
}

/**
 * Location quotient (区位熵, domain.md §3; REAT `locq`): LQ_im = (q_im / q_m) / (Q_i / Q), with q_m the region's
 * total, Q_i the industry's reference total and Q the reference grand total. Without `reference` all totals are
 * sums over the data. LQ > 1: the industry is more concentrated in the region than in the reference area.
 * @throws InputError `bad_reference` (a non-positive or missing reference total).
 * @example // A: x 30, y 70; B: x 10, y 90 → LQ(A, x) = (30/100)/(40/200) = 1.5
 */
export const locationQuotients = (t: RegionIndustryTable, reference: ReferenceTotals = {}): LocationQuotient[] => {
  const positive = (v: number | undefined, what: string, name: string): number => {
    if (v === undefined || !Number.isFinite(v) || v <= 0)
      throw inputError(
        "bad_reference",
        `reference total of ${what} "${name}" must be a positive number, got ${v}`,
        `${what === "industry" ? "产业" : "区域"}“${name}”的参照总量须为正数，实际为 ${v}`,
        {
          column: what,
          value: v,
        },
      )
    return v
  }
  if (reference.industry && reference.total === undefined)
    throw inputError("bad_reference", "reference industry totals need the reference grand total as well", "给出参照产业总量时须同时给出参照总量")
  const total = reference.total ?? t.total
  if (!(Number.isFinite(total) && total > 0))
    throw inputError("bad_reference", `reference grand total must be positive, got ${total}`, `参照总量须为正数，实际为 ${total}`, { value: total })
  const qi = t.industries.map((name, i) => (reference.industry ? positive(reference.industry[name], "industry", name) : t.industryTotal[i]!))
  const qm = t.regions.map((name, r) => (reference.region ? positive(reference.region[name], "region", name) : t.regionTotal[r]!))
  const out: LocationQuotient[] = []
  t.regions.forEach((region, r) => {
    t.industries.forEach((industry, i) => {
      out.push({ region, industry, lq: t.value[r]![i]! / qm[r]! / (qi[i]! / total) })
    })
  })
  return out
}
