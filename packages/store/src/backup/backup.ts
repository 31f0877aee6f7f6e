import { SupervisionDecision, ZoneFactRecord } from "@jiju/domain/assessment"
import { decodeOrThrow, IndicatorDefinition, InputError, Observation, Region, StoredCluster } from "@jiju/domain/model"
import * as Schema from "effect/Schema"
import { clearStore, isEmpty, type Store, storeCounts, storeOn } from "../Store.js"

/** The format tag and version of an export document; restore reads this version and the ones before it. */
export const BACKUP_FORMAT = "jiju-store"
export const BACKUP_VERSION = 2
/** Version 1 exports had no zone facts and no supervision decisions; they restore with none. */
const READABLE_VERSIONS: ReadonlyArray<unknown> = [1, 2]

// A register entry as exported: its fields, and its version and archive state (absent in exports made before
// regions and indicators carried them; they then restore as version 1, not archived).
const exported = <F extends Schema.Struct.Fields>(entry: Schema.Struct<F>) =>
  Schema.Struct({ ...entry.fields, version: Schema.optional(Schema.Int), archivedAt: Schema.optional(Schema.NullOr(Schema.String)) })

/** The whole store as one JSON document. */
export const StoreBackup = Schema.Struct({
  format: Schema.Literal(BACKUP_FORMAT),
  version: Schema.Literals([1, BACKUP_VERSION]),
  exportedAt: Schema.String,
  regions: Schema.Array(exported(Region)),
  indicators: Schema.Array(exported(IndicatorDefinition)),
  clusters: Schema.Array(StoredCluster),
  observations: Schema.Array(Observation),
  /** The dated facts with their provenance, proposals and decisions (version 2). */
  zoneFacts: Schema.optional(Schema.Array(ZoneFactRecord)),
  /** The supervision decisions with their reasons and monthly reports (version 2). */
  supervision: Schema.optional(Schema.Array(SupervisionDecision)),
})
export type StoreBackup = typeof StoreBackup.Type

/**
 * Read everything (regions, indicators, clusters with version and archive state, observations with provenance)
 * into one document with a format version.
 * @example writeFileSync("backup.json", JSON.stringify(await exportStore(store)))
 */
export const exportStore = async (store: Pick<Store, "db">): Promise<StoreBackup> => {
  // One snapshot: read inside a transaction so a concurrent write cannot split the export.
  return store.db.transaction(async (tx) => {
    const s = storeOn(tx)
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      regions: await s.regions.list(),
      indicators: await s.indicators.list(),
      clusters: await s.clusters.list({ archived: "include" }),
      observations: await s.observations.query(),
      zoneFacts: await s.zoneFacts.list(),
      supervision: await s.supervision.list({ revoked: true }),
    }
  })
}

/** What a restore wrote. */
export interface RestoreResult {
  readonly regions: number
  readonly indicators: number
  readonly clusters: number
  readonly observations: number
  readonly zoneFacts: number
  readonly supervisionDecisions: number
}

/**
 * Restore an export document into an EMPTY store in one transaction (InputError "store_not_empty" otherwise, unless
 * `force`, which first deletes everything). The document is validated in full first ("invalid_value" naming
 * every bad field; "unsupported_version" for another format version).
 * @example await restoreStore(store, JSON.parse(readFileSync("backup.json", "utf8")))
 */
export const restoreStore = async (store: Pick<Store, "db">, doc: unknown, opts: { force?: boolean } = {}): Promise<RestoreResult> => {
  const head = doc as { format?: unknown; version?: unknown } | null
  if (head === null || typeof head !== "object" || head.format !== BACKUP_FORMAT) {
    const en = `not a Jiju store export (expected "format": "${BACKUP_FORMAT}")`
    throw new InputError({ code: "invalid_backup", message: en, zh: `不是 Jiju 数据库导出文件（应含 "format": "${BACKUP_FORMAT}"）`, issues: [] })
  }
  if (!READABLE_VERSIONS.includes(head.version)) {
    const en = `export format version ${String(head.version)} is not supported (this version reads ${READABLE_VERSIONS.join(" and ")})`
    const zh = `不支持导出格式版本 ${String(head.version)}（本程序读取版本 ${READABLE_VERSIONS.join("、")}）`
    throw new InputError({ code: "unsupported_version", message: en, zh, issues: [] })
  }
  const backup = decodeOrThrow(StoreBackup, doc, "export")
  await store.db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) {
      if (opts.force !== true) {
        const c = await storeCounts(tx)
        const en = `the store at ${store.db.location} is not empty (${c.regions} regions, ${c.clusters} clusters, ${c.observations} observations); use --force to replace everything`
        const zh = `数据库 ${store.db.location} 不为空（${c.regions} 个区域、${c.clusters} 个集聚区、${c.observations} 条观测值）；使用 --force 覆盖全部数据`
        throw new InputError({ code: "store_not_empty", message: en, zh, issues: [] })
      }
    }
    await clearStore(tx)
    const s = storeOn(tx)
    await s.indicators.upsert(backup.indicators)
    await s.regions.upsert(backup.regions)
    await s.clusters.insertMany(backup.clusters, tx)
    await s.observations.insertMany(backup.observations, tx)
    await s.zoneFacts.insertMany(backup.zoneFacts ?? [])
    await s.supervision.insertMany(backup.supervision ?? [])
  })
  return {
    regions: backup.regions.length,
    indicators: backup.indicators.length,
    clusters: backup.clusters.length,
    observations: backup.observations.length,
    zoneFacts: backup.zoneFacts?.length ?? 0,
    supervisionDecisions: backup.supervision?.length ?? 0,
  }
}
