import type { ClusterWire } from "../api/wire.js"
import { useI18n } from "../i18n/I18n.js"

/** The form's zone and period fields; the period shows the grammar's message or the API's issues at it. */
export function ZoneAndPeriod({
  idPrefix,
  clusters,
  clusterId,
  onCluster,
  clusterError,
  period,
  onPeriod,
  periodError,
}: {
  readonly idPrefix: string
  readonly clusters: ReadonlyArray<ClusterWire>
  readonly clusterId: string
  readonly onCluster: (id: string) => void
  readonly clusterError: string | null
  readonly period: string
  readonly onPeriod: (p: string) => void
  readonly periodError: string | null
}) {
  const { t, lang } = useI18n()
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-cluster`}>{t.cluster}</label>
        <select
          id={`${idPrefix}-cluster`}
          value={clusterId}
          onChange={(e) => onCluster(e.target.value)}
          aria-invalid={!clusterId || clusterError !== null}
          aria-describedby={`${idPrefix}-cluster-error`}
        >
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {lang === "en" && c.name_en ? c.name_en : c.name} ({c.id}){c.is_demo ? ` · ${t.demoData}` : ""}
            </option>
          ))}
        </select>
        <span id={`${idPrefix}-cluster-error`} className="error">
          {clusterError}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-period`}>{t.period}</label>
        <input
          id={`${idPrefix}-period`}
          value={period}
          onChange={(e) => onPeriod(e.target.value.trim())}
          aria-invalid={periodError !== null}
          aria-describedby={`${idPrefix}-period-help ${idPrefix}-period-error`}
          inputMode="text"
          autoComplete="off"
        />
        <small id={`${idPrefix}-period-help`}>{t.periodHelp}</small>
        <span id={`${idPrefix}-period-error`} className="error" aria-live="polite">
          {periodError}
        </span>
      </div>
    </>
  )
}
