import { archiveRegion, createRegion, etagOf, getRegion, listRegions, replaceRegion } from "@jiju/app"
import type { registerApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { type Handlers, reply } from "../http/bind.js"

const withEtag = <A extends { readonly version: number }>(entry: A, extra: Record<string, string> = {}) =>
  reply(entry, { headers: { ETag: etagOf(entry), ...extra } })

/** The register's operations: regions, indicators and zones. */
export const registerHandlers: Handlers<typeof registerApi> = {
  listRegions: ({ query }, { caller }) => listRegions(caller, query),
  getRegion: ({ params }, { caller }) => Effect.map(getRegion(caller, params.code), (r) => withEtag(r)),
  createRegion: ({ body }, { caller }) =>
    Effect.map(createRegion(caller, body), (r) => reply(r, { status: 201, headers: { ETag: etagOf(r), Location: `/v1/regions/${r.code}` } })),
  replaceRegion: ({ params, body }, { caller, ifMatch }) => Effect.map(replaceRegion(caller, params.code, body, ifMatch), (r) => withEtag(r)),
  archiveRegion: ({ params }, { caller, ifMatch }) => Effect.map(archiveRegion(caller, params.code, true, ifMatch), (r) => withEtag(r)),
  unarchiveRegion: ({ params }, { caller, ifMatch }) => Effect.map(archiveRegion(caller, params.code, false, ifMatch), (r) => withEtag(r)),
}
