import { builtInSchemes, confirmDefaults, defaultsUnconfirmed, unconfirmedDefaults } from "@jiju/domain/assessment"
import { AssessmentRuns, AssessmentSchemes, Audit, transaction } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { notFound } from "../Failure.js"
import { LatestRuns } from "./LatestRuns.js"

/** How to publish: whether the commission confirms the scheme's Jiju defaults. */
export interface PublishOptions {
  readonly confirmDefaults?: boolean | undefined
}

/**
 * Publish a stored run (admins), with its audit entry in the same transaction. NotFound for an unknown run; a run
 * whose scheme holds Jiju defaults is published only with `confirmDefaults` (InputError "defaults_unconfirmed",
 * nothing written), and then records who confirmed them and when.
 * @example yield* publishAssessment(caller, "run_abc", { confirmDefaults: true })
 */
export const publishAssessment = (caller: Caller, runId: string, opts: PublishOptions = {}) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const actor = auditName(who)
    const now = (yield* AppConfig).now().toISOString()
    const run = yield* transaction(
      Effect.gen(function* () {
        const before = yield* AssessmentRuns.get(runId)
        if (!before) return yield* Effect.fail(notFound("run", runId))
        const scheme = builtInSchemes[before.scheme] ?? (yield* AssessmentSchemes.get(before.scheme))?.definition
        const open = scheme === undefined ? [] : unconfirmedDefaults(scheme)
        // A run already published with its confirmation keeps it.
        const confirmed = before.provenance?.confirmation ?? null
        if (open.length > 0 && confirmed === null && opts.confirmDefaults !== true) return yield* Effect.fail(defaultsUnconfirmed(scheme!))
        const confirmation = open.length > 0 && confirmed === null ? confirmDefaults(scheme!, actor, now) : null
        const after = yield* AssessmentRuns.publish(runId, confirmation)
        yield* Audit.record({
          actor,
          entity: "assessment",
          entityId: runId,
          action: "publish",
          before: { published: before.published },
          after: { published: true, ...(confirmation ? { confirmed_defaults: confirmation.items.map((i) => i.item) } : {}) },
        })
        return after
      }),
    )
    yield* (yield* LatestRuns).forget(run.scheme, run.period)
  })
