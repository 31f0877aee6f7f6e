import { assess, listSchemes, previewAssessment, publishAssessment, rankingsOf, storedReport, storedResult, zoneHistory, zoneResult } from "@jiju/app"
import { RankingsDocument } from "@jiju/domain/assessment"
import { type assessmentsApi, wireDocument } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { type Handlers, reply } from "../http/bind.js"

const utf8 = new TextEncoder()

// A stored run changes only by being published, so its encoded rankings are kept by run, state and group: encoding
// 30 KB of Chinese text on every read would cost more than the rest of the request.
const rankingBytes = new Map<string, Uint8Array>()

/** Assessments: runs, previews, publication, results, rankings and histories. */
export const assessmentsHandlers: Handlers<typeof assessmentsApi> = {
  listSchemes: (_, { caller }) => listSchemes(caller),
  runAssessment: ({ body }, { caller }) =>
    Effect.map(
      assess(caller, {
        scheme: { id: body.scheme },
        period: body.period,
        publish: body.publish,
        ...(body.stability ? { stability: body.stability } : {}),
      }),
      ({ run, result, report }) =>
        reply(
          { id: run!.id, scheme: run!.scheme, period: run!.period, published: run!.published, result, report },
          {
            status: 201,
            headers: { Location: `/v1/assessments/report?scheme=${encodeURIComponent(run!.scheme)}&period=${encodeURIComponent(run!.period)}` },
          },
        ),
    ),
  previewAssessment: ({ query }, { caller }) => previewAssessment(caller, { scheme: { id: query.scheme }, period: query.period, kind: query.kind }),
  publishAssessment: ({ params }, { caller }) => Effect.map(publishAssessment(caller, params.id), () => reply(undefined, { status: 204 })),
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
}
