import type { ClusterAssessment } from "@jiju/domain/assessment"
import { previousPeriod } from "@jiju/domain/model"
import { useEffect, useMemo, useState } from "react"
import { messageOf } from "../api/client.js"
import { isUnauthorised, useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"
import { PeriodPicker } from "../ui/PeriodPicker.js"
import { navigate } from "../ui/route.js"
import { clearAssessmentCache, type LoadedAssessment, loadAssessment, scheme } from "./loadAssessment.js"
import { RankingTable } from "./RankingTable.js"

/** Rankings by group with rank changes, stars and rewards; vetoed and excluded zones listed apart. */
export default function ResultsPage({ period: initial }: { readonly period?: string }) {
  const { t, pick } = useI18n()
  const { api, me } = useSession()
  const [reload, setReload] = useState(0)
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const [period, setPeriod] = useState(initial ?? String(new Date().getFullYear() - 1))
  const [data, setData] = useState<LoadedAssessment | null>(null)
  const [error, setError] = useState<{ text: string; signIn: boolean } | null>(null)
  useEffect(() => {
    let live = true
    setData(null)
    setError(null)
    loadAssessment(api, period)
      .then((d) => live && setData(d))
      .catch((e) => live && setError({ text: messageOf(e), signIn: isUnauthorised(e) }))
    return () => {
      live = false
    }
  }, [api, period, reload])
  // Admins turn the preview (or an unpublished run) into the published result.
  const publish = async () => {
    if (!data) return
    setBusy(true)
    setActionError(null)
    try {
      if (data.source === "unpublished" && data.runId) await api.send("POST", `/v1/assessments/runs/${encodeURIComponent(data.runId)}/publish`)
      else {
        // The API compares with the latest run of the previous period: make one (unpublished) when there is
        // none, so the published ranking carries rank changes. No data then is not an error.
        const prev = previousPeriod(period)
        const hasPrev = await api.get(`/v1/assessments/results?scheme=${scheme.id}&period=${prev}`).then(
          () => true,
          () => false,
        )
        if (!hasPrev) await api.send("POST", "/v1/assessments/runs", { scheme: scheme.id, period: prev, publish: false }).catch(() => undefined)
        await api.send("POST", "/v1/assessments/runs", { scheme: scheme.id, period, publish: true })
      }
      clearAssessmentCache()
      setReload((n) => n + 1)
    } catch (e) {
      setActionError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const byId = useMemo(() => new Map<string, ClusterAssessment>((data?.result.clusters ?? []).map((c) => [c.clusterId, c])), [data])
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t.resultsTitle}</h1>
      <PeriodPicker value={period} onChange={setPeriod} />
      {error ? (
        <p role="alert">
          {t.loadFailed(error.text)}{" "}
          {error.signIn ? (
            <button type="button" onClick={() => navigate("login")}>
              {t.signIn}
            </button>
          ) : null}
        </p>
      ) : null}
      {!data && !error ? <p aria-busy="true">{t.loading}</p> : null}
      {data ? (
        <>
          <p className={data.source === "preview" ? "notice warn" : "notice"}>
            {data.source === "preview" ? t.resultsPreview : data.source === "unpublished" ? t.resultsUnpublished : t.resultsPublished}:{" "}
            {pick(data.result.schemeName)}
            {data.clusters.some((c) => c.isDemo) ? ` · ${t.demoData}` : ""}
          </p>
          {me?.role === "admin" && data.source !== "published" ? (
            <p>
              <button type="button" className="primary" onClick={publish} disabled={busy}>
                {busy ? t.publishing : data.source === "unpublished" ? t.publish : t.runAndPublish}
              </button>{" "}
              <span className="error" role="alert">
                {actionError}
              </span>
            </p>
          ) : null}
          {data.result.warnings.length > 0 ? (
            <details>
              <summary>{t.warnings}</summary>
              <ul>
                {data.result.warnings.map((w) => (
                  <li key={w.en}>{pick(w)}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {data.result.groups.every((g) => g.size === 0) ? <p>{t.noResults}</p> : null}
          <div className="rankings">
            {data.result.groups
              .filter((g) => g.size > 0)
              .map((g) => (
                <div className="table-scroll" key={g.group}>
                  <RankingTable group={g} clusters={byId} period={period} />
                </div>
              ))}
          </div>
          {data.result.vetoed.length > 0 ? (
            <section aria-labelledby="vetoed-title">
              <h2 id="vetoed-title">{t.vetoed}</h2>
              <ul>
                {data.result.vetoed.map((v) => (
                  <li key={v.clusterId}>
                    <a href={`#/cluster/${encodeURIComponent(v.clusterId)}?period=${period}`}>{v.name}</a>: {v.reasons.map(pick).join("；")}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.result.excluded.length > 0 ? (
            <details>
              <summary>
                {t.excluded} ({data.result.excluded.length})
              </summary>
              <ul>
                {data.result.excluded.map((v) => (
                  <li key={v.clusterId}>
                    {v.name}: {v.reasons.map(pick).join("；")}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
