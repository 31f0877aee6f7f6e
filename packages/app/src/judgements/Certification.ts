import { type CertificationOptions, certificationDocument, certificationPeriodRange } from "@jiju/domain/assessment"
import * as Effect from "effect/Effect"
import { type Caller, requireZoneQuery } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"

/**
 * Certify service agglomerations (认定) in one period: the zone named, or every zone with a service form, each
 * against the table `certificationTableOf` chooses (or the one asked for). Any signed-in role; a submitter about
 * its own zone only. InputError "bad_option", "unknown_cluster" (404), "unknown_period".
 * @example const doc = yield* certification(caller, { period: "2025", cluster: "cbd-4101" })
 */
export const certification = (caller: Caller, q: CertificationOptions & { readonly source?: AssessmentSource | undefined }) =>
  Effect.gen(function* () {
    yield* requireZoneQuery(caller, q.cluster)
    const range = yield* attempt(() => certificationPeriodRange(q))
    const data = yield* loadAssessmentData(q.source ?? storeSource, range)
    return yield* attempt(() => certificationDocument(data, q))
  })
