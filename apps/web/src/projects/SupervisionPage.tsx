import { sourceLine } from "@jiju/domain/model"
import { projectRuleSource, reportStateNames } from "@jiju/domain/projects"
import { type FormEvent, useId, useState } from "react"
import { messageOf } from "../api/problems.js"
import { useSession } from "../auth/Session.js"
import { useWritableClusters } from "../form/useWritableClusters.js"
import { useI18n } from "../i18n/I18n.js"
import { useLoad } from "../ui/useLoad.js"
import { ZoneFilter, zoneNameIn } from "./ZoneFilter.js"

/** An instant of the server's (ISO) as Beijing time, in the interface's locale. */
const beijingTime = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })

const projectLink = (id: string, name: string) => <a href={`#/project/${encodeURIComponent(id)}`}>{name}</a>

/**
 * The supervision view (督导) as the server computed it for one week: whose reports came, stalled and slow projects,
 * the problems waiting on each department, the weekly meeting's agenda; and the server's findings: land-recovery
 * candidates of the two-year review and the zones without a newly started industrial project in the half year.
 */
export default function SupervisionPage({ initialWeek }: { readonly initialWeek?: string }) {
  const { t, lang, pick } = useI18n()
  const { api } = useSession()
  const id = useId()
  const [cluster, setCluster] = useState("")
  const [week, setWeek] = useState(initialWeek ?? "")
  const [weekText, setWeekText] = useState(initialWeek ?? "")
  const zones = useWritableClusters()
  const view = useLoad(
    () => api.supervision({ query: { ...(cluster ? { cluster } : {}), ...(week ? { week } : {}) } }).then((r) => r.data),
    [api, cluster, week],
  )
  const findings = useLoad(() => api.projectFindings({ query: { ...(cluster ? { cluster } : {}) } }).then((r) => r.data), [api, cluster])
  const zoneName = zoneNameIn(zones.data, lang)
  const showWeek = (e: FormEvent) => {
    e.preventDefault()
    setWeek(weekText.trim())
  }
  const v = view.data
  const f = findings.data
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t.supervisionTitle}</h1>
      <form className="filters" onSubmit={showWeek} aria-label={t.supervisionFilters}>
        <ZoneFilter zones={zones.data} value={cluster} onChange={setCluster} emptyLabel={t.allZones} />
        <div className="field inline">
          <label htmlFor={`${id}-week`}>{t.week}</label>
          <input id={`${id}-week`} value={weekText} placeholder={v?.week ?? "2025-W10"} onChange={(e) => setWeekText(e.target.value)} />
          <button type="submit">{t.show}</button>
        </div>
      </form>
      {view.error ? <p role="alert">{t.loadFailed(messageOf(view.error))}</p> : null}
      {!v && !view.error ? <p aria-busy="true">{t.loading}</p> : null}
      {v ? (
        <>
          <p className="notice">{t.supervisionWeek(v.week, v.as_of)}</p>
          <section className="card" aria-labelledby={`${id}-reports`}>
            <h2 id={`${id}-reports`}>{t.weekReports}</h2>
            <p>{t.weekReportCounts(v.reports.expected, v.reports.on_time, v.reports.late, v.reports.missing, v.reports.open)}</p>
            {v.reports.items.length > 0 ? (
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.projectName}</th>
                      <th scope="col">{t.projectZone}</th>
                      <th scope="col">{t.reportState}</th>
                      <th scope="col">{t.filedAt}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.reports.items.map((r) => (
                      <tr key={r.project}>
                        <td>{projectLink(r.project, r.name)}</td>
                        <td>{zoneName(r.cluster)}</td>
                        <td className={`report-${r.state}`}>{pick(reportStateNames[r.state])}</td>
                        <td>{r.first_submitted_at ? beijingTime(r.first_submitted_at, t.locale) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
          <section className="card" aria-labelledby={`${id}-stalled`}>
            <h2 id={`${id}-stalled`}>{t.stalledProjects}</h2>
            {v.stalled.length === 0 ? (
              <p className="muted">{t.none}</p>
            ) : (
              <ul>
                {v.stalled.map((s) => (
                  <li key={s.project}>
                    {projectLink(s.project, s.name)} · {zoneName(s.cluster)} · {t.stalledSince(s.since, s.last_report_week)}
                  </li>
                ))}
              </ul>
            )}
            {v.slow.length > 0 ? (
              <>
                <h3>{t.slowProjects}</h3>
                <ul>
                  {v.slow.map((s) => (
                    <li key={s.project}>
                      {projectLink(s.project, s.name)} · {zoneName(s.cluster)} · {t.weeksWithoutProgress(s.weeks_without_progress)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section className="card" aria-labelledby={`${id}-waiting`}>
            <h2 id={`${id}-waiting`}>{t.waitingProblems}</h2>
            {v.waiting.length === 0 ? <p className="muted">{t.none}</p> : null}
            {v.waiting.map((q) => (
              <div key={q.department}>
                <h3>{q.department}</h3>
                <ul>
                  {q.items.map((i) => (
                    <li key={`${i.project}-${i.description}`}>
                      {projectLink(i.project, i.name)}：{i.description} <small className="muted">{t.waitingSince(i.since, i.weeks)}</small>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <section className="card" aria-labelledby={`${id}-agenda`}>
            <h2 id={`${id}-agenda`}>{t.meetingAgenda}</h2>
            {v.agenda.length === 0 ? (
              <p className="muted">{t.none}</p>
            ) : (
              <ol>
                {v.agenda.map((a, i) => (
                  <li key={i} className={`agenda-${a.kind}`}>
                    {lang === "zh" ? a.zh : a.en}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      ) : null}
      {findings.error ? <p role="alert">{t.loadFailed(messageOf(findings.error))}</p> : null}
      {f ? (
        <section className="card" aria-labelledby={`${id}-findings`}>
          <h2 id={`${id}-findings`}>{t.findingsTitle(f.as_of)}</h2>
          <h3>{t.recoveryCandidates}</h3>
          <p className="muted">
            <small>{pick(sourceLine(projectRuleSource(f.recovery.source)))}</small>
          </p>
          {f.recovery.items.filter((r) => r.state === "candidate").length === 0 ? (
            <p className="muted">{t.none}</p>
          ) : (
            <ul>
              {f.recovery.items
                .filter((r) => r.state === "candidate")
                .map((r) => (
                  <li key={r.project}>
                    {projectLink(r.project, r.name)} · {zoneName(r.cluster)} · {t.recoveryLine(r.land, r.land_supplied_on, r.last_progress_on, r.due_on)}
                  </li>
                ))}
            </ul>
          )}
          <h3>{t.zonesWithoutStarts(f.half_year.half)}</h3>
          <p className="muted">
            <small>
              {pick(sourceLine(projectRuleSource(f.half_year.source)))}
              {f.half_year.complete ? "" : ` · ${t.halfYearRunning}`}
            </small>
          </p>
          {f.half_year.without_starts.length === 0 ? (
            <p className="muted">{t.none}</p>
          ) : (
            <p>{t.zoneCount(f.half_year.without_starts.length, f.half_year.without_starts.map(zoneName).join("、"))}</p>
          )}
        </section>
      ) : null}
    </section>
  )
}
