import { useEffect, useState } from "react"
import { messageOf } from "../api/client.js"
import type { ClusterRow, Page } from "../api/types.js"
import { useSession } from "../auth/Session.js"
import { useI18n } from "../i18n/I18n.js"

/** The register of cluster zones, read from the API. */
export function ClusterList() {
  const { t, lang } = useI18n()
  const { api } = useSession()
  const [clusters, setClusters] = useState<ReadonlyArray<ClusterRow> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    api
      .get<Page<ClusterRow> & { clusters?: ClusterRow[] }>("/v1/clusters?limit=500")
      .then((body) => live && setClusters(body.items ?? body.clusters ?? []))
      .catch((e: unknown) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [api])
  if (error) return <p role="alert">{t.loadFailed(error)}</p>
  if (clusters === null) return <p aria-busy="true">{t.loading}</p>
  return (
    <div className="table-scroll">
      <table>
        <caption>
          {t.registerCaption(
            clusters.length,
            clusters.some((c) => c.isDemo),
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
              <td>{lang === "en" && c.nameEn ? c.nameEn : c.name}</td>
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
