import * as Schema from "effect/Schema"
import { classifyStage, StageClassification } from "../DevelopmentStage.js"
import { type AssessmentData, DataSource, zonesOfPeriod } from "./AssessmentData.js"
import { type PeriodRange, periodOption } from "./DocumentOptions.js"

/** Whose stage to classify (the flags of `jiju stage`, the query of GET /v1/assessments/stage). */
export interface StageOptions {
  readonly period: string
  /** One zone; default every zone. */
  readonly cluster?: string | undefined
}

/** One zone's stage in the document. */
export const StagedZone = Schema.Struct({ id: Schema.String, name: Schema.String, ...StageClassification.fields })
export type StagedZone = typeof StagedZone.Type

/** The stage document: what `jiju stage --json` prints and GET /v1/assessments/stage answers. */
export const StageDocument = Schema.Struct({
  period: Schema.String,
  source: DataSource,
  demo: Schema.Boolean,
  results: Schema.Array(StagedZone),
})
export type StageDocument = typeof StageDocument.Type

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
