import type { AssessmentScheme } from "@jiju/domain/assessment"
import { auditRepo } from "../repos/audit.js"
import type { Store } from "../Store.js"
import { type NewRun, runRepo, type StoredRun } from "./runs.js"
import { schemeRepo } from "./schemes.js"

/**
 * Store an assessment run with its audit entry in one transaction; a scheme read from a file is stored with
 * it, so the run can always be traced to the definition it used.
 * @example const run = await recordAssessmentRun(store, { result, createdBy: "cli:me", schemeChecksum }, { actor: "cli:me" })
 */
export const recordAssessmentRun = (
  store: Pick<Store, "db" | "audit">,
  run: NewRun,
  opts: { readonly actor: string; readonly schemeFromFile?: AssessmentScheme },
): Promise<StoredRun> =>
  store.db.transaction(async (tx) => {
    if (opts.schemeFromFile) await schemeRepo(tx).save(opts.schemeFromFile, opts.actor, tx)
    const saved = await runRepo(tx).save({ ...run, createdBy: run.createdBy ?? opts.actor }, tx)
    await auditRepo(tx).record({
      actor: opts.actor,
      entity: "assessment",
      entityId: saved.id,
      action: "run",
      before: null,
      after: { scheme: saved.scheme, period: saved.period, published: saved.published },
    })
    return saved
  })
