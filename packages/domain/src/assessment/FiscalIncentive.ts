import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import { findIndicator } from "../model/catalogue.js"
import type { Bilingual } from "../model/errors.js"
import { inputError } from "../model/errors.js"
import type { ValueLookup } from "./AssessmentInput.js"

/** The three taxes of the base (增值税, 营业税, 企业所得税), by catalogue code. */
export const incentiveTaxes = ["vat", "business_tax", "corporate_income_tax"] as const
export type IncentiveTax = (typeof incentiveTaxes)[number]

const YearRange = Schema.Struct({ from: Schema.Number, to: Schema.Number })

/** A figure for each of the three taxes of the base. */
const ByTax = <S extends Schema.Top>(value: S) => Schema.Struct({ vat: value, business_tax: value, corporate_income_tax: value })

/** A "核定基数、超收全返、一定三年" policy and its successor rule. */
export const FiscalIncentivePolicy = Schema.Struct({
  /** Base year whose three taxes fix the base (2009). */
  baseYear: Schema.Number,
  /** Years in which the provincial share of tax above the base is returned in full (2010–2012). */
  fullReturn: YearRange,
  /** Years in which the year-on-year increase of the provincial share is returned (2013–2015), or null. */
  increaseReturn: Schema.NullOr(YearRange),
  /** The province's share of each tax (0–1); one number for all three. Configuration: the documents do not state it. */
  provincialShare: Schema.Union([Schema.Number, ByTax(Schema.Number)]),
})
export type FiscalIncentivePolicy = typeof FiscalIncentivePolicy.Type

/**
 * Henan's policy: base 2009 and 2010–2012 full return of the provincial share above the base (seed 002 篇8), then
 * 2013–2015 return of the year-on-year increase — Henan's later practice, not in the documents (domain.md §4b).
 * The share is the commission's input.
 * @example henanFiscalIncentive(0.25).fullReturn // { from: 2010, to: 2012 }
 */
export const henanFiscalIncentive = (provincialShare: FiscalIncentivePolicy["provincialShare"]): FiscalIncentivePolicy => ({
  baseYear: 2009,
  fullReturn: { from: 2010, to: 2012 },
  increaseReturn: { from: 2013, to: 2015 },
  provincialShare,
})

/** One year of one zone, with the arithmetic. */
export const IncentiveYear = Schema.Struct({
  /** Calendar year. */
  year: Schema.Number,
  /** Which return rule applies that year: all provincial tax above the base, or the year-on-year increase. */
  rule: Schema.Literals(["full_return_above_base", "increase_return"]),
  /** "missing" when a tax figure for the year is absent (no return is computed then). */
  status: Schema.Literals(["ok", "missing"]),
  /** The zone's tax figures that year (亿元), by tax. */
  taxes: ByTax(Schema.NullOr(Schema.Number)),
  /** vat + business_tax + corporate_income_tax. */
  total: Schema.NullOr(Schema.Number),
  /** Σ share × tax this year. */
  provincialPart: Schema.NullOr(Schema.Number),
  /** What the provincial part is compared with: the base's provincial part, or last year's. */
  reference: Schema.NullOr(Schema.Number),
  /** max(0, provincialPart − reference), returned to the county. */
  returned: Schema.NullOr(Schema.Number),
  /** The computation written out, in both languages. */
  arithmetic: BilingualMessage,
})
export type IncentiveYear = typeof IncentiveYear.Type

/** One zone's incentive over the policy years (JSON-ready). */
export const ZoneIncentive = Schema.Struct({
  /** The zone's id. */
  clusterId: Schema.String,
  /** Base-year taxes, their total and the provincial part. */
  base: Schema.Struct({ taxes: ByTax(Schema.NullOr(Schema.Number)), total: Schema.NullOr(Schema.Number), provincialPart: Schema.NullOr(Schema.Number) }),
  /** One entry per policy year, in order. */
  years: Schema.Array(IncentiveYear),
  /**
   * Sum over the policy years; null when a year is missing (a missing year is never counted as zero): see
   * `knownReturned` for the part that is known.
   */
  totalReturned: Schema.NullOr(Schema.Number),
  /** Sum over the years with data: the whole total when none is missing, else a floor (a return is never negative). */
  knownReturned: Schema.Number,
  /** `complete`, or `missing` when a policy year lacks data. */
  totalStatus: Schema.Literals(["complete", "missing"]),
  /** Policy years without complete tax data. */
  missingYears: Schema.Array(Schema.Number),
})
export type ZoneIncentive = typeof ZoneIncentive.Type

const r = (x: number) => String(Number(x.toFixed(6)))

/**
 * Compute the fiscal incentive per zone and year. Full-return years: returned = max(0, Σ s_k·tax_k,t −
 * Σ s_k·tax_k,base) — with one share s that is s × (total_t − total_base). Increase years: returned =
 * max(0, P_t − P_{t−1}) with P = Σ s_k·tax_k. A year with a tax missing (or whose reference is missing)
 * returns null and is listed in `missingYears`; it is never filled with zero, and the total is then null
 * (`totalStatus` "missing", `knownReturned` the floor).
 *
 * @throws InputError `bad_share` when a provincial share is outside [0, 1].
 * @example fiscalIncentive(henanFiscalIncentive(0.25), ["hb-baoshan"], value)[0]?.years[0]?.returned
 */
export const fiscalIncentive = (policy: FiscalIncentivePolicy, clusterIds: ReadonlyArray<string>, value: ValueLookup): ZoneIncentive[] => {
  const share: Record<IncentiveTax, number> =
    typeof policy.provincialShare === "number"
      ? { vat: policy.provincialShare, business_tax: policy.provincialShare, corporate_income_tax: policy.provincialShare }
      : { ...policy.provincialShare }
  for (const t of incentiveTaxes)
    if (!(share[t] >= 0 && share[t] <= 1))
      throw inputError(
        "bad_share",
        `provincial share of ${t} must be between 0 and 1, got ${share[t]}`,
        `${t} 省级分成比例须在 0 到 1 之间，实际 ${share[t]}`,
        { column: t, value: share[t] },
      )
  const uniform = share.vat === share.business_tax && share.vat === share.corporate_income_tax
  const pct = (s: number) => `${r(s * 100)}%`
  return clusterIds.map((id) => {
    const taxesOf = (year: number) =>
      Object.fromEntries(incentiveTaxes.map((t) => [t, value(id, t, String(year)) ?? null])) as Record<IncentiveTax, number | null>
    const complete = (x: Record<IncentiveTax, number | null>) => incentiveTaxes.every((t) => x[t] !== null)
    const totalOf = (x: Record<IncentiveTax, number | null>) => (complete(x) ? incentiveTaxes.reduce((a, t) => a + x[t]!, 0) : null)
    const provincialOf = (x: Record<IncentiveTax, number | null>) => (complete(x) ? incentiveTaxes.reduce((a, t) => a + share[t] * x[t]!, 0) : null)
    const provExpr = (x: Record<IncentiveTax, number | null>) =>
      uniform
        ? `(${incentiveTaxes.map((t) => r(x[t]!)).join(" + ")}) × ${pct(share.vat)}`
        : incentiveTaxes.map((t) => `${pct(share[t])} × ${r(x[t]!)}`).join(" + ")
    const baseTaxes = taxesOf(policy.baseYear)
    const basePart = provincialOf(baseTaxes)
    const years: IncentiveYear[] = []
    const ranges: Array<[IncentiveYear["rule"], { from: number; to: number } | null]> = [
      ["full_return_above_base", policy.fullReturn],
      ["increase_return", policy.increaseReturn],
    ]
    for (const [rule, range] of ranges) {
      if (!range) continue
      for (let year = range.from; year <= range.to; year++) {
        const taxes = taxesOf(year)
        const total = totalOf(taxes)
        const part = provincialOf(taxes)
        const refYear = rule === "full_return_above_base" ? policy.baseYear : year - 1
        const refTaxes = rule === "full_return_above_base" ? baseTaxes : taxesOf(year - 1)
        const reference = rule === "full_return_above_base" ? basePart : provincialOf(refTaxes)
        if (part === null || reference === null) {
          const miss = [
            ...incentiveTaxes.filter((t) => taxes[t] === null).map((t) => `${t} ${year}`),
            ...incentiveTaxes.filter((t) => refTaxes[t] === null).map((t) => `${t} ${refYear}`),
          ]
          years.push({
            year,
            rule,
            status: "missing",
            taxes,
            total,
            provincialPart: part,
            reference,
            returned: null,
            arithmetic: {
              zh: `数据缺失：${miss.map((c) => findIndicator(c)?.zh ?? c).join("、")}`,
              en: `missing: ${miss.map((c) => findIndicator(c)?.en ?? c).join(", ")}`,
            },
          })
          continue
        }
        const returned = Math.max(0, part - reference)
        const refZh = rule === "full_return_above_base" ? `${policy.baseYear} 年基数省级部分` : `${year - 1} 年省级部分`
        const refEn = rule === "full_return_above_base" ? `${policy.baseYear} base, provincial part` : `${year - 1} provincial part`
        const arithmetic: Bilingual = {
          zh: `${year} 年省级部分 = ${provExpr(taxes)} = ${r(part)}；${refZh} = ${provExpr(refTaxes)} = ${r(reference)}；${rule === "full_return_above_base" ? "超基数全额返还" : "同比增量返还"} = max(0, ${r(part)} − ${r(reference)}) = ${r(returned)}`,
          en: `${year} provincial part = ${provExpr(taxes)} = ${r(part)}; ${refEn} = ${provExpr(refTaxes)} = ${r(reference)}; ${rule === "full_return_above_base" ? "returned above base" : "returned increase"} = max(0, ${r(part)} − ${r(reference)}) = ${r(returned)}`,
        }
        years.push({ year, rule, status: "ok", taxes, total, provincialPart: part, reference, returned, arithmetic })
      }
    }
    const missingYears = years.filter((y) => y.status === "missing").map((y) => y.year)
    const knownReturned = years.reduce((a, y) => a + (y.returned ?? 0), 0)
    return {
      clusterId: id,
      base: { taxes: baseTaxes, total: totalOf(baseTaxes), provincialPart: basePart },
      years,
      totalReturned: missingYears.length > 0 ? null : knownReturned,
      knownReturned,
      totalStatus: missingYears.length > 0 ? "missing" : "complete",
      missingYears,
    }
  })
}
