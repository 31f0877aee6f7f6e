/** Assessments (综合考核): run a scheme for a period, preview one, publish it, and read results, rankings and histories. */
import * as Schema from "effect/Schema"
import { SchemeId } from "../../assessment/AssessmentScheme.js"
import { AssessmentReport } from "../../assessment/documents/AssessmentReport.js"
import {
  AssessmentPreviewDocument,
  AssessmentRunDocument,
  RankingsDocument,
  SchemeList,
  StoredResultDocument,
  ZoneHistoryDocument,
} from "../../assessment/documents/StoredRuns.js"
import { ClusterAssessment } from "../../assessment/RunAssessment.js"
import { ClusterKind, RankingGroup } from "../../model/Cluster.js"
import { Period } from "../../model/Period.js"
import { endpoint } from "../Endpoint.js"

/** Which run to read: the latest of a scheme and period (one ranking group, optionally). */
const ResultQuery = Schema.Struct({ scheme: SchemeId, period: Period, group: Schema.optional(RankingGroup) })
const Id = Schema.Struct({ id: Schema.String })

/** GET /v1/assessments/schemes */
export const listSchemes = endpoint({
  id: "listSchemes",
  method: "get",
  path: "/v1/assessments/schemes",
  tag: "assessments",
  summary: { zh: "考核方案列表（内置与已保存）", en: "Assessment schemes (built-in and stored)" },
  access: "signed_in",
  success: { status: 200, schema: SchemeList },
  errors: [401],
})

/** POST /v1/assessments/runs */
export const runAssessment = endpoint({
  id: "runAssessment",
  method: "post",
  path: "/v1/assessments/runs",
  tag: "assessments",
  summary: { zh: "运行考核并保存结果（同 jiju assess）", en: "Run an assessment and store it (as jiju assess)" },
  access: "admin",
  body: Schema.Struct({
    scheme: SchemeId,
    period: Period,
    /** Store the run as published. */
    publish: Schema.optional(Schema.Boolean),
    /** Rank stability over this many random weight draws (as `jiju assess --stability N --seed S`). */
    stability: Schema.optional(
      Schema.Struct({ draws: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 10_000 })), seed: Schema.optional(Schema.Int) }),
    ),
  }),
  success: { status: 201, schema: AssessmentRunDocument },
  errors: [400, 401, 403, 404, 415, 422],
})

/** GET /v1/assessments/preview */
export const previewAssessment = endpoint({
  id: "previewAssessment",
  method: "get",
  path: "/v1/assessments/preview",
  tag: "assessments",
  summary: {
    zh: "预览考核结果（服务器按当前数据计算，不保存）",
    en: "Preview an assessment (computed on the server from the current data, not stored)",
  },
  access: "admin_viewer",
  query: Schema.Struct({ scheme: SchemeId, period: Period, kind: Schema.optional(ClusterKind) }),
  success: { status: 200, schema: AssessmentPreviewDocument },
  errors: [401, 403, 404, 422],
})

/** POST /v1/assessments/runs/{id}/publish */
export const publishAssessment = endpoint({
  id: "publishAssessment",
  method: "post",
  path: "/v1/assessments/runs/{id}/publish",
  tag: "assessments",
  summary: { zh: "发布考核结果", en: "Publish a run" },
  access: "admin",
  params: Id,
  success: { status: 204 },
  errors: [401, 403, 404],
})

/** GET /v1/assessments/results */
export const assessmentResult = endpoint({
  id: "assessmentResult",
  method: "get",
  path: "/v1/assessments/results",
  tag: "assessments",
  summary: { zh: "最新考核结果（含解释）", en: "The latest stored result, explained" },
  access: "results_reader",
  query: Schema.Struct({ scheme: SchemeId, period: Period }),
  success: { status: 200, schema: StoredResultDocument },
  errors: [401, 404, 422],
})

/** GET /v1/assessments/report */
export const assessmentReport = endpoint({
  id: "assessmentReport",
  method: "get",
  path: "/v1/assessments/report",
  tag: "assessments",
  summary: { zh: "考核报告（同 jiju assess --json）", en: "The assessment report (as jiju assess --json)" },
  access: "results_reader",
  query: Schema.Struct({ scheme: SchemeId, period: Period }),
  success: { status: 200, schema: AssessmentReport },
  errors: [401, 404, 422],
})

/** GET /v1/assessments/rankings */
export const rankings = endpoint({
  id: "rankings",
  method: "get",
  path: "/v1/assessments/rankings",
  tag: "assessments",
  summary: { zh: "分组排名", en: "Rankings by group" },
  access: "results_reader",
  query: ResultQuery,
  success: { status: 200, schema: RankingsDocument },
  errors: [401, 404, 422],
})

/** GET /v1/assessments/clusters/{id} */
export const clusterAssessment = endpoint({
  id: "clusterAssessment",
  method: "get",
  path: "/v1/assessments/clusters/{id}",
  tag: "assessments",
  summary: { zh: "单个集聚区的考核结果与解释", en: "One zone's result and explanation" },
  access: "results_reader",
  params: Id,
  query: ResultQuery,
  success: { status: 200, schema: ClusterAssessment },
  errors: [401, 404, 422],
})

/** GET /v1/assessments/clusters/{id}/history */
export const clusterAssessmentHistory = endpoint({
  id: "clusterAssessmentHistory",
  method: "get",
  path: "/v1/assessments/clusters/{id}/history",
  tag: "assessments",
  summary: { zh: "集聚区历期考核结果", en: "A zone's results over the periods" },
  access: "results_reader",
  params: Id,
  query: Schema.Struct({ scheme: SchemeId }),
  success: { status: 200, schema: ZoneHistoryDocument },
  errors: [401, 422],
})
