import { useI18n } from "../../i18n/I18n.js"
import { showNumber } from "./numbers.js"
import type { Impact } from "./readDocument.js"

const withSe = (x: number, se: number | undefined) => (se === undefined ? showNumber(x) : `${showNumber(x)} (${showNumber(se)})`)

/** Direct, indirect (spillover) and total effects of each regressor, with standard errors in brackets when given. */
export function ImpactsTable({ rows }: { readonly rows: ReadonlyArray<Impact> }) {
  const { t } = useI18n()
  if (rows.length === 0) return null
  return (
    <div className="table-scroll">
      <table className="impacts">
        <caption>{t.impactsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.term}</th>
            <th scope="col" className="num">
              {t.direct}
            </th>
            <th scope="col" className="num">
              {t.indirect}
            </th>
            <th scope="col" className="num">
              {t.total}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} data-term={r.name}>
              <th scope="row">{r.name}</th>
              <td className="num">{withSe(r.direct, r.se?.direct)}</td>
              <td className="num">{withSe(r.indirect, r.se?.indirect)}</td>
              <td className="num">{withSe(r.total, r.se?.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
