/** The project register: projects entering the zones, their files and weekly reports, the supervision view, findings and derived indicators. */
import * as Schema from "effect/Schema"
import { Period } from "../../model/Period.js"
import { StoredZoneArea, ZoneArea } from "../../projects/Admission.js"
import { IsoDate } from "../../projects/Dates.js"
import { HalfYear, ProjectFindings } from "../../projects/Findings.js"
import { Firm, FirmLists, StoredFirm } from "../../projects/Firm.js"
import { DocumentChange, DocumentKind, ProjectEntry, ProjectStatus, ProjectType, StatusChange } from "../../projects/Project.js"
import { StoredProject } from "../../projects/ProjectRecord.js"
import { SupervisionView } from "../../projects/Supervision.js"
import { IsoWeek } from "../../projects/Week.js"
import { StoredWeeklyReport, WeeklyReport } from "../../projects/WeeklyReport.js"
import { AuditTrail } from "../AuditTrail.js"
import { endpoint, fileBody } from "../Endpoint.js"
import { ImportFileName } from "../Observations.js"
import { Page, pageQueryFields } from "../Page.js"
import { DerivedIndicatorsDocument, FirmList, ProjectReports, RegisterImportReceipt, ZoneAreaList } from "../Projects.js"

const Id = Schema.Struct({ id: Schema.String })

/** GET /v1/projects */
export const listProjects = endpoint({
  id: "listProjects",
  method: "get",
  path: "/v1/projects",
  tag: "projects",
  summary: { zh: "项目库（按集聚区、片区、状态、类型、企业筛选）", en: "Projects (filter by zone, sub-area, status, type, firm)" },
  access: "zone_reader",
  query: Schema.Struct({
    ...pageQueryFields,
    cluster: Schema.optional(Schema.String),
    area: Schema.optional(Schema.String),
    status: Schema.optional(ProjectStatus),
    type: Schema.optional(ProjectType),
    firm: Schema.optional(Schema.String),
  }),
  success: { status: 200, schema: Page(StoredProject) },
  errors: [401, 422],
})

/** GET /v1/projects/{id} */
export const getProject = endpoint({
  id: "getProject",
  method: "get",
  path: "/v1/projects/{id}",
  tag: "projects",
  summary: { zh: "读取项目（含档案、状态历程、准入核查）", en: "One project with its file, status history and admission check" },
  access: "zone_reader",
  params: Id,
  success: { status: 200, schema: StoredProject },
  errors: [401, 404],
})

/** POST /v1/projects */
export const createProject = endpoint({
  id: "createProject",
  method: "post",
  path: "/v1/projects",
  tag: "projects",
  summary: { zh: "录入入园项目（按片区准入条件核查）", en: "Enter a project (checked against its sub-area's admission rules)" },
  access: "zone_writer",
  body: ProjectEntry,
  success: { status: 201, schema: StoredProject },
  errors: [401, 403, 409, 422],
})

/** POST /v1/projects/{id}/status */
export const recordProjectStatus = endpoint({
  id: "recordProjectStatus",
  method: "post",
  path: "/v1/projects/{id}/status",
  tag: "projects",
  summary: {
    zh: "记录项目进展节点（供地、开工、投产、达产、停滞、土地收回）",
    en: "Record a status step (land supplied, started, in production, at capacity, stalled, land recovered)",
  },
  access: "zone_writer",
  params: Id,
  body: StatusChange,
  success: { status: 200, schema: StoredProject },
  errors: [401, 403, 404, 422],
})

/** PUT /v1/projects/{id}/documents/{kind} */
export const updateProjectDocument = endpoint({
  id: "updateProjectDocument",
  method: "put",
  path: "/v1/projects/{id}/documents/{kind}",
  tag: "projects",
  summary: { zh: "更新项目档案中的一项审批（立项/备案、环评、用地、规划、施工许可）", en: "Update one approval of the project's file" },
  access: "zone_writer",
  params: Schema.Struct({ id: Schema.String, kind: DocumentKind }),
  body: DocumentChange,
  success: { status: 200, schema: StoredProject },
  errors: [401, 403, 404, 422],
})

/** GET /v1/projects/{id}/history */
export const projectHistory = endpoint({
  id: "projectHistory",
  method: "get",
  path: "/v1/projects/{id}/history",
  tag: "projects",
  summary: { zh: "项目的审计记录", en: "The project's audit trail" },
  access: "zone_reader",
  params: Id,
  success: { status: 200, schema: AuditTrail },
  errors: [401, 404],
})

/** GET /v1/projects/{id}/reports */
export const projectReports = endpoint({
  id: "projectReports",
  method: "get",
  path: "/v1/projects/{id}/reports",
  tag: "projects",
  summary: { zh: "项目周报及报送日历（按时、逾期、未报）", en: "The project's weekly reports and reporting calendar (on time, late, missing)" },
  access: "zone_reader",
  params: Id,
  success: { status: 200, schema: ProjectReports },
  errors: [401, 404],
})

/** PUT /v1/projects/{id}/reports/{week} */
export const submitWeeklyReport = endpoint({
  id: "submitWeeklyReport",
  method: "put",
  path: "/v1/projects/{id}/reports/{week}",
  tag: "projects",
  summary: { zh: "报送或更正一周的项目周报", en: "File or correct one week's report of a project" },
  access: "zone_writer",
  params: Schema.Struct({ id: Schema.String, week: IsoWeek }),
  body: WeeklyReport,
  success: { status: 200, schema: StoredWeeklyReport },
  errors: [401, 403, 404, 422],
})

/** GET /v1/supervision */
export const supervision = endpoint({
  id: "supervision",
  method: "get",
  path: "/v1/supervision",
  tag: "projects",
  summary: {
    zh: "督导视图：一周的周报、停滞项目、待部门解决的问题、周例会议程",
    en: "Supervision: a week's reports, stalled projects, problems waiting on departments, the meeting's agenda",
  },
  access: "zone_reader",
  query: Schema.Struct({
    /** One zone (a submitter must name one of its own); default every zone. */
    cluster: Schema.optional(Schema.String),
    /** Default: the last complete week. */
    week: Schema.optional(IsoWeek),
  }),
  success: { status: 200, schema: SupervisionView },
  errors: [401, 403, 422],
})

/** GET /v1/project-findings */
export const projectFindings = endpoint({
  id: "projectFindings",
  method: "get",
  path: "/v1/project-findings",
  tag: "projects",
  summary: {
    zh: "自动发现：两年无实质进展（土地收回）、半年无新开工、闲置土地厂房、违反合同强度",
    en: "Findings: two-year review, half year without starts, idle land and plants, contract intensity",
  },
  access: "zone_reader",
  query: Schema.Struct({
    cluster: Schema.optional(Schema.String),
    /** Default: today (Beijing time). */
    asOf: Schema.optional(IsoDate),
    /** Default: the last complete half year. */
    half: Schema.optional(HalfYear),
  }),
  success: { status: 200, schema: ProjectFindings },
  errors: [401, 403, 422],
})

/** GET /v1/derived-indicators */
export const derivedIndicators = endpoint({
  id: "derivedIndicators",
  method: "get",
  path: "/v1/derived-indicators",
  tag: "projects",
  summary: { zh: "由项目库推算的指标及与填报值的比较", en: "Indicators derived from projects, beside the submitted values" },
  access: "zone_reader",
  query: Schema.Struct({ period: Period, cluster: Schema.optional(Schema.String) }),
  success: { status: 200, schema: DerivedIndicatorsDocument },
  errors: [401, 403, 422],
})

/** POST /v1/projects/import */
export const importProjects = endpoint({
  id: "importProjects",
  method: "post",
  path: "/v1/projects/import",
  tag: "projects",
  summary: { zh: "导入项目表（CSV/XLSX，请求体为文件内容）；全部有效才写入", en: "Import a table of projects (CSV/XLSX body); all rows or none" },
  access: "zone_writer",
  query: Schema.Struct({ fileName: ImportFileName }),
  body: fileBody,
  success: { status: 201, schema: RegisterImportReceipt },
  errors: [400, 401, 403, 413, 415, 422],
})

/** POST /v1/weekly-reports/import */
export const importWeeklyReports = endpoint({
  id: "importWeeklyReports",
  method: "post",
  path: "/v1/weekly-reports/import",
  tag: "projects",
  summary: { zh: "导入项目周报表（CSV/XLSX）；全部有效才写入", en: "Import a table of weekly reports (CSV/XLSX body); all rows or none" },
  access: "zone_writer",
  query: Schema.Struct({ fileName: ImportFileName }),
  body: fileBody,
  success: { status: 201, schema: RegisterImportReceipt },
  errors: [400, 401, 403, 413, 415, 422],
})

/** GET /v1/clusters/{id}/areas */
export const zoneAreas = endpoint({
  id: "zoneAreas",
  method: "get",
  path: "/v1/clusters/{id}/areas",
  tag: "projects",
  summary: { zh: "集聚区的片区及其准入条件（各条注明出处）", en: "A zone's sub-areas and their admission rules, each with its source" },
  access: "signed_in",
  params: Id,
  success: { status: 200, schema: ZoneAreaList },
  errors: [401, 404],
})

/** PUT /v1/clusters/{id}/areas/{code} */
export const saveZoneArea = endpoint({
  id: "saveZoneArea",
  method: "put",
  path: "/v1/clusters/{id}/areas/{code}",
  tag: "projects",
  summary: { zh: "新增或修改片区及其准入条件", en: "Add or replace a sub-area and its admission rules" },
  access: "admin",
  params: Schema.Struct({ id: Schema.String, code: Schema.String }),
  body: ZoneArea,
  success: { status: 200, schema: StoredZoneArea },
  errors: [401, 403, 404, 422],
})

/** GET /v1/firms */
export const listFirms = endpoint({
  id: "listFirms",
  method: "get",
  path: "/v1/firms",
  tag: "projects",
  summary: { zh: "企业名录（龙/鹰企业、500强）", en: "The enterprise register (dragon/eagle firms, 500强)" },
  access: "signed_in",
  query: Schema.Struct({ cluster: Schema.optional(Schema.String) }),
  success: { status: 200, schema: FirmList },
  errors: [401, 422],
})

/** POST /v1/firms */
export const createFirm = endpoint({
  id: "createFirm",
  method: "post",
  path: "/v1/firms",
  tag: "projects",
  summary: { zh: "企业名录新增企业", en: "Add a firm to the enterprise register" },
  access: "admin",
  body: Firm,
  success: { status: 201, schema: StoredFirm },
  errors: [401, 403, 404, 409, 422],
})

/** PUT /v1/firms/{id}/lists */
export const setFirmLists = endpoint({
  id: "setFirmLists",
  method: "put",
  path: "/v1/firms/{id}/lists",
  tag: "projects",
  summary: { zh: "设置企业的“龙鹰”名单（年度、条件、出处）", en: "Set a firm's dragon/eagle list memberships (year, criteria, source)" },
  access: "admin",
  params: Id,
  body: FirmLists,
  success: { status: 200, schema: StoredFirm },
  errors: [401, 403, 404, 422],
})
