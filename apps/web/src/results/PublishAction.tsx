import { useState } from "react"
import type { KindSchemeEntry } from "../api/kindSchemes.js"
import { messageOf } from "../api/problems.js"
import { useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"
import { forgetResults, type LoadedResult } from "./loadResult.js"

/**
 * An admin's button that makes the shown result the published one: publishes an unpublished run, or has the server
 * run the assessment and store it as published (the server compares it with the previous period itself). On a
 * scheme that holds Jiju defaults it first asks the admin to confirm them; the server records who confirmed and when.
 */
export function PublishAction({
  loaded,
  period,
  kind,
  unconfirmed,
  onDone,
}: {
  readonly loaded: LoadedResult
  readonly period: string
  /** The kind whose run is shown: a new run is that kind's, on its own scheme. */
  readonly kind: KindSchemeEntry["kind"]
  readonly unconfirmed: KindSchemeEntry["unconfirmed"]
  readonly onDone: () => void
}) {
  const { t, pick, lang } = useI18n()
  const { api } = useSession()
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // POST /v1/assessments/runs: the server runs the assessment and stores the run.
  const { runAssessment: storeRun, publishAssessment } = api
  const confirm = unconfirmed.length > 0
  const publish = async () => {
    setAsking(false)
    setBusy(true)
    setError(null)
    try {
      if (loaded.source === "unpublished" && loaded.runId)
        await publishAssessment({ params: { id: loaded.runId }, query: confirm ? { confirm_defaults: "true" } : {} })
      else await storeRun({ body: { kind, period, publish: true, ...(confirm ? { confirm_defaults: true } : {}) } })
      forgetResults(api)
      onDone()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const what = unconfirmed.map((u) => pick(u.what)).join(lang === "zh" ? "、" : ", ")
  return (
    <>
      <p>
        <button type="button" className="primary" onClick={() => (confirm ? setAsking(true) : publish())} disabled={busy || asking}>
          {busy ? t.publishing : loaded.source === "unpublished" ? t.publish : t.runAndPublish}
        </button>{" "}
        <span className="error" role="alert">
          {error}
        </span>
      </p>
      {asking ? (
        <div role="alertdialog" aria-modal="false" aria-labelledby="confirm-defaults-text" className="card notice warn">
          <p id="confirm-defaults-text">{t.confirmDefaults(what)}</p>
          <button type="button" className="primary" onClick={publish}>
            {t.confirmAndPublish}
          </button>{" "}
          <button type="button" onClick={() => setAsking(false)}>
            {t.cancel}
          </button>
        </div>
      ) : null}
    </>
  )
}
