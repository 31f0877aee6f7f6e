import { diagnose, type ZoneDiagnosis } from "../Diagnosis.js"
import { type AssessmentData, zonesOfPeriod } from "./AssessmentData.js"
import { type PeriodRange, periodOption } from "./documentOptions.js"

/** Whom to diagnose (the flags of `jiju diagnose`, the query of GET /v1/assessments/diagnosis). */
export interface DiagnosisOptions {
  readonly period: string
  /** One zone; default every zone. */
  readonly cluster?: string | undefined
}

/** The diagnosis document: what `jiju diagnose --json` prints (a public contract). */
export interface DiagnosisDocument {
  readonly period: string
  readonly source: AssessmentData["source"]
  readonly demo: boolean
  /** The zone asked about, when one was. */
  readonly cluster?: string
  readonly results: ReadonlyArray<ZoneDiagnosis>
}

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
  const wanted = new Set(zonesOfPeriod(data, options).map((c) => c.id))
  const results = diagnose(data.input, period).filter((d) => wanted.has(d.clusterId))
  return { period, source: data.source, demo: data.hasDemo, ...(options.cluster !== undefined ? { cluster: options.cluster } : {}), results }
}
