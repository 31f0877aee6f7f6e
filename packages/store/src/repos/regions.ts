import { decodeOrThrow, Region, type RegionCode, type RegionLevel } from "@jiju/domain/model"
import type { Db, Row } from "../db/Db.js"

/** Filters for {@link RegionRepo.list}. */
export interface RegionFilter {
  readonly level?: RegionLevel
  readonly parent?: string
}

/** Regions of the GB/T 2260 hierarchy. */
export interface RegionRepo {
  /** All regions, parents before children (ordered by code), optionally filtered. */
  list(filter?: RegionFilter): Promise<ReadonlyArray<Region>>
  get(code: string): Promise<Region | undefined>
  /** Insert or replace regions (parents first within the batch). Returns how many were written. */
  upsert(regions: ReadonlyArray<Region>): Promise<number>
  count(): Promise<number>
}

const COLUMNS = "code, name, name_en, level, parent, macro_zone, is_district"

/** A database row to a domain Region (decoded, so a corrupt row fails loudly). */
export const regionFromRow = (r: Row): Region =>
  decodeOrThrow(
    Region,
    {
      code: r.code,
      name: r.name,
      ...(r.name_en != null ? { nameEn: r.name_en } : {}),
      level: r.level,
      parent: r.parent ?? null,
      macroZone: r.macro_zone,
      isDistrict: r.is_district,
    },
    "region",
  )

/** Build the region repository over a database handle. */
export const regionRepo = (db: Db): RegionRepo => ({
  list: async (filter = {}) => {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.level !== undefined) {
      params.push(filter.level)
      where.push(`level = $${params.length}`)
    }
    if (filter.parent !== undefined) {
      params.push(filter.parent)
      where.push(`parent = $${params.length}`)
    }
    const rows = await db.query(`select ${COLUMNS} from regions ${where.length ? `where ${where.join(" and ")}` : ""} order by code`, params)
    return rows.map(regionFromRow)
  },
  get: async (code) => {
    const [row] = await db.query(`select ${COLUMNS} from regions where code = $1`, [code])
    return row ? regionFromRow(row) : undefined
  },
  upsert: async (regions) => {
    if (regions.length === 0) return 0
    // Parents must exist before children reference them: provinces, then prefectures, then counties.
    const rank = { province: 0, prefecture: 1, county: 2 } as const
    const sorted = [...regions].sort((a, b) => rank[a.level] - rank[b.level] || a.code.localeCompare(b.code))
    await db.transaction(async (tx) => {
      for (let s = 0; s < sorted.length; s += 5000) {
        const batch = sorted.slice(s, s + 5000)
        await tx.query(
          `insert into regions (${COLUMNS})
           select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[])
           on conflict (code) do update set name = excluded.name, name_en = excluded.name_en, level = excluded.level,
             parent = excluded.parent, macro_zone = excluded.macro_zone, is_district = excluded.is_district`,
          [
            batch.map((r) => r.code),
            batch.map((r) => r.name),
            batch.map((r) => r.nameEn ?? null),
            batch.map((r) => r.level),
            batch.map((r) => r.parent),
            batch.map((r) => r.macroZone),
            batch.map((r) => r.isDistrict),
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
