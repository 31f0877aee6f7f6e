import { useCallback, useState } from "react"
import { messageOf } from "../api/problems.js"
import { useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"
import { analyseMap, type MapAnalysis } from "./analyseMap.js"
import { type DensityCurve, loadDensity } from "./loadDensity.js"
import { loadMapData, type MapData } from "./loadMapData.js"
import type { MapRequest } from "./mapRequest.js"

/** A drawn map: what was asked, the units, the server's statistics and the distribution (or why it failed). */
export interface MapResult {
  readonly request: MapRequest
  readonly data: MapData
  readonly analysis: MapAnalysis
  readonly density: ReadonlyArray<DensityCurve> | { readonly error: string }
}

/**
 * Run a map request: the units' data, then the local statistics and the distribution from the analysis operations.
 * @example const m = useMapRun(); await m.run(request)
 */
export const useMapRun = () => {
  const { api } = useSession()
  const { lang } = useI18n()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<MapResult | null>(null)
  const run = useCallback(
    async (request: MapRequest) => {
      setBusy(true)
      setError(null)
      try {
        const [data, density] = await Promise.all([loadMapData(api, request), loadDensity(api, request).catch((e: unknown) => ({ error: messageOf(e, lang) }))])
        const analysis = await analyseMap(api, request, data)
        setResult({ request, data, analysis, density })
      } catch (e) {
        setError(messageOf(e, lang))
      } finally {
        setBusy(false)
      }
    },
    [api, lang],
  )
  return { run, busy, error, result, fail: setError }
}
