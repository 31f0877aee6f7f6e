import type { JijuClient } from "../api/client.js"
import { isNotFound } from "../api/problems.js"
import type { ResultWire } from "../api/wire.js"

/** An assessment result to show, and where it comes from. */
export interface LoadedResult {
  readonly result: ResultWire
  /**
   * `published`: a published run; `unpublished`: the latest run, not yet published (signed-in readers only);
   * `preview`: no run yet, computed by the server from the current data and not stored.
   */
  readonly source: "published" | "unpublished" | "preview"
  /** The stored run's id (to publish it); null for a preview. */
  readonly runId: string | null
  /** The data are demo data (known for previews, from their report). */
  readonly demo: boolean
}

const load = async (api: JijuClient, scheme: string, period: string, kind?: string): Promise<LoadedResult> => {
  try {
    const { data } = await api.assessmentResult({ query: { scheme, period, ...(kind ? { kind } : {}) } as { scheme: string; period: string } })
    return { result: data.result, source: data.published ? "published" : "unpublished", runId: data.id, demo: false }
  } catch (e) {
    if (!isNotFound(e)) throw e
  }
  // No run yet: the server's preview, the same computation as a run, not stored.
  const { data } = await api.previewAssessment({ query: { scheme, period, ...(kind ? { kind } : {}) } as { scheme: string; period: string } })
  return { result: data.result, source: "preview", runId: null, demo: data.report.demo }
}

const caches = new WeakMap<JijuClient, Map<string, Promise<LoadedResult>>>()

/**
 * The result of a scheme (the scheme of a kind of zone) and period: the latest stored run (GET /v1/assessments/results),
 * or when there is none the server's preview (GET /v1/assessments/preview). Kept per client, scheme and period until
 * {@link forgetResults}. With `kind`, the runs (and the preview) of that kind's zones.
 * @example const { result, source } = await loadResult(api, "jiju-industrial", "2025", "industrial")
 */
export const loadResult = (api: JijuClient, scheme: string, period: string, kind?: string): Promise<LoadedResult> => {
  let cache = caches.get(api)
  if (!cache) {
    cache = new Map()
    caches.set(api, cache)
  }
  const key = `${scheme}\u0000${period}\u0000${kind ?? ""}`
  let p = cache.get(key)
  if (!p) {
    const mine = cache
    p = load(api, scheme, period, kind)
    mine.set(key, p)
    p.catch(() => mine.delete(key))
  }
  return p
}

/** Forget the results read (after a run was made or published). */
export const forgetResults = (api: JijuClient) => caches.delete(api)
