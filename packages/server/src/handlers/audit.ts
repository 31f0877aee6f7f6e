import { auditTrail } from "@jiju/app"
import type { auditApi } from "@jiju/domain/contract"
import type { Handlers } from "../http/bind.js"

/** The audit trail. */
export const auditHandlers: Handlers<typeof auditApi> = {
  audit: ({ query }, { caller }) => auditTrail(caller, query.entity, query.id),
}
