import { resolveTargetSet, type TargetsOptions, targetsDocument, targetsPeriodRange } from "@jiju/domain/assessment"
import * as Effect from "effect/Effect"
import { type Caller, requireRole } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"

/**
 * Track a target set — built in (衡水, 大连, 陕西) or one's own — against a period's data over every zone or the
 * zones of a region. Admins and viewers: targets sum over the register, never one zone alone. InputError
 * "bad_option", "unknown_target_set", "unknown_period", "unknown_region".
 * @example const doc = yield* targets(caller, { set: "hengshui", period: "2025", region: "410621" })
 */
export const targets = (caller: Caller, q: TargetsOptions & { readonly source?: AssessmentSource | undefined }) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin", "viewer")
    const range = yield* attempt(() => targetsPeriodRange(resolveTargetSet(q).set, q.period))
    const data = yield* loadAssessmentData(q.source ?? storeSource, range)
    return yield* attempt(() => targetsDocument(data, q))
  })
