import { useI18n } from "../../i18n/I18n.js"
import type { CouplingResult } from "./useCoupling.js"

/** Every zone's coupling as the server computed it (U1, U2, C, D, level, lagging subsystem), highest D first. */
export function CouplingTable({ result }: { readonly result: CouplingResult }) {
  const { t, pick, lang } = useI18n()
  return (
    <details className="card">
      <summary>
        {t.couplingTable} ({result.rows.length})
      </summary>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.colName}</th>
              {["U1", "U2", "C", "D"].map((h) => (
                <th scope="col" className="num" key={h}>
                  {h}
                </th>
              ))}
              <th scope="col">{t.level}</th>
              <th scope="col">{t.lagging}</th>
            </tr>
          </thead>
          <tbody>
            {[...result.rows]
              .sort((x, y) => y.D - x.D)
              .map((r) => {
                const c = result.clusters.get(r.id)
                return (
                  <tr key={r.id}>
                    <th scope="row">{c ? (lang === "en" && c.name_en ? c.name_en : c.name) : r.id}</th>
                    <td className="num">{r.u[0]?.toFixed(3)}</td>
                    <td className="num">{r.u[1]?.toFixed(3)}</td>
                    <td className="num">{r.C.toFixed(3)}</td>
                    <td className="num">{r.D.toFixed(3)}</td>
                    <td>{pick(r.level)}</td>
                    <td>{r.lagging}</td>
                  </tr>
                )
              })}
          </tbody>
        </table>
      </div>
    </details>
  )
}
