import type { ObservationWire } from "../api/wire.js"
import { useI18n } from "../i18n/I18n.js"
import { formOrder } from "./formScheme.js"
import { formatValue } from "./numberFormat.js"
import type { FormIndicator } from "./schemeIndicators.js"

/** The values the API stored for the period, read back after a submission, in form order. */
export function StoredValues({
  rows,
  items,
  headingId,
}: {
  readonly rows: ReadonlyArray<ObservationWire>
  readonly items: ReadonlyArray<FormIndicator>
  readonly headingId: string
}) {
  const { t, lang, pick } = useI18n()
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t.storedTitle}</h2>
      <table className="stored">
        <thead>
          <tr>
            <th scope="col">{t.indicator}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.unit}</th>
            <th scope="col">{t.submittedBy}</th>
          </tr>
        </thead>
        <tbody>
          {[...rows]
            .sort((x, y) => formOrder(items, x.indicator) - formOrder(items, y.indicator))
            .map((r) => {
              const it = items.find((i) => i.code === r.indicator)
              return (
                <tr key={r.indicator} data-code={r.indicator}>
                  <th scope="row">{it ? pick(it.def) : r.indicator}</th>
                  <td className="num">{formatValue(r.value)}</td>
                  <td>{it ? (lang === "zh" ? it.def.unit : it.def.unitEn) : ""}</td>
                  <td>{r.submitter ?? ""}</td>
                </tr>
              )
            })}
        </tbody>
      </table>
    </section>
  )
}
