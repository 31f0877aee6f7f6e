/** Use cases of the store as one document: export it, restore it. */

import { Audit, exportStore, type RestoreResult, restoreStore, transaction, use } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"

/**
 * The whole store as one document with a format version, read in one snapshot: every table (accounts and tokens with
 * their secrets hashed as stored, the audit trail, imports, jobs, schemes and runs, archive states …) (admins; the
 * operator).
 * @example const doc = yield* exportBackup(operator("zhang"))
 */
export const exportBackup = (caller: Caller) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin")
    return yield* use((db) => exportStore(db))
  })

/**
 * Restore an export into a truly empty store in one transaction (InputError "store_not_empty" naming what the store
 * holds, unless `force`, which replaces it and moves its audit trail to audit_log_archive: audit history is never
 * deleted); the document is checked first ("invalid_backup", "unsupported_version", unknown tables). The restore is
 * itself audited, after the restored trail.
 * @example const counts = yield* restoreBackup(operator("zhang"), JSON.parse(text), { force: false })
 */
export const restoreBackup = (caller: Caller, doc: unknown, opts: { readonly force?: boolean } = {}) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    return yield* transaction(
      Effect.gen(function* () {
        const result: RestoreResult = yield* use((db) => restoreStore(db, doc, { force: opts.force === true }))
        yield* Audit.record({ actor: auditName(who), entity: "store", entityId: "restore", action: "restore", before: null, after: result })
        return result
      }),
    )
  })
