/** Reading the audit trail. */

import type { AuditTrail } from "@jiju/domain/contract"
import { Audit } from "@jiju/store"
import * as Effect from "effect/Effect"
import { type Caller, requireRole } from "../Actor.js"

/**
 * The audit trail of one entity, oldest first (admins): "region", "indicator", "cluster", "observations" (id
 * "<zone>/<period>"), "import", "user", "token", "session" (id: the account name; sign-ins and their failures).
 * @example const { items } = yield* auditTrail(caller, "session", "zhang")
 */
export const auditTrail = (caller: Caller, entity: string, id: string) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin")
    const trail: AuditTrail = { items: yield* Audit.history(entity, id) }
    return trail
  })
