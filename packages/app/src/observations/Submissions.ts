/** Use cases of a zone's submissions: one period's values, first submitted or corrected. */

import type { Submission, SubmissionReceipt } from "@jiju/domain/contract"
import {
  alreadyStored,
  InputError,
  type Issue,
  indicatorProblem,
  inputError,
  measureProblem,
  periodProblem,
  type ValueProblem,
  zoneProblem,
} from "@jiju/domain/model"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireZoneWrite } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { Conflict, notFound } from "../Failure.js"
import { catalogueByCode } from "../register/IndicatorCatalogue.js"
import { SubmissionQueue } from "./SubmissionQueue.js"

// A problem of the value rule at a field of the submission (JSON bodies name fields in snake_case paths).
const at = (p: ValueProblem, column: string): Issue => ({ code: p.code, row: null, column, value: p.value, en: p.en, zh: p.zh })

/**
 * Check a submission by the value rule before anything is written: the period (grammar, begun), each indicator (in
 * the catalogue, not archived) and each value against its indicator. The zone's own state (unknown, archived) and
 * values already stored are decided with the write, under the zone's row lock.
 */
const check = (sub: Submission, now: Date) =>
  Effect.gen(function* () {
    const codes = Object.keys(sub.values)
    const defs = yield* catalogueByCode(codes)
    const issues: Issue[] = []
    if (codes.length === 0)
      issues.push({ code: "no_values", row: null, column: "values", value: sub.values, en: "give at least one indicator value", zh: "至少填写一个指标值" })
    const period = periodProblem(sub.period, now)
    if (period) issues.push(at(period, "period"))
    for (const code of codes) {
      const def = defs.get(code)
      const p = indicatorProblem(code, def) ?? measureProblem(def!, sub.values[code]!)
      if (p) issues.push(at(p, `values.${code}`))
    }
    if (issues.length > 0)
      return yield* Effect.fail(
        new InputError({
          code: "invalid_submission",
          message: issues.map((i) => i.en).join("; "),
          zh: issues.map((i) => i.zh).join("；"),
          issues: issues.map((i) => ({ code: i.code, column: i.column!, value: i.value, en: i.en, zh: i.zh })),
        }),
      )
  })

const write = (caller: Caller, clusterId: string, sub: Submission, replace: boolean) =>
  Effect.gen(function* () {
    const who = yield* requireZoneWrite(caller, clusterId)
    const config = yield* AppConfig
    const now = config.now()
    yield* check(sub, now)
    const queue = yield* SubmissionQueue
    const submittedAt = now.toISOString()
    const outcome = yield* Effect.promise(() =>
      queue.submit({
        clusterId,
        period: sub.period,
        values: sub.values,
        source: sub.source ?? "submission",
        submitter: auditName(who),
        submittedAt,
        note: sub.note ?? null,
        replace,
      }),
    )
    switch (outcome.kind) {
      case "unknown_cluster":
        return yield* Effect.fail(notFound("cluster", clusterId))
      case "archived": {
        const p = zoneProblem(clusterId, { id: clusterId, archivedAt: "archived" })!
        return yield* Effect.fail(new Conflict({ code: p.code, en: p.en, zh: p.zh, issues: [at(p, "cluster")] }))
      }
      case "duplicate": {
        const codes = Object.keys(outcome.existing).sort()
        return yield* Effect.fail(
          new Conflict({
            code: "duplicate_submission",
            en: `${clusterId} already has ${sub.period} values for ${codes.join(", ")}; correct them with PUT`,
            zh: `${clusterId} 已提交 ${sub.period} 的 ${codes.join("、")}；如需更正请使用 PUT`,
            issues: codes.map((c) => at(alreadyStored(clusterId, sub.period, c, outcome.existing[c], sub.values[c]), `values.${c}`)),
          }),
        )
      }
      case "written": {
        const receipt: SubmissionReceipt = { cluster: clusterId, period: sub.period, written: outcome.written, submittedAt }
        return receipt
      }
    }
  })

/**
 * Submit one period's values for a zone (admins, or a submitter for its own zones), all or none, with its audit
 * entry. Every value is judged by the value rule; values already stored for the period make the whole submission a
 * Conflict "duplicate_submission" (correct them with {@link correctPeriod}); an archived zone is a Conflict
 * "cluster_archived". Concurrent submissions share database calls (the submission queue).
 * @example const receipt = yield* submitPeriod(caller, "hb-qibin", { period: "2024", values: { revenue: 812.5 } })
 */
export const submitPeriod = (caller: Caller, clusterId: string, sub: Submission) => write(caller, clusterId, sub, false)

/**
 * Correct one period's values of a zone: values already stored are replaced (the audit entry keeps the old ones).
 * `period` is the period the caller addresses; the submission must name the same ("period_mismatch").
 * @example const receipt = yield* correctPeriod(caller, "hb-qibin", "2024", { period: "2024", values: { revenue: 815 } })
 */
export const correctPeriod = (caller: Caller, clusterId: string, period: string, sub: Submission) =>
  Effect.gen(function* () {
    yield* requireZoneWrite(caller, clusterId)
    if (sub.period !== period)
      return yield* Effect.fail(
        inputError("period_mismatch", `the body's period ${sub.period} is not ${period}`, `请求体中的期间 ${sub.period} 与路径 ${period} 不一致`, {
          column: "period",
          value: sub.period,
        }),
      )
    return yield* write(caller, clusterId, sub, true)
  })
