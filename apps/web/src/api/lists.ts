import type { CallOf, JijuApi } from "@jiju/domain/contract"
import type { JijuClient } from "./client.js"
import type { ClusterWire, ObservationWire } from "./wire.js"

type ClusterQuery = Omit<NonNullable<CallOf<JijuApi["listClusters"]>["query"]>, "cursor" | "limit">
type ObservationQuery = Omit<NonNullable<CallOf<JijuApi["queryObservations"]>["query"]>, "cursor" | "limit">

/**
 * Every zone of the register matching `query`, page by page.
 * @example const industrial = await listAllClusters(api, { kind: "industrial" })
 */
export const listAllClusters = async (api: JijuClient, query: ClusterQuery = {}): Promise<ClusterWire[]> => {
  const all: ClusterWire[] = []
  let cursor: string | null = null
  do {
    const { data }: { data: { items: ReadonlyArray<ClusterWire>; next_cursor: string | null } } = await api.listClusters({
      query: { ...query, limit: "500", ...(cursor ? { cursor } : {}) },
    })
    all.push(...data.items)
    cursor = data.next_cursor
  } while (cursor)
  return all
}

/**
 * Every observation matching `query`, page by page.
 * @example const rows = await queryAllObservations(api, { indicators: "revenue", from: "2023", to: "2025" })
 */
export const queryAllObservations = async (api: JijuClient, query: ObservationQuery): Promise<ObservationWire[]> => {
  const all: ObservationWire[] = []
  let cursor: string | null = null
  do {
    const { data }: { data: { items: ReadonlyArray<ObservationWire>; next_cursor: string | null } } = await api.queryObservations({
      query: { ...query, limit: "10000", ...(cursor ? { cursor } : {}) },
    })
    all.push(...data.items)
    cursor = data.next_cursor
  } while (cursor)
  return all
}
