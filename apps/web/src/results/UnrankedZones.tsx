import type { ResultWire } from "../api/wire.js"
import { useI18n } from "../i18n/I18n.js"

/** The zones a result leaves out of the ranking: vetoed (one-vote veto) and excluded (missing data), with reasons. */
export function UnrankedZones({ result, period }: { readonly result: ResultWire; readonly period: string }) {
  const { t, pick } = useI18n()
  return (
    <>
      {result.vetoed.length > 0 ? (
        <section aria-labelledby="vetoed-title">
          <h2 id="vetoed-title">{t.vetoed}</h2>
          <ul>
            {result.vetoed.map((v) => (
              <li key={v.cluster_id}>
                <a href={`#/cluster/${encodeURIComponent(v.cluster_id)}?period=${encodeURIComponent(period)}`}>{v.name}</a>: {v.reasons.map(pick).join("；")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.excluded.length > 0 ? (
        <details>
          <summary>
            {t.excluded} ({result.excluded.length})
          </summary>
          <ul>
            {result.excluded.map((v) => (
              <li key={v.cluster_id}>
                {v.name}: {v.reasons.map(pick).join("；")}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  )
}
