import { type PositionsOptions, positionsDocument, positionsPeriods } from "@jiju/domain/assessment"
import * as Effect from "effect/Effect"
import { type Caller, requireRole } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"

/**
 * 篇8's province-wide positions on one indicator (both groups together) with the change against an earlier period,
 * and the zones that started no industrial project. Admins and viewers (the whole province: not a zone committee's).
 * InputError "bad_option", "unknown_indicator", "unknown_period".
 * @example const doc = yield* positions(caller, { indicator: "fixed_investment", period: "2025H1", against: "2024" })
 */
export const positions = (caller: Caller, q: PositionsOptions & { readonly source?: AssessmentSource | undefined }) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin", "viewer")
    const [against, period] = yield* attempt(() => positionsPeriods(q))
    const data = yield* loadAssessmentData(q.source ?? storeSource, [
      { from: against, to: against },
      { from: period, to: period },
    ])
    return yield* attempt(() => positionsDocument(data, q))
  })
