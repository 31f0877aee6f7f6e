/** 篇8's supervision (督导): the candidate lists, the commission's decisions with reasons, the monthly reports. */
import * as Schema from "effect/Schema"
import { SupervisionCandidatesDocument, SupervisionDecisionsDocument } from "../../assessment/documents/SupervisionDocuments.js"
import { NewSupervisionDecision, SupervisionDecision } from "../../assessment/Supervision.js"
import { Period } from "../../model/Period.js"
import { endpoint } from "../Endpoint.js"

const Id = Schema.Struct({ id: Schema.String })

/** GET /v1/supervision/candidates */
export const supervisionCandidates = endpoint({
  id: "supervisionCandidates",
  method: "get",
  path: "/v1/supervision/candidates",
  tag: "judgements",
  summary: {
    zh: "督导候选名单：发展最慢者、基础差发展快的县域集聚区（同 jiju supervision candidates）",
    en: "Supervision candidates: the slowest zones, fast-growing weak-base county zones (as jiju supervision candidates)",
  },
  access: "admin_viewer",
  query: Schema.Struct({
    period: Period,
    /** The growth indicator; default revenue (a Jiju default). */
    indicator: Schema.optional(Schema.NonEmptyString),
    /** The list length; default 10. */
    count: Schema.optional(Schema.FiniteFromString.check(Schema.isInt())),
  }),
  success: { status: 200, schema: SupervisionCandidatesDocument },
  errors: [401, 403, 422],
})

/** GET /v1/supervision/decisions */
export const supervisionDecisions = endpoint({
  id: "supervisionDecisions",
  method: "get",
  path: "/v1/supervision/decisions",
  tag: "judgements",
  summary: { zh: "委员会的督导决定（同 jiju supervision list）", en: "The commission's supervision decisions (as jiju supervision list)" },
  access: "zone_reader",
  query: Schema.Struct({
    period: Schema.optional(Schema.String),
    cluster: Schema.optional(Schema.NonEmptyString),
    /** "true": revoked decisions too. */
    revoked: Schema.optional(Schema.Literals(["true", "false"])),
  }),
  success: { status: 200, schema: SupervisionDecisionsDocument },
  errors: [401, 403, 422],
})

/** POST /v1/supervision/decisions */
export const decideSupervision = endpoint({
  id: "decideSupervision",
  method: "post",
  path: "/v1/supervision/decisions",
  tag: "judgements",
  summary: {
    zh: "记录督导决定：措施、理由与依据（同 jiju supervision decide）",
    en: "Record a supervision decision: measure, reason and evidence (as jiju supervision decide)",
  },
  access: "admin",
  body: NewSupervisionDecision,
  success: { status: 201, schema: SupervisionDecision },
  errors: [400, 401, 403, 404, 409, 415, 422],
})

/** POST /v1/supervision/decisions/{id}/reports */
export const reportSupervision = endpoint({
  id: "reportSupervision",
  method: "post",
  path: "/v1/supervision/decisions/{id}/reports",
  tag: "judgements",
  summary: { zh: "现场督导的月度报告（同 jiju supervision report）", en: "The monthly report of an on-site supervision (as jiju supervision report)" },
  access: "admin",
  params: Id,
  body: Schema.Struct({ month: Schema.String, textZh: Schema.String, textEn: Schema.optional(Schema.String) }),
  success: { status: 200, schema: SupervisionDecision },
  errors: [400, 401, 403, 404, 409, 415, 422],
})

/** POST /v1/supervision/decisions/{id}/revocation */
export const revokeSupervision = endpoint({
  id: "revokeSupervision",
  method: "post",
  path: "/v1/supervision/decisions/{id}/revocation",
  tag: "judgements",
  summary: { zh: "撤销督导决定（保留记录）", en: "Revoke a supervision decision (kept on record)" },
  access: "admin",
  params: Id,
  success: { status: 200, schema: SupervisionDecision },
  errors: [401, 403, 404, 409],
})
