import { useI18n } from "../../i18n/I18n.js"
import { NotJudged } from "./JudgedText.js"
import type { Judgements } from "./useJudgements.js"

/** The problems the server's diagnosis found, strongest first, with evidence and the documents' measures. */
export function DiagnosisCard({ diagnosis }: { readonly diagnosis: Judgements["diagnosis"] }) {
  const { t, pick } = useI18n()
  return (
    <section aria-labelledby="diagnosis-title" className="card">
      <h2 id="diagnosis-title">{t.diagnosis}</h2>
      {!("value" in diagnosis) ? (
        <NotJudged judged={diagnosis} />
      ) : diagnosis.value.problems.length > 0 ? (
        <ul>
          {diagnosis.value.problems.slice(0, 5).map((p) => (
            <li key={p.id}>
              <strong>{pick(p.name)}</strong> — {p.evidence.map((e) => pick(e.text)).join("；")}
              <br />
              <small>
                {t.measures}: {p.measures.map(pick).join("；")}
              </small>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noProblems}</p>
      )}
    </section>
  )
}
