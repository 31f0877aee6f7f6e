import type { ZoneResultWire } from "../api/wire.js"
import { useI18n } from "../i18n/I18n.js"
import { RankChange, Stars } from "./RankingTable.js"

/** A zone's result at a glance: period, score, rank in its group with the change, stars, reward, and the explanation. */
export function ClusterFacts({ zone, period }: { readonly zone: ZoneResultWire; readonly period: string }) {
  const { t, pick, lang } = useI18n()
  const { explanation } = zone
  return (
    <>
      <dl className="facts">
        <dt>{t.period}</dt>
        <dd>{period}</dd>
        <dt>{t.score}</dt>
        <dd>{zone.score === null ? "—" : zone.score.toFixed(2)}</dd>
        <dt>{t.rank}</dt>
        <dd>
          {zone.rank === null ? "—" : `${zone.rank} / ${zone.group_size}`}{" "}
          {zone.rank !== null ? <RankChange change={zone.rank_change} previousRank={zone.previous_rank} /> : null}
        </dd>
        <dt>{t.stars}</dt>
        <dd>
          <Stars stars={zone.stars ? zone.stars.stars : undefined} />
        </dd>
        <dt>{t.reward}</dt>
        <dd>{zone.reward ? <span className="badge">{t.rewarded}</span> : "—"}</dd>
      </dl>
      {zone.reasons.length > 0 ? (
        <ul className="warn" role="note">
          {zone.reasons.map((r) => (
            <li key={r.en}>{pick(r)}</li>
          ))}
        </ul>
      ) : null}
      {explanation[lang] ? <p>{explanation[lang]}</p> : null}
      {explanation.strengths.length > 0 ? (
        <p>
          {t.strengths}: {explanation.strengths.map((s) => pick(s)).join("、")}
          <br />
          {t.weaknesses}: {explanation.weaknesses.map((s) => pick(s)).join("、")}
        </p>
      ) : null}
    </>
  )
}
