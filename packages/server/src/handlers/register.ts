import {
  archiveCluster,
  archiveIndicator,
  archiveRegion,
  clusterHistory,
  createCluster,
  createIndicator,
  createRegion,
  etagOf,
  getCluster,
  getIndicator,
  getRegion,
  listClusters,
  listIndicators,
  listRegions,
  replaceCluster,
  replaceIndicator,
  replaceRegion,
} from "@jiju/app"
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
  listIndicators: ({ query }, { caller }) => listIndicators(caller, query),
  getIndicator: ({ params }, { caller }) => Effect.map(getIndicator(caller, params.code), (i) => withEtag(i)),
  createIndicator: ({ body }, { caller }) =>
    Effect.map(createIndicator(caller, body), (i) => reply(i, { status: 201, headers: { ETag: etagOf(i), Location: `/v1/indicators/${i.code}` } })),
  replaceIndicator: ({ params, body }, { caller, ifMatch }) => Effect.map(replaceIndicator(caller, params.code, body, ifMatch), (i) => withEtag(i)),
  archiveIndicator: ({ params }, { caller, ifMatch }) => Effect.map(archiveIndicator(caller, params.code, true, ifMatch), (i) => withEtag(i)),
  unarchiveIndicator: ({ params }, { caller, ifMatch }) => Effect.map(archiveIndicator(caller, params.code, false, ifMatch), (i) => withEtag(i)),
  listClusters: ({ query }, { caller }) => listClusters(caller, query),
  getCluster: ({ params }, { caller }) => Effect.map(getCluster(caller, params.id), (c) => withEtag(c)),
  clusterHistory: ({ params }, { caller }) => clusterHistory(caller, params.id),
  createCluster: ({ body }, { caller }) =>
    Effect.map(createCluster(caller, body), (c) => reply(c, { status: 201, headers: { ETag: etagOf(c), Location: `/v1/clusters/${c.id}` } })),
  replaceCluster: ({ params, body }, { caller, ifMatch }) => Effect.map(replaceCluster(caller, params.id, body, ifMatch), (c) => withEtag(c)),
  archiveCluster: ({ params }, { caller, ifMatch }) => Effect.map(archiveCluster(caller, params.id, true, ifMatch), (c) => withEtag(c)),
  unarchiveCluster: ({ params }, { caller, ifMatch }) => Effect.map(archiveCluster(caller, params.id, false, ifMatch), (c) => withEtag(c)),
}
