import { Cluster, IndicatorDefinition, Region } from "@jiju/domain/model"
import type { Schema } from "effect"
import { analyses } from "../analyses/index.js"
import { Login, NewToken, NewUser } from "../routes/auth.js"
import { ClusterListQuery } from "../routes/clusters.js"
import { IndicatorListQuery } from "../routes/indicators.js"
import { ImportQuery, ObservationQuery, Submission } from "../routes/observations.js"
import { RegionListQuery } from "../routes/regions.js"
import { CertificationQuery, IncentiveQuery, TargetsQuery, TargetsRequest, ZonePeriodQuery } from "../routes/judgements.js"
import { HistoryQuery, ReportQuery, ResultQuery, RunRequest } from "../routes/assessments.js"

/** Who may call an operation. */
export type Access = "public" | "signed-in" | "admin" | "admin, submitter (own clusters)" | "signed-in; published results public when configured" | "signed-in; a submitter only its own cluster" | "admin, viewer"

/** One documented operation; the Schemas are the ones the routes validate with. */
export interface Operation {
  readonly method: "get" | "post" | "put" | "delete"
  readonly path: string
  readonly id: string
  readonly tag: string
  readonly summary: { readonly en: string; readonly zh: string }
  readonly access: Access
  readonly body?: Schema.Top
  readonly query?: Schema.Top & { readonly fields?: Record<string, Schema.Top> }
  /** Sends If-Match (optimistic concurrency). */
  readonly ifMatch?: boolean
  readonly responses: Readonly<Record<string, string>>
}

const read = { "200": "OK", "401": "No credentials", "403": "Wrong role" }
const write = { ...read, "409": "Conflict", "422": "Invalid input (problem details with errors[])" }
const judgement = { ...read, "404": "Unknown cluster", "422": "Bad option or a period without data" }

/** Every operation of the API, in the order the reference page lists them. */
export const operations: ReadonlyArray<Operation> = [
  { method: "get", path: "/health", id: "health", tag: "service", summary: { en: "Liveness", zh: "存活检查" }, access: "public", responses: { "200": "OK" } },
  { method: "get", path: "/ready", id: "ready", tag: "service", summary: { en: "Readiness (database answers)", zh: "就绪检查（数据库可用）" }, access: "public", responses: { "200": "OK", "503": "Database down" } },
  { method: "post", path: "/v1/auth/login", id: "login", tag: "auth", summary: { en: "Log in; sets the session cookie", zh: "登录，设置会话 Cookie" }, access: "public", body: Login, responses: { "200": "OK", "401": "Wrong name or password", "423": "Locked for 15 minutes" } },
  { method: "post", path: "/v1/auth/logout", id: "logout", tag: "auth", summary: { en: "Log out", zh: "退出登录" }, access: "public", responses: { "204": "Done" } },
  { method: "get", path: "/v1/auth/me", id: "me", tag: "auth", summary: { en: "Who am I", zh: "当前身份" }, access: "signed-in", responses: read },
  { method: "post", path: "/v1/tokens", id: "createToken", tag: "auth", summary: { en: "Mint a bearer token", zh: "创建访问令牌" }, access: "admin", body: NewToken, responses: { ...write, "201": "Created; the token is shown once" } },
  { method: "delete", path: "/v1/tokens/{id}", id: "revokeToken", tag: "auth", summary: { en: "Revoke a token", zh: "撤销令牌" }, access: "admin", responses: { "204": "Revoked", "404": "Unknown token" } },
  { method: "get", path: "/v1/users", id: "listUsers", tag: "auth", summary: { en: "Accounts", zh: "账户列表" }, access: "admin", responses: read },
  { method: "post", path: "/v1/users", id: "createUser", tag: "auth", summary: { en: "Create an account", zh: "创建账户" }, access: "admin", body: NewUser, responses: { ...write, "201": "Created" } },
  { method: "get", path: "/v1/regions", id: "listRegions", tag: "register", summary: { en: "Regions (filter, sort, cursor pages)", zh: "区域列表（筛选、排序、游标分页）" }, access: "signed-in", query: RegionListQuery, responses: read },
  { method: "get", path: "/v1/regions/{code}", id: "getRegion", tag: "register", summary: { en: "One region, with ETag", zh: "读取区域（含 ETag）" }, access: "signed-in", responses: { ...read, "404": "Unknown" } },
  { method: "post", path: "/v1/regions", id: "createRegion", tag: "register", summary: { en: "Add a region", zh: "新增区域" }, access: "admin", body: Region, responses: { ...write, "201": "Created" } },
  { method: "put", path: "/v1/regions/{code}", id: "replaceRegion", tag: "register", summary: { en: "Replace a region (If-Match)", zh: "修改区域（需 If-Match）" }, access: "admin", body: Region, ifMatch: true, responses: { ...write, "412": "Changed since read", "428": "If-Match missing" } },
  { method: "post", path: "/v1/regions/{code}/archive", id: "archiveRegion", tag: "register", summary: { en: "Archive a region (If-Match): kept, left out of lists", zh: "归档区域（需 If-Match）：保留数据，不再列出" }, access: "admin", ifMatch: true, responses: { ...write, "412": "Changed since read", "428": "If-Match missing" } },
  { method: "post", path: "/v1/regions/{code}/unarchive", id: "unarchiveRegion", tag: "register", summary: { en: "Bring an archived region back (If-Match)", zh: "恢复已归档区域（需 If-Match）" }, access: "admin", ifMatch: true, responses: { ...write, "412": "Changed since read", "428": "If-Match missing" } },
  { method: "get", path: "/v1/indicators", id: "listIndicators", tag: "register", summary: { en: "Indicator catalogue", zh: "指标目录" }, access: "signed-in", query: IndicatorListQuery, responses: read },
  { method: "get", path: "/v1/indicators/{code}", id: "getIndicator", tag: "register", summary: { en: "One indicator, with ETag", zh: "读取指标（含 ETag）" }, access: "signed-in", responses: { ...read, "404": "Unknown" } },
  { method: "post", path: "/v1/indicators", id: "createIndicator", tag: "register", summary: { en: "Add an indicator", zh: "新增指标" }, access: "admin", body: IndicatorDefinition, responses: { ...write, "201": "Created" } },
  { method: "put", path: "/v1/indicators/{code}", id: "replaceIndicator", tag: "register", summary: { en: "Replace an indicator (If-Match)", zh: "修改指标（需 If-Match）" }, access: "admin", body: IndicatorDefinition, ifMatch: true, responses: { ...write, "412": "Changed since read", "428": "If-Match missing" } },
  { method: "post", path: "/v1/indicators/{code}/archive", id: "archiveIndicator", tag: "register", summary: { en: "Archive an indicator (If-Match): kept, closed to new submissions", zh: "归档指标（需 If-Match）：保留数据，不再接收填报" }, access: "admin", ifMatch: true, responses: { ...write, "412": "Changed since read", "428": "If-Match missing" } },
  { method: "post", path: "/v1/indicators/{code}/unarchive", id: "unarchiveIndicator", tag: "register", summary: { en: "Bring an archived indicator back (If-Match)", zh: "恢复已归档指标（需 If-Match）" }, access: "admin", ifMatch: true, responses: { ...write, "412": "Changed since read", "428": "If-Match missing" } },
  { method: "get", path: "/v1/clusters", id: "listClusters", tag: "register", summary: { en: "Cluster zones (filter, sort, cursor pages)", zh: "集聚区列表（筛选、排序、游标分页）" }, access: "signed-in", query: ClusterListQuery, responses: read },
  { method: "get", path: "/v1/clusters/{id}", id: "getCluster", tag: "register", summary: { en: "One cluster zone, with ETag", zh: "读取集聚区（含 ETag）" }, access: "signed-in", responses: { ...read, "404": "Unknown" } },
  { method: "get", path: "/v1/clusters/{id}/history", id: "clusterHistory", tag: "register", summary: { en: "Audit trail of a cluster", zh: "集聚区修改记录" }, access: "admin", responses: read },
  { method: "post", path: "/v1/clusters", id: "createCluster", tag: "register", summary: { en: "Register a cluster zone", zh: "登记集聚区" }, access: "admin", body: Cluster, responses: { ...write, "201": "Created" } },
  { method: "put", path: "/v1/clusters/{id}", id: "replaceCluster", tag: "register", summary: { en: "Replace a cluster (If-Match)", zh: "修改集聚区（需 If-Match）" }, access: "admin", body: Cluster, ifMatch: true, responses: { ...write, "412": "Changed since read", "428": "If-Match missing" } },
  { method: "post", path: "/v1/clusters/{id}/archive", id: "archiveCluster", tag: "register", summary: { en: "Archive a cluster (If-Match)", zh: "归档集聚区（需 If-Match）" }, access: "admin", ifMatch: true, responses: { ...write, "412": "Changed since read" } },
  { method: "post", path: "/v1/clusters/{id}/unarchive", id: "unarchiveCluster", tag: "register", summary: { en: "Restore an archived cluster (If-Match)", zh: "恢复已归档集聚区（需 If-Match）" }, access: "admin", ifMatch: true, responses: { ...write, "412": "Changed since read" } },
  { method: "post", path: "/v1/clusters/{id}/observations", id: "submitPeriod", tag: "observations", summary: { en: "Submit one period's values (atomic)", zh: "提交一期指标数据（原子操作）" }, access: "admin, submitter (own clusters)", body: Submission, responses: { ...write, "201": "Written", "409": "Already submitted" } },
  { method: "put", path: "/v1/clusters/{id}/observations/{period}", id: "correctPeriod", tag: "observations", summary: { en: "Correct one period's values", zh: "更正一期指标数据" }, access: "admin, submitter (own clusters)", body: Submission, responses: write },
  { method: "get", path: "/v1/clusters/{id}/observations", id: "clusterSeries", tag: "observations", summary: { en: "A cluster's time series", zh: "集聚区时间序列" }, access: "signed-in", query: ObservationQuery, responses: read },
  { method: "post", path: "/v1/observations/import", id: "importObservations", tag: "observations", summary: { en: "Import a CSV/XLSX file (body: the file's bytes); all rows or none", zh: "导入 CSV/XLSX 文件（请求体为文件内容）；全部成功或全部不导入" }, access: "admin", query: ImportQuery, responses: { ...write, "201": "Imported", "413": "Over 10 MB" } },
  { method: "get", path: "/v1/observations", id: "queryObservations", tag: "observations", summary: { en: "Observations by clusters, indicators and periods", zh: "按集聚区、指标和期间查询观测值" }, access: "signed-in", query: ObservationQuery, responses: read },
  { method: "get", path: "/v1/audit", id: "audit", tag: "observations", summary: { en: "Audit trail of an entity (?entity=&id=)", zh: "实体的审计记录" }, access: "admin", responses: read },
  { method: "get", path: "/v1/analyses", id: "listAnalyses", tag: "analyses", summary: { en: "Available analyses", zh: "可用的分析方法" }, access: "signed-in", responses: read },
  ...Object.entries(analyses).map(
    ([name, a]): Operation => ({
      method: "post",
      path: `/v1/analyses/${name}`,
      id: `analysis_${name}`,
      tag: "analyses",
      summary: { en: `${a.summary.en} (as jiju ${name} --json; Prefer: respond-async for a job)`, zh: `${a.summary.zh}（同 jiju ${name} --json；Prefer: respond-async 作为任务运行）` },
      access: "signed-in",
      body: a.schema,
      responses: { ...write, "202": "Accepted as a job; Location /v1/jobs/{id}" },
    }),
  ),
  { method: "get", path: "/v1/jobs/{id}", id: "getJob", tag: "analyses", summary: { en: "A job's status, progress and result", zh: "任务状态、进度与结果" }, access: "signed-in", responses: { ...read, "404": "Unknown" } },
  { method: "get", path: "/v1/assessments/schemes", id: "listSchemes", tag: "assessments", summary: { en: "Assessment schemes", zh: "考核方案" }, access: "signed-in", responses: read },
  { method: "post", path: "/v1/assessments/runs", id: "runAssessment", tag: "assessments", summary: { en: "Run a scheme for a period", zh: "运行一期综合考核" }, access: "admin", body: RunRequest, responses: { ...write, "201": "Stored" } },
  { method: "post", path: "/v1/assessments/runs/{id}/publish", id: "publishAssessment", tag: "assessments", summary: { en: "Publish a run", zh: "发布考核结果" }, access: "admin", responses: { "204": "Published", "404": "Unknown" } },
  { method: "get", path: "/v1/assessments/results", id: "assessmentResult", tag: "assessments", summary: { en: "The latest result with explanations", zh: "最新考核结果（含解释）" }, access: "signed-in; published results public when configured", query: ResultQuery, responses: { ...read, "404": "No run" } },
  { method: "get", path: "/v1/assessments/report", id: "assessmentReport", tag: "assessments", summary: { en: "The latest run's report, as `jiju assess --json` prints it", zh: "最新考核报告（与 jiju assess --json 相同）" }, access: "signed-in; published results public when configured", query: ReportQuery, responses: { ...read, "404": "No run" } },
  { method: "get", path: "/v1/assessments/rankings", id: "rankings", tag: "assessments", summary: { en: "Rankings by group (cached)", zh: "分组排名（缓存）" }, access: "signed-in; published results public when configured", query: ResultQuery, responses: { ...read, "404": "No run" } },
  { method: "get", path: "/v1/assessments/clusters/{id}", id: "clusterAssessment", tag: "assessments", summary: { en: "One zone's result and explanation", zh: "单个集聚区的考核结果与解释" }, access: "signed-in", query: ResultQuery, responses: { ...read, "404": "No run" } },
  { method: "get", path: "/v1/assessments/clusters/{id}/history", id: "clusterAssessmentHistory", tag: "assessments", summary: { en: "A zone's ranks over the periods", zh: "集聚区历年排名" }, access: "signed-in", query: HistoryQuery, responses: read },
  { method: "get", path: "/v1/assessments/certification", id: "certification", tag: "assessments", summary: { en: "Certify service agglomerations (as jiju certify --json)", zh: "服务业集聚区认定（同 jiju certify --json）" }, access: "signed-in; a submitter only its own cluster", query: CertificationQuery, responses: judgement },
  { method: "get", path: "/v1/assessments/stage", id: "stage", tag: "assessments", summary: { en: "Development stage and reach (as jiju stage --json)", zh: "发展阶段判定（同 jiju stage --json）" }, access: "signed-in; a submitter only its own cluster", query: ZonePeriodQuery, responses: judgement },
  { method: "get", path: "/v1/assessments/diagnosis", id: "diagnosis", tag: "assessments", summary: { en: "Problems and measures (as jiju diagnose --json)", zh: "问题诊断与对策（同 jiju diagnose --json）" }, access: "signed-in; a submitter only its own cluster", query: ZonePeriodQuery, responses: judgement },
  { method: "get", path: "/v1/assessments/incentive", id: "incentive", tag: "assessments", summary: { en: "Fiscal incentive, tax above the base returned (as jiju incentive --json)", zh: "财政激励测算（同 jiju incentive --json）" }, access: "signed-in; a submitter only its own cluster", query: IncentiveQuery, responses: judgement },
  { method: "get", path: "/v1/assessments/targets", id: "targets", tag: "assessments", summary: { en: "Track a built-in target set (as jiju targets --json)", zh: "发展目标跟踪（同 jiju targets --json）" }, access: "admin, viewer", query: TargetsQuery, responses: judgement },
  { method: "post", path: "/v1/assessments/targets", id: "customTargets", tag: "assessments", summary: { en: "Track a target set of one's own (as jiju targets --set FILE --json)", zh: "跟踪自定义目标集（同 jiju targets --set 文件 --json）" }, access: "admin, viewer", body: TargetsRequest, responses: judgement },
  { method: "get", path: "/v1/openapi.json", id: "openapi", tag: "service", summary: { en: "This description (OpenAPI 3.1)", zh: "本接口说明（OpenAPI 3.1）" }, access: "public", responses: { "200": "OK" } },
  { method: "get", path: "/v1/docs", id: "docs", tag: "service", summary: { en: "Reference page", zh: "接口参考页面" }, access: "public", responses: { "200": "OK" } },
]
