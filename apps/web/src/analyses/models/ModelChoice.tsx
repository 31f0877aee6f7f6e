import type { DurbinReductions } from "@jiju/domain/econometrics"
import type { OpenDocument } from "../../api/analysisDocuments.js"
import { useI18n } from "../../i18n/I18n.js"
import type { RegressModel } from "./modelChoices.js"
import { showNumber, showP } from "./numbers.js"
import { recommendation, tests } from "./readDocument.js"

const LM_TESTS = ["lm_lag", "lm_error", "robust_lm_lag", "robust_lm_error"] as const

/**
 * The way to a model, read from what the server answered: the LM tests of the OLS residuals and the model they
 * point to (seed 002 篇3 §3.1.3 chooses SLM or SEM by these tests; the order of the robust tests is Anselin's 2005 rule, outside
 * the documents), then the spatial Durbin model's reductions (Elhorst 2010, outside the documents). The page
 * decides nothing itself: the buttons fit the model the server named.
 */
export function ModelChoice({
  doc,
  model,
  busy,
  onFit,
}: {
  readonly doc: OpenDocument
  /** The model of this document. */
  readonly model: RegressModel
  readonly busy: boolean
  readonly onFit: (model: RegressModel) => void
}) {
  const { t, pick } = useI18n()
  const advice = recommendation(doc)
  const reductions = (doc.reductions as DurbinReductions | undefined) ?? null
  if (!advice && !reductions) return null
  // In the order the decision rule reads them.
  const reported = tests(doc)
  const lm = LM_TESTS.flatMap((name) => reported.filter((x) => x.name === name))
  const next = (to: RegressModel) =>
    to === model ? null : (
      <button type="button" data-fit={to} disabled={busy} onClick={() => onFit(to)}>
        {t.fitThisModel(t.regressModel[to].name)}
      </button>
    )
  return (
    <section className="card model-choice" aria-labelledby="model-choice-title">
      <h3 id="model-choice-title">{t.choiceTitle}</h3>
      <ol className="choice-steps">
        {advice ? (
          <li data-step="lm">
            <h4>{t.choiceLmStep}</h4>
            <p className="muted">{t.choiceLmSource}</p>
            {lm.length > 0 ? (
              <div className="table-scroll">
                <table className="lm-tests">
                  <thead>
                    <tr>
                      <th scope="col">{t.test}</th>
                      <th scope="col" className="num">
                        {t.statistic}
                      </th>
                      <th scope="col" className="num">
                        p
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {lm.map((x) => (
                      <tr key={x.name} data-test={x.name}>
                        <th scope="row">{t.testName[x.name] ?? x.name}</th>
                        <td className="num">{showNumber(x.statistic)}</td>
                        <td className="num">{showP(x.p)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <p className="verdict" data-model={advice.model}>
              <strong>{t.choiceSuggested(t.regressModel[advice.model].name)}</strong> {pick(advice.reason)}
            </p>
            <p className="actions">{next(advice.model)}</p>
          </li>
        ) : null}
        <li data-step="durbin">
          <h4>{t.choiceDurbinStep}</h4>
          {reductions ? (
            <p className="verdict" data-model={reductions.verdict.model}>
              <strong>{t.choiceSuggested(t.regressModel[reductions.verdict.model].name)}</strong> {pick(reductions.verdict)}
            </p>
          ) : (
            <p className="muted">{t.choiceDurbinWhy}</p>
          )}
          <p className="actions">{reductions ? next(reductions.verdict.model) : next("durbin")}</p>
        </li>
      </ol>
    </section>
  )
}
