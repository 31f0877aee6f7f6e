import { clusterKindNames } from "@jiju/domain/model"
import { useMemo, useState } from "react"
import { loadKindSchemes } from "../api/kindSchemes.js"
import { isUnauthorised, messageOf } from "../api/problems.js"
import type { ZoneResultWire } from "../api/wire.js"
import { useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"
import { PeriodPicker } from "../ui/PeriodPicker.js"
import { navigate } from "../ui/route.js"
import { useLoad } from "../ui/useLoad.js"
import { loadResult } from "./loadResult.js"
import { PublishAction } from "./PublishAction.js"
import { RankingTable } from "./RankingTable.js"
import { ReportDownloads } from "./ReportDownloads.js"
import { UnrankedZones } from "./UnrankedZones.js"

/**
 * Rankings by group with rank changes, stars and rewards, as the server computed them (a stored run, or its
 * preview when the period has none); vetoed and excluded zones listed apart.
 */
export default function ResultsPage({ period: initial, kind: initialKind }: { readonly period?: string; readonly kind?: string }) {
  const { t, pick } = useI18n()
  const { api, me } = useSession()
  const [period, setPeriod] = useState(initial ?? String(new Date().getFullYear() - 1))
  // Each kind of zone has its own scheme and run: the reader picks the kind, the server names its scheme.
  const [kind, setKind] = useState(initialKind ?? "industrial")
  const kinds = useLoad(() => loadKindSchemes(api), [api])
  const entry = kinds.data?.find((k) => k.kind === kind)
  const schemeId = entry?.scheme.id
  const { data, error, reload } = useLoad(
    () => (schemeId === undefined ? new Promise<never>(() => {}) : loadResult(api, schemeId, period, kind)),
    [api, schemeId, period, kind],
  )
  const byId = useMemo(() => new Map<string, ZoneResultWire>((data?.result.clusters ?? []).map((c) => [c.cluster_id, c])), [data])
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t.resultsTitle}</h1>
      <PeriodPicker value={period} onChange={setPeriod} />
      <label>
        {t.kindOfRun}{" "}
        <select value={kind} onChange={(e) => setKind(e.target.value)}>
          {(kinds.data ?? []).map((k) => (
            <option key={k.kind} value={k.kind}>
              {pick(clusterKindNames[k.kind])} · {pick(k.scheme.name)}
            </option>
          ))}
        </select>
      </label>
      {kinds.error ? <p role="alert">{t.loadFailed(messageOf(kinds.error))}</p> : null}
      {error ? (
        <p role="alert">
          {t.loadFailed(messageOf(error))}{" "}
          {isUnauthorised(error) ? (
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
            {pick(data.result.scheme_name)}
            {data.demo ? ` · ${t.demoData}` : ""}
          </p>
          {entry && entry.unconfirmed.length > 0 ? (
            <p className="notice warn">{t.unconfirmedDefaults(entry.unconfirmed.map((u) => pick(u.what)).join("、"))}</p>
          ) : null}
          {me?.role === "admin" && data.source !== "published" && entry ? (
            <PublishAction loaded={data} period={period} kind={entry.kind} unconfirmed={entry.unconfirmed} onDone={reload} />
          ) : null}
          {data.runId ? <ReportDownloads runId={data.runId} published={data.source === "published"} /> : null}
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
                  <RankingTable group={g} clusters={byId} period={period} scheme={schemeId} />
                </div>
              ))}
          </div>
          <UnrankedZones result={data.result} period={period} />
        </>
      ) : null}
    </section>
  )
}
