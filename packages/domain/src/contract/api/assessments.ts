/** Assessments (综合考核): run a scheme for a period, preview one, publish it, and read results, rankings and histories. */
import * as Schema from "effect/Schema"
import { SchemeId } from "../../assessment/AssessmentScheme.js"
import { AssessmentReport } from "../../assessment/documents/AssessmentReport.js"
import {
  AssessmentPreviewDocument,
  AssessmentRunDocument,
  KindSchemeList,
  RankingsDocument,
  SchemeList,
  StoredResultDocument,
  ZoneHistoryDocument,
} from "../../assessment/documents/StoredRuns.js"
import { builtInTargetSets } from "../../assessment/documents/TargetsDocument.js"
import { ClusterAssessment } from "../../assessment/RunAssessment.js"
import { ClusterKind, RankingGroup } from "../../model/Cluster.js"
import { Period } from "../../model/Period.js"
import { docxMedia, endpoint, pdfMedia, xlsxMedia } from "../Endpoint.js"

/** Which run to read: the latest of a scheme and period (one ranking group, optionally). */
/** Which run to read: the latest of a scheme and period (of the runs covering one kind, optionally). */
const ResultQuery = Schema.Struct({ scheme: SchemeId, period: Period, group: Schema.optional(RankingGroup), kind: Schema.optional(ClusterKind) })
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

/** GET /v1/assessments/kind-schemes */
export const kindSchemes = endpoint({
  id: "kindSchemes",
  method: "get",
  path: "/v1/assessments/kind-schemes",
  tag: "assessments",
  summary: {
    zh: "各类集聚区的考核方案（委员会配置或内置默认，含待确认的默认值）",
    en: "The scheme of each kind of zone (the commission's configuration or the built-in default, with unconfirmed defaults)",
  },
  access: "results_reader",
  success: { status: 200, schema: KindSchemeList },
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
    /** The scheme; absent: every kind of zone with its own scheme (as `jiju assess` without --scheme), listed in `runs`. */
    scheme: Schema.optional(SchemeId),
    period: Period,
    /** Store the run as published. */
    publish: Schema.optional(Schema.Boolean),
    /** Confirm the scheme's Jiju defaults: required to publish on a scheme that holds any (recorded with who and when). */
    confirmDefaults: Schema.optional(Schema.Boolean),
    /** Only zones of this kind: with its own scheme (no `scheme`, or the scheme configured for it), stored as its run. */
    kind: Schema.optional(ClusterKind),
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
  /** confirm_defaults=true: the commission confirms the scheme's Jiju defaults (required when the scheme holds any). */
  query: Schema.Struct({ confirmDefaults: Schema.optional(Schema.Literals(["true", "false"])) }),
  success: { status: 204 },
  errors: [401, 403, 404, 422],
})

/** GET /v1/assessments/results */
export const assessmentResult = endpoint({
  id: "assessmentResult",
  method: "get",
  path: "/v1/assessments/results",
  tag: "assessments",
  summary: { zh: "最新考核结果（含解释）", en: "The latest stored result, explained" },
  access: "results_reader",
  query: Schema.Struct({ scheme: SchemeId, period: Period, kind: Schema.optional(ClusterKind) }),
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
  query: Schema.Struct({ scheme: SchemeId, period: Period, kind: Schema.optional(ClusterKind) }),
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

/** What to write of a run's documents: language, target set, issuing body, date, and the commission's yellow cards. */
const ReportQuery = {
  /** Headers and text: zh (default, or the Accept-Language) or en. */
  lang: Schema.optional(Schema.Literals(["zh", "en"])),
  /** A built-in target set to track in the run's period (admins and viewers). */
  targets: Schema.optional(Schema.Literals(builtInTargetSets)),
  /** The issuing body (发文机关); default the deployment's JIJU_REPORT_ISSUER. */
  issuer: Schema.optional(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200))),
  /** The date of issue (YYYY-MM-DD); default today. */
  date: Schema.optional(Schema.String.check(Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { expected: "a date YYYY-MM-DD" }))),
  /** Zones the commission gave a yellow card (黄牌警告), comma-separated ids. */
  yellowCards: Schema.optional(Schema.String.check(Schema.isMaxLength(4000))),
}

/** GET /v1/assessments/runs/{id}/report.xlsx */
export const runReportXlsx = endpoint({
  id: "runReportXlsx",
  method: "get",
  path: "/v1/assessments/runs/{id}/report.xlsx",
  tag: "assessments",
  summary: {
    zh: "考核结果工作簿（排名、指标得分、认定、目标、单项排位；未发布的标明“未发布”）",
    en: "A run's workbook (rankings, values and points, certification, targets, single-indicator positions; drafts marked)",
  },
  access: "results_reader",
  params: Id,
  query: Schema.Struct(ReportQuery),
  success: { status: 200, media: xlsxMedia },
  errors: [401, 404, 422],
})

/** GET /v1/assessments/runs/{id}/report.docx */
export const runReportDocx = endpoint({
  id: "runReportDocx",
  method: "get",
  path: "/v1/assessments/runs/{id}/report.docx",
  tag: "assessments",
  summary: {
    zh: "考核结果通报（Word）；指定 cluster 时为该集聚区体检报告；未发布的标明“未发布”",
    en: "A run's bulletin (通报, Word); with cluster, that zone's check-up (体检报告); drafts marked",
  },
  access: "results_reader",
  params: Id,
  query: Schema.Struct({ ...ReportQuery, cluster: Schema.optional(Schema.NonEmptyString) }),
  success: { status: 200, media: docxMedia },
  errors: [401, 404, 422],
})

/** GET /v1/assessments/runs/{id}/report.pdf */
export const runReportPdf = endpoint({
  id: "runReportPdf",
  method: "get",
  path: "/v1/assessments/runs/{id}/report.pdf",
  tag: "assessments",
  summary: {
    zh: "考核结果通报（PDF，由服务器上的 Chromium 打印）；未发布的标明“未发布”",
    en: "A run's bulletin (通报) as PDF, printed by the server's Chromium; drafts marked",
  },
  access: "results_reader",
  params: Id,
  query: Schema.Struct(ReportQuery),
  success: { status: 200, media: pdfMedia },
  errors: [401, 404, 422, 503],
})
