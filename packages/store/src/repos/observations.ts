import { decodeOrThrow, frequencyOf, frequencyPattern, InputError, Observation, type ObservationTarget } from "@jiju/domain/model"
import type { Db, Row } from "../db/Db.js"
import { jsonRows } from "../db/jsonRows.js"
import { whereClause } from "../db/whereClause.js"
import { isoTime } from "./audit.js"

/** An observation to write: provenance fields default (submittedAt = now, note = null, isDemo = false). */
export type ObservationInput = Pick<Observation, "target" | "period" | "indicator" | "value"> &
  Partial<Pick<Observation, "source" | "submitter" | "submittedAt" | "note" | "isDemo">>

/** Filters for {@link ObservationRepo.query}; periods compare within the frequency of `from`/`to`. */
export interface ObservationQuery {
  readonly target?: ObservationTarget
  /** Cluster ids (targets of kind "cluster"). */
  readonly clusters?: ReadonlyArray<string>
  readonly indicators?: ReadonlyArray<string>
  readonly period?: string
  /** Inclusive range, e.g. from "2015" to "2025" (years only: "2020Q1" is not in it). */
  readonly from?: string
  readonly to?: string
}

/** One period's values for all clusters, clusters × indicators, as assessments consume them. */
export interface PeriodMatrix {
  readonly period: string
  readonly clusters: ReadonlyArray<string>
  readonly indicators: ReadonlyArray<string>
  /** values[i][j]: cluster i, indicator j; null when not reported. */
  readonly values: ReadonlyArray<ReadonlyArray<number | null>>
  /** True when any value in the matrix is generated demo data (label the output). */
  readonly hasDemo: boolean
}

/** Options for {@link ObservationRepo.matrix}. */
export interface MatrixOptions {
  readonly indicators?: ReadonlyArray<string>
  readonly clusters?: ReadonlyArray<string>
  /** Include archived clusters (default false). */
  readonly includeArchived?: boolean
}

/** Where a page of {@link ObservationRepo.page} starts: after this key, in the query's order. */
export interface ObservationKey {
  readonly kind: string
  readonly id: string
  readonly indicator: string
  readonly period: string
}

/** One page of observations, with how many match over all pages. */
export interface ObservationPage {
  readonly items: ReadonlyArray<Observation>
  /** The key of the last item when more follow; undefined on the last page. */
  readonly next: ObservationKey | undefined
  readonly total: number
}

/** Indicator observations of clusters and regions. */
export interface ObservationRepo {
  /**
   * Insert or replace observations (key: target, period, indicator) in ONE transaction, in batches.
   * Pass `tx` to join a transaction already open. Returns the number written.
   */
  upsertMany(obs: ReadonlyArray<ObservationInput>, tx?: Db): Promise<number>
  /** Plain insert for bulk loads into an empty table (demo, restore): a repeated key fails instead of replacing. */
  insertMany(obs: ReadonlyArray<ObservationInput>, tx?: Db): Promise<number>
  query(q?: ObservationQuery): Promise<ReadonlyArray<Observation>>
  /** At most `limit` observations of a query after `after` (keyset pages in the query's order: target, indicator, period). */
  page(q: ObservationQuery, limit: number, after?: ObservationKey): Promise<ObservationPage>
  /** One indicator's time series for one target, ordered by period. */
  series(target: ObservationTarget, indicator: string, range?: { from?: string; to?: string }): Promise<ReadonlyArray<Observation>>
  /** One period for all (non-archived) clusters as a matrix. */
  matrix(period: string, opts?: MatrixOptions): Promise<PeriodMatrix>
  /** The distinct periods with data, sorted. */
  periods(): Promise<ReadonlyArray<string>>
  count(): Promise<number>
}

const COLUMNS = "target_kind, target_id, period, indicator, value, source, submitter, submitted_at, note, is_demo"
const BATCH = 10_000
const ORDER = "target_kind, target_id, indicator, period"

/** A database row to a domain Observation (decoded with the domain Schema). */
export const observationFromRow = (r: Row): Observation =>
  decodeOrThrow(
    Observation,
    {
      target: { kind: r.target_kind, id: r.target_id },
      period: r.period,
      indicator: r.indicator,
      value: r.value,
      source: r.source,
      submitter: r.submitter,
      submittedAt: isoTime(r.submitted_at),
      note: r.note ?? null,
      isDemo: r.is_demo,
    },
    "observation",
  )

// Targets must exist; checked once per distinct id (cheaper than a foreign-key trigger per row in bulk loads).
const checkTargets = async (db: Db, obs: ReadonlyArray<ObservationInput>): Promise<void> => {
  for (const [kind, table, key] of [
    ["cluster", "clusters", "id"],
    ["region", "regions", "code"],
  ] as const) {
    const ids = [...new Set(obs.filter((o) => o.target.kind === kind).map((o) => o.target.id as string))]
    if (ids.length === 0) continue
    const found = new Set((await db.query<{ k: string }>(`select ${key} as k from ${table} where ${key} = any($1::text[])`, [ids])).map((r) => r.k))
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length > 0) {
      const list = missing.slice(0, 10).join(", ") + (missing.length > 10 ? ` … (${missing.length})` : "")
      const en = `unknown ${kind}(s): ${list}`
      const zh = `未知的${kind === "cluster" ? "集聚区" : "区域"}：${list}`
      throw new InputError({
        code: "unknown_target",
        message: en,
        zh,
        issues: missing
          .slice(0, 50)
          .map((id) => ({ column: "target", value: id, en: `unknown ${kind} ${id}`, zh: `未知的${kind === "cluster" ? "集聚区" : "区域"} ${id}` })),
      })
    }
  }
}

// The WHERE clause of a query and its parameters.
const filter = (q: ObservationQuery): { where: string[]; params: unknown[] } => {
  const where: string[] = []
  const params: unknown[] = []
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v)
    where.push(sql(`$${params.length}`))
  }
  if (q.target) {
    add((p) => `target_kind = ${p}`, q.target.kind)
    add((p) => `target_id = ${p}`, q.target.id)
  }
  if (q.clusters) {
    where.push("target_kind = 'cluster'")
    add((p) => `target_id = any(${p}::text[])`, [...q.clusters])
  }
  if (q.indicators) add((p) => `indicator = any(${p}::text[])`, [...q.indicators])
  if (q.period !== undefined) add((p) => `period = ${p}`, q.period)
  const edge = q.from ?? q.to
  // Periods of one frequency match one pattern ("2025H1" and "2025Q1" share a length), and sort as strings within it.
  if (edge !== undefined) add((p) => `period ~ ${p}`, frequencyPattern(frequencyOf(edge)))
  if (q.from !== undefined) add((p) => `period >= ${p}`, q.from)
  if (q.to !== undefined) add((p) => `period <= ${p}`, q.to)
  return { where, params }
}

/** Build the observation repository over a database handle. */
export const observationRepo = (db: Db): ObservationRepo => {
  const query = async (q: ObservationQuery = {}) => {
    const { where, params } = filter(q)
    const rows = await jsonRows(db, `select ${COLUMNS} from observations ${whereClause(where)}`, params, ORDER)
    return rows.map(observationFromRow)
  }
  const write = async (obs: ReadonlyArray<ObservationInput>, tx: Db | undefined, replace: boolean) => {
    if (obs.length === 0) return 0
    const now = new Date().toISOString()
    const run = async (t: Db) => {
      await checkTargets(t, obs)
      for (let s = 0; s < obs.length; s += BATCH) {
        const b = obs.slice(s, s + BATCH)
        await t.query(
          `insert into observations (${COLUMNS})
           select k, i, p, ind, v, src, sub, at::timestamptz, note, demo
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[],
                       $8::text[], $9::text[], $10::boolean[]) as u(k, i, p, ind, v, src, sub, at, note, demo)
           ${
             replace
               ? `on conflict (target_kind, target_id, period, indicator) do update set value = excluded.value,
             source = excluded.source, submitter = excluded.submitter, submitted_at = excluded.submitted_at,
             note = excluded.note, is_demo = excluded.is_demo`
               : ""
           }`,
          [
            b.map((o) => o.target.kind),
            b.map((o) => o.target.id),
            b.map((o) => o.period),
            b.map((o) => o.indicator),
            b.map((o) => o.value),
            b.map((o) => o.source ?? ""),
            b.map((o) => o.submitter ?? ""),
            b.map((o) => o.submittedAt ?? now),
            b.map((o) => o.note ?? null),
            b.map((o) => o.isDemo ?? false),
          ],
        )
      }
    }
    await (tx ? run(tx) : db.transaction(run))
    return obs.length
  }
  return {
    upsertMany: (obs, tx) => write(obs, tx, true),
    insertMany: (obs, tx) => write(obs, tx, false),
    query,
    page: async (q, limit, after) => {
      const { where, params } = filter(q)
      const countSql = `select count(*)::int as n from observations ${whereClause(where)}`
      const countParams = [...params]
      if (after) {
        params.push(after.kind, after.id, after.indicator, after.period)
        const n = params.length
        where.push(`(target_kind, target_id, indicator, period) > ($${n - 3}, $${n - 2}, $${n - 1}, $${n})`)
      }
      params.push(limit + 1)
      const rows = await jsonRows(db, `select ${COLUMNS} from observations ${whereClause(where)} order by ${ORDER} limit $${params.length}`, params, ORDER)
      const items = rows.slice(0, limit).map(observationFromRow)
      const last = items[items.length - 1]
      // A first page that holds every match is its own count; any other page counts the whole query.
      const total = after === undefined && rows.length <= limit ? rows.length : Number((await db.query<{ n: number }>(countSql, countParams))[0]!.n)
      return {
        items,
        total,
        next: rows.length > limit && last ? { kind: last.target.kind, id: last.target.id, indicator: last.indicator, period: last.period } : undefined,
      }
    },
    series: (target, indicator, range = {}) =>
      query({
        target,
        indicators: [indicator],
        ...(range.from !== undefined ? { from: range.from } : {}),
        ...(range.to !== undefined ? { to: range.to } : {}),
      }),
    matrix: async (period, opts = {}) => {
      const clusterParams: unknown[] = []
      const clauses: string[] = []
      if (opts.includeArchived !== true) clauses.push("archived_at is null")
      if (opts.clusters) {
        clusterParams.push([...opts.clusters])
        clauses.push(`id = any($${clusterParams.length}::text[])`)
      }
      const clusterRows = await db.query<{ id: string }>(`select id from clusters ${whereClause(clauses)} order by id`, clusterParams)
      const clusters = clusterRows.map((r) => r.id)
      const obsParams: unknown[] = [period, clusters]
      let indicatorClause = ""
      if (opts.indicators) {
        obsParams.push([...opts.indicators])
        indicatorClause = "and indicator = any($3::text[])"
      }
      const rows = await db.query<{ target_id: string; indicator: string; value: number; is_demo: boolean }>(
        `select target_id, indicator, value, is_demo from observations
         where target_kind = 'cluster' and period = $1 and target_id = any($2::text[]) ${indicatorClause}`,
        obsParams,
      )
      const indicators = opts.indicators ? [...opts.indicators] : [...new Set(rows.map((r) => r.indicator))].sort()
      const ci = new Map(clusters.map((c, i) => [c, i]))
      const ii = new Map(indicators.map((c, j) => [c, j]))
      const values = clusters.map(() => indicators.map((): number | null => null))
      let hasDemo = false
      for (const r of rows) {
        values[ci.get(r.target_id)!]![ii.get(r.indicator)!] = r.value
        if (r.is_demo) hasDemo = true
      }
      return { period, clusters, indicators, values, hasDemo }
    },
    // A skip scan of the (period, indicator) index: one probe per period, not a pass over every row.
    periods: async () =>
      (
        await db.query<{ period: string }>(
          `with recursive p(period) as (
             (select period from observations order by period limit 1)
             union all
             select (select o.period from observations o where o.period > p.period order by o.period limit 1) from p where p.period is not null)
           select period from p where period is not null`,
        )
      ).map((r) => r.period),
    count: async () => Number((await db.query<{ n: number }>("select count(*)::int as n from observations"))[0]!.n),
  }
}
