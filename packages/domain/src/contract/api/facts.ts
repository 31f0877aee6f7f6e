/** Zone facts: the catalogue, a zone's facts in force and history, recording and proposing facts, decisions, imports. */
import * as Schema from "effect/Schema"
import {
  AllFactsDocument,
  FactCatalogueDocument,
  FactDecisionDocument,
  FactImportReceipt,
  FactProposalsDocument,
  FactsRecordedDocument,
  ZoneFactsDocument,
} from "../../assessment/documents/FactDocuments.js"
import { FactStatus, NewZoneFact } from "../../assessment/ZoneFacts.js"
import { endpoint, fileBody } from "../Endpoint.js"
import { ImportFileName } from "../Observations.js"

const Id = Schema.Struct({ id: Schema.String })
/** A day, YYYY-MM-DD (the use case names a bad one). */
const AsOf = Schema.Struct({ asOf: Schema.optional(Schema.String) })

/** GET /v1/facts/catalogue */
export const factCatalogue = endpoint({
  id: "factCatalogue",
  method: "get",
  path: "/v1/facts/catalogue",
  tag: "register",
  summary: { zh: "集聚区事实目录（类型、单位与依据）", en: "The zone facts catalogue (type, unit and the rule that asks for each)" },
  access: "signed_in",
  success: { status: 200, schema: FactCatalogueDocument },
  errors: [401],
})

/** GET /v1/facts */
export const allZoneFacts = endpoint({
  id: "allZoneFacts",
  method: "get",
  path: "/v1/facts",
  tag: "register",
  summary: { zh: "各集聚区某日有效的事实（同 jiju facts）", en: "Every zone's facts in force on a day (as jiju facts)" },
  access: "admin_viewer",
  query: AsOf,
  success: { status: 200, schema: AllFactsDocument },
  errors: [401, 403, 422],
})

/** GET /v1/clusters/{id}/facts */
export const zoneFacts = endpoint({
  id: "zoneFacts",
  method: "get",
  path: "/v1/clusters/{id}/facts",
  tag: "register",
  summary: {
    zh: "一个集聚区的事实：有效值、历史与提议（同 jiju facts --cluster）",
    en: "One zone's facts: in force, history and proposals (as jiju facts --cluster)",
  },
  access: "zone_reader",
  params: Id,
  query: AsOf,
  success: { status: 200, schema: ZoneFactsDocument },
  errors: [401, 403, 404, 422],
})

/** POST /v1/clusters/{id}/facts */
export const recordZoneFacts = endpoint({
  id: "recordZoneFacts",
  method: "post",
  path: "/v1/clusters/{id}/facts",
  tag: "register",
  summary: {
    zh: "记录事实：管理员直接生效，集聚区填报员提交提议（同 jiju facts set）",
    en: "Record facts: an admin's take effect, a zone committee's are proposals (as jiju facts set)",
  },
  access: "zone_writer",
  params: Id,
  body: Schema.Struct({ facts: Schema.Array(NewZoneFact) }),
  success: { status: 201, schema: FactsRecordedDocument },
  errors: [400, 401, 403, 404, 409, 415, 422],
})

/** GET /v1/facts/proposals */
export const factProposals = endpoint({
  id: "factProposals",
  method: "get",
  path: "/v1/facts/proposals",
  tag: "register",
  summary: { zh: "待决定（或已决定）的事实提议", en: "Fact proposals waiting for a decision (or decided)" },
  access: "admin",
  query: Schema.Struct({ status: Schema.optional(FactStatus) }),
  success: { status: 200, schema: FactProposalsDocument },
  errors: [401, 403, 422],
})

/** POST /v1/facts/proposals/{id}/decision */
export const decideFactProposal = endpoint({
  id: "decideFactProposal",
  method: "post",
  path: "/v1/facts/proposals/{id}/decision",
  tag: "register",
  summary: { zh: "接受或驳回事实提议（同 jiju facts decide）", en: "Accept or reject a fact proposal (as jiju facts decide)" },
  access: "admin",
  params: Id,
  body: Schema.Struct({ accept: Schema.Boolean, note: Schema.optional(Schema.NullOr(Schema.String)) }),
  success: { status: 200, schema: FactDecisionDocument },
  errors: [400, 401, 403, 404, 409, 415, 422],
})

/** POST /v1/facts/import */
export const importZoneFacts = endpoint({
  id: "importZoneFacts",
  method: "post",
  path: "/v1/facts/import",
  tag: "register",
  summary: {
    zh: "导入事实文件（cluster、fact、value、as_of、evidence）；全部有效才写入",
    en: "Import a facts file (cluster, fact, value, as_of, evidence); all rows or none",
  },
  access: "admin",
  query: Schema.Struct({ fileName: ImportFileName }),
  body: fileBody,
  success: { status: 201, schema: FactImportReceipt },
  errors: [400, 401, 403, 413, 415, 422],
})
