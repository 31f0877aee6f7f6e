import { useI18n } from "../../i18n/I18n.js"
import { NotJudged } from "./JudgedText.js"
import type { Judgements } from "./useJudgements.js"

/** The development stage and reach the server classified, with the proxy that decided, and the certification. */
export function StageCard({ judgements }: { readonly judgements: Judgements }) {
  const { t, pick } = useI18n()
  const { stage, certification } = judgements
  return (
    <section aria-labelledby="stage-title" className="card">
      <h2 id="stage-title">{t.stage}</h2>
      {"value" in stage ? (
        <>
          <p>
            <strong>{pick(stage.value.stage_name)}</strong>
            {stage.value.reach_name ? ` · ${pick(stage.value.reach_name)}` : ""}
            {stage.value.provisional ? <small className="muted"> ({t.provisional})</small> : null}
          </p>
          <p>{pick(stage.value.text)}</p>
          {stage.value.stage_decided_by ? (
            <p className="muted">
              <small>
                {t.decidedBy}: {pick(stage.value.stage_decided_by)}
              </small>
            </p>
          ) : null}
        </>
      ) : (
        <NotJudged judged={stage} />
      )}
      <h3>{t.certification}</h3>
      {certification === null ? (
        <p>{t.notService}</p>
      ) : "value" in certification ? (
        <>
          <p data-status={certification.value.status}>{pick(certification.value.text)}</p>
          {certification.value.failed.length > 0 ? (
            <ul>
              {certification.value.failed.map((f) => (
                <li key={f.id}>{pick(f.requirement)}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <NotJudged judged={certification} />
      )}
    </section>
  )
}
