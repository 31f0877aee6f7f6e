import type { AssessmentResult } from "@jiju/domain/assessment"
import type { IndicatorDefinition, Observation, Region, StoredCluster } from "@jiju/domain/model"
import { CliError } from "../../CliError.js"
import type { DashboardQuery, DashboardSource } from "./DashboardSource.js"

/** How to reach the API. */
export interface ApiOptions {
  readonly baseUrl: string
  readonly token?: string
  /** For tests: a fetch of your own (defaults to the global fetch). */
  readonly fetch?: typeof fetch
}

interface Page<T> {
  readonly items: ReadonlyArray<T>
  readonly nextCursor?: string | null
}

/**
 * A {@link DashboardSource} over the HTTP API's /v1 routes with a bearer token. Plain `fetch` keeps the CLI free
 * of the server's dependencies; the routes read are GET /v1/clusters, /v1/regions, /v1/indicators (paged),
 * /v1/observations and /v1/assessments/results.
 * @example const src = apiSource({ baseUrl: "http://127.0.0.1:8080", token })
 */
export const apiSource = (opts: ApiOptions): DashboardSource => {
  const base = opts.baseUrl.replace(/\/+$/, "")
  const doFetch = opts.fetch ?? fetch
  const get = async <T>(path: string, params: Record<string, string | undefined> = {}, allow404 = false): Promise<T | undefined> => {
    const url = new URL(`${base}${path}`)
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
    let res: Response
    try {
      res = await doFetch(url, { headers: { accept: "application/json", ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) } })
    } catch (e) {
      throw new CliError("api_unreachable", `cannot reach the API at ${base}: ${(e as Error).message}`, 1)
    }
    if (allow404 && res.status === 404) return undefined
    if (!res.ok) {
      const body = await res.text().catch(() => "")
      throw new CliError("api_error", `GET ${url.pathname} answered ${res.status}: ${body.slice(0, 200)}`, 1)
    }
    return (await res.json()) as T
  }
  const all = async <T>(path: string): Promise<T[]> => {
    const out: T[] = []
    let cursor: string | undefined
    do {
      const page = (await get<Page<T>>(path, { limit: "500", cursor }))!
      out.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return out
  }
  const observations = async (q: DashboardQuery) =>
    (
      await get<{ items: Observation[] }>("/v1/observations", {
        clusters: q.clusters?.join(","),
        indicators: q.indicators?.join(","),
        period: q.period,
        from: q.from,
        to: q.to,
      })
    )?.items ?? []
  return {
    description: { zh: `API ${base}`, en: `API ${base}` },
    register: async () => {
      const [clusters, regions, indicators] = await Promise.all([
        all<StoredCluster>("/v1/clusters"),
        all<Region>("/v1/regions"),
        all<IndicatorDefinition>("/v1/indicators"),
      ])
      // The API has no period list: the periods of one widely reported indicator stand for it.
      const scale = await observations({ indicators: ["revenue", "operating_revenue"] })
      const periods = [...new Set(scale.map((o) => o.period as string))].sort()
      return { clusters, regions, indicators, periods }
    },
    observations,
    storedAssessment: async (scheme, period) =>
      (await get<{ result: AssessmentResult }>("/v1/assessments/results", { scheme, period }, true).catch(() => undefined))?.result,
    close: async () => {},
  }
}
