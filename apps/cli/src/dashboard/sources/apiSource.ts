import { ApiError, type Endpoint, fromWire, jijuApi, makeClient, Page, type ResponseOf } from "@jiju/domain/contract"
import { type Bilingual, Observation, StoredCluster, StoredIndicator, StoredRegion } from "@jiju/domain/model"
import * as Schema from "effect/Schema"
import { CliError } from "../../CliError.js"
import type { DashboardQuery, DashboardSource, Judged } from "./DashboardSource.js"

/** How to reach the API. */
export interface ApiOptions {
  readonly baseUrl: string
  readonly token?: string
  /** For tests: a fetch of your own (defaults to the global fetch). */
  readonly fetch?: typeof fetch
}

/** An answer in wire form (snake_case) decoded by its Schema into the domain's types. */
const decoded = <S extends Schema.Top>(schema: S, wire: unknown): S["Type"] =>
  Schema.decodeUnknownSync(schema as unknown as Schema.Codec<S["Type"], unknown>)(fromWire(schema, wire))

/** An operation's answer decoded by the contract's success Schema. */
const answerOf = <E extends Endpoint>(e: E, wire: unknown): ResponseOf<E> => decoded(e.success.schema!, wire) as ResponseOf<E>

// The register's lists and the observation query answer pages of these.
const ClusterPage = Page(StoredCluster)
const RegionPage = Page(StoredRegion)
const IndicatorPage = Page(StoredIndicator)
const ObservationPage = Schema.Struct({ items: Schema.Array(Observation), nextCursor: Schema.optional(Schema.NullOr(Schema.String)) })

/**
 * A {@link DashboardSource} over the HTTP API with a bearer token. Results and judgements are read with the client
 * derived from the contract (`makeClient(jijuApi)`); the register and the observations from their /v1 lists, each
 * answer decoded with the domain's Schema (nothing fetched is taken on trust).
 * @example const src = apiSource({ baseUrl: "http://127.0.0.1:8080", token })
 */
export const apiSource = (opts: ApiOptions): DashboardSource => {
  const base = opts.baseUrl.replace(/\/+$/, "")
  const doFetch: typeof fetch = async (input, init) => {
    try {
      return await (opts.fetch ?? fetch)(input, init)
    } catch (e) {
      throw new CliError("api_unreachable", `cannot reach the API at ${base}: ${(e as Error).message}`, 1)
    }
  }
  const headers = () => ({ accept: "application/json", ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) })
  const api = makeClient(jijuApi, { baseUrl: base, fetch: doFetch, headers })
  const failed = (path: string, e: unknown): never => {
    if (e instanceof ApiError) throw new CliError("api_error", `GET ${path} answered ${e.status}: ${e.code} ${e.detail}`, 1)
    throw e
  }
  const get = async <S extends Schema.Top>(schema: S, path: string, params: Record<string, string | undefined>): Promise<S["Type"]> => {
    const url = new URL(`${base}${path}`)
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
    const res = await doFetch(url, { headers: headers() })
    if (!res.ok) throw new CliError("api_error", `GET ${url.pathname} answered ${res.status}: ${(await res.text().catch(() => "")).slice(0, 200)}`, 1)
    return decoded(schema, await res.json())
  }
  const all = async <T>(schema: Schema.Top & { Type: { items: ReadonlyArray<T>; nextCursor?: string | null | undefined } }, path: string, limit: string) => {
    const out: T[] = []
    let cursor: string | undefined
    do {
      const page = (await get(schema, path, { limit, cursor })) as { items: ReadonlyArray<T>; nextCursor?: string | null }
      out.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return out
  }
  const observations = async (q: DashboardQuery) => {
    const out: Observation[] = []
    let cursor: string | undefined
    do {
      const page = await get(ObservationPage, "/v1/observations", {
        clusters: q.clusters?.join(","),
        indicators: q.indicators?.join(","),
        period: q.period,
        from: q.from,
        to: q.to,
        cursor,
      })
      out.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return out
  }
  // A judgement the API refused (a zone without data for the period …) is shown in its place.
  const judged = async <T>(call: Promise<T>): Promise<Judged<T>> => {
    try {
      return await call
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401 && e.status < 500) return { error: { zh: e.detail, en: e.detail } satisfies Bilingual }
      throw e
    }
  }
  return {
    description: { zh: `API ${base}`, en: `API ${base}` },
    register: async () => {
      const [clusters, regions, indicators] = await Promise.all([
        all<StoredCluster>(ClusterPage, "/v1/clusters", "500"),
        all<StoredRegion>(RegionPage, "/v1/regions", "500"),
        all<StoredIndicator>(IndicatorPage, "/v1/indicators", "500"),
      ])
      // The API has no period list: the periods of one widely reported indicator stand for it.
      const scale = await observations({ indicators: ["revenue", "operating_revenue"] })
      const periods = [...new Set(scale.map((o) => o.period as string))].sort()
      return { clusters: clusters.filter((c) => c.archivedAt === null), regions, indicators, periods }
    },
    observations,
    ranking: async (scheme, period) => {
      try {
        const { data } = await api.assessmentResult({ query: { scheme, period } })
        return { result: answerOf(jijuApi.assessmentResult, data).result, from: "stored" }
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) failed("/v1/assessments/results", e)
      }
      try {
        const { data } = await api.previewAssessment({ query: { scheme, period } })
        return { result: answerOf(jijuApi.previewAssessment, data).result, from: "computed" }
      } catch (e) {
        // Nothing to rank, or a caller who may only read published results.
        if (e instanceof ApiError && (e.status === 422 || e.status === 403 || e.status === 404)) return null
        return failed("/v1/assessments/preview", e)
      }
    },
    judgements: async (clusterId, period, { certify }) => {
      const query = { period, cluster: clusterId }
      const [stage, certification, diagnosis] = await Promise.all([
        judged(api.stage({ query }).then(({ data }) => answerOf(jijuApi.stage, data).results[0]!)),
        certify ? judged(api.certification({ query }).then(({ data }) => answerOf(jijuApi.certification, data).results[0]!)) : Promise.resolve(null),
        judged(api.diagnosis({ query }).then(({ data }) => answerOf(jijuApi.diagnosis, data).results[0]!)),
      ])
      return { stage, certification, diagnosis }
    },
    targets: async (q) => {
      try {
        const { data } = await api.targets({
          query: {
            set: q.set,
            period: q.period,
            target_year: String(q.targetYear),
            ...(q.baseYear !== undefined ? { base_year: String(q.baseYear) } : {}),
            ...(q.region !== undefined ? { region: q.region } : {}),
          },
        })
        return answerOf(jijuApi.targets, data)
      } catch (e) {
        return failed("/v1/assessments/targets", e)
      }
    },
    close: async () => {},
  }
}
