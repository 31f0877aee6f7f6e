import { ApiError } from "@jiju/domain/contract"
import type { Issue } from "@jiju/domain/model"
import { useCallback, useState } from "react"
import { issuesOf, messageOf } from "../api/problems.js"
import type { ObservationWire, ReceiptWire } from "../api/wire.js"
import { useSession } from "../auth/Session.js"

/** A written submission: the API's receipt and the values read back. */
export interface Stored {
  readonly receipt: ReceiptWire
  readonly rows: ReadonlyArray<ObservationWire>
}

/**
 * Submit one period's values (POST, or PUT to correct a period already submitted) and read the stored values back.
 * A refusal keeps the API's located issues, to be shown at the fields they name (`column`: "period",
 * "values.revenue" …), and its detail.
 * @example const s = useSubmission(); await s.submit("hb-qibin", "2025", { revenue: 330 }, false)
 */
export const useSubmission = () => {
  const { api } = useSession()
  const [busy, setBusy] = useState(false)
  const [issues, setIssues] = useState<ReadonlyArray<Issue>>([])
  const [failure, setFailure] = useState<{ readonly detail: string; readonly duplicate: boolean } | null>(null)
  const [stored, setStored] = useState<Stored | null>(null)

  const submit = useCallback(
    async (clusterId: string, period: string, values: Readonly<Record<string, number>>, correct: boolean): Promise<Stored | null> => {
      setBusy(true)
      setFailure(null)
      setIssues([])
      try {
        const body = { period, values, source: "web form" }
        const { data: receipt } = correct
          ? await api.correctPeriod({ params: { id: clusterId, period }, body })
          : await api.submitPeriod({ params: { id: clusterId }, body })
        const { data } = await api.clusterSeries({ params: { id: clusterId }, query: { period } })
        const done = { receipt, rows: data.items }
        setStored(done)
        return done
      } catch (e) {
        setIssues(issuesOf(e))
        setFailure({ detail: messageOf(e), duplicate: e instanceof ApiError && e.code === "duplicate_submission" })
        return null
      } finally {
        setBusy(false)
      }
    },
    [api],
  )
  /** The issues the API reported at one field. */
  const issuesAt = useCallback((column: string) => issues.filter((i) => i.column === column), [issues])
  /** A field was changed: its issues no longer apply. */
  const clearAt = useCallback((column: string) => setIssues((all) => (all.some((i) => i.column === column) ? all.filter((i) => i.column !== column) : all)), [])
  /** A new zone or period: nothing of the last submission applies. */
  const reset = useCallback(() => {
    setIssues([])
    setFailure(null)
    setStored(null)
  }, [])
  return { submit, busy, issues, issuesAt, clearAt, failure, stored, reset }
}
