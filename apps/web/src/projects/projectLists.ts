import type { CallOf, JijuApi } from "@jiju/domain/contract"
import type { JijuClient } from "../api/client.js"
import type { Answer } from "../api/wire.js"

/** A project as the list answers it. */
export type ProjectWire = Answer<"getProject">
type ProjectQuery = Omit<NonNullable<CallOf<JijuApi["listProjects"]>["query"]>, "cursor" | "limit">

/**
 * Every project matching `query`, page by page (the map pins need them all, not one page).
 * @example const stalled = await listAllProjects(api, { status: "stalled" })
 */
export const listAllProjects = async (api: JijuClient, query: ProjectQuery = {}): Promise<ProjectWire[]> => {
  const all: ProjectWire[] = []
  let cursor: string | null = null
  do {
    const { data }: { data: { items: ReadonlyArray<ProjectWire>; next_cursor: string | null } } = await api.listProjects({
      query: { ...query, limit: "500", ...(cursor ? { cursor } : {}) },
    })
    all.push(...data.items)
    cursor = data.next_cursor
  } while (cursor)
  return all
}
