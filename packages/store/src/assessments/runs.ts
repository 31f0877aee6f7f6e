import type { AssessmentResult, DefaultsConfirmation, PreviousSource, RankStability, SchemeOrigin, ZoneHistoryItem } from "@jiju/domain/assessment"
import { type ClusterKind, InputError } from "@jiju/domain/model"
import { newId } from "../auth/password.js"
import type { Db, Row } from "../db/Db.js"
import { isoTime } from "../repos/audit.js"

/** A stored assessment run: which scheme, which period, when, by whom, published or not, and the full result. */
export interface StoredRun {
  readonly id: string
  readonly scheme: string
  readonly period: string
  readonly published: boolean
  readonly createdBy: string
  readonly createdAt: string
  /** The scheme version's checksum (null for runs stored before it was recorded). */
  readonly schemeChecksum: string | null
  readonly result: AssessmentResult
  readonly stability: RankStability | null
  /** Where the run's inputs came from (null for runs stored before it was recorded). */
  readonly provenance: RunProvenance | null
}

/** Where a run's inputs came from, for its report. */
export interface RunProvenance {
  readonly previousSource: PreviousSource | null
  readonly source: "store" | "file"
  readonly demo: boolean
  readonly schemeFrom: SchemeOrigin
  /** The one kind of zone the run covers (a run of each kind's own scheme); absent or null: every kind. */
  readonly kind?: ClusterKind | null
  /** The commission's confirmation of the scheme's Jiju defaults, when the run was published on them. */
  readonly confirmation?: DefaultsConfirmation | null
}

/**
 * Which runs of a scheme and period: those covering one kind (its own runs and runs over every kind), those over every
 * kind (null), or any (undefined, the latest whatever it covers).
 */
export type RunKind = ClusterKind | null | undefined

// Runs of one kind carry it in their provenance (a run over every kind has none).
const kindFilter = (kind: RunKind, param: string): string =>
  kind === undefined
    ? ""
    : kind === null
      ? "and coalesce(provenance->>'kind', '') = ''"
      : // A run over every kind covers this kind's zones too.
        `and (provenance->>'kind' = ${param} or coalesce(provenance->>'kind', '') = '')`
const kindParams = (kind: RunKind): ReadonlyArray<string> => (typeof kind === "string" ? [kind] : [])

/** What a run stores. */
export interface NewRun {
  readonly result: AssessmentResult
  readonly published?: boolean
  readonly createdBy?: string
  readonly schemeChecksum?: string
  readonly stability?: RankStability | null
  readonly provenance?: RunProvenance | null
}

/** One period of a zone's history under a scheme (the latest run of each period). */
export type ClusterHistoryItem = ZoneHistoryItem

/** Which run is the latest of a scheme and period, and whether it is published: a one-row read. */
export interface RunHead {
  readonly id: string
  readonly published: boolean
}

const toRun = (r: Row): StoredRun => ({
  id: String(r.id),
  scheme: String(r.scheme),
  period: String(r.period),
  published: Boolean(r.published),
  createdBy: String(r.created_by),
  createdAt: isoTime(r.created_at),
  schemeChecksum: r.scheme_checksum == null ? null : String(r.scheme_checksum),
  result: r.result as AssessmentResult,
  stability: (r.stability ?? null) as RankStability | null,
  provenance: (r.provenance ?? null) as RunProvenance | null,
})

const num = (v: unknown): number | null => (v == null ? null : Number(v))

/** Stored assessment runs and their per-zone rows. */
export interface RunRepo {
  /**
   * Store a run (joins `tx` when given); the database derives one row per zone from it for history queries.
   * Returns the stored run.
   */
  save(run: NewRun, tx?: Db): Promise<StoredRun>
  get(id: string): Promise<StoredRun | undefined>
  /** The id and state of the latest run of a scheme and period (to tell whether a kept copy is still current). */
  head(scheme: string, period: string, kind?: RunKind): Promise<RunHead | undefined>
  /** The latest run of a scheme and period (only published ones with `publishedOnly`; of one kind with `kind`). */
  latest(scheme: string, period: string, opts?: { publishedOnly?: boolean; kind?: RunKind }): Promise<StoredRun | undefined>
  /** Mark a run published (recording the confirmation of its scheme's defaults, when given). InputError "not_found" for an unknown id. */
  publish(id: string, confirmation?: DefaultsConfirmation | null): Promise<StoredRun>
  /** Periods with a stored run of the scheme, sorted. */
  periods(scheme: string): Promise<ReadonlyArray<string>>
  /** A zone's results over the periods (latest run of each period), oldest first. */
  history(scheme: string, clusterId: string, opts?: { publishedOnly?: boolean }): Promise<ReadonlyArray<ClusterHistoryItem>>
}

/** Build the run repository over a database handle. */
export const runRepo = (db: Db): RunRepo => {
  const get = async (id: string) => {
    const [row] = await db.query("select * from assessment_runs where id = $1", [id])
    return row ? toRun(row) : undefined
  }
  return {
    save: async (run, tx) => {
      const id = newId("run")
      const r = run.result
      const t = tx ?? db
      // One statement: the per-zone rows are written by the table's trigger (migration 0200) from the result.
      await t.query(
        `insert into assessment_runs (id, scheme, period, published, result, created_by, scheme_checksum, stability, provenance)
         values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9::jsonb)`,
        [
          id,
          r.schemeId,
          r.period,
          run.published ?? false,
          JSON.stringify(r),
          run.createdBy ?? "",
          run.schemeChecksum ?? null,
          run.stability ? JSON.stringify(run.stability) : null,
          run.provenance ? JSON.stringify(run.provenance) : null,
        ],
      )
      const [row] = await (tx ?? db).query("select * from assessment_runs where id = $1", [id])
      return toRun(row!)
    },
    get,
    head: async (scheme, period, kind) => {
      const [row] = await db.query<{ id: string; published: boolean }>(
        `select id, published from assessment_runs where scheme = $1 and period = $2 ${kindFilter(kind, "$3")}
         order by created_at desc, id desc limit 1`,
        [scheme, period, ...kindParams(kind)],
      )
      return row ? { id: String(row.id), published: Boolean(row.published) } : undefined
    },
    latest: async (scheme, period, opts = {}) => {
      const [row] = await db.query(
        `select * from assessment_runs where scheme = $1 and period = $2 ${opts.publishedOnly ? "and published" : ""} ${kindFilter(opts.kind, "$3")}
         order by created_at desc, id desc limit 1`,
        [scheme, period, ...kindParams(opts.kind)],
      )
      return row ? toRun(row) : undefined
    },
    publish: async (id, confirmation) => {
      const rows = confirmation
        ? await db.query(
            `update assessment_runs set published = true,
                    provenance = coalesce(provenance, '{}'::jsonb) || jsonb_build_object('confirmation', $2::jsonb)
              where id = $1 returning *`,
            [id, JSON.stringify(confirmation)],
          )
        : await db.query("update assessment_runs set published = true where id = $1 returning *", [id])
      if (!rows[0]) {
        const en = `no assessment run with id "${id}"`
        const zh = `没有编号为“${id}”的考核结果`
        throw new InputError({ code: "not_found", message: en, zh, issues: [{ column: "id", value: id, en, zh }] })
      }
      return toRun(rows[0])
    },
    periods: async (scheme) =>
      (await db.query<{ period: string }>("select distinct period from assessment_runs where scheme = $1 order by period", [scheme])).map((r) => r.period),
    history: async (scheme, clusterId, opts = {}) => {
      const rows = await db.query(
        `select distinct on (r.period) r.period, r.id as run_id, r.published, c.ranking_group, c.status, c.score, c.rank,
                c.rank_change, c.reward, c.stars, c.star_movement
           from assessment_cluster_results c join assessment_runs r on r.id = c.run_id
          where c.scheme = $1 and c.cluster_id = $2 ${opts.publishedOnly ? "and r.published" : ""}
          order by r.period, r.created_at desc, r.id desc`,
        [scheme, clusterId],
      )
      return rows.map((r) => ({
        period: String(r.period),
        runId: String(r.run_id),
        published: Boolean(r.published),
        group: String(r.ranking_group) as ClusterHistoryItem["group"],
        status: r.status as ClusterHistoryItem["status"],
        score: num(r.score),
        rank: num(r.rank),
        rankChange: num(r.rank_change),
        reward: Boolean(r.reward),
        stars: num(r.stars),
        starMovement: r.star_movement == null ? null : (String(r.star_movement) as ClusterHistoryItem["starMovement"]),
      }))
    },
  }
}
