import { supervisionMeasureNames } from "@jiju/domain/assessment"
import { type FormEvent, useState } from "react"
import type { Answer } from "../../api/wire.js"
import { useSession } from "../../auth/Session.js"
import { useI18n } from "../../i18n/I18n.js"
import { PeriodPicker } from "../../ui/PeriodPicker.js"
import { NotJudged } from "./JudgedText.js"
import { DemoNote, SettingLines } from "./SourceLines.js"
import { useJudged } from "./useJudged.js"

type LandQuotaWire = Answer<"landQuota">
type PromotionWire = Answer<"promotion">

const lastYear = () => String(new Date().getFullYear() - 1)
const numberOrUndefined = (s: string) => (s.trim() === "" ? undefined : s.trim())
const fmt = (x: number | null, digits = 2) => (x === null ? "—" : String(Number(x.toFixed(digits))))

/** A list of the land quota: place, zone, 投入产出强度 and the 亩 moved (as the server placed them). */
function QuotaList({
  title,
  entries,
  unit,
  fromLast,
}: {
  readonly title: string
  readonly entries: LandQuotaWire["first"]
  readonly unit: string
  readonly fromLast: boolean
}) {
  const { t } = useI18n()
  return (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t.place}</th>
          <th scope="col">{t.zone}</th>
          <th scope="col">{t.intensity(unit)}</th>
          <th scope="col">{t.quotaChange}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{fromLast ? e.position_from_last : e.position}</td>
            <th scope="row">{e.name}</th>
            <td>
              {fmt(e.value)}
              {e.origin === "derived" ? <small className="muted"> ({t.derived})</small> : null}
            </td>
            <td>{e.mu === null ? "—" : `${fromLast ? "−" : "+"}${fmt(e.mu)} ${t.mu}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function LandQuota({ period }: { readonly period: string }) {
  const { t, pick } = useI18n()
  const { api } = useSession()
  const [count, setCount] = useState("")
  const [cut, setCut] = useState("")
  const [unit, setUnit] = useState<"mu" | "share">("mu")
  const [asked, setAsked] = useState<{ count?: string; cut?: string; unit?: "mu" | "share" }>({})
  const judged = useJudged(
    () =>
      api
        .landQuota({ query: { period, ...(asked.count ? { count: asked.count } : {}), ...(asked.cut ? { cut: asked.cut, unit: asked.unit } : {}) } })
        .then((r) => r.data),
    [api, period, asked],
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const c = numberOrUndefined(count)
    const k = numberOrUndefined(cut)
    setAsked({ ...(c ? { count: c } : {}), ...(k ? { cut: k, unit } : {}) })
  }
  return (
    <section aria-labelledby="land-quota-title" className="card">
      <h2 id="land-quota-title">{t.landQuotaTitle}</h2>
      <form onSubmit={submit} className="inline">
        <label>
          {t.listCount} <input value={count} onChange={(e) => setCount(e.target.value)} inputMode="numeric" size={4} placeholder="20" />
        </label>{" "}
        <label>
          {t.cutAmount} <input value={cut} onChange={(e) => setCut(e.target.value)} inputMode="decimal" size={6} />
        </label>{" "}
        <label>
          {t.cutUnit}{" "}
          <select value={unit} onChange={(e) => setUnit(e.target.value as "mu" | "share")}>
            <option value="mu">{t.cutUnitMu}</option>
            <option value="share">{t.cutUnitShare}</option>
          </select>
        </label>{" "}
        <button type="submit">{t.apply}</button>
      </form>
      {judged === null ? (
        <p aria-busy="true">{t.loading}</p>
      ) : !("value" in judged) ? (
        <NotJudged judged={judged} />
      ) : (
        <LandQuotaLists doc={judged.value} pick={pick} />
      )}
    </section>
  )
}

function LandQuotaLists({ doc, pick }: { readonly doc: LandQuotaWire; readonly pick: (b: { zh: string; en: string }) => string }) {
  const { t } = useI18n()
  return (
    <>
      <p>{t.landQuotaSummary(doc.period, doc.quota_year, doc.placed, doc.places)}</p>
      <DemoNote demo={doc.demo} />
      <QuotaList title={t.firstList(doc.places)} entries={doc.first} unit={doc.unit} fromLast={false} />
      <QuotaList title={t.lastList(doc.places)} entries={doc.last} unit={doc.unit} fromLast={true} />
      {doc.notes.length > 0 ? (
        <ul className="notes" aria-label={t.notesTitle}>
          {doc.notes.map((n) => (
            <li key={n.zh}>{pick(n)}</li>
          ))}
        </ul>
      ) : null}
      {doc.missing.length > 0 ? (
        <>
          <h3>{t.notPlaced}</h3>
          <ul>
            {doc.missing.map((m) => (
              <li key={m.id}>
                {m.name}: {t.lacks(m.lacks.join("、"))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t.settingsTitle}</h3>
      <SettingLines settings={doc.settings} />
    </>
  )
}

const verdictClass: Record<PromotionWire["zones"][number]["verdict"], string> = {
  promoted: "ok",
  kept: "",
  demotion_warning: "warn",
  incomplete: "muted",
}

function Promotion() {
  const { t, pick } = useI18n()
  const { api } = useSession()
  const [form, setForm] = useState({ base: "", target: "", revenue: "", employment: "", tax: "" })
  const [asked, setAsked] = useState(form)
  const judged = useJudged(() => {
    const q = {
      base_year: numberOrUndefined(asked.base),
      target_year: numberOrUndefined(asked.target),
      threshold_revenue: numberOrUndefined(asked.revenue),
      threshold_employment: numberOrUndefined(asked.employment),
      threshold_tax_total: numberOrUndefined(asked.tax),
    }
    return api.promotion({ query: q }).then((r) => r.data)
  }, [api, asked])
  const field = (k: keyof typeof form, label: string) => (
    <label>
      {label} <input value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} size={8} inputMode="decimal" />
    </label>
  )
  return (
    <section aria-labelledby="promotion-title" className="card">
      <h2 id="promotion-title">{t.promotionTitle}</h2>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault()
          setAsked(form)
        }}
      >
        {field("base", t.baseYear)} {field("target", t.targetYear)} {field("revenue", t.thresholdOf(t.revenue))}{" "}
        {field("employment", t.thresholdOf(t.employment))} {field("tax", t.thresholdOf(t.tax))} <button type="submit">{t.apply}</button>
      </form>
      {judged === null ? (
        <p aria-busy="true">{t.loading}</p>
      ) : !("value" in judged) ? (
        <NotJudged judged={judged} />
      ) : (
        <>
          <p>
            {t.promotionSummary(
              judged.value.base_year,
              judged.value.target_year,
              judged.value.counts.promoted,
              judged.value.counts.kept,
              judged.value.counts.demotion_warning,
              judged.value.counts.incomplete,
            )}
          </p>
          <DemoNote demo={judged.value.demo} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t.zone}</th>
                <th scope="col">{t.promotionVerdict}</th>
                {judged.value.indicators.map((i) => (
                  <th scope="col" key={i.code}>
                    {t.ratioOf(pick(i.name))}
                  </th>
                ))}
                <th scope="col">{t.reason}</th>
              </tr>
            </thead>
            <tbody>
              {judged.value.zones.map((z) => (
                <tr key={z.id} data-verdict={z.verdict}>
                  <th scope="row">{z.name}</th>
                  <td className={verdictClass[z.verdict]}>
                    <strong>{pick(z.verdict_name)}</strong>
                    {z.missing.length > 0 ? (
                      <>
                        <br />
                        <small>{t.missingValues(z.missing.map((m) => `${m.indicator} ${m.year}`).join("、"))}</small>
                      </>
                    ) : null}
                  </td>
                  {judged.value.indicators.map((i) => {
                    const c = z.checks.find((x) => x.indicator === i.code)
                    return <td key={i.code}>{c?.ratio == null ? "—" : `${fmt(c.ratio, 3)}×`}</td>
                  })}
                  <td>{pick(z.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t.settingsTitle}</h3>
          <SettingLines settings={judged.value.settings} />
        </>
      )}
    </section>
  )
}

function Candidates({ period }: { readonly period: string }) {
  const { t, pick } = useI18n()
  const { api } = useSession()
  const [count, setCount] = useState("")
  const [asked, setAsked] = useState<string | undefined>(undefined)
  const judged = useJudged(() => api.supervisionCandidates({ query: { period, ...(asked ? { count: asked } : {}) } }).then((r) => r.data), [api, period, asked])
  return (
    <section aria-labelledby="candidates-title" className="card">
      <h2 id="candidates-title">{t.candidatesTitle}</h2>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault()
          setAsked(numberOrUndefined(count))
        }}
      >
        <label>
          {t.listCount} <input value={count} onChange={(e) => setCount(e.target.value)} inputMode="numeric" size={4} placeholder="10" />
        </label>{" "}
        <button type="submit">{t.apply}</button>
      </form>
      {judged === null ? (
        <p aria-busy="true">{t.loading}</p>
      ) : !("value" in judged) ? (
        <NotJudged judged={judged} />
      ) : (
        <>
          <p className="muted">{pick(judged.value.note)}</p>
          <DemoNote demo={judged.value.demo} />
          {judged.value.lists.map((l) => (
            <div key={l.measure}>
              <h3>{pick(l.name)}</h3>
              {l.candidates.length > 0 ? (
                <ol>
                  {l.candidates.map((c) => (
                    <li key={c.cluster_id} value={c.position}>
                      {c.name} — {t.growth(fmt(c.growth * 100, 1))} ({fmt(c.previous)} → {fmt(c.value)})
                    </li>
                  ))}
                </ol>
              ) : null}
              <p>
                <small>{pick(l.note)}</small>
              </p>
            </div>
          ))}
          {judged.value.missing.length > 0 ? <p>{t.notOnLists(judged.value.missing.map((m) => m.name).join("、"))}</p> : null}
          <h3>{t.settingsTitle}</h3>
          <SettingLines settings={judged.value.settings} />
        </>
      )}
    </section>
  )
}

function Decisions() {
  const { t, pick } = useI18n()
  const { api } = useSession()
  const judged = useJudged(() => api.supervisionDecisions({}).then((r) => r.data), [api])
  return (
    <section aria-labelledby="decisions-title" className="card">
      <h2 id="decisions-title">{t.decisionsTitle}</h2>
      {judged === null ? (
        <p aria-busy="true">{t.loading}</p>
      ) : !("value" in judged) ? (
        <NotJudged judged={judged} />
      ) : judged.value.items.length === 0 ? (
        <p>{t.noDecisions}</p>
      ) : (
        <ul>
          {judged.value.items.map((d) => (
            <li key={d.id}>
              <strong>{pick(supervisionMeasureNames[d.measure])}</strong> · {d.cluster} · {d.period} — {pick(d.reason)}
              <br />
              <small className="muted">
                {t.decidedByAt(d.decided_by, d.decided_at.slice(0, 10))}
                {d.reports.length > 0 ? ` · ${t.monthlyReports(d.reports.length)}` : ""}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * 篇8's judgements as the server computed them: the land quota lists, the promotion verdicts, the supervision
 * candidate lists and the commission's recorded decisions (read only), each setting with its 依据 line.
 * @example <Paper8Page period="2025" />
 */
export default function Paper8Page({ period: initial }: { readonly period?: string }) {
  const { t } = useI18n()
  const { me } = useSession()
  const [period, setPeriod] = useState(initial ?? lastYear())
  const admins = me?.role === "admin" || me?.role === "viewer"
  return (
    <>
      <h1>{t.navPaper8}</h1>
      <PeriodPicker value={period} onChange={setPeriod} />
      {admins ? <LandQuota period={period} /> : null}
      <Promotion />
      {admins ? <Candidates period={period} /> : null}
      <Decisions />
    </>
  )
}
