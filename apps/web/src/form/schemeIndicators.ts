import type { AssessmentScheme } from "@jiju/domain/assessment"
import { findIndicator, type IndicatorDefinition } from "@jiju/domain/model"

/** One input of the assessment form: a catalogue indicator in a dimension of the scheme. */
export interface FormIndicator {
  readonly code: string
  readonly def: IndicatorDefinition
  /** The dimension id and name; `veto` for the one-vote-veto counts. */
  readonly dimension: { readonly id: string; readonly zh: string; readonly en: string }
  /** Points of the item in the scheme (null when the weighting method computes them). */
  readonly points: number | null
  /** Scored indicators are required (a missing value leaves the zone out of the ranking); veto counts are not. */
  readonly required: boolean
}

/** Units that count things, whose values are whole numbers (个, 件, 次, 起, 所). */
const COUNT_UNITS = new Set(["个", "件", "次", "起", "所"])

/** Whether an indicator counts things (firms, patents, incidents) and takes whole numbers. */
export const isCount = (def: IndicatorDefinition): boolean => COUNT_UNITS.has(def.unit)

/**
 * The form's indicators for a scheme: its dimensions in order, then the indicators its `indicator` veto rules
 * read (e.g. serious_pollution), grouped as "veto". Codes missing from the catalogue are skipped.
 *
 * @example schemeIndicators(henan2017Scheme).filter((i) => i.required).length // 10
 */
export const schemeIndicators = (scheme: AssessmentScheme): FormIndicator[] => {
  const scored = scheme.dimensions.flatMap((d) =>
    d.indicators.flatMap((i) => {
      const def = findIndicator(i.code)
      return def ? [{ code: i.code as string, def, dimension: { id: d.id, zh: d.name.zh, en: d.name.en }, points: i.weight, required: true }] : []
    }),
  )
  const seen = new Set(scored.map((s) => s.code))
  const veto = scheme.veto.flatMap((v) => {
    if (v.kind !== "indicator" || seen.has(v.indicator)) return []
    seen.add(v.indicator)
    const def = findIndicator(v.indicator)
    return def ? [{ code: v.indicator as string, def, dimension: { id: "veto", zh: "一票否决事项", en: "Veto items" }, points: null, required: false }] : []
  })
  return [...scored, ...veto]
}

/** The form's indicators grouped by dimension, in scheme order. */
export const byDimension = (items: ReadonlyArray<FormIndicator>) => {
  const groups: Array<{ id: string; zh: string; en: string; items: FormIndicator[] }> = []
  for (const it of items) {
    let g = groups.find((x) => x.id === it.dimension.id)
    if (!g) {
      g = { ...it.dimension, items: [] }
      groups.push(g)
    }
    g.items.push(it)
  }
  return groups
}
