import { type IncentiveOptions, incentiveDocument, incentivePeriodRange } from "@jiju/domain/assessment"
import * as Effect from "effect/Effect"
import { type Caller, requireZoneQuery } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"

/**
 * The fiscal incentive (核定基数、超收全返) of the zone named or of every zone, year by year with the arithmetic.
 * Any signed-in role; a submitter about its own zone only. InputError "bad_option", "unknown_cluster" (404), or
 * "unknown_period" when the base year has no data.
 * @example const doc = yield* incentive(caller, { share: 0.25, cluster: "hb-baoshan" })
 */
export const incentive = (caller: Caller, q: IncentiveOptions & { readonly source?: AssessmentSource | undefined }) =>
  Effect.gen(function* () {
    yield* requireZoneQuery(caller, q.cluster)
    const range = yield* attempt(() => incentivePeriodRange(q))
    const data = yield* loadAssessmentData(q.source ?? storeSource, range)
    return yield* attempt(() => incentiveDocument(data, q))
  })
