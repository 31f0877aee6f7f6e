import { type LandQuotaOptions, landQuotaDocument, landQuotaRange } from "@jiju/domain/assessment"
import * as Effect from "effect/Effect"
import { type Caller, requireRole } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"

/**
 * 篇8's land quota (用地指标) for a year: the industrial zones placed on 投入产出强度, the last 20 places losing part of
 * next year's quota and the first 20 sharing it (count and amount configurable). Admins and viewers: it is the whole
 * province's order. InputError "bad_option", "unknown_period".
 * @example const doc = yield* landQuota(caller, { period: "2025", unit: "mu", cut: 50 })
 */
export const landQuota = (caller: Caller, q: LandQuotaOptions & { readonly source?: AssessmentSource | undefined }) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin", "viewer")
    const range = yield* attempt(() => landQuotaRange(q))
    const data = yield* loadAssessmentData(q.source ?? storeSource, range)
    return yield* attempt(() => landQuotaDocument(data, q))
  })
