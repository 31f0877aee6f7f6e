import { loadKindSchemes } from "../api/kindSchemes.js"
import { messageOf } from "../api/problems.js"
import { useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"
import { useLoad } from "../ui/useLoad.js"
import { ClusterFacts } from "./ClusterFacts.js"
import { DiagnosisCard } from "./judgements/DiagnosisCard.js"
import { StageCard } from "./judgements/StageCard.js"
import { useJudgements } from "./judgements/useJudgements.js"
import { loadResult } from "./loadResult.js"
import { ScoreCharts } from "./ScoreCharts.js"
import { TrendChart } from "./TrendChart.js"

/**
 * One zone's result: facts, score breakdown, dimension radar, indicator trends, and the server's judgements
 * (development stage, certification of service agglomerations, diagnosis).
 */
export default function ClusterPage({ clusterId, period, scheme }: { readonly clusterId: string; readonly period: string; readonly scheme?: string }) {
  const { t, lang } = useI18n()
  const { api } = useSession()
  // The run of the scheme the ranking linked from, else that of the zone's kind (as the server names it).
  const { data, error } = useLoad(async () => {
    if (scheme) return loadResult(api, scheme, period)
    const found = await Promise.all([api.getCluster({ params: { id: clusterId } }), loadKindSchemes(api)]).then(
      ([{ data: zone }, kinds]) => kinds.find((k) => k.kind === zone.kind)?.scheme.id,
      () => undefined,
    )
    return loadResult(api, found ?? "jiju-industrial", period)
  }, [api, clusterId, scheme, period])
  const judgements = useJudgements(clusterId, period)
  if (error) return <p role="alert">{t.loadFailed(messageOf(error))}</p>
  if (!data) return <p aria-busy="true">{t.loading}</p>
  const zone = data.result.clusters.find((x) => x.cluster_id === clusterId)
  const entry = judgements.data?.zone
  const name = zone
    ? lang === "en" && zone.name_en
      ? zone.name_en
      : zone.name
    : entry
      ? lang === "en" && entry.name_en
        ? entry.name_en
        : entry.name
      : clusterId
  if (!zone && !judgements.data && !judgements.loading) return <p role="alert">{t.loadFailed(clusterId)}</p>
  return (
    <article aria-labelledby="cluster-title" className="cluster-page">
      <p>
        <a href={`#/results?period=${encodeURIComponent(period)}`}>← {t.backToRanking}</a>
      </p>
      <h1 id="cluster-title">
        {name} <small className="muted">{clusterId}</small>
      </h1>
      {zone ? (
        <>
          <ClusterFacts zone={zone} period={period} />
          <ScoreCharts zone={zone} result={data.result} />
          <TrendChart clusterId={clusterId} zone={zone} />
        </>
      ) : (
        <p className="notice">{t.notInRanking(period)}</p>
      )}
      {judgements.data ? (
        <div className="chart-grid">
          <StageCard judgements={judgements.data} />
          <DiagnosisCard diagnosis={judgements.data.diagnosis} />
        </div>
      ) : judgements.loading ? (
        <p aria-busy="true">{t.loading}</p>
      ) : null}
    </article>
  )
}
