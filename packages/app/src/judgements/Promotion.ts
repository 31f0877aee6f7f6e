import { type PromotionOptions, promotionDocument, promotionRange } from "@jiju/domain/assessment"
import * as Effect from "effect/Effect"
import { type Caller, requireZoneQuery } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"

/**
 * 篇8's 考核晋级: the doubling of 营业收入, 从业人员 and 税收 between a base and a target year (default 2009 and 2012),
 * the basic threshold for weak-base zones, and the verdict 晋级 / 保持 / 降级摘牌警示 or incomplete. Any signed-in
 * role; a submitter about its own zone only. InputError "bad_option", "unknown_cluster" (404), "unknown_period".
 * @example const doc = yield* promotion(caller, { baseYear: 2009, targetYear: 2012, threshold: { revenue: 20 } })
 */
export const promotion = (caller: Caller, q: PromotionOptions & { readonly source?: AssessmentSource | undefined }) =>
  Effect.gen(function* () {
    yield* requireZoneQuery(caller, q.cluster)
    const range = yield* attempt(() => promotionRange(q))
    const data = yield* loadAssessmentData(q.source ?? storeSource, range)
    return yield* attempt(() => promotionDocument(data, q))
  })
