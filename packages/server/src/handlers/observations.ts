import { clusterSeries, correctPeriod, importObservationFile, queryObservations, submitPeriod, wasReplayed } from "@jiju/app"
import type { observationsApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { type Handlers, reply } from "../http/bind.js"
import { idempotencyKeyOf } from "../http/idempotencyKey.js"

// A retried write answered from its key says so; the answer is otherwise the first one's.
const replayed = (answer: unknown): Record<string, string> => (wasReplayed(answer) ? { "Idempotent-Replayed": "true" } : {})

/** Observations: a zone's submissions and corrections, its series, queries across zones, file imports. */
export const observationsHandlers: Handlers<typeof observationsApi> = {
  submitPeriod: ({ params, body }, { caller, hono }) =>
    Effect.map(submitPeriod(caller, params.id, body, idempotencyKeyOf(hono)), (r) => reply(r, { status: 201, headers: replayed(r) })),
  correctPeriod: ({ params, body }, { caller, hono }) =>
    Effect.map(correctPeriod(caller, params.id, params.period, body, idempotencyKeyOf(hono)), (r) => reply(r, { headers: replayed(r) })),
  clusterSeries: ({ params, query }, { caller }) => clusterSeries(caller, params.id, query),
  queryObservations: ({ query }, { caller }) => queryObservations(caller, query),
  importObservations: ({ query, body }, { caller, hono }) =>
    Effect.map(importObservationFile(caller, { bytes: body, fileName: query.fileName, format: query.format }, idempotencyKeyOf(hono)), (r) =>
      reply(r, { status: 201, headers: { Location: `/v1/audit?entity=import&id=${r.importId}`, ...replayed(r) } }),
    ),
}
