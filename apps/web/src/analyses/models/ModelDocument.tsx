import type { DurbinReductions as Reductions } from "@jiju/domain/econometrics"
import type { OpenDocument } from "../../api/analysisDocuments.js"
import { useI18n } from "../../i18n/I18n.js"
import { DurbinReductions } from "./DurbinReductions.js"
import { EstimatesTable } from "./EstimatesTable.js"
import { ImpactsTable } from "./ImpactsTable.js"
import { showNumber } from "./numbers.js"
import { estimates, facts, impacts, notes, tests } from "./readDocument.js"
import { TestsTable } from "./TestsTable.js"

/**
 * A regression or panel document as the server answered it: the estimates, the facts of the fit, the tests, the
 * impacts, the Durbin reductions (model durbin) and the notes.
 */
export function ModelDocument({ doc }: { readonly doc: OpenDocument }) {
  const { t, pick } = useI18n()
  const shownFacts = facts(doc).filter(([k]) => k !== "formula")
  return (
    <div className="model-document">
      <p>
        <code>{String(doc.formula ?? "")}</code>
      </p>
      <EstimatesTable rows={estimates(doc)} caption={t.estimatesCaption(String(doc.model ?? ""))} />
      <dl className="facts">
        {shownFacts.map(([k, v]) => (
          <div key={k}>
            <dt>{t.factName[k] ?? k}</dt>
            <dd>{typeof v === "number" ? showNumber(v) : String(v)}</dd>
          </div>
        ))}
      </dl>
      <TestsTable rows={tests(doc)} />
      <ImpactsTable rows={impacts(doc)} />
      {doc.reductions ? <DurbinReductions reductions={doc.reductions as Reductions} /> : null}
      {notes(doc).length > 0 ? (
        <ul className="notes">
          {notes(doc).map((n) => (
            <li key={n.en}>{pick(n)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
