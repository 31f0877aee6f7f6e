/**
 * The documents a commission sends out about a stored run: the workbook (.xlsx), the 通报 bulletin (.docx) and a
 * zone's 体检报告 (.docx). Read with the rules of reading the run: published runs by signed-in callers (anyone
 * when results are public), drafts by those who may read drafts — and every draft document says 未发布.
 */
import {
  type BuiltInTargetSet,
  badOption,
  builtInSchemes,
  builtInTargetSets,
  type CertifiedZone,
  certificationDocument,
  type DiagnosedZone,
  defaultsStatement,
  diagnosisDocument,
  type RunReport,
  resolveTargetSet,
  runReport,
  targetsDocument,
  targetsPeriodRange,
  unconfirmedDefaults,
  type YellowCard,
} from "@jiju/domain/assessment"
import type { Bilingual, ClusterKind, Language } from "@jiju/domain/model"
import { AssessmentRuns, AssessmentSchemes, type StoredRun } from "@jiju/store"
import * as Effect from "effect/Effect"
import { type Caller, mayReadDrafts, requireResultsReader } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { attempt } from "../Attempt.js"
import { loadAssessmentData, storeSource } from "../assessments/AssessmentSource.js"
import { LatestRuns } from "../assessments/LatestRuns.js"
import { notFound, Unavailable } from "../Failure.js"
import { reportCharts } from "./ReportCharts.js"
import { bulletinHtml } from "./ReportHtml.js"
import { chromiumMissing, printPdf } from "./ReportPdf.js"

// The writers load with their first document: the workbook and Word libraries are most of the core's code, and the
// dashboard and the API's other routes start without them.
const write = <A>(f: (writers: typeof import("./writers.js")) => Promise<A>) => Effect.promise(() => import("./writers.js").then(f))

/** The file formats of a run's documents. */
export type ReportFormat = "xlsx" | "docx" | "pdf"

/** Which run, and what to write of it. */
export interface RunReportRequest {
  /** A run by id, the latest run of a scheme and period, or of the scheme a kind of zone is assessed with. */
  readonly run: { readonly id: string } | { readonly scheme: string; readonly period: string } | { readonly kind: ClusterKind; readonly period: string }
  readonly format: ReportFormat
  /** Headers and text: Chinese (default) or English. */
  readonly lang?: Language | undefined
  /** docx only: this zone's 体检报告 instead of the bulletin (a PDF is of the bulletin). */
  readonly cluster?: string | undefined
  /** A built-in target set to track in the period (admins and viewers, as the targets themselves). */
  readonly targets?: BuiltInTargetSet | undefined
  /** The issuing body; default the deployment's (JIJU_REPORT_ISSUER). */
  readonly issuer?: string | undefined
  /** The date of issue (YYYY-MM-DD); default today by the deployment's clock. */
  readonly date?: string | undefined
  /** Yellow cards the commission gave (黄牌警告), recorded in the documents. */
  readonly yellowCards?: ReadonlyArray<YellowCard> | undefined
}

/** A document written: its bytes, media type and a file name. */
export interface ReportFile {
  readonly bytes: Uint8Array
  readonly contentType: string
  readonly fileName: string
  /** Written from an unpublished run (marked 未发布). */
  readonly draft: boolean
}

const MEDIA: Record<ReportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

// The options a person types are checked once, here, for the command line and the API alike.
const checkRequest = (req: RunReportRequest): void => {
  if (req.format === "pdf" && req.cluster !== undefined)
    throw badOption("cluster", req.cluster, {
      en: "absent with the PDF, which is the bulletin (write a zone's check-up as .docx)",
      zh: "不指定（PDF 为通报；集聚区体检报告请生成 .docx）",
    })
  if (req.date !== undefined && !DATE.test(req.date)) throw badOption("date", req.date, { en: "a date YYYY-MM-DD", zh: "形如 2026-01-15 的日期" })
  if (req.issuer !== undefined && (req.issuer.trim() === "" || req.issuer.length > 200))
    throw badOption("issuer", req.issuer, { en: "the issuing body's name, 1 to 200 characters", zh: "发文机关名称（1 至 200 字）" })
  if (req.targets !== undefined && !(builtInTargetSets as ReadonlyArray<string>).includes(req.targets))
    throw badOption("targets", req.targets, { en: builtInTargetSets.join(", "), zh: builtInTargetSets.join("、") })
}

/** The zone a request is about alone: a zone's 体检报告; the workbook and the bulletin are about every zone. */
const zoneScope = (req: RunReportRequest) => (req.format === "docx" ? req.cluster : undefined)

const readableRun = (caller: Caller, req: RunReportRequest) =>
  Effect.gen(function* () {
    yield* requireResultsReader(caller, (yield* AppConfig).publicResults)
    const asked = req.run
    const ref = "kind" in asked ? { scheme: (yield* AppConfig).kindSchemes[asked.kind], period: asked.period, kind: asked.kind } : asked
    const run: StoredRun | undefined =
      "id" in ref ? yield* AssessmentRuns.get(ref.id) : yield* (yield* LatestRuns).get(ref.scheme, ref.period, "kind" in ref ? ref.kind : undefined)
    const what = "id" in ref ? ref.id : `${ref.scheme} ${ref.period}`
    // A draft the caller may not read is answered as if it did not exist; a submitter may read a draft only
    // through its own zone's 体检报告, never the whole ranking.
    if (!run || (!run.published && !mayReadDrafts(caller, zoneScope(req)))) return yield* Effect.fail(notFound("assessment", what))
    return run
  })

// What the documents say of the run's scheme's Jiju defaults: confirmed (by whom, when) or not.
const runDefaults = (run: StoredRun) =>
  Effect.gen(function* () {
    const scheme = builtInSchemes[run.scheme] ?? (yield* AssessmentSchemes.get(run.scheme))?.definition
    return defaultsStatement(scheme ? unconfirmedDefaults(scheme) : [], run.provenance?.confirmation ?? null)
  })

/**
 * The report of a stored run with the judgements of its period, as the caller may read them: certification and
 * diagnosis for signed-in callers (a submitter only about its own zone, named), targets for admins and viewers.
 * The judgements read the current data of the run's period.
 * @example const report = yield* storedRunReport(caller, { run: { id: "run_1" }, format: "xlsx" })
 */
export const storedRunReport = (caller: Caller, req: RunReportRequest) =>
  Effect.gen(function* () {
    yield* attempt(() => checkRequest(req))
    const run = yield* readableRun(caller, req)
    const config = yield* AppConfig
    const scope = zoneScope(req)
    const own = caller?.role === "submitter" ? scope !== undefined && caller.clusterIds.includes(scope) : caller !== undefined
    const period = run.period
    const data = own ? yield* loadAssessmentData(storeSource, { from: period, to: period }) : undefined
    const only = <R, T extends { readonly results: ReadonlyArray<R> }>(doc: T, id: (r: R) => string): T =>
      caller?.role === "submitter" ? { ...doc, results: doc.results.filter((r) => id(r) === scope) } : doc
    const notes: Bilingual[] = []
    const judged = <A>(what: Bilingual, f: () => A) =>
      Effect.orElseSucceed(attempt(f), () => {
        notes.push({ zh: `${what.zh}：本期数据无法判断，未附`, en: `${what.en}: not computable from the period's data, left out` })
        return null
      })
    if (!own)
      notes.push({
        zh: "认定与诊断仅对已登录用户提供（填报员仅限本集聚区体检报告），未附",
        en: "certification and diagnosis are for signed-in readers (a submitter: its own zone's check-up only); left out",
      })
    const certification =
      data !== undefined
        ? yield* judged({ zh: "认定", en: "certification" }, () => only(certificationDocument(data, { period }), (r: CertifiedZone) => r.id))
        : null
    const diagnosis =
      data !== undefined
        ? yield* judged({ zh: "诊断", en: "diagnosis" }, () => only(diagnosisDocument(data, { period }), (r: DiagnosedZone) => r.clusterId))
        : null
    const mayTrack = caller !== undefined && (caller.role === "admin" || caller.role === "viewer")
    if (req.targets !== undefined && !mayTrack)
      notes.push({ zh: "目标跟踪仅对管理员与查看者提供，未附", en: "target tracking is for admins and viewers; left out" })
    const targets =
      req.targets !== undefined && mayTrack
        ? yield* Effect.orElseSucceed(
            Effect.gen(function* () {
              const q = { set: req.targets!, period }
              const range = yield* attempt(() => targetsPeriodRange(resolveTargetSet(q).set, period))
              const d = yield* loadAssessmentData(storeSource, range)
              return yield* attempt(() => targetsDocument(d, q))
            }),
            () => {
              notes.push({ zh: "目标跟踪：本期数据无法计算，未附", en: "target tracking: not computable from the period's data, left out" })
              return null
            },
          )
        : null
    // Positions move against the compared run only when the caller may read that run too.
    const comparedRun = run.result.previousPeriod ? yield* AssessmentRuns.latest(run.scheme, run.result.previousPeriod) : undefined
    const compared = comparedRun && (comparedRun.published || mayReadDrafts(caller, scope)) ? comparedRun.result : null
    return runReport({
      run: { id: run.id, scheme: run.scheme, period: run.period, published: run.published, createdAt: run.createdAt },
      result: run.result,
      compared,
      certification,
      diagnosis,
      targets,
      issuer: req.issuer ?? config.reportIssuer,
      date: req.date ?? config.now().toISOString().slice(0, 10),
      yellowCards: req.yellowCards,
      notes,
      defaults: yield* runDefaults(run),
    }) satisfies RunReport
  })

/**
 * A stored run's document: the workbook (xlsx), the bulletin (docx; pdf, printed by Chromium from its HTML twin)
 * or, with `cluster`, that zone's 体检报告 (docx). NotFound for a run the caller may not read, or a zone the run
 * lacks; Unavailable "chromium_missing" for a PDF without a Chromium to print it.
 * @example const { bytes, fileName } = yield* runReportFile(caller, { run: { scheme: "henan-2017", period: "2025" }, format: "docx" })
 */
export const runReportFile = (caller: Caller, req: RunReportRequest) =>
  Effect.gen(function* () {
    const report = yield* storedRunReport(caller, req)
    const config = yield* AppConfig
    const lang = req.lang ?? "zh"
    const stem = `${report.run.scheme}-${report.period}${report.draft ? "-draft" : ""}`
    if (req.format === "xlsx") {
      const bytes = yield* write((w) => w.reportWorkbook(report, lang))
      return { bytes, contentType: MEDIA.xlsx, fileName: `${stem}.xlsx`, draft: report.draft } satisfies ReportFile
    }
    if (req.format === "pdf") {
      const html = bulletinHtml(report, lang, yield* Effect.promise(() => reportCharts(report, lang)))
      const bytes = yield* Effect.tryPromise({
        try: () => printPdf(html, config.chromium),
        catch: (e) => (e instanceof Unavailable ? e : chromiumMissing(config.chromium, String(e))),
      })
      return { bytes, contentType: MEDIA.pdf, fileName: `${stem}.pdf`, draft: report.draft } satisfies ReportFile
    }
    if (req.cluster !== undefined) {
      const cluster = req.cluster
      const bytes = yield* write((w) => w.zoneCheckup(report, cluster, lang))
      if (!bytes) return yield* Effect.fail(notFound("cluster", cluster))
      return { bytes, contentType: MEDIA.docx, fileName: `${stem}-${cluster}.docx`, draft: report.draft } satisfies ReportFile
    }
    const bytes = yield* write((w) => w.reportBulletin(report, lang))
    return { bytes, contentType: MEDIA.docx, fileName: `${stem}.docx`, draft: report.draft } satisfies ReportFile
  })
