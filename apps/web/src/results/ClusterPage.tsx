import { certify, classifyStage, countyServiceCertification, diagnose } from "@jiju/domain/assessment"
import { useEffect, useMemo, useState } from "react"
import { messageOf } from "../api/client.js"
import type { ObservationRow } from "../api/types.js"
import { useSession } from "../auth/Session.js"
import { EChart } from "../charts/EChart.js"
import { dimensionRadarOption, scoreBreakdownOption, trendOption } from "../charts/options.js"
import { useI18n } from "../i18n/I18n.js"
import { type LoadedAssessment, loadAssessment, scheme } from "./loadAssessment.js"
import { RankChange, Stars } from "./RankingTable.js"

/**
 * One zone's result: score breakdown, dimension radar, indicator trends, development stage, certification (for
 * service agglomerations) and diagnosis.
 */
export default function ClusterPage({ clusterId, period }: { readonly clusterId: string; readonly period: string }) {
  const { t, pick, lang } = useI18n()
  const { api } = useSession()
  const [data, setData] = useState<LoadedAssessment | null>(null)
  const [series, setSeries] = useState<ReadonlyArray<ObservationRow> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    loadAssessment(api, period)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(messageOf(e)))
    const codes = scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.code))
    api
      .get<{ items: ObservationRow[] }>(`/v1/clusters/${encodeURIComponent(clusterId)}/observations?indicators=${codes.join(",")}`)
      .then((r) => live && setSeries(r.items))
      .catch(() => live && setSeries([]))
    return () => {
      live = false
    }
  }, [api, clusterId, period])

  const c = data?.result.clusters.find((x) => x.clusterId === clusterId)
  const row = data?.clusters.find((x) => x.id === clusterId)
  const extra = useMemo(() => {
    if (!data || !row) return null
    const value = (code: string) => data.value(clusterId, code, period)
    const stage = classifyStage(value)
    let certification = null
    if (row.kind === "modern_service" && row.form) {
      try {
        certification = certify(countyServiceCertification, { form: row.form, value, fact: () => undefined })
      } catch {
        certification = null
      }
    }
    const diagnosis = diagnose({ clusters: data.clusters as never, value: data.value }, period).find((d) => d.clusterId === clusterId) ?? null
    return { stage, certification, diagnosis }
  }, [data, row, clusterId, period])

  const trend = useMemo(() => {
    if (!series || series.length === 0) return null
    const periods = [...new Set(series.map((s) => s.period))].sort()
    const codes = [...new Set(series.map((s) => s.indicator))]
    const contributions = c?.contributions ?? []
    // Each series as an index (first period = 100), so indicators in different units share one axis.
    return trendOption(
      periods,
      codes.map((code) => {
        const v = new Map(series.filter((s) => s.indicator === code).map((s) => [s.period, s.value]))
        const first = periods.map((p) => v.get(p)).find((x) => x !== undefined && x !== 0)
        const info = contributions.find((x) => x.code === code)
        return { name: info ? pick(info) : code, values: periods.map((p) => (v.has(p) && first ? Number(((v.get(p)! / first) * 100).toFixed(1)) : null)) }
      }),
    )
  }, [series, c, pick])

  if (error) return <p role="alert">{t.loadFailed(error)}</p>
  if (!data) return <p aria-busy="true">{t.loading}</p>
  if (!c) return <p role="alert">{t.loadFailed(clusterId)}</p>
  const dimMax = (id: string) => data.result.weights.filter((w) => w.dimension === id).reduce((a, w) => a + w.weight, 0) * data.result.totalPoints
  return (
    <article aria-labelledby="cluster-title" className="cluster-page">
      <p>
        <a href={`#/results?period=${encodeURIComponent(period)}`}>← {t.backToRanking}</a>
      </p>
      <h1 id="cluster-title">
        {lang === "en" && c.nameEn ? c.nameEn : c.name} <small className="muted">{clusterId}</small>
      </h1>
      <dl className="facts">
        <dt>{t.period}</dt>
        <dd>{period}</dd>
        <dt>{t.score}</dt>
        <dd>{c.score === null ? "—" : c.score.toFixed(2)}</dd>
        <dt>{t.rank}</dt>
        <dd>
          {c.rank === null ? "—" : `${c.rank} / ${c.groupSize}`} {c.rank !== null ? <RankChange change={c.rankChange} previousRank={c.previousRank} /> : null}
        </dd>
        <dt>{t.stars}</dt>
        <dd>
          <Stars stars={c.stars ? c.stars.stars : undefined} />
        </dd>
        <dt>{t.reward}</dt>
        <dd>{c.reward ? <span className="badge">{t.rewarded}</span> : "—"}</dd>
      </dl>
      {c.reasons.length > 0 ? (
        <ul className="warn" role="note">
          {c.reasons.map((r) => (
            <li key={r.en}>{pick(r)}</li>
          ))}
        </ul>
      ) : null}
      {c.explanation[lang] ? <p>{c.explanation[lang]}</p> : null}

      <div className="chart-grid">
        <section aria-labelledby="breakdown-title" className="card">
          <h2 id="breakdown-title">{t.scoreBreakdown}</h2>
          <EChart
            label={`${t.scoreBreakdown}: ${c.contributions.map((x) => `${pick(x)} ${x.points?.toFixed(1) ?? "—"}`).join(", ")}`}
            option={scoreBreakdownOption(c.contributions, data.result.totalPoints, lang, { earned: t.score, full: t.fullPoints })}
            height={340}
          />
        </section>
        <section aria-labelledby="radar-title" className="card">
          <h2 id="radar-title">{t.dimensionRadar}</h2>
          <EChart
            label={t.dimensionRadar}
            option={dimensionRadarOption(
              c.dimensions.map((d) => ({ zh: d.zh, en: d.en, share: d.points === null ? null : d.points / (dimMax(d.id) || 1) })),
              lang,
              c.name,
            )}
            height={340}
          />
        </section>
      </div>
      {trend ? (
        <section aria-labelledby="trend-title" className="card">
          <h2 id="trend-title">{t.trends}</h2>
          <EChart label={t.trends} option={trend} height={340} />
        </section>
      ) : null}

      {extra ? (
        <div className="chart-grid">
          <section aria-labelledby="stage-title" className="card">
            <h2 id="stage-title">{t.stage}</h2>
            <p>
              <strong>{pick(extra.stage.stageName)}</strong>
              {extra.stage.reachName ? ` · ${pick(extra.stage.reachName)}` : ""}
            </p>
            <p>{pick(extra.stage.text)}</p>
            <h3>{t.certification}</h3>
            <p>{extra.certification ? pick(extra.certification.text) : t.notService}</p>
            {c.explanation.strengths.length > 0 ? (
              <p>
                {t.strengths}: {c.explanation.strengths.map((s) => pick(s)).join("、")}
                <br />
                {t.weaknesses}: {c.explanation.weaknesses.map((s) => pick(s)).join("、")}
              </p>
            ) : null}
          </section>
          <section aria-labelledby="diagnosis-title" className="card">
            <h2 id="diagnosis-title">{t.diagnosis}</h2>
            {extra.diagnosis && extra.diagnosis.problems.length > 0 ? (
              <ul>
                {extra.diagnosis.problems.slice(0, 5).map((p) => (
                  <li key={p.id}>
                    <strong>{pick(p.name)}</strong> — {p.evidence.map((e) => pick(e.text)).join("；")}
                    <br />
                    <small>
                      {t.measures}: {p.measures.map(pick).join("；")}
                    </small>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t.noProblems}</p>
            )}
          </section>
        </div>
      ) : null}
    </article>
  )
}
