import { AssessmentScheme, decodeScheme } from "@jiju/domain/assessment"
import { fromWire } from "@jiju/domain/contract"
import type { ClusterKind } from "@jiju/domain/model"
import type { JijuClient } from "./client.js"
import type { Answer } from "./wire.js"

/** One kind's scheme as the server names it (GET /v1/assessments/kind-schemes), the scheme decoded for the form. */
export interface KindSchemeEntry {
  readonly kind: ClusterKind
  readonly scheme: AssessmentScheme
  /** The parts of the scheme that still hold Jiju defaults (publishing on them asks for confirmation). */
  readonly unconfirmed: Answer<"kindSchemes">["items"][number]["unconfirmed_defaults"]
  readonly configured: boolean
}

const caches = new WeakMap<JijuClient, Promise<ReadonlyArray<KindSchemeEntry>>>()

/**
 * The scheme of every kind of zone, as the server configures it (never a scheme built into the page), read once per
 * client.
 * @example const kinds = await loadKindSchemes(api); kinds.find((k) => k.kind === "modern_service")?.scheme.id
 */
export const loadKindSchemes = (api: JijuClient): Promise<ReadonlyArray<KindSchemeEntry>> => {
  let p = caches.get(api)
  if (!p) {
    p = api.kindSchemes({}).then(({ data }) =>
      data.items.map((i) => ({
        kind: i.kind as ClusterKind,
        scheme: decodeScheme(fromWire(AssessmentScheme, i.scheme)),
        unconfirmed: i.unconfirmed_defaults,
        configured: i.configured,
      })),
    )
    caches.set(api, p)
    p.catch(() => caches.delete(api))
  }
  return p
}
