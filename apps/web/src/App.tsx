import { useEffect, useState } from "react"

interface ClusterRow {
  readonly id: string
  readonly name: string
  readonly kind: string
  readonly group: string
  readonly region: string
  readonly isDemo?: boolean
}

/** The register of cluster zones, read from the API. */
export function App({ fetcher = fetch }: { readonly fetcher?: typeof fetch }) {
  const [clusters, setClusters] = useState<ReadonlyArray<ClusterRow> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    fetcher("/v1/clusters?limit=500")
      .then(async (r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`)
        const body = (await r.json()) as { items?: ClusterRow[]; clusters?: ClusterRow[] }
        setClusters(body.items ?? body.clusters ?? [])
      })
      .catch((e: unknown) => setError(String(e)))
  }, [fetcher])
  return (
    <main>
      <h1>集聚 Jiju</h1>
      <p>产业集聚区评估 · Cluster-zone assessment</p>
      {error && <p role="alert">加载失败 Failed to load: {error}</p>}
      {clusters === null && !error && <p>加载中… Loading…</p>}
      {clusters && (
        <table>
          <caption>
            集聚区 {clusters.length} 个{clusters.some((c) => c.isDemo) ? "（演示数据 demo data）" : ""}
          </caption>
          <thead>
            <tr>
              <th>名称 Name</th>
              <th>类型 Kind</th>
              <th>分组 Group</th>
              <th>区划 Region</th>
            </tr>
          </thead>
          <tbody>
            {clusters.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.kind}</td>
                <td>{c.group}</td>
                <td>{c.region}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}
