import {
  type Assessed,
  assess,
  assessEachKind,
  eachKindReport,
  kindSchemes,
  listSchemes,
  previewAssessment,
  publishAssessment,
  type ReportFile,
  type RunReportRequest,
  rankingsOf,
  runReportFile,
  storedReport,
  storedResult,
  zoneHistory,
  zoneResult,
} from "@jiju/app"
import { type AssessmentReport, type AssessmentResult, type KindRunSummary, RankingsDocument } from "@jiju/domain/assessment"
import { type assessmentsApi, wireDocument } from "@jiju/domain/contract"
import { inputError } from "@jiju/domain/model"
import * as Effect from "effect/Effect"
import { type Handlers, reply } from "../http/bind.js"

const utf8 = new TextEncoder()

// A stored run changes only by being published, so its encoded rankings are kept by run, state and group: encoding
// 30 KB of Chinese text on every read would cost more than the rest of the request.
const rankingBytes = new Map<string, Uint8Array>()

interface ReportQuery {
  readonly lang?: "zh" | "en" | undefined
  readonly targets?: RunReportRequest["targets"]
  readonly issuer?: string | undefined
  readonly date?: string | undefined
  readonly yellowCards?: string | undefined
}

const reportRequest = (id: string, format: RunReportRequest["format"], q: ReportQuery, lang: "zh" | "en", cluster?: string): RunReportRequest => ({
  run: { id },
  format,
  lang: q.lang ?? lang,
  cluster,
  targets: q.targets,
  issuer: q.issuer,
  date: q.date,
  yellowCards: q.yellowCards
    ?.split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "")
    .map((clusterId) => ({ clusterId })),
})

// A document is sent as a download; a draft is never kept by a shared cache.
const download = (f: ReportFile) =>
  reply(undefined, {
    bytes: f.bytes,
    contentType: f.contentType,
    headers: {
      "Content-Disposition": `attachment; filename="${f.fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      "Cache-Control": f.draft ? "private, no-store" : "private, max-age=60",
    },
  })

/** Assessments: runs, previews, publication, results, rankings and histories. */
export const assessmentsHandlers: Handlers<typeof assessmentsApi> = {
  listSchemes: (_, { caller }) => listSchemes(caller),
  kindSchemes: (_, { caller }) => kindSchemes(caller),
  runAssessment: ({ body }, { caller }) => {
    const common = {
      period: body.period,
      publish: body.publish,
      confirmDefaults: body.confirmDefaults,
      ...(body.stability ? { stability: body.stability } : {}),
    }
    const made = (run: NonNullable<Assessed["run"]>, result: AssessmentResult, report: AssessmentReport, runs?: ReadonlyArray<KindRunSummary>) =>
      reply(
        { id: run.id, scheme: run.scheme, period: run.period, published: run.published, result, report, ...(runs ? { runs } : {}) },
        {
          status: 201,
          headers: { Location: `/v1/assessments/report?scheme=${encodeURIComponent(run.scheme)}&period=${encodeURIComponent(run.period)}` },
        },
      )
    // Without a scheme: every kind with its own scheme, the industrial kind's run answering with all of them in `runs`.
    if (body.scheme === undefined && body.kind === undefined)
      return Effect.map(assessEachKind(caller, common), (all) => {
        const { head, report } = eachKindReport(all)
        return made(head.run!, head.result, report, all.runs)
      })
    const scheme = body.scheme !== undefined ? { id: body.scheme } : { ofKind: body.kind! }
    // A kind's zones on another scheme are a partial ranking, shown and not stored: the answer needs a stored run.
    return Effect.flatMap(assess(caller, { ...common, scheme, kind: body.kind }), ({ run, result, report }) =>
      run
        ? Effect.succeed(made(run, result, report))
        : Effect.fail(
            inputError(
              "not_stored",
              "a run of one kind on a scheme other than the kind's own is not stored: leave out scheme, or kind",
              "按非本类方案对单一类型集聚区的考核不保存：请去掉 scheme 或 kind",
              { column: "kind", value: body.kind },
            ),
          ),
    )
  },
  previewAssessment: ({ query }, { caller }) => previewAssessment(caller, { scheme: { id: query.scheme }, period: query.period, kind: query.kind }),
  publishAssessment: ({ params, query }, { caller }) =>
    Effect.map(publishAssessment(caller, params.id, { confirmDefaults: query.confirmDefaults === "true" }), () => reply(undefined, { status: 204 })),
  assessmentResult: ({ query }, { caller }) => storedResult(caller, query),
  assessmentReport: ({ query }, { caller }) => storedReport(caller, query),
  rankings: ({ query }, { caller }) =>
    Effect.map(rankingsOf(caller, query), (doc) => {
      const key = `${doc.id}|${doc.published}|${query.group ?? ""}`
      let bytes = rankingBytes.get(key)
      if (bytes === undefined) {
        bytes = utf8.encode(JSON.stringify(wireDocument(RankingsDocument, doc)))
        if (rankingBytes.size > 64) rankingBytes.clear()
        rankingBytes.set(key, bytes)
      }
      return reply(doc, { bytes, headers: { "Cache-Control": doc.published ? "public, max-age=5" : "private, max-age=5" } })
    }),
  clusterAssessment: ({ params, query }, { caller }) => zoneResult(caller, params.id, query),
  clusterAssessmentHistory: ({ params, query }, { caller }) => zoneHistory(caller, params.id, query),
  runReportXlsx: ({ params, query }, { caller, lang }) => Effect.map(runReportFile(caller, reportRequest(params.id, "xlsx", query, lang)), download),
  runReportDocx: ({ params, query }, { caller, lang }) =>
    Effect.map(runReportFile(caller, reportRequest(params.id, "docx", query, lang, query.cluster)), download),
  runReportPdf: ({ params, query }, { caller, lang }) => Effect.map(runReportFile(caller, reportRequest(params.id, "pdf", query, lang)), download),
}
