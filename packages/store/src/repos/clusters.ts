import { type Cluster, type ClusterKind, type ClusterLevel, decodeOrThrow, InputError, type RankingGroup, StoredCluster } from "@jiju/domain/model"
import type { Db, Row } from "../db/Db.js"
import { whereClause } from "../db/whereClause.js"
import { auditRepo, isoTime } from "./audit.js"
import { archivedClause, setArchived, type VersionedTable, versionedChange } from "./versioned.js"

/** Filters for {@link ClusterRepo.list}. */
export interface ClusterFilter {
  /** A region code: clusters in that region or any region below it (a prefecture gives its counties' zones). */
  readonly region?: string
  readonly kind?: ClusterKind
  readonly group?: RankingGroup
  readonly level?: ClusterLevel
  /** "exclude" (default), "include" or "only" archived clusters. */
  readonly archived?: "exclude" | "include" | "only"
}

/** The register of cluster zones. */
export interface ClusterRepo {
  list(filter?: ClusterFilter): Promise<ReadonlyArray<StoredCluster>>
  get(id: string): Promise<StoredCluster | undefined>
  /** Add a cluster (version 1). InputError "duplicate_id" when the id exists, "unknown_region" for a bad region. */
  create(cluster: Cluster, actor?: string): Promise<StoredCluster>
  /**
   * Replace a cluster's fields when its stored version is `expectedVersion`; the version goes up by one.
   * InputError "not_found" or "version_conflict" (someone else saved first: reload and retry).
   */
  update(cluster: Cluster, expectedVersion: number, actor?: string): Promise<StoredCluster>
  /** Archive (hide from rankings and lists, keep its data). Same version rule as update. */
  archive(id: string, expectedVersion: number, actor?: string): Promise<StoredCluster>
  /** Bring an archived cluster back. */
  unarchive(id: string, expectedVersion: number, actor?: string): Promise<StoredCluster>
  /** Insert many clusters in one statement batch, without audit entries (demo loading, restore). */
  insertMany(clusters: ReadonlyArray<StoredCluster | Cluster>, tx?: Db): Promise<number>
  count(): Promise<number>
}

const COLUMNS = `id, name, name_en, kind, form, level, ranking_group, region, planned_area, established,
  leading_industries, leading_industry_indicators, management_body, planning, infrastructure,
  standard_factory_area, financing, is_demo, version, archived_at`

/** A database row to a domain StoredCluster (decoded with the domain Schema). */
export const clusterFromRow = (r: Row): StoredCluster =>
  decodeOrThrow(
    StoredCluster,
    {
      id: r.id,
      name: r.name,
      ...(r.name_en != null ? { nameEn: r.name_en } : {}),
      kind: r.kind,
      form: r.form ?? null,
      level: r.level,
      group: r.ranking_group,
      region: r.region,
      plannedArea: r.planned_area,
      established: r.established ?? null,
      leadingIndustries: r.leading_industries,
      ...(r.leading_industry_indicators != null ? { leadingIndustryIndicators: r.leading_industry_indicators } : {}),
      managementBody: r.management_body ?? null,
      planning: r.planning,
      infrastructure: r.infrastructure,
      standardFactoryArea: r.standard_factory_area,
      financing: r.financing,
      isDemo: r.is_demo,
      version: r.version,
      archivedAt: r.archived_at == null ? null : isoTime(r.archived_at),
    },
    "cluster",
  )

const values = (c: Cluster): unknown[] => [
  c.id,
  c.name,
  c.nameEn ?? null,
  c.kind,
  c.form,
  c.level,
  c.group,
  c.region,
  c.plannedArea,
  c.established,
  JSON.stringify(c.leadingIndustries),
  c.leadingIndustryIndicators === undefined ? null : JSON.stringify(c.leadingIndustryIndicators),
  c.managementBody,
  JSON.stringify(c.planning),
  JSON.stringify(c.infrastructure),
  c.standardFactoryArea,
  JSON.stringify(c.financing),
  c.isDemo,
]

// The register fields only (not version / archivedAt), for audit images and updates.
const registerPart = (c: Cluster | StoredCluster): Cluster => {
  const { version: _v, archivedAt: _a, ...rest } = c as StoredCluster
  return rest
}

const pgCode = (e: unknown): string | undefined => (e as { code?: string } | null)?.code

const getIn = async (q: Db, id: string): Promise<StoredCluster | undefined> => {
  const [row] = await q.query(`select ${COLUMNS} from clusters where id = $1`, [id])
  return row ? clusterFromRow(row) : undefined
}

/** The clusters table as a versioned register table. */
export const clusterTable: VersionedTable<StoredCluster> = { table: "clusters", key: "id", entity: "cluster", zh: "集聚区", get: getIn }

/** Build the cluster repository over a database handle; changes are audited. */
export const clusterRepo = (db: Db): ClusterRepo => {
  const repo: ClusterRepo = {
    list: async (filter = {}) => {
      const where: string[] = []
      const params: unknown[] = []
      const add = (sql: (n: string) => string, v: unknown) => {
        params.push(v)
        where.push(sql(`$${params.length}`))
      }
      if (filter.region !== undefined) {
        // Up to three levels: the region itself, its children, its grandchildren.
        add(
          (p) =>
            `(c.region = ${p} or c.region in (select code from regions where parent = ${p})
              or c.region in (select code from regions where parent in (select code from regions where parent = ${p})))`,
          filter.region,
        )
      }
      if (filter.kind !== undefined) add((p) => `c.kind = ${p}`, filter.kind)
      if (filter.group !== undefined) add((p) => `c.ranking_group = ${p}`, filter.group)
      if (filter.level !== undefined) add((p) => `c.level = ${p}`, filter.level)
      where.push(archivedClause(filter.archived, "c."))
      const rows = await db.query(`select ${COLUMNS} from clusters c ${whereClause(where)} order by c.region, c.id`, params)
      return rows.map(clusterFromRow)
    },
    get: (id) => getIn(db, id),
    create: async (cluster, actor = "") =>
      db.transaction(async (tx) => {
        try {
          await tx.query(
            `insert into clusters (id, name, name_en, kind, form, level, ranking_group, region, planned_area, established,
               leading_industries, leading_industry_indicators, management_body, planning, infrastructure,
               standard_factory_area, financing, is_demo)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13, $14::jsonb, $15::jsonb, $16, $17::jsonb, $18)`,
            values(cluster),
          )
        } catch (e) {
          if (pgCode(e) === "23505") {
            const en = `a cluster with id "${cluster.id}" already exists`
            const zh = `编号为“${cluster.id}”的集聚区已存在`
            throw new InputError({ code: "duplicate_id", message: en, zh, issues: [{ column: "id", value: cluster.id, en, zh }] })
          }
          if (pgCode(e) === "23503") {
            const en = `unknown region "${cluster.region}"`
            const zh = `未知的行政区划代码“${cluster.region}”`
            throw new InputError({ code: "unknown_region", message: en, zh, issues: [{ column: "region", value: cluster.region, en, zh }] })
          }
          throw e
        }
        const after = (await getIn(tx, cluster.id))!
        await auditRepo(tx).record({ actor, entity: "cluster", entityId: cluster.id, action: "create", before: null, after })
        return after
      }),
    update: (cluster, expectedVersion, actor = "") =>
      versionedChange(db, clusterTable, cluster.id, expectedVersion, actor, "update", async (tx) => {
        const v = values(registerPart(cluster))
        await tx.query(
          `update clusters set name = $2, name_en = $3, kind = $4, form = $5, level = $6, ranking_group = $7, region = $8,
             planned_area = $9, established = $10, leading_industries = $11::jsonb, leading_industry_indicators = $12::jsonb,
             management_body = $13, planning = $14::jsonb, infrastructure = $15::jsonb, standard_factory_area = $16,
             financing = $17::jsonb, is_demo = $18
           where id = $1`,
          v,
        )
      }),
    archive: (id, expectedVersion, actor = "") => setArchived(db, clusterTable, id, expectedVersion, true, actor),
    unarchive: (id, expectedVersion, actor = "") => setArchived(db, clusterTable, id, expectedVersion, false, actor),
    insertMany: async (clusters, tx = db) => {
      if (clusters.length === 0) return 0
      const cols = values(registerPart(clusters[0]!)).map((_, j) => clusters.map((c) => values(registerPart(c))[j]))
      const stored = (c: Cluster | StoredCluster) => ("version" in c ? (c as StoredCluster) : undefined)
      await tx.query(
        `insert into clusters (id, name, name_en, kind, form, level, ranking_group, region, planned_area, established,
           leading_industries, leading_industry_indicators, management_body, planning, infrastructure,
           standard_factory_area, financing, is_demo, version, archived_at)
         select u.id, u.name, u.name_en, u.kind, u.form, u.level, u.grp, u.region, u.area, u.established,
           u.li::jsonb, u.lii::jsonb, u.mb, u.planning::jsonb, u.infra::jsonb, u.sfa, u.fin::jsonb, u.demo, u.version,
           u.archived::timestamptz
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::float8[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
                     $16::float8[], $17::text[], $18::boolean[], $19::int[], $20::text[])
           as u(id, name, name_en, kind, form, level, grp, region, area, established, li, lii, mb, planning, infra, sfa, fin,
                demo, version, archived)`,
        [...cols, clusters.map((c) => stored(c)?.version ?? 1), clusters.map((c) => stored(c)?.archivedAt ?? null)],
      )
      return clusters.length
    },
    count: async () => Number((await db.query<{ n: number }>("select count(*)::int as n from clusters"))[0]!.n),
  }
  return repo
}
