import { decodeOrThrow, InputError, type Region, type RegionCode, type RegionLevel, StoredRegion } from "@jiju/domain/model"
import type { Db, Row } from "../db/Db.js"
import { auditRepo, isoTime } from "./audit.js"
import { archivedClause, setArchived, type VersionedTable, versionedChange } from "./versioned.js"

/** Filters for {@link RegionRepo.list}. */
export interface RegionFilter {
  readonly level?: RegionLevel
  readonly parent?: string
  /** "exclude" (default), "include" or "only" archived regions. */
  readonly archived?: "exclude" | "include" | "only"
}

/** Regions of the GB/T 2260 hierarchy. */
export interface RegionRepo {
  /** Regions, parents before children (ordered by code), optionally filtered; archived ones left out by default. */
  list(filter?: RegionFilter): Promise<ReadonlyArray<StoredRegion>>
  get(code: string): Promise<StoredRegion | undefined>
  /** Add a region (version 1) with its audit entry. InputError "duplicate_id", or "unknown_region" for a bad parent. */
  create(region: Region, actor: string): Promise<StoredRegion>
  /** Replace a region whose stored version is `expectedVersion`. InputError "not_found" or "version_conflict". */
  update(region: Region, expectedVersion: number, actor: string): Promise<StoredRegion>
  /** Archive (true) or bring back (false) under the same version rule. */
  setArchived(code: string, archived: boolean, expectedVersion: number, actor: string): Promise<StoredRegion>
  /** Insert or replace regions without audit entries (demo loading, restore; parents first within the batch). */
  upsert(regions: ReadonlyArray<Region | StoredRegion>): Promise<number>
  count(): Promise<number>
}

const COLUMNS = "code, name, name_en, level, parent, macro_zone, is_district, version, archived_at"

/** A database row to a domain StoredRegion (decoded, so a corrupt row fails loudly). */
export const regionFromRow = (r: Row): StoredRegion =>
  decodeOrThrow(
    StoredRegion,
    {
      code: r.code,
      name: r.name,
      ...(r.name_en != null ? { nameEn: r.name_en } : {}),
      level: r.level,
      parent: r.parent ?? null,
      macroZone: r.macro_zone,
      isDistrict: r.is_district,
      version: r.version,
      archivedAt: r.archived_at == null ? null : isoTime(r.archived_at),
    },
    "region",
  )

const getIn = async (db: Db, code: string): Promise<StoredRegion | undefined> => {
  const [row] = await db.query(`select ${COLUMNS} from regions where code = $1`, [code])
  return row ? regionFromRow(row) : undefined
}

/** The regions table as a versioned register table. */
export const regionTable: VersionedTable<StoredRegion> = { table: "regions", key: "code", entity: "region", zh: "行政区划", get: getIn }

// The register fields of a region (a stored one's version and archive state are the database's).
const plain = (r: Region | StoredRegion): Region => {
  const { version: _v, archivedAt: _a, ...rest } = r as StoredRegion
  return rest
}

const unknownParent = (parent: string) => {
  const en = `unknown parent region ${parent}`
  const zh = `未知的上级区划 ${parent}`
  return new InputError({ code: "unknown_region", message: en, zh, issues: [{ column: "parent", value: parent, en, zh }] })
}

/** Build the region repository over a database handle. */
export const regionRepo = (db: Db): RegionRepo => ({
  list: async (filter = {}) => {
    const where: string[] = [archivedClause(filter.archived)]
    const params: unknown[] = []
    if (filter.level !== undefined) {
      params.push(filter.level)
      where.push(`level = $${params.length}`)
    }
    if (filter.parent !== undefined) {
      params.push(filter.parent)
      where.push(`parent = $${params.length}`)
    }
    const rows = await db.query(`select ${COLUMNS} from regions where ${where.join(" and ")} order by code`, params)
    return rows.map(regionFromRow)
  },
  get: (code) => getIn(db, code),
  create: (region, actor) =>
    db.transaction(async (tx) => {
      if (await getIn(tx, region.code)) {
        const en = `region ${region.code} exists`
        const zh = `行政区划 ${region.code} 已存在`
        throw new InputError({ code: "duplicate_id", message: en, zh, issues: [{ column: "code", value: region.code, en, zh }] })
      }
      if (region.parent !== null && !(await getIn(tx, region.parent))) throw unknownParent(region.parent)
      await regionRepo(tx).upsert([region])
      const after = (await getIn(tx, region.code))!
      await auditRepo(tx).record({ actor, entity: "region", entityId: region.code, action: "create", before: null, after })
      return after
    }),
  update: (region, expectedVersion, actor) =>
    versionedChange(db, regionTable, region.code, expectedVersion, actor, "update", async (tx) => {
      if (region.parent !== null && region.parent !== region.code && !(await getIn(tx, region.parent))) throw unknownParent(region.parent)
      await tx.query("update regions set name = $2, name_en = $3, level = $4, parent = $5, macro_zone = $6, is_district = $7 where code = $1", [
        region.code,
        region.name,
        region.nameEn ?? null,
        region.level,
        region.parent,
        region.macroZone,
        region.isDistrict,
      ])
    }),
  setArchived: (code, archived, expectedVersion, actor) => setArchived(db, regionTable, code, expectedVersion, archived, actor),
  upsert: async (regions) => {
    if (regions.length === 0) return 0
    // Parents must exist before children reference them: provinces, then prefectures, then counties.
    const rank = { province: 0, prefecture: 1, county: 2 } as const
    const sorted = [...regions].sort((a, b) => rank[a.level] - rank[b.level] || a.code.localeCompare(b.code))
    const stored = (r: Region | StoredRegion) => ("version" in r ? (r as StoredRegion) : undefined)
    await db.transaction(async (tx) => {
      for (let s = 0; s < sorted.length; s += 5000) {
        const batch = sorted.slice(s, s + 5000)
        const rows = batch.map(plain)
        await tx.query(
          `insert into regions (code, name, name_en, level, parent, macro_zone, is_district, version, archived_at)
           select u.code, u.name, u.name_en, u.level, u.parent, u.macro_zone, u.is_district, u.version, u.archived::timestamptz
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::int[], $9::text[])
             as u(code, name, name_en, level, parent, macro_zone, is_district, version, archived)
           on conflict (code) do update set name = excluded.name, name_en = excluded.name_en, level = excluded.level,
             parent = excluded.parent, macro_zone = excluded.macro_zone, is_district = excluded.is_district,
             version = excluded.version, archived_at = excluded.archived_at`,
          [
            rows.map((r) => r.code),
            rows.map((r) => r.name),
            rows.map((r) => r.nameEn ?? null),
            rows.map((r) => r.level),
            rows.map((r) => r.parent),
            rows.map((r) => r.macroZone),
            rows.map((r) => r.isDistrict),
            batch.map((r) => stored(r)?.version ?? 1),
            batch.map((r) => stored(r)?.archivedAt ?? null),
          ],
        )
      }
    })
    return sorted.length
  },
  count: async () => Number((await db.query<{ n: number }>("select count(*)::int as n from regions"))[0]!.n),
})

/** Codes of a region and all regions below it, in a list of regions. */
export const regionSubtree = (regions: ReadonlyArray<Region>, root: string): Set<RegionCode> => {
  const out = new Set<RegionCode>()
  const children = new Map<string, Region[]>()
  for (const r of regions) if (r.parent !== null) children.set(r.parent, [...(children.get(r.parent) ?? []), r])
  const visit = (code: string) => {
    for (const c of children.get(code) ?? []) {
      out.add(c.code)
      visit(c.code)
    }
  }
  const self = regions.find((r) => r.code === root)
  if (self) out.add(self.code)
  visit(root)
  return out
}
