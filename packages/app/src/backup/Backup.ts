/** Use cases of the store as one document: export it, restore it. */

import { Audit, exportStore, type RestoreResult, restoreStore, transaction, use } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"

/**
 * The whole store (regions, indicators, zones with version and archive state, observations with provenance) as one
 * document with a format version, read in one snapshot (admins; the operator).
 * @example const doc = yield* exportBackup(operator("zhang"))
 */
export const exportBackup = (caller: Caller) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin")
    return yield* use((db) => exportStore({ db }))
  })

/**
 * Restore an export into an EMPTY store in one transaction (InputError "store_not_empty" otherwise, unless `force`,
 * which first deletes everything, the audit trail included); the document is checked in full first
 * ("invalid_backup", "unsupported_version", "invalid_value" naming every bad field). The restore is the first entry
 * of the new audit trail.
 * @example const counts = yield* restoreBackup(operator("zhang"), JSON.parse(text), { force: false })
 */
export const restoreBackup = (caller: Caller, doc: unknown, opts: { readonly force?: boolean } = {}) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    return yield* transaction(
      Effect.gen(function* () {
        const result: RestoreResult = yield* use((db) => restoreStore({ db }, doc, { force: opts.force === true }))
        yield* Audit.record({ actor: auditName(who), entity: "store", entityId: "restore", action: "restore", before: null, after: result })
        return result
      }),
    )
  })
