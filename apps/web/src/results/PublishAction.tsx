import { useState } from "react"
import { messageOf } from "../api/problems.js"
import { useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"
import { forgetResults, type LoadedResult, scheme } from "./loadResult.js"

/**
 * An admin's button that makes the shown result the published one: publishes an unpublished run, or has the server
 * run the assessment and store it as published (the server compares it with the previous period itself).
 */
export function PublishAction({ loaded, period, onDone }: { readonly loaded: LoadedResult; readonly period: string; readonly onDone: () => void }) {
  const { t } = useI18n()
  const { api } = useSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // POST /v1/assessments/runs: the server runs the assessment and stores the run.
  const { runAssessment: storeRun, publishAssessment } = api
  const publish = async () => {
    setBusy(true)
    setError(null)
    try {
      if (loaded.source === "unpublished" && loaded.runId) await publishAssessment({ params: { id: loaded.runId } })
      else await storeRun({ body: { scheme: scheme.id, period, publish: true } })
      forgetResults(api)
      onDone()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <p>
      <button type="button" className="primary" onClick={publish} disabled={busy}>
        {busy ? t.publishing : loaded.source === "unpublished" ? t.publish : t.runAndPublish}
      </button>{" "}
      <span className="error" role="alert">
        {error}
      </span>
    </p>
  )
}
