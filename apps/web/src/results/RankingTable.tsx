import type { GroupWire, ZoneResultWire } from "../api/wire.js"
import { useI18n } from "../i18n/I18n.js"

/** A symbol shown to sighted readers with its words for screen readers. */
function Said({ symbol, words, className }: { readonly symbol: string; readonly words: string; readonly className: string }) {
  return (
    <span className={className} title={words}>
      <span aria-hidden="true">{symbol}</span>
      <span className="sr-only">{words}</span>
    </span>
  )
}

/** ▲ n / ▼ n / – / new, with the words for screen readers. */
export function RankChange({ change, previousRank }: { readonly change: number | null; readonly previousRank: number | null }) {
  const { t } = useI18n()
  if (previousRank === null) return <span className="rank-new">{t.newEntry}</span>
  if (change === null || change === 0) return <Said className="rank-same" symbol="–" words={t.same} />
  return change > 0 ? (
    <Said className="rank-up" symbol={`▲${change}`} words={t.up(change)} />
  ) : (
    <Said className="rank-down" symbol={`▼${-change}`} words={t.down(-change)} />
  )
}

/**
 * Stars as ★ symbols with the count spelt out for screen readers; "not rated" below the entry threshold, and a
 * dash when the scheme has no star ladder (`undefined`).
 */
export function Stars({ stars }: { readonly stars: number | null | undefined }) {
  const { t } = useI18n()
  if (stars === undefined) return <Said className="muted" symbol="—" words={t.noLadder} />
  if (stars === null) return <span className="muted">{t.noStars}</span>
  return <Said className="stars" symbol={stars === 0 ? "☆" : "★".repeat(stars)} words={t.starsN(stars)} />
}

/**
 * One group's ranking as the server computed it: rank, zone (linking to its page), score, rank change ▲▼, stars
 * and reward.
 * @example <RankingTable group={result.groups[0]} clusters={byId} period="2025" />
 */
export function RankingTable({
  group,
  clusters,
  period,
  scheme,
}: {
  readonly group: GroupWire
  readonly clusters: ReadonlyMap<string, ZoneResultWire>
  readonly period: string
  /** The scheme of the run shown (the zone's page reads the same run). */
  readonly scheme?: string | undefined
}) {
  const { t, pick, lang } = useI18n()
  return (
    <table className="ranking">
      <caption>{t.groupCaption(pick(group.name), group.size, group.reward_band)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.rank}</th>
          <th scope="col">{t.colName}</th>
          <th scope="col" className="num">
            {t.score}
          </th>
          <th scope="col">{t.rankChange}</th>
          <th scope="col">{t.stars}</th>
          <th scope="col">{t.reward}</th>
        </tr>
      </thead>
      <tbody>
        {group.ranking.map((r) => {
          const c = clusters.get(r.cluster_id)
          const name = lang === "en" && c?.name_en ? c.name_en : r.name
          return (
            <tr key={r.cluster_id} className={r.reward ? "rewarded" : undefined} data-cluster={r.cluster_id}>
              <td className="num">{r.rank}</td>
              <th scope="row">
                <a
                  href={`#/cluster/${encodeURIComponent(r.cluster_id)}?period=${encodeURIComponent(period)}${scheme ? `&scheme=${encodeURIComponent(scheme)}` : ""}`}
                >
                  {name}
                </a>
              </th>
              <td className="num">{r.score.toFixed(2)}</td>
              <td>
                <RankChange change={c?.rank_change ?? null} previousRank={c?.previous_rank ?? null} />
              </td>
              <td>
                <Stars stars={c?.stars ? c.stars.stars : undefined} />
              </td>
              <td>{r.reward ? <span className="badge">{t.rewarded}</span> : ""}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
