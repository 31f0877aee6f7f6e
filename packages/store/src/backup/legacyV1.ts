/** Exports made before version 2 (register and observations only): still restorable. */
import { decodeOrThrow, IndicatorDefinition, Observation, Region, StoredCluster } from "@jiju/domain/model"
import * as Schema from "effect/Schema"
import type { Db } from "../db/Db.js"
import { storeOn } from "../Store.js"

// A register entry as exported then: its fields, and its version and archive state (absent in the oldest exports;
// such entries restore as version 1, not archived).
const exported = <F extends Schema.Struct.Fields>(entry: Schema.Struct<F>) =>
  Schema.Struct({ ...entry.fields, version: Schema.optional(Schema.Int), archivedAt: Schema.optional(Schema.NullOr(Schema.String)) })

const StoreBackupV1 = Schema.Struct({
  format: Schema.Literal("jiju-store"),
  version: Schema.Literal(1),
  exportedAt: Schema.String,
  regions: Schema.Array(exported(Region)),
  indicators: Schema.Array(exported(IndicatorDefinition)),
  clusters: Schema.Array(StoredCluster),
  observations: Schema.Array(Observation),
})

/**
 * Check a version 1 export in full ("invalid_value" naming every bad field) and write it into an emptied store.
 * @example const counts = await writeVersion1(tx, doc)
 */
export const writeVersion1 = async (tx: Db, doc: unknown): Promise<Record<string, number>> => {
  const backup = decodeOrThrow(StoreBackupV1, doc, "export")
  const s = storeOn(tx)
  await s.indicators.upsert(backup.indicators)
  await s.regions.upsert(backup.regions)
  await s.clusters.insertMany(backup.clusters, tx)
  await s.observations.insertMany(backup.observations, tx)
  return { indicators: backup.indicators.length, regions: backup.regions.length, clusters: backup.clusters.length, observations: backup.observations.length }
}
