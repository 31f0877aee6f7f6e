import { type StageOptions, stageDocument, stagePeriodRange } from "@jiju/domain/assessment"
import * as Effect from "effect/Effect"
import { type Caller, requireZoneQuery } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"

/**
 * Development stage (集中 / 集聚 / 集群) and reach of the zone named or of every zone, with the proxy that decided.
 * Any signed-in role; a submitter about its own zone only. InputError "bad_option", "unknown_cluster" (404),
 * "unknown_period".
 * @example const doc = yield* stage(caller, { period: "2025", cluster: "hb-jinshan" })
 */
export const stage = (caller: Caller, q: StageOptions & { readonly source?: AssessmentSource | undefined }) =>
  Effect.gen(function* () {
    yield* requireZoneQuery(caller, q.cluster)
    const range = yield* attempt(() => stagePeriodRange(q))
    const data = yield* loadAssessmentData(q.source ?? storeSource, range)
    return yield* attempt(() => stageDocument(data, q))
  })
