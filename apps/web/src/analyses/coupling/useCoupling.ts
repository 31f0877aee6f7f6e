import { findIndicator } from "@jiju/domain/model"
import { useCallback, useState } from "react"
import { type CouplingDocument, type CouplingRow, documentOf } from "../../api/analysisDocuments.js"
import { messageOf } from "../../api/problems.js"
import { followJob } from "../../api/runJob.js"
import type { ClusterWire } from "../../api/wire.js"
import { useSession } from "../../auth/Session.js"
import { complete, loadZoneRows } from "../../data/zoneRows.js"
import { readNumber } from "../../form/validate.js"
import { useI18n } from "../../i18n/I18n.js"
import type { CouplingChoice } from "./couplingChoice.js"

/** The coupling of a period's zones: the server's rows, U in subsystem order, and the zones' register entries. */
export interface CouplingResult {
  readonly rows: ReadonlyArray<CouplingRow & { readonly u: ReadonlyArray<number> }>
  readonly clusters: ReadonlyMap<string, ClusterWire>
}

/**
 * Run the coupling coordination of the zones of a period as an analysis job (POST /v1/analyses/coupling/jobs),
 * following its progress: the zones' values are read from the API and sent as the job's data.
 * @example const c = useCoupling(); await c.run(choice)
 */
export const useCoupling = () => {
  const { t } = useI18n()
  const { api } = useSession()
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<CouplingResult | null>(null)
  const run = useCallback(
    async (c: CouplingChoice) => {
      setError(null)
      if (c.a.length === 0 || c.b.length === 0) return setError(t.needTwo)
      const alphas = c.alpha.map(readNumber)
      const sum = (alphas[0] ?? 0) + (alphas[1] ?? 0)
      if (alphas.some((x) => x === null || x === undefined || x < 0) || sum <= 0) return setError(t.errAlpha)
      setProgress(0)
      setResult(null)
      try {
        const codes = [...c.a, ...c.b]
        const zones = await loadZoneRows(api, codes, { period: c.period })
        const data = complete(zones.rows, codes).map((r) => ({ id: r.id, ...r.values }))
        if (data.length < 2) throw new Error(t.noData)
        // A negative indicator is marked "-code", as `jiju coupling --subsystem` takes it.
        const sign = (code: string) => (findIndicator(code)?.direction === "negative" ? `-${code}` : code)
        const subsystems = [
          { name: t.subsystemAName, indicators: c.a.map(sign) },
          { name: t.subsystemBName, indicators: c.b.map(sign) },
        ]
        const body = {
          data,
          id: "id",
          subsystems,
          weighting: c.weighting,
          normalise: c.normalise,
          // The domain wants α summing to 1: the typed values count as proportions.
          alpha: (alphas as number[]).map((x) => x / sum),
        }
        const { data: job } = await api.queueCoupling({ body })
        const doc = documentOf<CouplingDocument>({ data: await followJob(api, job.id, (f) => setProgress(Math.round(f * 100))) })
        setProgress(100)
        const names = subsystems.map((s) => s.name)
        setResult({ rows: doc.rows.map((r) => ({ ...r, u: names.map((n) => r.U[n] ?? 0) })), clusters: zones.clusters })
      } catch (e) {
        setError(messageOf(e))
      } finally {
        setProgress(null)
      }
    },
    [api, t],
  )
  return { run, progress, error, result }
}
