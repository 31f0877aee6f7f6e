import { type CertificationResult, type CertificationTable, certify, cityServiceCertification, countyServiceCertification } from "../Certification.js"
import { type AssessedZone, type AssessmentData, zonesOfPeriod } from "./AssessmentData.js"
import { badOption, type PeriodRange, periodOption } from "./documentOptions.js"

/** The certification tables by the name callers choose them with: 县级认定办法 and 市级. */
export const certificationTables = { county: countyServiceCertification, city: cityServiceCertification } as const

/** The name of a certification table. */
export type CertificationTableName = keyof typeof certificationTables

/** What to certify (the flags of `jiju certify`, the query of GET /v1/assessments/certification). */
export interface CertificationOptions {
  readonly period: string
  /** One zone; default every zone with a service form. */
  readonly cluster?: string | undefined
  /** The table for every zone; default city for city-level zones, else county. */
  readonly table?: CertificationTableName | undefined
}

/** One zone's certification in the document. */
export interface CertifiedZone extends CertificationResult {
  readonly id: string
  readonly name: string
  /** Id of the table applied. */
  readonly table: string
}

/** The certification document: what `jiju certify --json` prints (a public contract). */
export interface CertificationDocument {
  readonly period: string
  readonly source: AssessmentData["source"]
  readonly demo: boolean
  readonly results: ReadonlyArray<CertifiedZone>
}

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
 * The table a zone is certified against: the one chosen, else city for a city-level zone and county otherwise.
 * @example certificationTableOf({ level: "city" }).id // "city-service-agglomeration"
 */
export const certificationTableOf = (zone: Pick<AssessedZone, "level">, table?: CertificationTableName): CertificationTable =>
  certificationTables[table ?? (zone.level === "city" ? "city" : "county")]

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
