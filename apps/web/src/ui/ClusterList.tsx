import { listAllClusters } from "../api/lists.js"
import { messageOf } from "../api/problems.js"
import { useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"
import { useLoad } from "./useLoad.js"

/** The register of cluster zones, read from the API. */
export function ClusterList() {
  const { t, lang } = useI18n()
  const { api } = useSession()
  const { data: clusters, error } = useLoad(() => listAllClusters(api), [api])
  if (error) return <p role="alert">{t.loadFailed(messageOf(error))}</p>
  if (clusters === null) return <p aria-busy="true">{t.loading}</p>
  return (
    <div className="table-scroll">
      <table>
        <caption>
          {t.registerCaption(
            clusters.length,
            clusters.some((c) => c.is_demo),
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colKind}</th>
            <th scope="col">{t.colGroup}</th>
            <th scope="col">{t.colRegion}</th>
          </tr>
        </thead>
        <tbody>
          {clusters.map((c) => (
            <tr key={c.id}>
              <td>{lang === "en" && c.name_en ? c.name_en : c.name}</td>
              <td>{c.kind}</td>
              <td>{c.group}</td>
              <td>{c.region}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
