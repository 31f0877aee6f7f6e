import { decodeOrThrow } from "@jiju/domain/model"
import { StoredZoneArea, type ZoneArea } from "@jiju/domain/projects"
import type { Db, Row } from "../db/Db.js"

/** A zone's sub-areas and their admission rules. Changes are audited by the use cases that make them. */
export interface ZoneAreaRepo {
  /** Every sub-area (of one zone when named), by zone and code. */
  list(cluster?: string): Promise<ReadonlyArray<StoredZoneArea>>
  get(cluster: string, code: string): Promise<StoredZoneArea | undefined>
  /** Read a sub-area with its row locked until the transaction ends. */
  lock(cluster: string, code: string): Promise<StoredZoneArea | undefined>
  /** Add a sub-area (version 1). */
  insert(cluster: string, area: ZoneArea): Promise<StoredZoneArea>
  /** Replace a sub-area's name and rules; the version goes up by one. */
  update(cluster: string, area: ZoneArea): Promise<StoredZoneArea>
  /** Insert stored sub-areas as they are (demo loading, restore). */
  insertMany(areas: ReadonlyArray<StoredZoneArea>): Promise<number>
}

const COLUMNS = "cluster_id, code, name, name_en, rules, version"

/** A database row to a stored sub-area. */
export const zoneAreaFromRow = (r: Row): StoredZoneArea =>
  decodeOrThrow(
    StoredZoneArea,
    { cluster: r.cluster_id, code: r.code, name: r.name, nameEn: r.name_en ?? null, rules: r.rules, version: r.version },
    "zone area",
  )

/** Build the sub-area repository over a database handle. */
export const zoneAreaRepo = (db: Db): ZoneAreaRepo => {
  const get = async (cluster: string, code: string, lock = false) => {
    const [row] = await db.query(`select ${COLUMNS} from zone_areas where cluster_id = $1 and code = $2${lock ? " for update" : ""}`, [cluster, code])
    return row ? zoneAreaFromRow(row) : undefined
  }
  return {
    list: async (cluster) =>
      (
        await db.query(
          `select ${COLUMNS} from zone_areas ${cluster === undefined ? "" : "where cluster_id = $1"} order by cluster_id, code`,
          cluster === undefined ? [] : [cluster],
        )
      ).map(zoneAreaFromRow),
    get: (cluster, code) => get(cluster, code),
    lock: (cluster, code) => get(cluster, code, true),
    insert: async (cluster, a) => {
      await db.query("insert into zone_areas (cluster_id, code, name, name_en, rules) values ($1, $2, $3, $4, $5::jsonb)", [
        cluster,
        a.code,
        a.name,
        a.nameEn,
        JSON.stringify(a.rules),
      ])
      return (await get(cluster, a.code))!
    },
    update: async (cluster, a) => {
      await db.query(
        "update zone_areas set name = $3, name_en = $4, rules = $5::jsonb, version = version + 1, updated_at = now() where cluster_id = $1 and code = $2",
        [cluster, a.code, a.name, a.nameEn, JSON.stringify(a.rules)],
      )
      return (await get(cluster, a.code))!
    },
    insertMany: async (areas) => {
      if (areas.length === 0) return 0
      await db.query(
        `insert into zone_areas (cluster_id, code, name, name_en, rules, version)
         select x.cluster_id, x.code, x.name, x.name_en, x.rules, x.version
           from jsonb_to_recordset($1::jsonb) as x(cluster_id text, code text, name text, name_en text, rules jsonb, version integer)`,
        [JSON.stringify(areas.map((a) => ({ cluster_id: a.cluster, code: a.code, name: a.name, name_en: a.nameEn, rules: a.rules, version: a.version })))],
      )
      return areas.length
    },
  }
}
