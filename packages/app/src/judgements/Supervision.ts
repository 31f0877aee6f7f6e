/**
 * 篇8's supervision (督导) as the commission works it: candidate lists from the figures (the slowest zones, the
 * fast-growing weak-base county zones), then its own decisions — on-site supervision, yellow cards, model zones —
 * recorded with their reasons and evidence, the monthly reports of each on-site supervision, and the list of decisions.
 */
import {
  checkDecision,
  checkReportMonth,
  type NewSupervisionDecision,
  periodOption,
  type SupervisionCandidatesOptions,
  type SupervisionDecisionsDocument,
  SupervisionMeasure,
  supervisionCandidatesDocument,
  supervisionCandidatesRanges,
} from "@jiju/domain/assessment"
import { InputError } from "@jiju/domain/model"
import { Audit, Clusters, Supervision, transaction } from "@jiju/store"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { auditName, type Caller, requireRole, requireZoneQuery } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"
import { Conflict, notFound } from "../Failure.js"

const isMeasure = Schema.is(SupervisionMeasure)

/**
 * The candidate lists for a period (admins and viewers): the slowest industrial zones by growth against the period
 * before (on-site supervision), the fastest weak-base county zones (examples), and the two measures left to the
 * commission. InputError "bad_option", "unknown_indicator", "unknown_period".
 * @example const doc = yield* supervisionCandidateLists(caller, { period: "2025", count: 10 })
 */
export const supervisionCandidateLists = (caller: Caller, q: SupervisionCandidatesOptions & { readonly source?: AssessmentSource | undefined }) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin", "viewer")
    const ranges = yield* attempt(() => supervisionCandidatesRanges(q))
    const data = yield* loadAssessmentData(q.source ?? storeSource, ranges)
    return yield* attempt(() => supervisionCandidatesDocument(data, q))
  })

/**
 * The decisions in force (or every one with `revoked`), of a period or a zone: admins and viewers all, a submitter
 * those about its own zone (cluster named). InputError "bad_option" for a period that is not one.
 * @example const doc = yield* supervisionDecisions(caller, { period: "2025" })
 */
export const supervisionDecisions = (
  caller: Caller,
  q: { readonly period?: string | undefined; readonly cluster?: string | undefined; readonly revoked?: boolean | undefined } = {},
) =>
  Effect.gen(function* () {
    yield* requireZoneQuery(caller, q.cluster)
    if (q.period !== undefined) yield* attempt(() => periodOption(q.period!))
    const items = yield* Supervision.list({
      ...(q.period !== undefined ? { period: q.period } : {}),
      ...(q.cluster !== undefined ? { cluster: q.cluster } : {}),
      ...(q.revoked === true ? { revoked: true } : {}),
    })
    return { period: q.period ?? null, cluster: q.cluster ?? null, items } satisfies SupervisionDecisionsDocument
  })

/**
 * Record a commission decision (admins): the zone, the period, the measure, the reason (Chinese required) and the
 * evidence (a ranking, a run, a note), in one transaction with its audit entry. InputError "invalid_decision" naming
 * each bad field; NotFound for an unknown zone; Conflict "cluster_archived" for an archived one.
 * @example yield* decideSupervision(caller, { cluster: "hb-qibin", period: "2025", measure: "on_site_supervision", reasonZh: "营业收入增速全省末位" })
 */
export const decideSupervision = (caller: Caller, d: NewSupervisionDecision) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    if (!isMeasure(d.measure)) {
      const en = `measure must be on_site_supervision, yellow_card, model_zone or model_exchange; got "${String(d.measure)}"`
      const zh = `措施应为 on_site_supervision（现场督导）、yellow_card（黄牌警告）、model_zone（典型推广）或 model_exchange（典型交流）；收到“${String(d.measure)}”`
      return yield* Effect.fail(new InputError({ code: "invalid_decision", message: en, zh, issues: [{ column: "measure", value: d.measure, en, zh }] }))
    }
    const checked = yield* attempt(() => checkDecision(d))
    const actor = auditName(who)
    const at = (yield* AppConfig).now().toISOString()
    return yield* transaction(
      Effect.gen(function* () {
        const zone = yield* Clusters.get(checked.cluster)
        if (!zone) return yield* Effect.fail(notFound("cluster", checked.cluster))
        if (zone.archivedAt !== null)
          return yield* Effect.fail(
            new Conflict({ code: "cluster_archived", en: `${zone.id} is archived and takes no decisions`, zh: `${zone.id} 已归档，不再记录决定` }),
          )
        const decision = yield* Supervision.decide(checked, actor, at)
        yield* Audit.record({ actor, entity: "supervision_decision", entityId: decision.id, action: "decide", before: null, after: decision })
        return decision
      }),
    )
  })

const decisionOf = (id: string) =>
  Effect.gen(function* () {
    const d = yield* Supervision.get(id)
    if (!d) return yield* Effect.fail(notFound("decision", id))
    if (d.revokedAt !== null) return yield* Effect.fail(new Conflict({ code: "decision_revoked", en: `decision ${id} was revoked`, zh: `决定 ${id} 已撤销` }))
    return d
  })

/**
 * Add (or replace) the monthly report of an on-site supervision (admins): 督导情况每月上报. InputError
 * "invalid_report" for a bad month or an empty text; NotFound; Conflict "decision_revoked", or "not_on_site" for a
 * decision of another measure.
 * @example yield* reportSupervision(caller, "sup_1", { month: "2025-08", textZh: "已开工项目 2 个" })
 */
export const reportSupervision = (caller: Caller, id: string, r: { readonly month: string; readonly textZh: string; readonly textEn?: string | undefined }) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const month = yield* attempt(() => checkReportMonth(r.month))
    if (r.textZh.trim().length === 0) {
      const en = "a report needs its text (text_zh)"
      const zh = "报告须写明督导情况（text_zh）"
      return yield* Effect.fail(new InputError({ code: "invalid_report", message: en, zh, issues: [{ column: "text_zh", value: r.textZh, en, zh }] }))
    }
    const actor = auditName(who)
    const at = (yield* AppConfig).now().toISOString()
    return yield* transaction(
      Effect.gen(function* () {
        const before = yield* decisionOf(id)
        if (before.measure !== "on_site_supervision")
          return yield* Effect.fail(
            new Conflict({
              code: "not_on_site",
              en: `decision ${id} is a ${before.measure}: monthly reports belong to on-site supervision`,
              zh: `决定 ${id} 不是现场督导：每月上报只针对现场督导`,
            }),
          )
        const after = yield* Supervision.report(id, month, { zh: r.textZh, en: r.textEn }, actor, at)
        yield* Audit.record({ actor, entity: "supervision_decision", entityId: id, action: "report", before, after })
        return after
      }),
    )
  })

/**
 * Revoke a decision (admins): it stays on record, marked revoked. NotFound; Conflict "decision_revoked".
 * @example yield* revokeSupervision(caller, "sup_1")
 */
export const revokeSupervision = (caller: Caller, id: string) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const actor = auditName(who)
    const at = (yield* AppConfig).now().toISOString()
    return yield* transaction(
      Effect.gen(function* () {
        const before = yield* decisionOf(id)
        const after = yield* Supervision.revoke(id, at)
        yield* Audit.record({ actor, entity: "supervision_decision", entityId: id, action: "revoke", before, after })
        return after
      }),
    )
  })
