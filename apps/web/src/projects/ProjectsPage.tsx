import { type ProjectStatus, type ProjectType, projectStatusNames, projectTypeNames } from "@jiju/domain/projects"
import { lazy, Suspense, useId, useState } from "react"
import { messageOf } from "../api/problems.js"
import { useSession } from "../auth/Session.js"
import { useWritableClusters } from "../form/useWritableClusters.js"
import { useI18n } from "../i18n/I18n.js"
import { useLoad } from "../ui/useLoad.js"
import { listAllProjects } from "./projectLists.js"
import { ZoneFilter, zoneNameIn } from "./ZoneFilter.js"

// The pins carry ECharts and the Henan boundaries: loaded when the list has something to place.
const ProjectPins = lazy(() => import("./ProjectPins.js"))

const STATUSES = Object.keys(projectStatusNames) as ProjectStatus[]
const TYPES = Object.keys(projectTypeNames) as ProjectType[]

/**
 * The project register (项目库) as the server lists it, filtered by zone, status, type or stalled, with a pin for
 * each project placed on the map.
 */
export default function ProjectsPage({ initialCluster }: { readonly initialCluster?: string }) {
  const { t, pick, lang } = useI18n()
  const { api, me } = useSession()
  const id = useId()
  const [cluster, setCluster] = useState(initialCluster ?? "")
  const [status, setStatus] = useState<ProjectStatus | "">("")
  const [type, setType] = useState<ProjectType | "">("")
  const [stalled, setStalled] = useState(false)
  // Zones to choose from: a committee's own, every zone for viewers and admins (the server decides what it lists).
  const zones = useWritableClusters()
  const effectiveStatus = stalled ? "stalled" : status
  const { data, error } = useLoad(
    () =>
      listAllProjects(api, {
        ...(cluster ? { cluster } : {}),
        ...(effectiveStatus ? { status: effectiveStatus } : {}),
        ...(type ? { type } : {}),
      }),
    [api, cluster, effectiveStatus, type],
  )
  const zoneName = zoneNameIn(zones.data, lang)
  const placed = (data ?? []).filter((p) => p.location !== null)
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t.projectsTitle}</h1>
      <form className="filters" aria-label={t.projectFilters} onSubmit={(e) => e.preventDefault()}>
        <ZoneFilter zones={zones.data} value={cluster} onChange={setCluster} emptyLabel={me?.role === "submitter" ? t.ownZones : t.allZones} />
        <div className="field inline">
          <label htmlFor={`${id}-status`}>{t.projectStatus}</label>
          <select id={`${id}-status`} value={status} disabled={stalled} onChange={(e) => setStatus(e.target.value as ProjectStatus | "")}>
            <option value="">{t.anyStatus}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {pick(projectStatusNames[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor={`${id}-type`}>{t.projectType}</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as ProjectType | "")}>
            <option value="">{t.anyType}</option>
            {TYPES.map((s) => (
              <option key={s} value={s}>
                {pick(projectTypeNames[s])}
              </option>
            ))}
          </select>
        </div>
        <label className="inline">
          <input type="checkbox" checked={stalled} onChange={(e) => setStalled(e.target.checked)} /> {t.stalledOnly}
        </label>
      </form>
      {error ? <p role="alert">{t.loadFailed(messageOf(error))}</p> : null}
      {!data && !error ? <p aria-busy="true">{t.loading}</p> : null}
      {data ? (
        <>
          <div className="table-scroll">
            <table>
              <caption>
                {t.projectsCaption(
                  data.length,
                  data.some((p) => p.is_demo),
                )}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.projectName}</th>
                  <th scope="col">{t.projectZone}</th>
                  <th scope="col">{t.projectType}</th>
                  <th scope="col">{t.projectInvestor}</th>
                  <th scope="col" className="num">
                    {t.fixedInvestmentWan}
                  </th>
                  <th scope="col">{t.projectStatus}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <a href={`#/project/${encodeURIComponent(p.id)}`}>{lang === "en" && p.name_en ? p.name_en : p.name}</a>
                    </td>
                    <td>{zoneName(p.cluster)}</td>
                    <td>{pick(projectTypeNames[p.type])}</td>
                    <td>{p.investor}</td>
                    <td className="num">{p.fixed_investment.toLocaleString(t.locale)}</td>
                    <td>{pick(projectStatusNames[p.status])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {placed.length > 0 ? (
            <Suspense fallback={<p aria-busy="true">{t.chartsLoading}</p>}>
              <ProjectPins projects={placed} />
            </Suspense>
          ) : (
            <p className="muted">{t.noPins}</p>
          )}
        </>
      ) : null}
    </section>
  )
}
