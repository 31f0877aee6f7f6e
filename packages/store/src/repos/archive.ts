import type { Db } from "../db/Db.js"
import { isoTime } from "./audit.js"

/** Register tables whose entries are archived by a timestamp (clusters keep theirs with a version: see clusterRepo). */
export type ArchivableTable = "regions" | "indicators"

/** The archive state of one register table's entries, by code. */
export interface ArchiveState {
  /** When the entry was archived, null when it is not, undefined when there is no such entry. */
  archivedAt(code: string): Promise<string | null | undefined>
  /** Every archived entry: code → when. */
  archived(): Promise<ReadonlyMap<string, string>>
  /** Archive (true) or bring back (false); returns the new state, undefined when there is no such entry. */
  set(code: string, archived: boolean): Promise<string | null | undefined>
}

/**
 * Archive flags of regions or indicators. Archiving keeps the entry (observations and clusters that refer
 * to it stay valid); lists and submissions decide what an archived entry means for them.
 * @example await archiveState(store.db, "indicators").set("patents_granted", true)
 */
export const archiveState = (db: Db, table: ArchivableTable): ArchiveState => {
  const at = (v: unknown): string | null => (v == null ? null : isoTime(v))
  return {
    archivedAt: async (code) => {
      const [row] = await db.query<{ archived_at: unknown }>(`select archived_at from ${table} where code = $1`, [code])
      return row ? at(row.archived_at) : undefined
    },
    archived: async () =>
      new Map(
        (await db.query<{ code: string; archived_at: unknown }>(`select code, archived_at from ${table} where archived_at is not null`)).map((r) => [
          r.code,
          at(r.archived_at)!,
        ]),
      ),
    set: async (code, archived) => {
      // Archiving an archived entry keeps its first date.
      const [row] = await db.query<{ archived_at: unknown }>(
        `update ${table} set archived_at = ${archived ? "coalesce(archived_at, now())" : "null"} where code = $1 returning archived_at`,
        [code],
      )
      return row ? at(row.archived_at) : undefined
    },
  }
}
