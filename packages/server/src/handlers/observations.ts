import { clusterSeries, correctPeriod, importObservationFile, queryObservations, submitPeriod } from "@jiju/app"
import type { observationsApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { type Handlers, reply } from "../http/bind.js"

/** Observations: a zone's submissions and corrections, its series, queries across zones, file imports. */
export const observationsHandlers: Handlers<typeof observationsApi> = {
  submitPeriod: ({ params, body }, { caller }) => submitPeriod(caller, params.id, body),
  correctPeriod: ({ params, body }, { caller }) => correctPeriod(caller, params.id, params.period, body),
  clusterSeries: ({ params, query }, { caller }) => clusterSeries(caller, params.id, query),
  queryObservations: ({ query }, { caller }) => queryObservations(caller, query),
  importObservations: ({ query, body }, { caller }) =>
    Effect.map(importObservationFile(caller, { bytes: body, fileName: query.fileName, format: query.format }), (r) =>
      reply(r, { status: 201, headers: { Location: `/v1/audit?entity=import&id=${r.importId}` } }),
    ),
}
