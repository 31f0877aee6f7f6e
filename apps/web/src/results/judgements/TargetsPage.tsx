import { useState } from "react"
import type { Answer } from "../../api/wire.js"
import { useSession } from "../../auth/Session.js"
import { useI18n } from "../../i18n/I18n.js"
import { PeriodPicker } from "../../ui/PeriodPicker.js"
import { NotJudged } from "./JudgedText.js"
import { DemoNote, SourceLine } from "./SourceLines.js"
import { useJudged } from "./useJudged.js"

type TargetSetId = NonNullable<Parameters<ReturnType<typeof useSession>["api"]["targets"]>[0]["query"]>["set"] & string
type TargetWire = Answer<"targets">["targets"][number]

const sets: ReadonlyArray<TargetSetId> = ["hengshui", "dalian", "shaanxi", "county_services"]

const mark = (t: TargetWire) => (t.attained === null ? "?" : t.attained ? "✓" : "✗")

/**
 * A built-in target set tracked by the server in a period: per target its wording, due year, attainment and status,
 * with its 依据 line.
 * @example <TargetsPage period="2025" />
 */
export default function TargetsPage({ period: initial }: { readonly period?: string }) {
  const { t, pick } = useI18n()
  const { api } = useSession()
  const [period, setPeriod] = useState(initial ?? String(new Date().getFullYear() - 1))
  const [set, setSet] = useState<TargetSetId>("hengshui")
  const judged = useJudged(() => api.targets({ query: { set, period } }).then((r) => r.data), [api, set, period])
  return (
    <>
      <h1>{t.navTargets}</h1>
      <div className="field inline">
        <label>
          {t.targetSet}{" "}
          <select value={set} onChange={(e) => setSet(e.target.value as TargetSetId)}>
            {sets.map((s) => (
              <option key={s} value={s}>
                {t.targetSetNames[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PeriodPicker value={period} onChange={setPeriod} />
      {judged === null ? (
        <p aria-busy="true">{t.loading}</p>
      ) : !("value" in judged) ? (
        <NotJudged judged={judged} />
      ) : (
        <section className="card" aria-label={pick(judged.value.name)}>
          <h2>{pick(judged.value.name)}</h2>
          <p>{t.targetsSummary(judged.value.period, judged.value.target_year, judged.value.zones)}</p>
          <DemoNote demo={judged.value.demo} />
          <ul className="targets">
            {judged.value.targets.map((x) => (
              <li key={x.id} data-status={x.status}>
                <span aria-hidden="true">{mark(x)}</span> <strong>{pick(x.description)}</strong> · {t.dueYear(x.due_year)} · {t.targetStatus[x.status]}
                {x.attainment === null ? "" : ` · ${Math.round(x.attainment * 100)}%`}
                {x.missing.length > 0 ? <small className="muted"> · {t.zonesWithoutData(x.missing.length)}</small> : null}
                <br />
                <SourceLine source={x.source} />
              </li>
            ))}
          </ul>
          {judged.value.assumptions.map((a) => (
            <p key={a.zh} className="muted">
              <small>{pick(a)}</small>
            </p>
          ))}
        </section>
      )}
    </>
  )
}
