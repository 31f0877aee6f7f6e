import { useI18n } from "../../i18n/I18n.js"
import { showNumber, showP } from "./numbers.js"
import type { TestResult } from "./readDocument.js"

/** The tests a model reports (LM diagnostics, LR, Hausman, effects), each with its statistic, df and p. */
export function TestsTable({ rows }: { readonly rows: ReadonlyArray<TestResult> }) {
  const { t } = useI18n()
  if (rows.length === 0) return null
  return (
    <div className="table-scroll">
      <table className="tests">
        <caption>{t.testsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.test}</th>
            <th scope="col" className="num">
              {t.statistic}
            </th>
            <th scope="col" className="num">
              df
            </th>
            <th scope="col" className="num">
              p
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} data-test={r.name}>
              <th scope="row">{t.testName[r.name] ?? r.name}</th>
              <td className="num">{showNumber(r.statistic)}</td>
              <td className="num">{r.df ?? "—"}</td>
              <td className="num">{showP(r.p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
