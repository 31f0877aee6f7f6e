import {
  documentKindNames,
  documentStateNames,
  fortune500Names,
  leadingListNames,
  projectStatusNames,
  projectTraitNames,
  projectTypeNames,
  reportStateNames,
} from "@jiju/domain/projects"
import { useId, useRef } from "react"
import { isNotFound, messageOf } from "../api/problems.js"
import { useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"
import { useLoad } from "../ui/useLoad.js"
import { WeeklyReportForm } from "./WeeklyReportForm.js"

/**
 * One project as the server keeps it: its facts and contract terms, the admission check of its sub-area (each
 * breach with its rule's source), its file (档案: every approval and where it stands), its status history, and its
 * weekly reports beside the reporting calendar the server worked out; the committee's weekly report form below.
 */
export default function ProjectPage({ projectId }: { readonly projectId: string }) {
  const { t, pick, lang } = useI18n()
  const { api, me } = useSession()
  const id = useId()
  const project = useLoad(() => api.getProject({ params: { id: projectId } }).then((r) => r.data), [api, projectId])
  const zone = useLoad(
    () => (project.data ? api.getCluster({ params: { id: project.data.cluster } }).then((r) => r.data) : Promise.resolve(null)),
    [api, project.data?.cluster],
  )
  const loaded = useLoad(() => api.projectReports({ params: { id: projectId } }).then((r) => r.data), [api, projectId])
  // While the history is read again after a filing, the last one stays on screen (and the form keeps its message).
  const last = useRef(loaded.data)
  if (loaded.data) last.current = loaded.data
  const reports = { ...loaded, data: loaded.data ?? (loaded.error ? null : last.current) }
  if (project.error) return <p role="alert">{isNotFound(project.error) ? t.projectNotFound(projectId) : t.loadFailed(messageOf(project.error))}</p>
  const p = project.data
  if (!p) return <p aria-busy="true">{t.loading}</p>
  const name = lang === "en" && p.name_en ? p.name_en : p.name
  // The form is offered to whom the server lets write (admins, the zone's own committee); the server still decides.
  const mayReport = !!me && (me.role === "admin" || (me.role === "submitter" && me.cluster_ids.includes(p.cluster)))
  const dash = "—"
  const s = p.investor_standing
  return (
    <article aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>
        {name} <small className="muted">{p.id}</small>
      </h1>
      {p.is_demo ? <p className="notice warn">{t.demoData}</p> : null}
      <dl className="facts">
        <dt>{t.projectZone}</dt>
        <dd>
          <a href={`#/cluster/${encodeURIComponent(p.cluster)}`}>
            {zone.data ? (lang === "en" && zone.data.name_en ? zone.data.name_en : zone.data.name) : p.cluster}
          </a>
          {p.area ? ` · ${t.projectArea} ${p.area}` : ""}
        </dd>
        <dt>{t.projectStatus}</dt>
        <dd>{pick(projectStatusNames[p.status])}</dd>
        <dt>{t.projectType}</dt>
        <dd>
          {pick(projectTypeNames[p.type])}
          {p.traits.length > 0 ? ` · ${p.traits.map((x) => pick(projectTraitNames[x])).join("、")}` : ""} · {p.industry}
        </dd>
        <dt>{t.projectInvestor}</dt>
        <dd>
          {p.investor}
          {s.leading.length > 0 ? ` · ${s.leading.map((l) => pick(leadingListNames[l])).join("、")}（${s.leading_year}）` : ""}
          {s.fortune500 ? ` · ${pick(fortune500Names[s.fortune500.list])} ${s.fortune500.year}` : ""}
        </dd>
        <dt>{t.totalInvestmentWan}</dt>
        <dd>{p.total_investment.toLocaleString(t.locale)}</dd>
        <dt>{t.fixedInvestmentWan}</dt>
        <dd>{p.fixed_investment.toLocaleString(t.locale)}</dd>
        <dt>{t.landMu}</dt>
        <dd>{p.land.toLocaleString(t.locale)}</dd>
        <dt>{t.floorAreaM2}</dt>
        <dd>
          {p.floor_area.toLocaleString(t.locale)}
          {p.storeys !== null ? ` · ${t.storeys(p.storeys)}` : ""}
        </dd>
        <dt>{t.contractTerms}</dt>
        <dd>
          {t.contractIntensity}: {p.contract.investment_intensity ?? dash} · {t.contractFar}: {p.contract.floor_area_ratio ?? dash} · {t.startBy}:{" "}
          {p.contract.start_by ?? dash} · {t.completeBy}: {p.contract.complete_by ?? dash}
        </dd>
        {p.special_reason ? (
          <>
            <dt>{t.specialReason}</dt>
            <dd>{p.special_reason}</dd>
          </>
        ) : null}
      </dl>

      <section className="card" aria-labelledby={`${id}-admission`}>
        <h2 id={`${id}-admission`}>{t.admissionTitle}</h2>
        {p.admission.area === null ? (
          <p className="muted">{t.admissionNoArea}</p>
        ) : p.admission.breaches.length === 0 ? (
          <p>{t.admissionMet(p.admission.area)}</p>
        ) : (
          <>
            <p className={p.admission.admitted ? "notice warn" : "notice error"}>{p.admission.admitted ? t.admissionAdvisory : t.admissionRefused}</p>
            <ul>
              {p.admission.breaches.map((b) => (
                <li key={`${b.rule}-${b.code}`}>{lang === "zh" ? b.zh : b.en}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby={`${id}-file`}>
        <h2 id={`${id}-file`}>{t.projectFileTitle}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.approval}</th>
                <th scope="col">{t.approvalState}</th>
                <th scope="col">{t.approvalReference}</th>
                <th scope="col">{t.approvalAuthority}</th>
                <th scope="col">{t.approvalOn}</th>
              </tr>
            </thead>
            <tbody>
              {p.documents.map((d) => (
                <tr key={d.kind}>
                  <th scope="row">{pick(documentKindNames[d.kind])}</th>
                  <td className={`doc-${d.state}`}>{pick(documentStateNames[d.state])}</td>
                  <td>{d.reference ?? dash}</td>
                  <td>{d.authority ?? dash}</td>
                  <td>{d.on ?? dash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby={`${id}-history`}>
        <h2 id={`${id}-history`}>{t.statusHistory}</h2>
        <ol>
          {p.history.map((h) => (
            <li key={`${h.status}-${h.on}-${h.recorded_at}`}>
              {h.on} {pick(projectStatusNames[h.status])}
              {h.note ? ` · ${h.note}` : ""} <small className="muted">({h.recorded_by})</small>
            </li>
          ))}
        </ol>
      </section>

      <section className="card" aria-labelledby={`${id}-reports`}>
        <h2 id={`${id}-reports`}>{t.weeklyHistory}</h2>
        {reports.error ? <p role="alert">{t.loadFailed(messageOf(reports.error))}</p> : null}
        {!reports.data && !reports.error ? <p aria-busy="true">{t.loading}</p> : null}
        {reports.data ? (
          <>
            <p>
              {t.scheduleSummary(
                reports.data.schedule.length,
                reports.data.schedule.filter((x) => x.state === "late").length,
                reports.data.schedule.filter((x) => x.state === "missing").length,
              )}
            </p>
            {reports.data.items.length === 0 ? (
              <p className="muted">{t.noReports}</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <caption className="sr-only">{t.weeklyHistory}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.week}</th>
                      <th scope="col" className="num">
                        {t.investmentThisWeek}
                      </th>
                      <th scope="col" className="num">
                        {t.investmentToDate}
                      </th>
                      <th scope="col" className="num">
                        {t.progressPercent}
                      </th>
                      <th scope="col">{t.progressText}</th>
                      <th scope="col">{t.problems}</th>
                      <th scope="col">{t.reportState}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {reports.data.items.map((r) => (
                      <tr key={r.week}>
                        <th scope="row">{r.week}</th>
                        <td className="num">{r.investment_this_week.toLocaleString(t.locale)}</td>
                        <td className="num">{r.investment_to_date.toLocaleString(t.locale)}</td>
                        <td className="num">{r.progress_percent}</td>
                        <td>{r.progress}</td>
                        <td>{r.problems.map((q) => `${q.department}：${q.description}`).join("；") || dash}</td>
                        <td>
                          {pick(reportStateNames[r.late ? "late" : "on_time"])}
                          {r.revision > 1 ? ` · ${t.revision(r.revision)}` : ""} <small className="muted">({r.submitted_by})</small>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {reports.data.schedule.some((x) => x.state === "missing") ? (
              <p className="warn">
                {t.missingWeeks}:{" "}
                {reports.data.schedule
                  .filter((x) => x.state === "missing")
                  .map((x) => x.week)
                  .join("、")}
              </p>
            ) : null}
          </>
        ) : null}
      </section>

      {mayReport && reports.data ? (
        <WeeklyReportForm
          projectId={p.id}
          schedule={reports.data.schedule}
          filed={reports.data.items}
          onFiled={() => {
            reports.reload()
          }}
        />
      ) : null}
    </article>
  )
}
