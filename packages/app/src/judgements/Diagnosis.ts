import { type DiagnosisOptions, diagnosisDocument, diagnosisPeriodRange } from "@jiju/domain/assessment"
import * as Effect from "effect/Effect"
import { type Caller, requireZoneQuery } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"

/**
 * Problems of the zone named (or of every zone) with evidence and the documents' measures; group medians are taken
 * over every zone of the group. Any signed-in role; a submitter about its own zone only. InputError "bad_option",
 * "unknown_cluster" (404), "unknown_period".
 * @example const doc = yield* diagnosis(caller, { period: "2025", cluster: "hb-jinshan" })
 */
export const diagnosis = (caller: Caller, q: DiagnosisOptions & { readonly source?: AssessmentSource | undefined }) =>
  Effect.gen(function* () {
    yield* requireZoneQuery(caller, q.cluster)
    const range = yield* attempt(() => diagnosisPeriodRange(q))
    const data = yield* loadAssessmentData(q.source ?? storeSource, range)
    return yield* attempt(() => diagnosisDocument(data, q))
  })
