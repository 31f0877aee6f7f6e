import { type AssessmentResult, henan2017Scheme, runAssessment, type ValueLookup, valueLookup } from "@jiju/domain/assessment"
import { previousPeriod } from "@jiju/domain/model"
import { type Api, ApiError } from "../api/client.js"
import type { ClusterRow, ObservationRow, Page } from "../api/types.js"

/** The scheme the web app shows results for. */
export const scheme = henan2017Scheme

/** An assessment to show: the result, where it comes from, and the data a cluster page reads. */
export interface LoadedAssessment {
  readonly result: AssessmentResult
  /**
   * `published`: a published run read from the API; `unpublished`: the latest run, not yet published (signed-in
   * readers only); `preview`: no run yet, computed here from the API's observations.
   */
  readonly source: "published" | "unpublished" | "preview"
  /** The run's id when read from the API (to publish it). */
  readonly runId: string | null
  readonly clusters: ReadonlyArray<ClusterRow>
  readonly value: ValueLookup
}

/** Every cluster of the register, page by page. */
export const listAllClusters = async (api: Api, query = ""): Promise<ClusterRow[]> => {
  const all: ClusterRow[] = []
  let cursor: string | null | undefined
  do {
    const page: Page<ClusterRow> = await api.get(`/v1/clusters?limit=500${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
    all.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return all
}

const codes = () => [
  ...scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.code as string)),
  ...scheme.veto.flatMap((v) => (v.kind === "indicator" ? [v.indicator as string] : [])),
]

const cache = new Map<string, Promise<LoadedAssessment>>()

/**
 * The assessment of a period: the latest run from GET /v1/assessments/results (published or not); when there is
 * none (404), a preview computed with the domain's `runAssessment` from GET /v1/clusters and GET /v1/observations,
 * with the previous period for rank changes. Anonymous readers get published runs only (when the API makes
 * results public) and no register data.
 */
export const loadAssessment = (api: Api, period: string): Promise<LoadedAssessment> => {
  let p = cache.get(period)
  if (!p) {
    p = load(api, period)
    cache.set(period, p)
    p.catch(() => cache.delete(period))
  }
  return p
}

/** Forget cached assessments (after new data were submitted). */
export const clearAssessmentCache = () => cache.clear()

interface RunDocument {
  readonly id: string
  readonly published: boolean
  readonly result: AssessmentResult
}

const load = async (api: Api, period: string): Promise<LoadedAssessment> => {
  const prev = previousPeriod(period)
  let run: RunDocument | null = null
  try {
    run = await api.get<RunDocument>(`/v1/assessments/results?scheme=${scheme.id}&period=${encodeURIComponent(period)}`)
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e
  }
  const register = Promise.all([
    listAllClusters(api, "&kind=industrial"),
    api.get<{ items: ObservationRow[] }>(`/v1/observations?from=${prev}&to=${period}&indicators=${codes().join(",")}`),
  ])
  if (run) {
    // A published result stands on its own; the register only adds stage and diagnosis (signed-in readers).
    const [clusters, obs] = await register.catch(() => [[], { items: [] as ObservationRow[] }] as const)
    return { result: run.result, source: run.published ? "published" : "unpublished", runId: run.id, clusters, value: lookup(obs.items) }
  }
  const [clusters, obs] = await register
  const value = lookup(obs.items)
  const input = { clusters: clusters as never, value }
  const before = runAssessment(scheme, input, prev)
  const hasBefore = before.groups.some((g) => g.size > 0)
  const result = runAssessment(scheme, input, period, hasBefore ? before : undefined)
  return { result, source: "preview", runId: null, clusters, value }
}

const lookup = (items: ReadonlyArray<ObservationRow>) =>
  valueLookup(
    items.filter((o) => o.target.kind === "cluster").map((o) => ({ clusterId: o.target.id, indicator: o.indicator, period: o.period, value: o.value })),
  )
