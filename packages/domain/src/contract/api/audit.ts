/** The audit trail of any entity. */
import * as Schema from "effect/Schema"
import { AuditTrail } from "../AuditTrail.js"
import { endpoint } from "../Endpoint.js"

/** GET /v1/audit */
export const audit = endpoint({
  id: "audit",
  method: "get",
  path: "/v1/audit",
  tag: "observations",
  summary: { zh: "实体的审计记录（?entity=&id=）", en: "The audit trail of an entity (?entity=&id=)" },
  access: "admin",
  query: Schema.Struct({
    /** "region", "indicator", "cluster", "observations", "import", "user", "token", "session". */
    entity: Schema.String,
    /** The entity's id ("hb-qibin", "hb-qibin/2024" for one period's observations, an account's name for sign-ins). */
    id: Schema.String,
  }),
  success: { status: 200, schema: AuditTrail },
  errors: [401, 403, 422],
})
