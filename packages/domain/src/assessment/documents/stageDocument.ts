import { classifyStage, type StageClassification } from "../DevelopmentStage.js"
import { type AssessmentData, zonesOfPeriod } from "./AssessmentData.js"
import { type PeriodRange, periodOption } from "./documentOptions.js"

/** Whose stage to classify (the flags of `jiju stage`, the query of GET /v1/assessments/stage). */
export interface StageOptions {
  readonly period: string
  /** One zone; default every zone. */
  readonly cluster?: string | undefined
}

/** One zone's stage in the document. */
export interface StagedZone extends StageClassification {
  readonly id: string
  readonly name: string
}

/** The stage document: what `jiju stage --json` prints (a public contract). */
export interface StageDocument {
  readonly period: string
  readonly source: AssessmentData["source"]
  readonly demo: boolean
  readonly results: ReadonlyArray<StagedZone>
}

/**
 * The periods stage classification reads (the one judged), after checking the options: InputError "bad_option".
 * @example stagePeriodRange({ period: "2025" }) // { from: "2025", to: "2025" }
 */
export const stagePeriodRange = (options: StageOptions): PeriodRange => {
  const period = periodOption(options.period)
  return { from: period, to: period }
}

/**
 * Development stage (集中 / 集聚 / 集群) and reach of the zone named or of every zone, with the proxy that decided.
 * InputError "bad_option", "unknown_cluster" or "unknown_period".
 * @example stageDocument(data, { period: "2025", cluster: "hb-jinshan" }).results[0]?.stage
 */
export const stageDocument = (data: AssessmentData, options: StageOptions): StageDocument => {
  const period = periodOption(options.period)
  const results = zonesOfPeriod(data, options).map((c) => ({
    id: c.id,
    name: c.name,
    ...classifyStage((indicator) => data.input.value(c.id, indicator, period)),
  }))
  return { period, source: data.source, demo: data.hasDemo, results }
}
