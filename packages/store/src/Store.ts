import type { Db } from "./db/Db.js"
import { pgliteDir, type StoreEnv } from "./db/dataDir.js"
import { migrate } from "./db/migrate.js"
import { openPglite } from "./db/pglite.js"
import { openPostgres } from "./db/postgres.js"
import { type AuditRepo, auditRepo } from "./repos/audit.js"
import { type ClusterRepo, clusterRepo } from "./repos/clusters.js"
import { type ImportRepo, importRepo } from "./repos/imports.js"
import { type IndicatorRepo, indicatorRepo } from "./repos/indicators.js"
import { type ObservationRepo, observationRepo } from "./repos/observations.js"
import { type RegionRepo, regionRepo } from "./repos/regions.js"

/** The opened store: the database and its typed repositories. */
export interface Store {
  readonly db: Db
  readonly regions: RegionRepo
  readonly clusters: ClusterRepo
  readonly indicators: IndicatorRepo
  readonly observations: ObservationRepo
  readonly imports: ImportRepo
  readonly audit: AuditRepo
  close(): Promise<void>
}

/** How to open the store; by default from the environment (DATABASE_URL, else PGlite under the data directory). */
export interface OpenStoreOptions {
  readonly env?: StoreEnv
  /** A PostgreSQL URL; overrides DATABASE_URL. */
  readonly databaseUrl?: string
  /** A PGlite data directory; overrides the data directory from the environment. */
  readonly pgliteDir?: string
  /** Open an in-memory PGlite (tests), optionally from a dumped template data directory. */
  readonly memory?: boolean | { template?: Blob }
  /** PostgreSQL only: work inside this schema (created when absent). */
  readonly schema?: string
}

/** Build the repositories over an open, migrated database. */
export const storeOn = (db: Db): Store => {
  const audit = auditRepo(db)
  return {
    db,
    regions: regionRepo(db),
    clusters: clusterRepo(db),
    indicators: indicatorRepo(db),
    observations: observationRepo(db),
    imports: importRepo(db),
    audit,
    close: () => db.close(),
  }
}

/**
 * Open the store: PostgreSQL when a URL is given (or DATABASE_URL is set), else the embedded PGlite database in
 * `<data dir>/pgdata`. Applies pending migrations and adds the built-in indicator catalogue.
 * @example const store = await openStore(); const zones = await store.clusters.list(); await store.close()
 */
export const openStore = async (opts: OpenStoreOptions = {}): Promise<Store> => {
  const env = opts.env ?? process.env
  const url = opts.databaseUrl ?? (env.DATABASE_URL !== undefined && env.DATABASE_URL !== "" ? env.DATABASE_URL : undefined)
  const db =
    url !== undefined && opts.memory === undefined && opts.pgliteDir === undefined
      ? await openPostgres(url, opts.schema !== undefined ? { schema: opts.schema } : {})
      : opts.memory
        ? await openPglite(undefined, typeof opts.memory === "object" && opts.memory.template ? { template: opts.memory.template } : {})
        : await openPglite(opts.pgliteDir ?? pgliteDir(env))
  try {
    await migrate(db)
    const store = storeOn(db)
    await store.indicators.ensureCatalogue()
    return store
  } catch (e) {
    await db.close()
    throw e
  }
}

/** Counts of what the store holds. */
export interface StoreCounts {
  readonly regions: number
  readonly clusters: number
  readonly indicators: number
  readonly observations: number
}

/** How many regions, clusters, indicators and observations the store holds. */
export const storeCounts = async (db: Db): Promise<StoreCounts> => {
  const [r] = await db.query<Record<keyof StoreCounts, number>>(
    `select (select count(*)::int from regions) as regions, (select count(*)::int from clusters) as clusters,
            (select count(*)::int from indicators) as indicators, (select count(*)::int from observations) as observations`,
  )
  return { regions: Number(r!.regions), clusters: Number(r!.clusters), indicators: Number(r!.indicators), observations: Number(r!.observations) }
}

/** True when the store has no regions, clusters or observations (the indicator catalogue does not count). */
export const isEmpty = async (db: Db): Promise<boolean> => {
  const c = await storeCounts(db)
  return c.regions === 0 && c.clusters === 0 && c.observations === 0
}

/**
 * A digest of the store's content (regions, clusters, indicators, observations with their provenance), to check
 * that an operation changed nothing or that two stores hold the same data.
 */
export const storeChecksum = async (db: Db): Promise<string> => {
  const [r] = await db.query<{ digest: string }>(
    `select md5(
       coalesce((select string_agg(concat_ws('|', code, name, name_en, level, parent, macro_zone, is_district), E'\\n' order by code) from regions), '')
       || coalesce((select string_agg(concat_ws('|', id, name, kind, form, level, ranking_group, region, planned_area,
            leading_industries::text, planning::text, infrastructure::text, financing::text, is_demo, version, archived_at), E'\\n' order by id) from clusters), '')
       || coalesce((select string_agg(concat_ws('|', code, zh, en, unit, direction, subsystem, allow_negative), E'\\n' order by code) from indicators), '')
       || coalesce((select string_agg(concat_ws('|', target_kind, target_id, period, indicator, value::text, source, submitter,
            submitted_at, note, is_demo), E'\\n' order by target_kind, target_id, period, indicator) from observations), '')
     ) as digest`,
  )
  return r!.digest
}

/** Delete every row of every table (tests, `restore --force`). The schema and migrations stay. */
export const clearStore = async (db: Db, opts: { keepIndicators?: boolean } = {}): Promise<void> => {
  await db.transaction(async (tx) => {
    await tx.exec(
      `delete from observations; delete from clusters; delete from audit_log; delete from imports;
       delete from regions where level = 'county'; delete from regions where level = 'prefecture'; delete from regions;
       ${opts.keepIndicators === true ? "" : "delete from indicators;"}`,
    )
  })
}
