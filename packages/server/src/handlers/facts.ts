import { allZoneFacts, decideFactProposal, factCatalogueOf, factProposals, importZoneFacts, recordZoneFacts, zoneFactsOf } from "@jiju/app"
import type { factsApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { type Handlers, reply } from "../http/bind.js"

/** Zone facts: each answers what `jiju facts … --json` prints for the same store. */
export const factsHandlers: Handlers<typeof factsApi> = {
  factCatalogue: (_, { caller }) => factCatalogueOf(caller),
  allZoneFacts: ({ query }, { caller }) => allZoneFacts(caller, query),
  zoneFacts: ({ params, query }, { caller }) => zoneFactsOf(caller, params.id, query),
  recordZoneFacts: ({ params, body }, { caller }) => Effect.map(recordZoneFacts(caller, params.id, body.facts), (doc) => reply(doc, { status: 201 })),
  factProposals: ({ query }, { caller }) => factProposals(caller, query),
  decideFactProposal: ({ params, body }, { caller }) => decideFactProposal(caller, params.id, body),
  importZoneFacts: ({ query, body }, { caller }) =>
    Effect.map(importZoneFacts(caller, { bytes: body, fileName: query.fileName }), (doc) => reply(doc, { status: 201 })),
}
