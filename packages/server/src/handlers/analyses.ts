import { enqueueAnalysis, getJob, listAnalyses, runAnalysis } from "@jiju/app"
import type { analysesApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { type Handlers, reply } from "../http/bind.js"

const queue = (name: string) => (body: unknown, caller: Parameters<typeof enqueueAnalysis>[0]) =>
  Effect.map(enqueueAnalysis(caller, name, body), (job) => reply(job, { status: 202, headers: { Location: `/v1/jobs/${job.id}` } }))

// The pool answers the analysis's document (a JSON object) across a thread boundary.
const now = (name: string) => (body: unknown, caller: Parameters<typeof runAnalysis>[0]) =>
  Effect.map(runAnalysis(caller, name, body), (doc) => doc as Readonly<Record<string, unknown>>)

/** Analyses answered at once (in worker threads) or queued as jobs, and the jobs' states. */
export const analysesHandlers: Handlers<typeof analysesApi> = {
  listAnalyses: (_, { caller }) => listAnalyses(caller),
  analyseCoupling: ({ body }, { caller }) => now("coupling")(body, caller),
  analyseWeights: ({ body }, { caller }) => now("weights")(body, caller),
  analyseMoran: ({ body }, { caller }) => now("moran")(body, caller),
  analyseLisa: ({ body }, { caller }) => now("lisa")(body, caller),
  analyseRegress: ({ body }, { caller }) => now("regress")(body, caller),
  analysePanel: ({ body }, { caller }) => now("panel")(body, caller),
  analyseConcentration: ({ body }, { caller }) => now("concentration")(body, caller),
  analyseGeary: ({ body }, { caller }) => now("geary")(body, caller),
  analyseHotspots: ({ body }, { caller }) => now("hotspots")(body, caller),
  analyseGwr: ({ body }, { caller }) => now("gwr")(body, caller),
  analyseThreshold: ({ body }, { caller }) => now("threshold")(body, caller),
  analyseDisparity: ({ body }, { caller }) => now("disparity")(body, caller),
  analyseDensity: ({ body }, { caller }) => now("density")(body, caller),
  analyseMarkov: ({ body }, { caller }) => now("markov")(body, caller),
  queueCoupling: ({ body }, { caller }) => queue("coupling")(body, caller),
  queueWeights: ({ body }, { caller }) => queue("weights")(body, caller),
  queueMoran: ({ body }, { caller }) => queue("moran")(body, caller),
  queueLisa: ({ body }, { caller }) => queue("lisa")(body, caller),
  queueRegress: ({ body }, { caller }) => queue("regress")(body, caller),
  queuePanel: ({ body }, { caller }) => queue("panel")(body, caller),
  queueConcentration: ({ body }, { caller }) => queue("concentration")(body, caller),
  queueGeary: ({ body }, { caller }) => queue("geary")(body, caller),
  queueHotspots: ({ body }, { caller }) => queue("hotspots")(body, caller),
  queueGwr: ({ body }, { caller }) => queue("gwr")(body, caller),
  queueThreshold: ({ body }, { caller }) => queue("threshold")(body, caller),
  queueDisparity: ({ body }, { caller }) => queue("disparity")(body, caller),
  queueDensity: ({ body }, { caller }) => queue("density")(body, caller),
  queueMarkov: ({ body }, { caller }) => queue("markov")(body, caller),
  getJob: ({ params }, { caller }) =>
    Effect.map(getJob(caller, params.id), (job) =>
      job.status === "queued" || job.status === "running" ? reply(job, { headers: { "Retry-After": "1" } }) : job,
    ),
}
