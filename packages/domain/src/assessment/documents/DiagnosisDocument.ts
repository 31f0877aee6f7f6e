import * as Schema from "effect/Schema"
import { diagnose, ZoneDiagnosis } from "../Diagnosis.js"
import { type AssessmentData, DataSource, zonesOfPeriod } from "./AssessmentData.js"
import { type PeriodRange, periodOption } from "./DocumentOptions.js"

/** Whom to diagnose (the flags of `jiju diagnose`, the query of GET /v1/assessments/diagnosis). */
export interface DiagnosisOptions {
  readonly period: string
  /** One zone; default every zone. */
  readonly cluster?: string | undefined
}

/** One zone's diagnosis in the document, with its name. */
export const DiagnosedZone = Schema.Struct({ name: Schema.String, ...ZoneDiagnosis.fields })
export type DiagnosedZone = typeof DiagnosedZone.Type

/** The diagnosis document: what `jiju diagnose --json` prints and GET /v1/assessments/diagnosis answers. */
export const DiagnosisDocument = Schema.Struct({
  period: Schema.String,
  source: DataSource,
  demo: Schema.Boolean,
  /** The zone asked about, when one was. */
  cluster: Schema.optional(Schema.String),
  results: Schema.Array(DiagnosedZone),
})
export type DiagnosisDocument = typeof DiagnosisDocument.Type

/**
 * The periods diagnosis reads (the one judged), after checking the options: InputError "bad_option".
 * @example diagnosisPeriodRange({ period: "2025", cluster: "hb-jinshan" }) // { from: "2025", to: "2025" }
 */
export const diagnosisPeriodRange = (options: DiagnosisOptions): PeriodRange => {
  const period = periodOption(options.period)
  return { from: period, to: period }
}

/**
 * Problems of the zone named (or of every zone) with evidence and the documents' measures. Group medians are
 * always taken over every zone of the group, whichever zones are reported. InputError "bad_option",
 * "unknown_cluster" or "unknown_period".
 * @example diagnosisDocument(data, { period: "2025", cluster: "hb-jinshan" }).results[0]?.problems.map((p) => p.id)
 */
export const diagnosisDocument = (data: AssessmentData, options: DiagnosisOptions): DiagnosisDocument => {
  const period = periodOption(options.period)
  const wanted = new Map(zonesOfPeriod(data, options).map((c) => [c.id, c.name]))
  const results = diagnose(data.input, period).flatMap((d) => {
    const name = wanted.get(d.clusterId)
    return name === undefined ? [] : [{ name, ...d }]
  })
  return { period, source: data.source, demo: data.hasDemo, ...(options.cluster !== undefined ? { cluster: options.cluster } : {}), results }
}
