import { useI18n } from "../../i18n/I18n.js"
import { showNumber, showP } from "./numbers.js"
import type { Estimate } from "./readDocument.js"

/** The estimated coefficients (and ρ, λ) with standard errors, z or t, and p-values. */
export function EstimatesTable({ rows, caption }: { readonly rows: ReadonlyArray<Estimate>; readonly caption: string }) {
  const { t } = useI18n()
  return (
    <div className="table-scroll">
      <table className="estimates">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.term}</th>
            <th scope="col" className="num">
              {t.estimate}
            </th>
            <th scope="col" className="num">
              {t.stdError}
            </th>
            <th scope="col" className="num">
              z / t
            </th>
            <th scope="col" className="num">
              p
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} data-term={r.name}>
              <th scope="row">{r.name === "rho" ? "ρ (rho)" : r.name === "lambda" ? "λ (lambda)" : r.name}</th>
              <td className="num">{showNumber(r.estimate)}</td>
              <td className="num">{showNumber(r.se)}</td>
              <td className="num">{showNumber(r.stat)}</td>
              <td className="num">{showP(r.p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
