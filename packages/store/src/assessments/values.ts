import { frequencyOf, frequencyPattern } from "@jiju/domain/model"
import type { Db } from "../db/Db.js"

/** One stored value as assessments read it: no provenance, no decoding (a period holds thousands). */
export interface AssessmentValueRow {
  readonly target: { readonly kind: "cluster" | "region"; readonly id: string }
  readonly period: string
  readonly indicator: string
  readonly value: number
}

/** The values of a period range, and whether any is generated demo data. */
export interface AssessmentValues {
  readonly rows: ReadonlyArray<AssessmentValueRow>
  readonly hasDemo: boolean
}

/**
 * Read every observation (clusters and regions) of the periods `from`…`to` (inclusive, one frequency) as plain
 * rows for the assessment functions. The columns are constrained by the table's checks, so rows are not decoded
 * again: this is several times faster than the observation repository's query for a whole period.
 * @example const { rows } = await assessmentValues(store.db, { from: "2023", to: "2025" })
 */
export const assessmentValues = async (db: Db, range: { readonly from: string; readonly to: string }): Promise<AssessmentValues> => {
  // JSON arrays rather than a row per value: the embedded database's driver decodes rows field by field in
  // JavaScript, about three times slower for a period's ten thousand values. One array per column, not one
  // [kind, id, period, indicator, value] per value: PGlite builds them in a third less time. The aggregates of one
  // query read the rows in one pass, so the arrays are in the same order. float8 prints as its shortest exact text.
  const [agg] = await db.query<{
    kinds: ReadonlyArray<"cluster" | "region">
    ids: ReadonlyArray<string>
    periods: ReadonlyArray<string>
    indicators: ReadonlyArray<string>
    values: ReadonlyArray<number>
    demo: boolean
  }>(
    `select coalesce(json_agg(target_kind), '[]') as kinds, coalesce(json_agg(target_id), '[]') as ids,
            coalesce(json_agg(period), '[]') as periods, coalesce(json_agg(indicator), '[]') as indicators,
            coalesce(json_agg(value), '[]') as values, coalesce(bool_or(is_demo), false) as demo
       from observations where period ~ $1 and period >= $2 and period <= $3`,
    [frequencyPattern(frequencyOf(range.from)), range.from, range.to],
  )
  const { kinds, ids, periods, indicators, values } = agg!
  const out = kinds.map(
    (kind, k): AssessmentValueRow => ({ target: { kind, id: ids[k]! }, period: periods[k]!, indicator: indicators[k]!, value: Number(values[k]) }),
  )
  return { rows: out, hasDemo: agg!.demo === true }
}
