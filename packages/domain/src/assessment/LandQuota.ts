/**
 * 篇8's land quota (用地指标): "对投入产出强度排后20位的将适度扣减下一年年度用地指标,并奖励给排名前20位的产业集聚区".
 * The zones are placed on 投入产出强度 (input–output intensity); the last `count` places lose part of next year's quota
 * and the first `count` places share what is cut. The document gives the count (20) and not the amount (适度扣减):
 * the amount is the commission's input, and without it only the two lists are drawn.
 */
import type { Bilingual } from "../model/errors.js"
import { competitionRanks } from "./Ranking.js"

/** Square metres in one 亩 are 10 000 / 15, so one km² holds 1 500 亩. */
export const MU_PER_KM2 = 1500

/** How a zone's intensity was obtained: reported as `output_intensity`, or derived from revenue and built-up area. */
export type IntensityOrigin = "reported" | "derived"

/** A zone's 投入产出强度, or why it has none. */
export type ZoneIntensity =
  | { readonly value: number; readonly origin: IntensityOrigin }
  | { readonly value: null; readonly lacks: ReadonlyArray<"revenue" | "built_up_area"> }

/**
 * 投入产出强度 in 万元/亩: a reported `output_intensity` when there is one, else 主营业务收入 (亿元) × 10⁴ over the
 * built-up area (km²) × 1 500 亩/km². A missing or zero area gives no intensity, never an infinite or zero one.
 * @example outputIntensity(undefined, 30, 2) // { value: 100, origin: "derived" }
 */
export const outputIntensity = (reported: number | undefined, revenue: number | undefined, builtUpKm2: number | undefined): ZoneIntensity => {
  if (reported !== undefined) return { value: reported, origin: "reported" }
  const lacks: Array<"revenue" | "built_up_area"> = []
  if (revenue === undefined) lacks.push("revenue")
  if (builtUpKm2 === undefined || builtUpKm2 <= 0) lacks.push("built_up_area")
  if (lacks.length > 0) return { value: null, lacks }
  return { value: (revenue! * 1e4) / (builtUpKm2! * MU_PER_KM2), origin: "derived" }
}

/** How much quota moves: a number of 亩 cut from each zone on the last list, or a share of each one's own quota. */
export type QuotaAmount = { readonly unit: "mu"; readonly cut: number } | { readonly unit: "share"; readonly cut: number }

/** One zone as the land quota reads it. */
export interface QuotaZone {
  readonly id: string
  readonly name: string
  readonly group: string
  /** 投入产出强度 (万元/亩). */
  readonly value: number
  /** Next year's 用地指标 in 亩, needed only when the amount is a share. */
  readonly quota?: number | undefined
}

/** One zone on a list with its position and what it loses or gains (null when the amount is unknown). */
export interface QuotaEntry {
  readonly id: string
  readonly name: string
  readonly group: string
  readonly value: number
  /** Place from the top, 1 = highest intensity; ties share a place. */
  readonly position: number
  /** Place from the bottom, 1 = lowest intensity; ties share a place. */
  readonly positionFromLast: number
  /** 亩 cut (last list) or gained (first list); null without an amount or with a quota missing. */
  readonly mu: number | null
}

/** The two lists and the quota moved. */
export interface LandQuotaLists {
  /** Places per list asked for (20 in the document). */
  readonly count: number
  /** Places per list used: `count`, or half the zones placed when there are fewer than twice `count`. */
  readonly places: number
  readonly first: ReadonlyArray<QuotaEntry>
  readonly last: ReadonlyArray<QuotaEntry>
  /** Zones whose tie spans the middle (they would be on both lists): on neither. */
  readonly onBoth: ReadonlyArray<string>
  /** 亩 cut in all and given to the first list; null without an amount or when a quota is missing. */
  readonly pool: number | null
  /** lists_only: no amount given; complete: every figure known; incomplete: a share of a quota that is missing. */
  readonly status: "lists_only" | "complete" | "incomplete"
  /** Zones on the last list whose next-year quota is missing (a share of it cannot be cut). */
  readonly quotaMissing: ReadonlyArray<string>
  /** How ties at the boundary and a small field shaped the lists, in words. */
  readonly notes: ReadonlyArray<Bilingual>
}

/**
 * The land-quota lists: every zone placed on intensity (highest first, ties sharing a place); the zones whose place
 * is within the first `count` gain, those whose place counted from the last is within `count` lose. A tie at the
 * boundary keeps every tied zone on the list (it holds `count` places, not `count` zones). With fewer than
 * 2 × `count` zones each list holds half of them (rounded down). The amount cut (亩 per zone, or a share of each
 * zone's next-year quota) is pooled and shared equally by the first list.
 * @example landQuotaLists(zones, { count: 20, amount: { unit: "mu", cut: 50 } }).last.length // 20
 */
export const landQuotaLists = (
  zones: ReadonlyArray<QuotaZone>,
  opts: { readonly count: number; readonly amount?: QuotaAmount | null | undefined },
): LandQuotaLists => {
  const notes: Bilingual[] = []
  const places = zones.length < 2 * opts.count ? Math.floor(zones.length / 2) : opts.count
  if (places < opts.count)
    notes.push({
      zh: `参与排位的集聚区只有 ${zones.length} 个，少于 ${2 * opts.count} 个：两份名单各取 ${places} 位`,
      en: `only ${zones.length} zones are placed, fewer than ${2 * opts.count}: each list holds ${places} places`,
    })
  const top = competitionRanks(zones.map((z) => z.value))
  const bottom = competitionRanks(zones.map((z) => -z.value))
  const placed = zones.map((z, i) => ({ ...z, position: top[i]!, positionFromLast: bottom[i]! }))
  const inFirst = placed.filter((z) => z.position <= places)
  const inLast = placed.filter((z) => z.positionFromLast <= places)
  const both = new Set(inFirst.filter((z) => z.positionFromLast <= places).map((z) => z.id))
  if (both.size > 0)
    notes.push({
      zh: `${[...both].join("、")} 并列跨越两份名单的分界，不列入任何一份`,
      en: `${[...both].join(", ")} tie across the middle of the order and are on neither list`,
    })
  const first = inFirst.filter((z) => !both.has(z.id)).sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
  const last = inLast.filter((z) => !both.has(z.id)).sort((a, b) => a.positionFromLast - b.positionFromLast || a.id.localeCompare(b.id))
  const tieNote = (list: typeof first, which: Bilingual) => {
    if (list.length > places)
      notes.push({
        zh: `${which.zh}第 ${places} 位并列：名单为 ${places} 个名次、${list.length} 个集聚区（并列者同列）`,
        en: `a tie at place ${places} of the ${which.en}: the list holds ${places} places and ${list.length} zones (tied zones all listed)`,
      })
  }
  tieNote(first, { zh: "前列名单", en: "first list" })
  tieNote(last, { zh: "后列名单", en: "last list" })
  const amount = opts.amount ?? null
  const cutOf = (z: QuotaZone): number | null =>
    amount === null ? null : amount.unit === "mu" ? amount.cut : z.quota === undefined ? null : amount.cut * z.quota
  const cuts = last.map(cutOf)
  const quotaMissing = amount?.unit === "share" ? last.filter((z) => z.quota === undefined).map((z) => z.id) : []
  const pool = amount === null || quotaMissing.length > 0 ? null : cuts.reduce((s: number, c) => s + c!, 0)
  const gain = pool === null || first.length === 0 ? null : pool / first.length
  const entry = (z: (typeof placed)[number], mu: number | null): QuotaEntry => ({
    id: z.id,
    name: z.name,
    group: z.group,
    value: z.value,
    position: z.position,
    positionFromLast: z.positionFromLast,
    mu,
  })
  return {
    count: opts.count,
    places,
    first: first.map((z) => entry(z, gain)),
    last: last.map((z, i) => entry(z, cuts[i]!)),
    onBoth: [...both].sort(),
    pool,
    status: amount === null ? "lists_only" : quotaMissing.length > 0 ? "incomplete" : "complete",
    quotaMissing,
    notes,
  }
}
