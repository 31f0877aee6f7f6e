import * as Schema from "effect/Schema"
import { CertificationResult, type CertificationTableName, certificationTableOf, certify } from "../Certification.js"
import { type AssessmentData, DataSource, zonesOfPeriod } from "./AssessmentData.js"
import { badOption, type PeriodRange, periodOption } from "./DocumentOptions.js"

/** What to certify (the flags of `jiju certify`, the query of GET /v1/assessments/certification). */
export interface CertificationOptions {
  readonly period: string
  /** One zone; default every zone with a service form. */
  readonly cluster?: string | undefined
  /** The table for every zone; default city for city-level zones, else county. */
  readonly table?: CertificationTableName | undefined
}

/** One zone's certification in the document. */
export const CertifiedZone = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  /** Id of the table applied. */
  table: Schema.String,
  ...CertificationResult.fields,
})
export type CertifiedZone = typeof CertifiedZone.Type

/** The certification document: what `jiju certify --json` prints and GET /v1/assessments/certification answers. */
export const CertificationDocument = Schema.Struct({
  period: Schema.String,
  source: DataSource,
  demo: Schema.Boolean,
  results: Schema.Array(CertifiedZone),
})
export type CertificationDocument = typeof CertificationDocument.Type

const checked = (options: CertificationOptions): string => {
  if (options.table !== undefined && options.table !== "county" && options.table !== "city")
    throw badOption("table", options.table, { en: "county or city", zh: "county（县级）或 city（市级）" })
  return periodOption(options.period)
}

/**
 * The periods certification reads (the one judged), after checking the options: InputError "bad_option".
 * @example certificationPeriodRange({ period: "2025", table: "city" }) // { from: "2025", to: "2025" }
 */
export const certificationPeriodRange = (options: CertificationOptions): PeriodRange => {
  const period = checked(options)
  return { from: period, to: period }
}

/**
 * Certify service agglomerations in one period: the zone named, or every zone with a service form. InputError
 * "bad_option", "unknown_cluster", "unknown_period", or "unknown_form" for a zone the table has no row for.
 * @example certificationDocument(data, { period: "2025" }).results.filter((r) => r.certified).length
 */
export const certificationDocument = (data: AssessmentData, options: CertificationOptions): CertificationDocument => {
  const period = checked(options)
  const zones = zonesOfPeriod(data, options, (c) => c.form !== null && c.form !== undefined)
  const results = zones.map((c) => {
    const t = certificationTableOf(c, options.table)
    const r = certify(t, {
      form: c.form ?? null,
      value: (indicator) => data.input.value(c.id, indicator, period),
      fact: (id) => data.input.fact(c.id, id, period),
    })
    return { id: c.id, name: c.name, table: t.id, ...r }
  })
  return { period, source: data.source, demo: data.hasDemo, results }
}
