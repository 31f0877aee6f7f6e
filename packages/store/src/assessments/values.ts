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
  const rows = await db.query<{ k: "cluster" | "region"; id: string; p: string; i: string; v: number; d: boolean }>(
    `select target_kind as k, target_id as id, period as p, indicator as i, value as v, is_demo as d from observations
      where period ~ $1 and period >= $2 and period <= $3`,
    [frequencyPattern(frequencyOf(range.from)), range.from, range.to],
  )
  let hasDemo = false
  const out = rows.map((r) => {
    if (r.d) hasDemo = true
    return { target: { kind: r.k, id: r.id }, period: r.p, indicator: r.i, value: Number(r.v) }
  })
  return { rows: out, hasDemo }
}
