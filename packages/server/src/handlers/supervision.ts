import { decideSupervision, reportSupervision, revokeSupervision, supervisionCandidateLists, supervisionDecisions } from "@jiju/app"
import type { supervisionApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { type Handlers, reply } from "../http/bind.js"

/** 篇8's supervision: each answers what `jiju supervision … --json` prints for the same store. */
export const supervisionHandlers: Handlers<typeof supervisionApi> = {
  supervisionCandidates: ({ query }, { caller }) => supervisionCandidateLists(caller, query),
  supervisionDecisions: ({ query }, { caller }) =>
    supervisionDecisions(caller, { period: query.period, cluster: query.cluster, revoked: query.revoked === "true" }),
  decideSupervision: ({ body }, { caller }) => Effect.map(decideSupervision(caller, body), (doc) => reply(doc, { status: 201 })),
  reportSupervision: ({ params, body }, { caller }) => reportSupervision(caller, params.id, body),
  revokeSupervision: ({ params }, { caller }) => revokeSupervision(caller, params.id),
}
