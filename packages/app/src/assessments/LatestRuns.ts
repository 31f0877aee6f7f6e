import type { ClusterKind } from "@jiju/domain/model"
import { AssessmentRuns, type StoredRun } from "@jiju/store"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

// Results are read far more often than runs are made: keep the latest run of each scheme and period, and look
// every few seconds whether another process has made or published a newer one (a one-row query; the full result,
// hundreds of kilobytes of JSON, is read again only when it changed).
const TTL_MS = 5_000

/** The latest stored run of each scheme and period, kept between reads. */
export interface LatestRunsShape {
  /**
   * The latest run of a scheme and period (published or not), at most a few seconds old; with `kind`, the latest of
   * that kind's runs (a scheme the commission gave several kinds has one run per kind).
   */
  readonly get: (scheme: string, period: string, kind?: ClusterKind) => ReturnType<typeof AssessmentRuns.get>
  /** Forget what is kept of a scheme and period (after this process made or published a run). */
  readonly forget: (scheme: string, period: string) => Effect.Effect<void>
}

/** The latest runs kept by this process (one per runtime). */
export class LatestRuns extends Context.Service<LatestRuns, LatestRunsShape>()("@jiju/app/LatestRuns") {}

/**
 * A fresh keeper of latest runs.
 * @example Layer.provide(useCases, latestRunsLayer())
 */
export const latestRunsLayer = (): Layer.Layer<LatestRuns> =>
  Layer.sync(LatestRuns, () => {
    const kept = new Map<string, { readonly at: number; readonly run: StoredRun | undefined }>()
    const key = (scheme: string, period: string, kind?: ClusterKind) => `${scheme}\u0000${period}\u0000${kind ?? ""}`
    return {
      get: (scheme, period, kind) =>
        Effect.gen(function* () {
          const k = key(scheme, period, kind)
          const hit = kept.get(k)
          if (hit && Date.now() - hit.at < TTL_MS) return hit.run
          const head = yield* AssessmentRuns.head(scheme, period, kind)
          const same = hit?.run !== undefined && head !== undefined && hit.run.id === head.id && hit.run.published === head.published
          const run = same ? hit!.run : head ? yield* AssessmentRuns.get(head.id) : undefined
          if (kept.size > 256) kept.clear()
          kept.set(k, { at: Date.now(), run })
          return run
        }),
      forget: (scheme, period) =>
        Effect.sync(() => {
          const prefix = key(scheme, period).slice(0, -1)
          for (const k of [...kept.keys()]) if (k.startsWith(prefix)) kept.delete(k)
        }),
    }
  })
